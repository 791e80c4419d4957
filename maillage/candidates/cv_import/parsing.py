"""A CV's text → a draft of the profile: sections by heading, then work experiences (found by their
date ranges), education, certifications, languages, the summary and the text to look for skills
in. Only what the CV states is filled in: a field the CV does not give stays empty, a date given
as a year stays a year, an education level comes only from the diploma's own words.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django_countries import countries

from maillage.candidates.cv_import.language_levels import LanguageLine, language_lines
from maillage.taxonomy.scales import EducationLevel
from matchcore.language.folding import fold
from matchcore.language.sections import SectionKind, heading_kind
from matchcore.language.terms import Language, detect_language

MAX_EXPERIENCES = 15
MAX_EDUCATIONS = 10
MAX_CERTIFICATIONS = 15
MAX_SUMMARY_CHARS = 4000
MAX_DESCRIPTION_CHARS = 4000
MAX_TITLE_CHARS = 200

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
_YEAR_TEXT = r"(?:19|20)\d\d"
# On folded text: « janv. 2019 », « 03/2019 », « 2019-03 », « 2019 ».
_DATE = (
    rf"(?:(?:{_MONTH})\.?\s+(?:de\s+)?{_YEAR_TEXT}"
    rf"|(?<!\d)(?:0?[1-9]|1[0-2])\s*[/.-]\s*{_YEAR_TEXT}"
    rf"|{_YEAR_TEXT}\s*[/.-]\s*(?:0[1-9]|1[0-2])(?!\d)"
    rf"|{_YEAR_TEXT})(?!\d)"
)
_NOW = (
    r"(?:present|aujourd.?hui|a ce jour|ce jour|actuel(?:lement)?|en cours|maintenant"
    r"|current(?:ly)?|now|today|date)"
)
_RANGE = re.compile(
    rf"(?:(?:de|du|from)\s+)?(?P<start>{_DATE})\s*(?:-|–|—|a|au|to|until|jusqu.a|jusqu.au|>|→)\s*"
    rf"(?:(?:l.|le\s+)?)(?P<end>{_DATE}|{_NOW})"
    rf"|(?:depuis|since|des)\s+(?:(?:le|the)\s+)?(?P<since>{_DATE})",
)
_YEAR = re.compile(rf"(?<!\d){_YEAR_TEXT}(?!\d)")
_BULLET = re.compile(r"^\s*[-•·*▪●■◆♦►✓✔➢]\s*")
_STRONG_SEPARATORS = re.compile(r"\s+[—–|·@]\s+|\s+-\s+|\s*\|\s*|\s+(?:chez|at)\s+")
_EDGES = " -–—|,;:•·"
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")

# CV headings the shared section table does not have (it is common to CVs and postings).
CV_HEADINGS: dict[str, str] = {
    "certifications": "certifications",
    "certification": "certifications",
    "certifications et attestations": "certifications",
    "attestations et certifications": "certifications",
    "attestations": "certifications",
    "certificats": "certifications",
    "certificats et attestations": "certifications",
    "cartes et certifications": "certifications",
    "permis et certifications": "certifications",
    "licences et certifications": "certifications",
    "formations complementaires": "certifications",
    "certificates": "certifications",
    "certifications and licences": "certifications",
    "certifications and licenses": "certifications",
    "licences and certifications": "certifications",
    "licenses and certifications": "certifications",
    "licenses": "certifications",
    "licences": "certifications",
    "certifications and training": "certifications",
}

# Acronyms matched as written (capitals), words matched on folded text: « des » is an article,
# « DES » a diploma; « Carte ASP » a card, « ASP » a vocational diploma.
_LEVEL_ACRONYMS = [
    (re.compile(r"\b(?:PhD|Ph\.D\.?)"), EducationLevel.DOCTORATE),
    (re.compile(r"\b(?:MBA|DESS|MSc|M\.Sc\.?|M\.A\.)"), EducationLevel.MASTER),
    (re.compile(r"\b(?:BSc|B\.Sc\.?|B\.A\.|BAA|B\.Eng\.?)"), EducationLevel.BACHELOR),
    (re.compile(r"\b(?:DEC|AEC|BTS|DUT|HND)\b"), EducationLevel.COLLEGE),
    (re.compile(r"\b(?:DEP|ASP|CAP|BEP|ITI)\b(?! Construction)"), EducationLevel.VOCATIONAL),
    (re.compile(r"\bDES\b"), EducationLevel.SECONDARY),
]
_LEVEL_WORDS = [
    (re.compile(r"\b(?:doctorat|doctorate)\b"), EducationLevel.DOCTORATE),
    (
        re.compile(r"\b(?:master|masters|master's|maitrise|bac\s*\+\s*5|diplome d.ingenieur)\b"),
        EducationLevel.MASTER,
    ),
    (
        re.compile(
            r"\b(?:licence en|licence professionnelle|bachelor|bachelor's|bac\s*\+\s*[34])\b"
        ),
        EducationLevel.BACHELOR,
    ),
    (
        re.compile(
            r"\b(?:attestation d.etudes collegiales|diplome d.etudes collegiales|college diploma"
            r"|associate degree|brevet de technicien superieur|bac\s*\+\s*2)\b"
        ),
        EducationLevel.COLLEGE,
    ),
    (
        re.compile(
            r"\b(?:diplome d.etudes professionnelles|trade certificate|vocational diploma"
            r"|certificat d.aptitude professionnelle)\b"
        ),
        EducationLevel.VOCATIONAL,
    ),
    (
        re.compile(
            r"\b(?:diplome d.etudes secondaires|high school diploma|secondary school diploma)\b"
        ),
        EducationLevel.SECONDARY,
    ),
]
LEVEL_NAMES = {
    EducationLevel.SECONDARY: "secondary",
    EducationLevel.VOCATIONAL: "vocational",
    EducationLevel.COLLEGE: "college",
    EducationLevel.BACHELOR: "bachelor",
    EducationLevel.MASTER: "master",
    EducationLevel.DOCTORATE: "doctorate",
}
# A line of the education section that is a certification, card or licence, not a diploma.
_CERTIFICATION_WORDS = re.compile(
    r"\b(?:attestation(?! d.etudes collegiales)|certification|certifie|certified|(?<!trade )certificate(?! of)"
    r"|pdsb|rcr|cpr|bls|acls|premiers soins|first aid|secourisme|simdut|whmis|carte|card|permis"
    r"|driver.s licen[cs]e|driving licen[cs]e|licen[cs]e de conduire|classe \d|class \d|caces|cwb"
    r"|mapaq|hygiene et salubrite|comptia|qualification|cariste|adr)\b"
)
_PROVINCES = re.compile(
    r"^(?:quebec|qc|ontario|on|nouveau-brunswick|new brunswick|nb|nouvelle-ecosse|nova scotia|ns"
    r"|manitoba|mb|saskatchewan|sk|alberta|ab|colombie-britannique|british columbia|bc"
    r"|ile-du-prince-edouard|prince edward island|pe|pei|terre-neuve-et-labrador|nl"
    r"|newfoundland and labrador|canada)$"
)


@dataclass(frozen=True)
class ExperienceDraft:
    title: str
    employer: str
    city: str
    country: str  # ISO code when the CV names a country for the job, else ""
    start: date | None
    end: date | None  # None: ongoing, or not stated (see is_current)
    is_current: bool
    is_year_only: bool  # the CV gave years without months
    description: str
    source: str  # the lines of the CV this comes from

    @property
    def is_certain(self) -> bool:
        return bool(self.title and self.start and self.country and not self.is_year_only)


@dataclass(frozen=True)
class EducationDraft:
    field: str  # the diploma's title, as written
    level: int | None  # EducationLevel, only from the diploma's own words
    institution: str
    year: int | None
    country: str
    source: str

    @property
    def is_certain(self) -> bool:
        return bool(self.field and self.level is not None and self.country)


@dataclass(frozen=True)
class CertificationDraft:
    name: str
    year: int | None
    source: str


@dataclass(frozen=True)
class CvDraft:
    language: Language | None
    summary: str
    experiences: list[ExperienceDraft]
    educations: list[EducationDraft]
    certifications: list[CertificationDraft]
    languages: list[LanguageLine]
    skills_text: str  # where to look for skills: skills section, summary, experience descriptions
    sections: dict[str, str] = field(repr=False)


def cv_draft(text: str) -> CvDraft:
    sections = cv_sections(text)
    experiences = experience_drafts(sections.get("experience", ""))[:MAX_EXPERIENCES]
    educations, certifications = education_and_certifications(sections.get("education", ""))
    certifications += [
        certification
        for line in _entries(sections.get("certifications", ""))
        if (certification := certification_draft(line))
    ]
    summary = summary_text(sections)
    skills_text = "\n".join(
        [sections.get("skills", ""), summary] + [e.description for e in experiences]
    )
    return CvDraft(
        language=detect_language(text[:5000]),
        summary=summary,
        experiences=experiences,
        educations=educations[:MAX_EDUCATIONS],
        certifications=certifications[:MAX_CERTIFICATIONS],
        languages=language_lines(_entries(sections.get("languages", ""))),
        skills_text=skills_text.strip(),
        sections=sections,
    )


def cv_sections(text: str) -> dict[str, str]:
    """Section kind → its text (sections of one kind joined); text before any heading is
    "header"."""
    found: dict[str, list[str]] = {}
    kind = "header"
    lines = text.splitlines()
    skip = False
    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        heading = _cv_heading(line)
        # A heading wrapped in a narrow column: « EXPÉRIENCE » / « PROFESSIONNELLE ».
        wrapped = (
            i + 1 < len(lines)
            and line.strip().isupper()
            and lines[i + 1].strip().isupper()
            and _cv_heading(f"{line.strip()} {lines[i + 1].strip()}")
        )
        if wrapped:
            heading, skip = wrapped, True
        if heading:
            kind = heading
            continue
        found.setdefault(kind, []).append(line)
    return {kind: "\n".join(lines).strip() for kind, lines in found.items()}


def _cv_heading(line: str) -> str | None:
    stripped = _BULLET.sub("", line).strip()
    if not stripped or len(stripped) > 60:
        return None
    words = re.sub(r"[^a-z0-9]+", " ", fold(stripped)).strip()
    if words in CV_HEADINGS:
        return CV_HEADINGS[words]
    kind: SectionKind | None = heading_kind(stripped)
    if kind in {"requirements", "duties"}:
        return None  # a posting's headings, not a CV's (« Fonctions » inside a job)
    return kind


def summary_text(sections: dict[str, str]) -> str:
    """The summary section as one paragraph; without one, a long sentence of the header (the
    paragraph under the name that many CVs do not title)."""
    text = sections.get("summary", "")
    if not text:
        header = [line for line in sections.get("header", "").splitlines() if line.strip()]
        text = "\n".join(
            line for line in header if len(line) >= 80 and re.search(r"[.!]$", line.strip())
        )
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return re.sub(r"\s+", " ", " ".join(lines))[:MAX_SUMMARY_CHARS]


def _entries(text: str) -> list[str]:
    return [_BULLET.sub("", line).strip() for line in text.splitlines() if line.strip()]


# --- dates --------------------------------------------------------------------------------------


def date_range(line: str) -> tuple[date | None, date | None, bool, bool, tuple[int, int]] | None:
    """(start, end, is_current, is_year_only, span in the folded line) of the first date range
    in a line, or None."""
    folded = fold(line)
    match = _RANGE.search(folded)
    if not match:
        return None
    if match.group("since"):
        start, year_only = parse_date(match.group("since"))
        return start, None, True, year_only, match.span()
    start, start_year_only = parse_date(match.group("start"))
    end_text = match.group("end")
    if re.fullmatch(_NOW, end_text):
        return start, None, True, start_year_only, match.span()
    end, end_year_only = parse_date(end_text)
    if start and end and end < start:
        return None
    return start, end, False, start_year_only or end_year_only, match.span()


def parse_date(text: str) -> tuple[date, bool]:
    """The first day of the month stated (January when only the year is), and whether only the
    year was."""
    text = text.strip()
    year = int(_YEAR.search(text).group())
    word = re.match(r"[a-z]+", text)
    if word and word.group() in MONTHS:
        return date(year, MONTHS[word.group()], 1), False
    numbers = [n for n in re.findall(r"\d+", text) if len(n) <= 2]
    if numbers and 1 <= int(numbers[0]) <= 12:
        return date(year, int(numbers[0]), 1), False
    return date(year, 1, 1), True


def month_text(value: date | None, year_only: bool) -> str | None:
    """ "YYYY-MM", or "YYYY" when the CV gave only the year (a month is never made up)."""
    if value is None:
        return None
    return f"{value.year}" if year_only else f"{value.year}-{value.month:02d}"


# --- experiences --------------------------------------------------------------------------------


def experience_drafts(text: str) -> list[ExperienceDraft]:
    """One draft per line holding a date range; the job's title, employer and place are the
    words around it (the same line, up to two plain lines above, or a plain line below when the
    date stood beside the title); the lines below, until the next job, describe it."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    starts = [i for i, line in enumerate(lines) if date_range(line)]
    drafts = []
    taken_below: set[int] = set()
    for n, i in enumerate(starts):
        start, end, is_current, year_only, _span = date_range(lines[i])
        previous_end = starts[n - 1] + 1 if n else 0
        above = _header_above(lines, i, previous_end, taken_below)
        rest = _without_range(lines[i])
        next_start = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body_start = i + 1
        if len(above) + bool(rest) < 2 and i + 1 < next_start and _is_plain(lines[i + 1]):
            # « Title ……… 2019 – 2021 » then « Employer, City »: the place line is below.
            below = lines[i + 1]
            if _place_of(below)[1] or not above:
                above, body_start = [*above, below], i + 2
                taken_below.add(i + 1)
        next_header = (
            len(_header_above(lines, next_start, body_start, set()))
            if next_start < len(lines)
            else 0
        )
        body = lines[body_start : next_start - next_header]
        title, employer, city, country = _job_header([*above, rest] if rest else above)
        description = "\n".join(_BULLET.sub("", line).strip() for line in body)
        drafts.append(
            ExperienceDraft(
                title=title[:MAX_TITLE_CHARS],
                employer=employer[:MAX_TITLE_CHARS],
                city=city[:100],
                country=country,
                start=start,
                end=end,
                is_current=is_current,
                is_year_only=year_only,
                description=description[:MAX_DESCRIPTION_CHARS],
                source="\n".join([*above, lines[i], *body]),
            )
        )
    return drafts


