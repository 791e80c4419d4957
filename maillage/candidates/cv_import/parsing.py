"""A CV's text → a draft of the profile: sections (matchcore.language.sections), then work
experiences (found by their date ranges), education (diploma words and years), language lines,
the summary and the text to look for skills in. Only what the CV states is filled in."""

import re
from dataclasses import dataclass, field
from datetime import date

from django_countries import countries

from maillage.taxonomy.scales import EducationLevel
from matchcore.language.folding import fold
from matchcore.language.sections import Section, section_text, split_sections
from matchcore.language.terms import Language, detect_language

MAX_EXPERIENCES = 15
MAX_EDUCATIONS = 10
MAX_SUMMARY_CHARS = 4000
MAX_DESCRIPTION_CHARS = 4000

MONTHS = {
    **dict.fromkeys(["janvier", "janv", "jan", "january"], 1),
    **dict.fromkeys(["fevrier", "fevr", "fev", "feb", "february"], 2),
    **dict.fromkeys(["mars", "mar", "march"], 3),
    **dict.fromkeys(["avril", "avr", "apr", "april"], 4),
    **dict.fromkeys(["mai", "may"], 5),
    **dict.fromkeys(["juin", "jun", "june"], 6),
    **dict.fromkeys(["juillet", "juil", "jul", "july"], 7),
    **dict.fromkeys(["aout", "aug", "august"], 8),
    **dict.fromkeys(["septembre", "sept", "sep", "september"], 9),
    **dict.fromkeys(["octobre", "oct", "october"], 10),
    **dict.fromkeys(["novembre", "nov", "november"], 11),
    **dict.fromkeys(["decembre", "dec", "december"], 12),
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = rf"(?:(?:{_MONTH})\.?\s+(?:19|20)\d\d|\d{{1,2}}\s*[/.-]\s*(?:19|20)\d\d|(?:19|20)\d\d\s*[/.-]\s*\d{{1,2}}|(?:19|20)\d\d)"
_NOW = r"(?:present|aujourd'hui|aujourd hui|ce jour|actuel(?:lement)?|en cours|maintenant|current(?:ly)?|now|today)"
_RANGE = re.compile(
    rf"(?:(?:de|du|from)\s+)?(?P<start>{_DATE})\s*(?:-|–|—|a|au|to|until|jusqu'a|jusqu'au|>)\s*(?P<end>{_DATE}|{_NOW})"
    rf"|(?:depuis|since)\s+(?P<since>{_DATE})",
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_BULLET = re.compile(r"^\s*[-•·*▪●■◆♦►✓✔➢o]\s+")
_SEPARATORS = re.compile(r"\s+[-–—|@]\s+|\s*[|•]\s*|,\s+|\s+chez\s+|\s+at\s+", re.IGNORECASE)
_EDGES = " -–—|,;:•·"
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")

# Diploma words (folded) → level. Only explicit words: "baccalauréat" alone is left out (a Québec
# bachelor's degree, a French secondary diploma).
_LEVELS = [
    (re.compile(r"\b(?:doctorat|phd|ph\.d|doctorate)\b"), EducationLevel.DOCTORATE),
    (
        re.compile(
            r"\b(?:master|masters|maitrise|mba|dess|msc|m\.sc|bac\s*\+\s*5|diplome d'ingenieur)\b"
        ),
        EducationLevel.MASTER,
    ),
    (
        re.compile(r"\b(?:licence|bachelor|bachelors|bsc|b\.sc|bac\s*\+\s*[34])\b"),
        EducationLevel.BACHELOR,
    ),
    (
        re.compile(
            r"\b(?:dec|aec|bts|dut|bac\s*\+\s*2|college diploma|associate degree|technicien superieur)\b"
        ),
        EducationLevel.COLLEGE,
    ),
    (
        re.compile(r"\b(?:dep|asp|cap|bep|vocational|formation professionnelle)\b"),
        EducationLevel.VOCATIONAL,
    ),
    (
        re.compile(
            r"\b(?:des|diplome d'etudes secondaires|high school diploma|secondary school diploma)\b"
        ),
        EducationLevel.SECONDARY,
    ),
]


@dataclass(frozen=True)
class ExperienceDraft:
    title: str
    employer: str
    country: str  # ISO code when the CV names a country next to the job, else ""
    start: date | None
    end: date | None  # None: ongoing, or not stated (see is_current)
    is_current: bool
    is_year_only: bool  # the CV gave years without months: the candidate checks the dates
    description: str
    source: str  # the lines of the CV this comes from


@dataclass(frozen=True)
class EducationDraft:
    field: str
    level: int | None
    year: int | None
    country: str
    source: str


@dataclass(frozen=True)
class CvDraft:
    language: Language | None
    summary: str
    experiences: list[ExperienceDraft]
    educations: list[EducationDraft]
    languages: list[str]  # the lines of the languages section, as written
    skills_text: str  # where to look for skills: skills section, summary, experience descriptions
    sections: list[Section] = field(repr=False)


def cv_draft(text: str) -> CvDraft:
    sections = split_sections(text)
    experiences = experience_drafts(section_text(sections, "experience"))[:MAX_EXPERIENCES]
    educations = education_drafts(section_text(sections, "education"))[:MAX_EDUCATIONS]
    skills_text = "\n".join(
        [section_text(sections, "skills", "summary")] + [e.description for e in experiences]
    )
    return CvDraft(
        language=detect_language(text[:5000]),
        summary=section_text(sections, "summary")[:MAX_SUMMARY_CHARS],
        experiences=experiences,
        educations=educations,
        languages=[
            _BULLET.sub("", line).strip()
            for line in section_text(sections, "languages").splitlines()
            if line.strip()
        ],
        skills_text=skills_text.strip(),
        sections=sections,
    )


def date_range(line: str) -> tuple[date | None, date | None, bool, bool, tuple[int, int]] | None:
    """(start, end, is_current, is_year_only, span) of the first date range in a line, or None."""
    folded = fold(line)
    match = _RANGE.search(folded)
    if not match:
        return None
    if match.group("since"):
        start, year_only = _parse_date(match.group("since"))
        return start, None, True, year_only, match.span()
    start, start_year_only = _parse_date(match.group("start"))
    end_text = match.group("end")
    if re.fullmatch(_NOW, end_text):
        return start, None, True, start_year_only, match.span()
    end, end_year_only = _parse_date(end_text)
    if end_year_only and end:
        end = date(end.year, 12, 1)
    if start and end and end < start:
        return None
    return start, end, False, start_year_only or end_year_only, match.span()


def _parse_date(text: str) -> tuple[date | None, bool]:
    """The first day of the month stated (January when only the year is), and whether only the
    year was."""
    text = text.strip()
    year = int(_YEAR.search(text).group())
    word = re.match(r"[a-z]+", text)
    if word and word.group() in MONTHS:
        return date(year, MONTHS[word.group()], 1), False
    numbers = [int(n) for n in re.findall(r"\d+", text) if int(n) != year]
    if numbers and 1 <= numbers[0] <= 12:
        return date(year, numbers[0], 1), False
    return date(year, 1, 1), True


def experience_drafts(text: str) -> list[ExperienceDraft]:
    """One draft per date range found; the job's title and employer are the words around it (same
    line, or the short line just above); the lines below, until the next job, describe it."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if date_range(line)]
    drafts = []
    for n, i in enumerate(starts):
        start, end, is_current, year_only, (a, b) = date_range(lines[i])
        folded_line = fold(lines[i])
        header = (
            (lines[i][:a] + " " + lines[i][b:])
            if len(folded_line) == len(lines[i])
            else _strip_range(lines[i])
        )
        header = _EMPTY_BRACKETS.sub(" ", header).strip(_EDGES)
        above = lines[i - 1].strip() if i > 0 and (i - 1) not in starts else ""
        if above and (_BULLET.match(above) or len(above) > 90 or above.endswith(".")):
            above = ""
        following = lines[i + 1 : starts[n + 1] if n + 1 < len(starts) else len(lines)]
        if (
            n + 1 < len(starts)
            and following
            and _is_header_of_next(following[-1], lines, starts[n + 1])
        ):
            following = following[:-1]
        title, employer = _title_and_employer(above, header)
        description = "\n".join(
            _BULLET.sub("- ", line).strip() for line in following if line.strip()
        )
        drafts.append(
            ExperienceDraft(
                title=title[:200],
                employer=employer[:200],
                country=_country(" ".join([above, lines[i]])),
                start=start,
                end=end,
                is_current=is_current,
                is_year_only=year_only,
                description=description[:MAX_DESCRIPTION_CHARS],
                source="\n".join(filter(None, [above, lines[i], *following])).strip(),
            )
        )
    return drafts


def _strip_range(line: str) -> str:
    folded = fold(line)
    match = _RANGE.search(folded)
    # fold() may change the length (œ → oe): cut on the folded text's words instead.
    return folded[: match.start()] + " " + folded[match.end() :] if match else line


def _is_header_of_next(line: str, lines: list[str], next_start: int) -> bool:
    """The line just above the next job's date line is that job's title when short and plain."""
    stripped = line.strip()
    return (
        bool(stripped)
        and not _BULLET.match(stripped)
        and len(stripped) <= 90
        and not stripped.endswith(".")
    )


def _title_and_employer(above: str, header: str) -> tuple[str, str]:
    if above and header:
        return above.strip(_EDGES), header
    words = above or header
    parts = [
        part.strip(_EDGES) for part in _SEPARATORS.split(words, maxsplit=1) if part.strip(_EDGES)
    ]
    if not parts:
        return "", ""
    return parts[0], (parts[1] if len(parts) > 1 else "")


def education_drafts(text: str) -> list[EducationDraft]:
    """One draft per line (or bullet) that names a diploma or a year."""
    drafts = []
    for line in text.splitlines():
        line = _BULLET.sub("", line).strip()
        folded = fold(line)
        level = next((lvl for pattern, lvl in _LEVELS if pattern.search(folded)), None)
        years = [int(y) for y in _YEAR.findall(line)]
        if not line or (level is None and not years):
            continue
        field = _YEAR.sub("", line)
        field = re.sub(r"\s+", " ", re.sub(r"[()–—-]\s*[()–—-]|\(\s*\)", " ", field)).strip(_EDGES)
        if not field:
            continue
        drafts.append(
            EducationDraft(
                field=field[:200],
                level=level,
                year=max(years) if years else None,
                country=_country(line),
                source=line,
            )
        )
    return drafts


_COUNTRY_NAMES: dict[str, str] = {}


def _country(text: str) -> str:
    """The ISO code of a country named in the text (French or English name), or ""."""
    if not _COUNTRY_NAMES:
        from django.utils import translation

        for language in ("fr", "en"):
            with translation.override(language):
                for code, name in countries:
                    _COUNTRY_NAMES[fold(name)] = code
    folded = f" {re.sub(r'[^a-z ]+', ' ', fold(text))} "
    for name, code in sorted(_COUNTRY_NAMES.items(), key=lambda item: -len(item[0])):
        if len(name) >= 4 and f" {name} " in folded:
            return code
    return ""
