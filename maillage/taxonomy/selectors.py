from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace

from django.db.models import Q
from django.utils.translation import get_language

from maillage.taxonomy.language import language_tools
from maillage.taxonomy.models import EscoSkill, NocExampleTitle, NocGroup
from matchcore.language.skill_ranking import RankedSkill
from matchcore.language.terms import input_problem
from matchcore.language.titles import MAX_TITLE_CHARS

MAX_SUGGESTION_TEXT = 8000  # characters of a description read for skills
OCCUPATION_SKILLS = 25  # heaviest skills of each occupation considered
# No score cut for suggestions: the trained layer's probabilities are low for skills found by
# meaning alone (its distant labels are all written as is; French CV text scores about 0.01), so
# suggestions are the `top` best by rank, and a person ticks them. Recalibrating is left to do.
TEXT_SKILL_MIN_SCORE = 0.0
# A skill a person types is linked to the closest ESCO skill when its similarity is at least this
# (typed Québec skills, docs/language.md "Linking typed skills"); below, it stays as written.
SKILL_LINK_MIN_SCORE = 0.65
MAX_SKILL_LABEL = 200


def noc_unit_group_search(query: str, *, limit: int = 20) -> list[NocGroup]:
    """Unit groups whose code, official title or one of the example titles contains the query.

    This is the plain lookup behind the picker; the ranked normaliser (titles in the person's own
    words, typos, English ↔ French) is matchcore.language's.
    """
    query = query.strip()
    groups = NocGroup.objects.unit_groups()
    if not query:
        return list(groups.order_by("code")[:limit])
    if query.isdigit():
        return list(groups.filter(code__startswith=query).order_by("code")[:limit])
    by_title = list(
        groups.filter(Q(title_fr__icontains=query) | Q(title_en__icontains=query)).order_by("code")[
            :limit
        ]
    )
    if len(by_title) < limit:
        codes = (
            NocExampleTitle.objects.filter(title__icontains=query)
            .exclude(noc_id__in=[g.code for g in by_title])
            .values_list("noc_id", flat=True)
            .distinct()[: limit - len(by_title)]
        )
        by_title += list(groups.filter(code__in=list(codes)).order_by("code"))
    return by_title


@dataclass(frozen=True)
class NocSuggestion:
    code: str
    title: str  # in the current language
    percent: int  # how well the title matches, 0–100
    matched: str  # the NOC or ESCO label that matched


@dataclass(frozen=True)
class SkillSuggestion:
    uri: str
    label: str  # in the current language (English when ESCO has no French label)
    percent: int
    found_in: str  # the words of the text it was found in ("" when it comes from the occupation)
    is_essential: bool  # essential for the occupation (False when found in the text)
    implied: bool = False  # the text as a whole suggests it, without naming it


def noc_suggestions(title: str, *, limit: int = 5, min_score: float = 0.45) -> list[NocSuggestion]:
    """NOC unit groups for a job title typed by a person, best first (none for unreadable input)."""
    if input_problem(title, max_chars=MAX_TITLE_CHARS):
        return []
    matches = [m for m in language_tools().titles.match(title, top=limit) if m.score >= min_score]
    groups = NocGroup.objects.in_bulk([m.code for m in matches])
    return [
        NocSuggestion(m.code, groups[m.code].title, round(100 * m.score), m.matched)
        for m in matches
        if m.code in groups
    ]


def ranked_text_skills(
    text: str, *, top: int = 20, min_score: float = TEXT_SKILL_MIN_SCORE
) -> list[RankedSkill]:
    """The ESCO skills a text (a posting's requirements, a profile, a CV) names or implies, best
    first, each once, those scoring at least `min_score` (none for unreadable input). The one
    place pages get skills from free text: the skill ranker of matchcore.language."""
    text = text[:MAX_SUGGESTION_TEXT]
    if not text.strip() or input_problem(text, max_chars=MAX_SUGGESTION_TEXT):
        return []
    return language_tools().ranker.rank(text, top=top, min_score=min_score)


def skill_link(label: str) -> str:
    """The URI of the ESCO skill a skill written by a person names (« soudage TIG », « lecture de
    plans »), or "" when none fits well enough. The person's words are kept beside it."""
    if input_problem(label, max_chars=MAX_SKILL_LABEL):
        return ""
    matches = language_tools().skills.normalize(label, top=1)
    return matches[0].uri if matches and matches[0].score >= SKILL_LINK_MIN_SCORE else ""


def skill_links(labels: Iterable[str]) -> dict[str, str]:
    """skill_link for several labels (each distinct label once): label → URI, linked ones only."""
    links = {label: skill_link(label) for label in dict.fromkeys(labels)}
    return {label: uri for label, uri in links.items() if uri}


def esco_skill_label(uri: str) -> str:
    """The preferred label of an ESCO skill in the current language (no database query)."""
    language = "en" if get_language() == "en" else "fr"
    return language_tools().skills.label(uri, language) if uri else ""


def skill_suggestions(
    *,
    text: str = "",
    noc_codes: Sequence[str] = (),
    exclude_uris: Collection[str] = (),
    limit: int = 20,
) -> list[SkillSuggestion]:
    """ESCO skills for a person to confirm: those the text mentions (best first), then the
    essential skills of the occupations, then their other frequent skills. Never saved here."""
    tools = language_tools()
    found: dict[str, SkillSuggestion] = {}
    # Half the places for the text's skills: the occupation's essential skills keep the rest.
    for skill in ranked_text_skills(text, top=max(1, limit // 2)):
        found.setdefault(
            skill.uri,
            SkillSuggestion(
                skill.uri,
                "",
                round(100 * skill.score),
                skill.text,
                False,
                implied=skill.start is None,
            ),
        )
    occupation_skills = [
        skill for code in noc_codes for skill in tools.graph.noc_skills(code)[:OCCUPATION_SKILLS]
    ]
    for skill in sorted(occupation_skills, key=lambda s: (not s.is_essential, -s.weight, s.uri)):
        found.setdefault(
            skill.uri,
            SkillSuggestion(skill.uri, "", round(100 * skill.weight), "", skill.is_essential),
        )
    chosen = [s for uri, s in found.items() if uri not in exclude_uris][:limit]
    skills = EscoSkill.objects.in_bulk([s.uri for s in chosen])
    return [replace(s, label=skills[s.uri].label) for s in chosen if s.uri in skills]