def _is_plain(line: str) -> bool:
    """A short line that is no bullet and no sentence: part of a job's header."""
    return not _BULLET.match(line) and len(line) <= 120 and not line.rstrip().endswith(".")


def _header_above(lines: list[str], i: int, floor: int, taken: set[int]) -> list[str]:
    above: list[str] = []
    j = i - 1
    while j >= floor and len(above) < 2 and j not in taken and _is_plain(lines[j]):
        if date_range(lines[j]):
            break
        above.insert(0, lines[j])
        j -= 1
    return above


def _without_range(line: str) -> str:
    folded = fold(line)
    match = _RANGE.search(folded)
    if not match:
        return line.strip(_EDGES)
    if len(folded) == len(line):
        rest = line[: match.start()] + " " + line[match.end() :]
    else:  # fold() changed the length (œ → oe): cut the folded text instead
        rest = folded[: match.start()] + " " + folded[match.end() :]
    rest = _EMPTY_BRACKETS.sub(" ", rest)
    rest = re.sub(r"\s*[|·—–]\s*$|^\s*[|·—–]\s*", "", rest.strip())
    return re.sub(r"\s{2,}", " ", rest).strip(_EDGES)


def _job_header(parts: list[str]) -> tuple[str, str, str, str]:
    """(title, employer, city, country) from the header lines: segments cut at strong
    separators (— | · @ « chez » "at"); the segment naming a country or a Québec place is the
    place; the first other segment the title, the next the employer."""
    segments = [
        segment.strip(_EDGES)
        for part in parts
        for segment in _STRONG_SEPARATORS.split(part)
        if segment.strip(_EDGES)
    ]
    city = country = ""
    others = []
    for segment in segments:
        if not country:
            found_city, found_country, before = _place_of(segment)
            if found_country:
                city, country = found_city, found_country
                if before:
                    others.append(before)
                continue
        others.append(segment)
    title = others[0] if others else ""
    employer = others[1] if len(others) > 1 else ""
    if not employer and "," in title and len(parts) == 1:
        title, employer = (piece.strip(_EDGES) for piece in title.split(",", 1))
    return title, employer, city, country


