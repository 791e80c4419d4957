"""A CV's text → a draft of the profile: sections by heading, then work experiences (found by their
date ranges), education, certifications, languages, the summary and the text to look for skills
in. Only what the CV states is filled in: a field the CV does not give stays empty, a date given
as a year stays a year, an education level comes only from the diploma's own words.
"""

import re

from maillage.candidates.cv_import.dates import date_range, month_text
from maillage.candidates.cv_import.drafts import (
    MAX_CERTIFICATIONS,
    MAX_EDUCATIONS,
    MAX_EXPERIENCES,
    MAX_SUMMARY_CHARS,
    CertificationDraft,
    CvDraft,
    EducationDraft,
    ExperienceDraft,
)
from maillage.candidates.cv_import.education import (
    LEVEL_NAMES,
    certification_draft,
    education_and_certifications,
)
from maillage.candidates.cv_import.experiences import experience_drafts
from maillage.candidates.cv_import.language_levels import language_lines
from maillage.candidates.cv_import.lines import BULLET, entries
from matchcore.language.folding import fold
from matchcore.language.sections import SectionKind, heading_kind
from matchcore.language.terms import detect_language

# The parts live by topic (dates, places, experiences, education, drafts); callers keep these names.
__all__ = [
    "LEVEL_NAMES",
    "CertificationDraft",
    "CvDraft",
    "EducationDraft",
    "ExperienceDraft",
    "cv_draft",
    "cv_sections",
    "date_range",
    "education_and_certifications",
    "month_text",
    "summary_text",
]

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


def cv_draft(text: str) -> CvDraft:
    sections = cv_sections(text)
    experiences = experience_drafts(sections.get("experience", ""))[:MAX_EXPERIENCES]
    educations, certifications = education_and_certifications(sections.get("education", ""))
    certifications += [
        certification
        for line in entries(sections.get("certifications", ""))
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
        languages=language_lines(entries(sections.get("languages", ""))),
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
    stripped = BULLET.sub("", line).strip()
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
