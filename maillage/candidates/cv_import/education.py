"""Diplomas and certifications in a CV's education section (and its certifications section):
a diploma's level only from its own words, a certification (a card, a licence, a safety course)
set apart from the diplomas."""

import re

from maillage.candidates.cv_import.dates import YEAR, YEAR_TEXT
from maillage.candidates.cv_import.drafts import MAX_TITLE_CHARS, CertificationDraft, EducationDraft
from maillage.candidates.cv_import.lines import EDGES, EMPTY_BRACKETS, entries
from maillage.candidates.cv_import.places import country_in, looks_like_organisation, place_of
from maillage.taxonomy.scales import EducationLevel
from matchcore.language.folding import fold

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


def education_and_certifications(
    text: str,
) -> tuple[list[EducationDraft], list[CertificationDraft]]:
    """Each line of the education section naming a diploma or a year is a diploma, unless it is
    a certification (an attestation, a card, a licence, a safety course): those are set apart."""
    educations, certifications = [], []
    for line in entries(text):
        if _CERTIFICATION_WORDS.search(fold(line)):
            if certification := certification_draft(line):
                certifications.append(certification)
        elif education := education_draft(line):
            educations.append(education)
    return educations, certifications


def education_draft(line: str) -> EducationDraft | None:
    years = [int(y) for y in YEAR.findall(line)]
    level = education_level(line)
    if level is None and not years:
        return None
    without_years = YEAR.sub(" ", line)
    without_years = EMPTY_BRACKETS.sub(" ", without_years)
    segments = [
        s.strip(EDGES) for s in re.split(r"\s+[—–|]\s+|\s+-\s+", without_years) if s.strip(EDGES)
    ]
    if not segments:
        return None
    field_text, institution, country = segments[0], "", ""
    if len(segments) == 1 and "," in field_text:
        # « DEP en soudage-montage, CFP de Rimouski, Québec »
        field_text, rest = (piece.strip(EDGES) for piece in field_text.split(",", 1))
        segments = [field_text, rest]
    for segment in segments[1:]:
        city, found, before = place_of(segment)
        if found and not country:
            # « Université de Douala, Cameroun »: the words before the country are the school;
            # « SENA, Medellín (Colombie) »: the school, then the city.
            country = found
            institution = institution or before or (city if looks_like_organisation(city) else "")
        elif not institution:
            institution = segment
    if not country:
        country = country_in(line)
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
    years = [int(y) for y in YEAR.findall(line)]
    name = line
    trailing = re.search(rf"[\s,;–—-]*\(?\s*{YEAR_TEXT}\s*\)?\s*$", name)
    if trailing and trailing.start() > 0:
        name = name[: trailing.start()]
    leading = re.match(rf"^\s*{YEAR_TEXT}\s*[:–—-]?\s*", name)
    if leading and leading.end() < len(name):
        name = name[leading.end() :]
    name = name.strip(" ,;–—-")
    if not any(c.isalpha() for c in name):
        return None
    return CertificationDraft(
        name=name[:MAX_TITLE_CHARS], year=max(years) if years else None, source=line
    )