def _place_of(segment: str) -> tuple[str, str, str]:
    """(city, country, words before the place) when the segment names a place: « Medellín
    (Colombie) », « Casablanca, Maroc », « Québec (Québec) », « Dubai, United Arab Emirates »,
    « St. Luke's Medical Center, Quezon City, Philippines »; else ("", "", "")."""
    bracket = re.fullmatch(r"(?P<city>[^()]+?)\s*\((?P<region>[^()]+)\)", segment.strip())
    if bracket:
        code = _country_code(bracket.group("region"))
        if code:
            pieces = [p.strip(_EDGES) for p in bracket.group("city").split(",") if p.strip(_EDGES)]
            if pieces and looks_like_organisation(pieces[-1]):
                return "", code, ", ".join(pieces)  # « Lagos General Hospital (Nigeria) »
            return (pieces[-1] if pieces else ""), code, ", ".join(pieces[:-1])
    pieces = [piece.strip(_EDGES) for piece in segment.split(",") if piece.strip(_EDGES)]
    for index in range(len(pieces) - 1, -1, -1):
        code = _country_code(pieces[index])
        if code:
            city = pieces[index - 1] if index >= 1 else ""
            before = ", ".join(pieces[: max(index - 1, 0)])
            if city and looks_like_organisation(city):
                city, before = "", ", ".join(pieces[:index])
            if code == "CA" and fold(pieces[index]) in {"quebec", "qc"} and index == 0:
                city = ""
            return city, code, before
    return "", "", ""


