"""The ESCO skills a CV suggests, best first: the one place the CV import calls the skill
extractor (the language team's ranking plugs in here)."""

from maillage.taxonomy.language import language_tools
from maillage.taxonomy.selectors import MAX_SUGGESTION_TEXT
from matchcore.language.skills import SkillMention, unique_skills
from matchcore.language.terms import input_problem


def cv_skills(text: str, *, top: int = 20) -> list[SkillMention]:
    """The skills found in the CV's skills section, summary and job descriptions, each once
    (its best mention), ranked by score, best first."""
    text = text[:MAX_SUGGESTION_TEXT]
    if not text.strip() or input_problem(text, max_chars=MAX_SUGGESTION_TEXT):
        return []
    mentions = unique_skills(language_tools().skills.extract(text))
    return sorted(mentions, key=lambda mention: (-mention.score, mention.start))[:top]
