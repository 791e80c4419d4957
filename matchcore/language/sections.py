"""Cutting a CV or a job posting into its sections by their headings, in French or English:
"Expérience professionnelle", "Formation", "Langues", "Compétences", "Profil recherché",
"Exigences", "Work experience", "Requirements"…

A heading is a short line (or the start of a line, before a colon) whose words, folded, are one
of the known headings; decorations (bullets, numbers, underscores, capitals, a trailing colon) do
not matter. Text before the first heading is kept as the "header" section.
"""

import re
from dataclasses import dataclass
from typing import Literal

from matchcore.language.folding import fold

SectionKind = Literal[
    "header",
    "summary",
    "experience",
    "education",
    "languages",
    "skills",
    "requirements",
    "duties",
    "other",
]

# Folded headings → kind. CVs and postings share one table: "Profil" opens a CV's summary,
# "Profil recherché" a posting's requirements.
HEADINGS: dict[str, SectionKind] = {
    # CV: summary
    "profil": "summary",
    "profil professionnel": "summary",
    "resume": "summary",
    "resume professionnel": "summary",
    "objectif": "summary",
    "objectif professionnel": "summary",
    "a propos": "summary",
    "a propos de moi": "summary",
    "summary": "summary",
    "professional summary": "summary",
    "profile": "summary",
    "objective": "summary",
    "about me": "summary",
    # CV: experience
    "experience": "experience",
    "experiences": "experience",
    "experience professionnelle": "experience",
    "experiences professionnelles": "experience",
    "experience de travail": "experience",
    "experiences de travail": "experience",
    "parcours professionnel": "experience",
    "historique d emploi": "experience",
    "emplois occupes": "experience",
    "work experience": "experience",
    "professional experience": "experience",
    "employment history": "experience",
    "employment": "experience",
    "work history": "experience",
    # CV: education
    "formation": "education",
    "formations": "education",
    "formation academique": "education",
    "formation scolaire": "education",
    "scolarite": "education",
    "etudes": "education",
    "diplomes": "education",
    "diplomes et formations": "education",
    "formation et diplomes": "education",
    "education": "education",
    "academic background": "education",
    "education and training": "education",
    # CV: languages
    "langues": "languages",
    "langue": "languages",
    "langues parlees": "languages",
    "competences linguistiques": "languages",
    "languages": "languages",
    "language skills": "languages",
    # CV: skills
    "competences": "skills",
    "competences cles": "skills",
    "competences techniques": "skills",
    "competences professionnelles": "skills",
    "competences informatiques": "skills",
    "aptitudes": "skills",
    "savoir faire": "skills",
    "informatique": "skills",
    "skills": "skills",
    "key skills": "skills",
    "technical skills": "skills",
    "core competencies": "skills",
    "computer skills": "skills",
    # Posting: requirements
    "profil recherche": "requirements",
    "exigences": "requirements",
    "exigences du poste": "requirements",
    "qualifications": "requirements",
    "qualifications requises": "requirements",
    "competences recherchees": "requirements",
    "requirements": "requirements",
    "qualifications required": "requirements",
    "what we are looking for": "requirements",
    # Posting: duties
    "taches": "duties",
    "principales taches": "duties",
    "taches principales": "duties",
    "responsabilites": "duties",
    "fonctions": "duties",
    "description du poste": "duties",
    "vos responsabilites": "duties",
    "duties": "duties",
    "responsibilities": "duties",
    "main duties": "duties",
    "job description": "duties",
    # Either: things that are not looked at
    "loisirs": "other",
    "centres d interet": "other",
    "interets": "other",
    "references": "other",
    "benevolat": "other",
    "hobbies": "other",
    "interests": "other",
    "volunteering": "other",
    "conditions": "other",
    "avantages": "other",
    "conditions de travail": "other",
    "avantages sociaux": "other",
    "benefits": "other",
}
_DECORATION = re.compile(r"^[\s\d.)•·*#>▪●■◆♦►\-–—_=|]+|[\s:.\-–—_=|]+$")
_NON_WORDS = re.compile(r"[^a-z0-9]+")
_INLINE = re.compile(r"^\s*([^:\n]{2,40})\s*:\s*(\S.*)$")
MAX_HEADING_WORDS = 5


@dataclass(frozen=True)
class Section:
    kind: SectionKind
    heading: str  # as written ("" for the header)
    text: str  # the section's text, without its heading
    start: int  # where the text starts in the document


def heading_kind(line: str) -> SectionKind | None:
    """The kind of section a line opens, or None if it is not a known heading."""
    words = _NON_WORDS.sub(" ", fold(_DECORATION.sub("", line))).strip()
    if not words or len(words.split()) > MAX_HEADING_WORDS:
        return None
    return HEADINGS.get(words)


def split_sections(text: str) -> list[Section]:
    """The sections of a document in order. A heading followed by a colon and text on the same
    line ("Exigences : DEP en soudage") opens its section with that text."""
    sections: list[Section] = []
    kind: SectionKind = "header"
    heading, lines, start = "", [], 0
    position = 0
    for line in text.splitlines(keepends=True):
        found, rest, rest_offset = heading_kind(line), None, 0
        if found is None and (inline := _INLINE.match(line)):
            found = heading_kind(inline.group(1))
            rest, rest_offset = inline.group(2), inline.start(2)
        if found is not None:
            _close(sections, kind, heading, lines, start)
            kind, heading = found, line.strip() if rest is None else line[:rest_offset].strip(" :")
            lines = [rest + "\n"] if rest else []
            start = position + (rest_offset if rest else len(line))
        else:
            if not lines:
                start = position
            lines.append(line)
        position += len(line)
    _close(sections, kind, heading, lines, start)
    return sections


def _close(
    sections: list[Section], kind: SectionKind, heading: str, lines: list[str], start: int
) -> None:
    raw = "".join(lines)
    if raw.strip():
        sections.append(Section(kind, heading, raw.strip(), start + len(raw) - len(raw.lstrip())))


def section_text(sections: list[Section], *kinds: SectionKind) -> str:
    """The text of every section of these kinds, in order."""
    return "\n\n".join(section.text for section in sections if section.kind in kinds)