_ORGANISATION_WORDS = re.compile(
    r"\b(?:universite|university|college|cegep|ecole|school|institut|institute|lycee|centre"
    r"|center|polytechnic|polytechnique|academie|academy|faculte|faculty|hopital|hospital|clinique"
    r"|clinic|inc|ltd|ltee|sarl|sa|gmbh|llc|group|groupe|company|compagnie|societe|ministere"
    r"|ministry|cfp|iset|cabinet|hotel|restaurant|bank|banque|usine|plant)\b"
)


def looks_like_organisation(words: str) -> bool:
    """A school or an employer rather than a city: an organisation word, an acronym in capitals
    (SENA, OFPPT) or more than three words."""
    return bool(
        _ORGANISATION_WORDS.search(fold(words))
        or re.search(r"\b[A-Z]{3,}\b", words)
        or len(words.split()) > 3
    )


_COUNTRY_NAMES: dict[str, str] = {}


def _country_code(words: str) -> str:
    """The ISO code of a country (French or English name), or "CA" for a Canadian province."""
    folded = re.sub(r"[^a-z ]+", " ", fold(words)).strip()
    folded = re.sub(r"\s+", " ", folded)
    if not folded:
        return ""
    if _PROVINCES.match(folded):
        return "CA"
    return _country_names().get(folded, "")


