from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace

from django.db.models import Q
from django.utils.translation import get_language

from maillage.taxonomy.language import language_tools
from maillage.taxonomy.models import (
    EscoSkill,
    NocExampleTitle,
    NocGroup,
    RegulatedOccupation,
)
from matchcore.language.skill_ranking import RankedSkill
from matchcore.language.terms import input_problem
from matchcore.language.titles import MAX_TITLE_CHARS

MAX_SUGGESTION_TEXT = 8000  # characters of a description read for skills
OCCUPATION_SKILLS = 25  # heaviest skills of each occupation considered
# No score cut for suggestions: scores are calibrated per language (docs/language.md), but a skill
# found by meaning alone still scores near 0 (the layer trusts labels written as is), so
# suggestions are the `top` best by rank, and a person ticks them.
TEXT_SKILL_MIN_SCORE = 0.0
# A skill a person types is linked to the closest ESCO skill when its similarity is at least this
# (chosen on the tune half of data/typed_skills, where 0.65 and 0.70 tie, and the demo's typed
# skills, where 0.65–0.70 links were mostly wrong and 0.70–0.75 mostly right: docs/language.md
# "Linking typed skills"); below, it stays as written. The skill ranker does worse on a bare
# typed phrase (measured there too).
SKILL_LINK_MIN_SCORE = 0.70
MAX_SKILL_LABEL = 200


PICKER_MIN_SCORE = 0.3  # below it, the normaliser's guesses are noise for a picker (measured)
PICKER_MIN_LETTERS = 3  # shorter queries are matched by spelling only


def noc_unit_group_search(query: str, *, limit: int = 20) -> list[NocGroup]:
    """Unit groups for what a person types in the occupation picker, best first: a code prefix
    lists the codes; words go through the title normaliser (accents, gender and plural forms,
    abbreviations, Québec and France words, typos, English), then the groups whose official or
    example titles contain the words as typed (a word being typed, a rare title)."""
    query = query.strip()
    groups = NocGroup.objects.unit_groups()
    if not query:
        return list(groups.order_by("code")[:limit])
    if query.isdigit():
        return list(groups.filter(code__startswith=query).order_by("code")[:limit])
    codes = _understood_codes(query, limit)
    if len(codes) < limit:
        codes += _spelled_codes(query, limit)
    by_code = groups.in_bulk(list(dict.fromkeys(codes)))
    return [by_code[code] for code in dict.fromkeys(codes) if code in by_code][:limit]


def _understood_codes(query: str, limit: int) -> list[str]:
    if input_problem(query, max_chars=MAX_TITLE_CHARS):
        return []
    if sum(ch.isalpha() for ch in query) < PICKER_MIN_LETTERS:
        return []
    matches = language_tools().titles.match(query, top=limit)
    return [m.code for m in matches if m.score >= PICKER_MIN_SCORE]


def _spelled_codes(query: str, limit: int) -> list[str]:
    """Codes of the groups whose official title, then one of whose example titles, contains the
    query (ordered by code)."""
    groups = NocGroup.objects.unit_groups()
    codes = list(
        groups.filter(Q(title_fr__icontains=query) | Q(title_en__icontains=query))
        .order_by("code")
        .values_list("code", flat=True)[:limit]
    )
    if len(codes) < limit:
        codes += (
            NocExampleTitle.objects.filter(title__icontains=query)
            .exclude(noc_id__in=codes)
            .order_by("noc_id")
            .values_list("noc_id", flat=True)
            .distinct()[: limit - len(codes)]
        )
    return codes


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
    plans », « tenue de livres »), or "" when none fits well enough. The person's words are kept
    beside it. The normaliser's best skill (made for short typed skills: word for word, Québec
    skill words, meaning and spelling), when it scores at least SKILL_LINK_MIN_SCORE."""
    if input_problem(label, max_chars=MAX_SKILL_LABEL):
        return ""
    matches = language_tools().skills.normalize(label, top=1)
    return matches[0].uri if matches and matches[0].score >= SKILL_LINK_MIN_SCORE else ""


def skill_links(labels: Iterable[str]) -> dict[str, str]:
    """skill_link for several labels (each distinct label once): label → URI, linked ones only."""
    links = {label: skill_link(label) for label in dict.fromkeys(labels)}
    return {label: uri for label, uri in links.items() if uri}


def _page_language() -> str:
    return "en" if get_language() == "en" else "fr"


def esco_skill_label(uri: str) -> str:
    """The preferred label of an ESCO skill in the current language, "" when ESCO has none in it
    (about 500 recent skills have no French label): never English on a French page. No database
    query."""
    return language_tools().skills.preferred.get(uri, {}).get(_page_language(), "") if uri else ""


def skill_display_label(label: str, uri: str) -> str:
    """How a person's skill reads on a page: her own words, unless they are an ESCO label she
    ticked among suggestions (in whichever language she was using then): those read in the page's
    language."""
    if not uri:
        return label
    labels = language_tools().skills.preferred.get(uri, {})
    if label.casefold() in {other.casefold() for other in labels.values()}:
        return labels.get(_page_language()) or label
    return label


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
    candidates = [uri for uri in found if uri not in exclude_uris]
    skills = EscoSkill.objects.in_bulk(candidates)
    # A skill ESCO names in English only is not offered on a French page: nobody ticks what
    # they cannot read (about 500 recent skills have no French label).
    readable = [
        found[uri]
        for uri in candidates
        if uri in skills and (skills[uri].label_fr or _page_language() == "en")
    ]
    return [replace(s, label=skills[s.uri].label) for s in readable[:limit]]


def regulations_for_nocs(codes: Iterable[str]) -> list[RegulatedOccupation]:
    """The permits, cards and licences Québec asks for these NOC unit groups."""
    return list(RegulatedOccupation.objects.filter(noc_id__in=set(codes)).select_related("noc"))


def permits_by_code(codes: Iterable[str] | None = None) -> dict[str, RegulatedOccupation]:
    """One row per permit code (a permit shared by several unit groups has one name and one
    regulator), for these codes or for every permit."""
    rows = RegulatedOccupation.objects.order_by("permit_code", "noc_id")
    if codes is not None:
        rows = rows.filter(permit_code__in=set(codes))
    found: dict[str, RegulatedOccupation] = {}
    for row in rows:
        found.setdefault(row.permit_code, row)
    return found


def permits_for_noc(code: str | None) -> list[RegulatedOccupation]:
    """The permits a posting of this NOC unit group may require (one row per permit)."""
    if not code:
        return []
    return list(RegulatedOccupation.objects.filter(noc_id=code).order_by("kind", "permit_fr"))
