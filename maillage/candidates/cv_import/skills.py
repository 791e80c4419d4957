"""The ESCO skills a CV suggests, best first: the one place the CV import calls the skill ranker."""

from maillage.taxonomy.selectors import ranked_text_skills
from matchcore.language.skill_ranking import RankedSkill


def cv_skills(text: str, *, top: int = 20) -> list[RankedSkill]:
    """The skills the CV's skills section, summary and job descriptions name or imply, each once,
    best first (the skill ranker's score; a person ticks those to keep)."""
    return ranked_text_skills(text, top=top)