def _country_names() -> dict[str, str]:
    if not _COUNTRY_NAMES:
        from django.utils import translation

        for language in ("fr", "en"):
            with translation.override(language):
                for code, name in countries:
                    _COUNTRY_NAMES[re.sub(r"[^a-z ]+", " ", fold(str(name))).strip()] = code
        _COUNTRY_NAMES.update(
            {"usa": "US", "etats unis": "US", "uk": "GB", "angleterre": "GB", "rdc": "CD"}
        )
        _COUNTRY_NAMES.update({"republique democratique du congo": "CD", "emirats": "AE"})
    return _COUNTRY_NAMES


def _country(text: str) -> str:
    """The ISO code of a country named anywhere in the text, or ""."""
    folded = f" {re.sub(r'[^a-z ]+', ' ', fold(text))} "
    for name, code in sorted(_country_names().items(), key=lambda item: -len(item[0])):
        if len(name) >= 4 and f" {name} " in folded:
            return code
    return ""


# --- education and certifications ---------------------------------------------------------------


def education_and_certifications(
    text: str,
) -> tuple[list[EducationDraft], list[CertificationDraft]]:
    """Each line of the education section naming a diploma or a year is a diploma, unless it is
    a certification (an attestation, a card, a licence, a safety course): those are set apart."""
    educations, certifications = [], []
    for line in _entries(text):
        if _CERTIFICATION_WORDS.search(fold(line)):
            if certification := certification_draft(line):
                certifications.append(certification)
        elif education := education_draft(line):
            educations.append(education)
    return educations, certifications


