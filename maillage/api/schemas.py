"""What the API reads and writes. Names follow the house style: <Thing>Out, <Thing>In."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any
from uuid import UUID

from ninja import Field, Schema
from pydantic import AfterValidator, StringConstraints

from maillage.core.choices import SalaryPeriod
from maillage.employers.models import EmploymentType, PostingStatus
from maillage.taxonomy.scales import LANGUAGE_LEVEL_MAX, LANGUAGE_LEVEL_MIN, EducationLevel


def _storable(value: str) -> str:
    """Text a database can store: no NUL byte, no lone surrogate."""
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("must be valid Unicode text") from exc
    return value


def Text(max_length: int, min_length: int = 0):
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length),
        AfterValidator(_storable),
    ]


NocCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]
MunicipalityCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]
Level = Annotated[int, Field(ge=LANGUAGE_LEVEL_MIN, le=LANGUAGE_LEVEL_MAX)]
Money = Annotated[Decimal, Field(ge=0, max_digits=9, decimal_places=2, allow_inf_nan=False)]


class RegionOut(Schema):
    code: str
    name: str


class MunicipalityOut(Schema):
    code: str
    name: str
    region: RegionOut


class NocOut(Schema):
    code: str
    title: str


class CompanyOut(Schema):
    id: UUID
    name: str
    website: str


class PostingOut(Schema):
    """A published posting, as anyone may read it."""

    id: UUID
    url: str
    title: str
    company: CompanyOut
    noc: NocOut
    municipality: MunicipalityOut
    description: str
    employment_type: EmploymentType
    schedule_details: str
    salary_min: Decimal
    salary_max: Decimal
    salary_period: SalaryPeriod
    positions: int
    start_date: date
    published_at: datetime | None
    expires_on: date | None
    min_education: EducationLevel
    min_years_experience: int
    must_haves: list[str] = Field(
        description="Rules: a candidate without one is not proposed (licences, cards…)"
    )
    shows_missing_must_haves: bool = Field(
        description="Candidates missing a must-have are proposed anyway, at most 2 stars"
    )
    required_skills: list[str]
    nice_to_have_skills: list[str]
    offers_housing: bool
    offers_relocation_allowance: bool
    offers_francization: bool
    offers_spouse_job_help: bool
    accepts_employer_specific_permit: bool


class EmployerPostingOut(PostingOut):
    """A posting of the caller's company, whatever its status."""

    status: PostingStatus
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None
    min_french_oral_comprehension: int | None
    min_french_oral_production: int | None
    min_french_written_comprehension: int | None
    min_french_written_production: int | None
    min_english: int | None


POSTING_EXAMPLE = {
    "title": "Soudeur/soudeuse",
    "noc": "72106",
    "description": "Souder des structures d'acier selon les plans.",
    "municipality": "10043",
    "salary_min": "25.50",
    "salary_max": "31.00",
    "start_date": "2027-02-01",
    "must_haves": ["carte ASP Construction"],
    "required_skills": ["soudage MIG", "lecture de plans"],
    "nice_to_have_skills": ["oxycoupage"],
    "min_french_oral_comprehension": 6,
}


class PostingIn(Schema):
    """A posting to create or replace (the posting's status is changed by its own endpoints)."""

    model_config = {"json_schema_extra": {"examples": [POSTING_EXAMPLE]}}

    title: Text(200, 1)
    noc: NocCode = Field(description="NOC 2021 unit group (5 digits), for example 72106")
    description: Text(10000, 1)
    municipality: MunicipalityCode = Field(description="Geographic code of the place of work")
    salary_min: Money
    salary_max: Money
    salary_period: SalaryPeriod = SalaryPeriod.HOUR
    employment_type: EmploymentType = EmploymentType.FULL_TIME
    schedule_details: Text(200) = ""
    start_date: date
    positions: int = Field(1, ge=1, le=500)
    min_education: EducationLevel = EducationLevel.NONE
    min_years_experience: int = Field(0, ge=0, le=40)
    min_french_oral_comprehension: Level | None = None
    min_french_oral_production: Level | None = None
    min_french_written_comprehension: Level | None = None
    min_french_written_production: Level | None = None
    min_english: Level | None = None
    offers_housing: bool = False
    offers_relocation_allowance: bool = False
    offers_francization: bool = False
    offers_spouse_job_help: bool = False
    accepts_employer_specific_permit: bool = False
    must_haves: list[Text(200, 1)] = Field(
        default_factory=list,
        max_length=30,
        description="Rules, not points: a candidate without one is not proposed. A licence, "
        "card or certification listed in required_skills is moved here.",
    )
    shows_missing_must_haves: bool = Field(
        False, description="Propose candidates missing a must-have anyway, at most 2 stars"
    )
    required_skills: list[Text(200, 1)] = Field(default_factory=list, max_length=30)
    nice_to_have_skills: list[Text(200, 1)] = Field(default_factory=list, max_length=30)


class PostingCloseIn(Schema):
    filled: bool = Field(False, description="true when the position was filled, false to close it")


class MeOut(Schema):
    id: UUID
    email: str
    full_name: str
    role: str
    language: str


class LanguageLevelsOut(Schema):
    oral_comprehension: int | None
    oral_production: int | None
    written_comprehension: int | None
    written_production: int | None


class CandidateProfileOut(Schema):
    id: UUID
    full_name: str
    email: str
    phone: str
    current_country: str
    municipality: MunicipalityOut | None
    admission_date: date | None
    immigration_status: str
    permit_expires_on: date | None
    french: LanguageLevelsOut
    english: LanguageLevelsOut
    summary: str
    desired_occupations: list[NocOut]
    regions_of_interest: list[RegionOut]
    is_open_to_all_regions: bool
    has_drivers_licence: bool
    has_car: bool
    # Kept for the clients written before the third answer: true for "yes" and "with_aid".
    is_ready_to_relocate: bool | None  # null: not said yet
    relocation: str | None = Field(
        description='"yes", "with_aid" (only if the employer offers relocation assistance), '
        '"no"; null: not said yet'
    )
    available_from: date | None
    verification_status: str


class MatchOut(Schema):
    posting: PostingOut
    score: float = Field(description="0 to 100")
    stars: int = Field(description="1 to 5")
    breakdown: dict[str, Any]
    reasons: list[Any] = Field(
        description="Reason codes with their evidence, as the engine gave them"
    )
    engine_version: str
    computed_at: datetime


class RequirementOut(Schema):
    requirement: str
    required: str
    is_met: bool | None = Field(description="null when the profile does not say")
    candidate: str | None = Field(
        description="the candidate's value, only if they shared that section"
    )


class SharedReasonOut(Schema):
    code: str
    text: str = Field(description="the reason in the caller's language")


class ShortlistEntryOut(Schema):
    """An approved, consenting candidate: their name, how they meet each requirement, and only the
    sections they chose to share (contact, location, summary, experience, education, languages,
    skills, and household: the work a consenting partner looks for, never who they are)."""

    id: UUID
    status: str
    full_name: str
    score: float | None
    stars: int | None
    engine_version: str
    reasons: list[SharedReasonOut] = Field(
        description="only reasons about sections the candidate shared; never the evidence"
    )
    requirements: list[RequirementOut]
    shared: dict[str, Any]
