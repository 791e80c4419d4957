"""What the parser hands back: a draft of the profile, only what the CV states, cut to the
lengths the profile's fields hold."""

from dataclasses import dataclass, field
from datetime import date

from maillage.candidates.cv_import.language_levels import LanguageLine
from matchcore.language.terms import Language

MAX_EXPERIENCES = 15
MAX_EDUCATIONS = 10
MAX_CERTIFICATIONS = 15
MAX_SUMMARY_CHARS = 4000
MAX_DESCRIPTION_CHARS = 4000
MAX_TITLE_CHARS = 200


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