def education_draft(line: str) -> EducationDraft | None:
    years = [int(y) for y in _YEAR.findall(line)]
    level = education_level(line)
    if level is None and not years:
        return None
    without_years = _YEAR.sub(" ", line)
    without_years = _EMPTY_BRACKETS.sub(" ", without_years)
    segments = [
        s.strip(_EDGES) for s in re.split(r"\s+[—–|]\s+|\s+-\s+", without_years) if s.strip(_EDGES)
    ]
    if not segments:
        return None
    field_text, institution, country = segments[0], "", ""
    if len(segments) == 1 and "," in field_text:
        # « DEP en soudage-montage, CFP de Rimouski, Québec »
        field_text, rest = (piece.strip(_EDGES) for piece in field_text.split(",", 1))
        segments = [field_text, rest]
    for segment in segments[1:]:
        city, found, before = _place_of(segment)
        if found and not country:
            # « Université de Douala, Cameroun »: the words before the country are the school;
            # « SENA, Medellín (Colombie) »: the school, then the city.
            country = found
            institution = institution or before or (city if looks_like_organisation(city) else "")
        elif not institution:
            institution = segment
    if not country:
        country = _country(line)
    return EducationDraft(
        field=field_text[:MAX_TITLE_CHARS],
        level=level,
        institution=institution[:MAX_TITLE_CHARS],
        year=max(years) if years else None,
        country=country,
        source=line,
    )


def education_level(line: str) -> int | None:
    """The level named by the diploma's own words; None when they do not say (« baccalauréat »
    alone means a bachelor's in Québec and the end of secondary school in France; a foreign
    title is left to the candidate and the comparative evaluation)."""
    for pattern, level in _LEVEL_ACRONYMS:
        if pattern.search(line):
            return level
    folded = fold(line)
    for pattern, level in _LEVEL_WORDS:
        if pattern.search(folded):
            return level
    return None


def certification_draft(line: str) -> CertificationDraft | None:
    line = line.strip()
    if sum(c.isalpha() for c in line) < 3:
        return None
    years = [int(y) for y in _YEAR.findall(line)]
    name = line
    trailing = re.search(rf"[\s,;–—-]*\(?\s*{_YEAR_TEXT}\s*\)?\s*$", name)
    if trailing and trailing.start() > 0:
        name = name[: trailing.start()]
    leading = re.match(rf"^\s*{_YEAR_TEXT}\s*[:–—-]?\s*", name)
    if leading and leading.end() < len(name):
        name = name[leading.end() :]
    name = name.strip(" ,;–—-")
    if not any(c.isalpha() for c in name):
        return None
    return CertificationDraft(
        name=name[:MAX_TITLE_CHARS], year=max(years) if years else None, source=line
    )
