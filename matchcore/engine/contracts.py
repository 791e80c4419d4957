"""What goes into the engine and what comes out: frozen dataclasses, nothing else.

A candidate record carries only what a job asks for and what the candidate wants: occupations,
experience, education, skills, languages, places, salary, availability and the right to work.
Protected grounds (origin, citizenship, gender, age, family, religion, name, e-mail) are absent
by construction: there is no field to put them in. Dates are plain dates; "today" and seeds are
parameters of the calls, never read from a clock.
"""

from collections.abc import Mapping
from dataclasses import field
from datetime import date
from enum import StrEnum

import numpy as np

from matchcore.frozen import frozen_record

LANGUAGE_SKILLS = (
    "oral_comprehension",
    "oral_production",
    "written_comprehension",
    "written_production",
)


@frozen_record
class LanguageLevels:
    """Levels 1–12 of the Échelle québécoise / NCLC for the four skills; None when unknown."""

    oral_comprehension: int | None = None
    oral_production: int | None = None
    written_comprehension: int | None = None
    written_production: int | None = None

    def get(self, skill: str) -> int | None:
        return getattr(self, skill)

    def items(self) -> list[tuple[str, int | None]]:
        return [(skill, self.get(skill)) for skill in LANGUAGE_SKILLS]

    @property
    def is_empty(self) -> bool:
        return all(level is None for _skill, level in self.items())

    @classmethod
    def uniform(cls, level: int | None) -> "LanguageLevels":
        return cls(level, level, level, level)


@frozen_record
class Skill:
    """A skill by its label, with its ESCO URI when the extractor linked it."""

    label: str
    esco_uri: str = ""


@frozen_record
class Experience:
    """A past or current job: its NOC unit group (None when not normalised) and its length."""

    months: int
    noc: str | None = None


@frozen_record
class Place:
    region_code: str | None = None  # Québec administrative region, "01"–"17"
    latitude: float | None = None
    longitude: float | None = None

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class PermitStatus(StrEnum):
    """Where a candidate stands with a permit, card or licence of a regulated occupation (data/
    regulated_occupations). Only HELD meets a posting that requires it."""

    HELD = "held"
    IN_PROGRESS = "in_progress"
    OBTAINED_ABROAD = "obtained_abroad"
    NONE = "none"


@frozen_record
class PermitHolding:
    """A permit by its code (data/regulated_occupations' `permit_code`) and the candidate's status."""

    code: str
    status: PermitStatus


@frozen_record
class CandidateRecord:
    id: int | str
    # The right to work and the program's eligibility (see matchcore.eligibility).
    admission_date: date | None = None
    immigration_status: str | None = None
    permit_expires_on: date | None = None
    is_verified: bool = False
    is_refused: bool = False
    # What the candidate can do.
    desired_occupations: tuple[str, ...] = ()
    experiences: tuple[Experience, ...] = ()
    education_level: int | None = None  # maillage.taxonomy.scales.EducationLevel: 0–6
    skills: tuple[Skill, ...] = ()
    french: LanguageLevels = field(default_factory=LanguageLevels)
    english: LanguageLevels = field(default_factory=LanguageLevels)
    # Where and when they want to work.
    home: Place = field(default_factory=Place)
    region_codes: frozenset[str] = frozenset()
    is_open_to_all_regions: bool = False
    is_ready_to_relocate: bool = False
    # Would move to a region they did not choose only when the employer offers a relocation
    # allowance (`PostingRecord.offers_relocation_allowance`); never with is_ready_to_relocate.
    relocates_only_with_aid: bool = False
    available_from: date | None = None
    hourly_salary_expectation: float | None = None
    # The permits of regulated occupations the candidate told us about (a code at most once).
    permits: tuple[PermitHolding, ...] = ()
    # The profile's text embedding (unit vector), when there is text to embed.
    vector: np.ndarray | None = field(default=None, compare=False, repr=False)

    def accepts_any_region(self, *, allowance_offered: bool) -> bool:
        """Whether a posting in any region suits them: open to every region, ready to move, or
        moving only with help when the posting offers a relocation allowance."""
        return (
            self.is_open_to_all_regions
            or self.is_ready_to_relocate
            or (self.relocates_only_with_aid and allowance_offered)
        )

    def permit_status(self, code: str) -> PermitStatus:
        """The candidate's status for a permit (NONE when they said nothing about it)."""
        return next((p.status for p in self.permits if p.code == code), PermitStatus.NONE)

    @property
    def permits_held(self) -> frozenset[str]:
        return frozenset(p.code for p in self.permits if p.status == PermitStatus.HELD)


@frozen_record
class PostingRecord:
    id: int | str
    noc: str | None = None
    min_education: int = 0
    min_years_experience: int = 0
    min_french: LanguageLevels = field(default_factory=LanguageLevels)
    min_english: int | None = None  # one level for every English skill
    required_skills: tuple[Skill, ...] = ()
    nice_skills: tuple[Skill, ...] = ()
    place: Place = field(default_factory=Place)
    hourly_salary_min: float | None = None
    hourly_salary_max: float | None = None
    start_date: date | None = None
    accepts_employer_specific_permit: bool = False
    # Lets in, outside their regions, the candidates who move only with such help.
    offers_relocation_allowance: bool = False
    vector: np.ndarray | None = field(default=None, compare=False, repr=False)
    # Must-haves (a licence, a card, a certification…) are rules, not points: a candidate who
    # lacks one is excluded, or, when the employer allows it (`must_haves_cap`), kept with at
    # most `Policy.must_have_cap_stars` stars. Each is usually one of `required_skills` as well,
    # so that it also counts in the score.
    must_haves: tuple[Skill, ...] = ()
    must_haves_cap: bool = False
    # Permits of a regulated occupation the posting requires (codes, as `PermitHolding.code`):
    # must-haves too, excluding a candidate who does not hold one, or capping the stars under
    # `must_haves_cap`.
    required_permits: tuple[str, ...] = ()


@frozen_record
class Taxonomy:
    """What the engine knows of the classifications, to relate occupations and flag unknown codes.

    `noc_codes`: every NOC 2021 unit group (None: do not check codes). `related_nocs`: for a unit
    group, the unit groups whose ESCO skills overlap it (built from the NOC↔ESCO links).
    `esco_skill_uris`: every known ESCO skill (None: do not check URIs).
    """

    noc_codes: frozenset[str] | None = None
    related_nocs: Mapping[str, frozenset[str]] = field(default_factory=dict)
    esco_skill_uris: frozenset[str] | None = None

    def is_known_noc(self, code: str) -> bool:
        return self.noc_codes is None or code in self.noc_codes


class Factor(StrEnum):
    """The scored factors. Requirements are the employer's side, preferences the candidate's."""

    OCCUPATION = "occupation"
    REQUIRED_SKILLS = "required_skills"
    NICE_SKILLS = "nice_skills"
    EXPERIENCE = "experience"
    EDUCATION = "education"
    LANGUAGE = "language"
    SEMANTIC = "semantic"
    # The candidate's side.
    DESIRED_OCCUPATION = "desired_occupation"
    PLACE = "place"
    SALARY = "salary"


REQUIREMENT_FACTORS = (
    Factor.OCCUPATION,
    Factor.REQUIRED_SKILLS,
    Factor.NICE_SKILLS,
    Factor.EXPERIENCE,
    Factor.EDUCATION,
    Factor.LANGUAGE,
    Factor.SEMANTIC,
)
PREFERENCE_FACTORS = (Factor.DESIRED_OCCUPATION, Factor.PLACE, Factor.SALARY)
ALL_FACTORS = REQUIREMENT_FACTORS + PREFERENCE_FACTORS


class ReasonCode(StrEnum):
    # Hard rules: any of these excludes the pair.
    NOT_ELIGIBLE = "not_eligible"
    ELIGIBILITY_INCOMPLETE = "eligibility_incomplete"
    NOT_VERIFIED = "not_verified"
    EMPLOYER_SPECIFIC_PERMIT_NOT_ACCEPTED = "employer_specific_permit_not_accepted"
    PERMIT_EXPIRES_BEFORE_START = "permit_expires_before_start"
    FRENCH_BELOW_MINIMUM = "french_below_minimum"
    ENGLISH_BELOW_MINIMUM = "english_below_minimum"
    REGION_NOT_WANTED = "region_not_wanted"
    NOT_AVAILABLE_BY_START = "not_available_by_start"
    # A must-have is missing: an exclusion, or a cap on the stars when the employer allows it.
    MUST_HAVE_MISSING = "must_have_missing"
    # A required permit not held, by the candidate's status: none, still in progress, or held
    # abroad only (not valid in Québec until the regulator recognises it). Excludes, or caps.
    PERMIT_MISSING = "permit_missing"
    PERMIT_IN_PROGRESS = "permit_in_progress"
    PERMIT_OBTAINED_ABROAD = "permit_obtained_abroad"
    # Factors: what was found.
    SAME_OCCUPATION = "same_occupation"
    SAME_MINOR_GROUP = "same_minor_group"
    SAME_SUB_MAJOR_GROUP = "same_sub_major_group"
    RELATED_OCCUPATION = "related_occupation"
    SAME_MAJOR_GROUP = "same_major_group"
    OTHER_OCCUPATION = "other_occupation"
    DESIRED_OCCUPATION = "desired_occupation"
    OCCUPATION_NOT_DESIRED = "occupation_not_desired"
    REQUIRED_SKILLS_COVERED = "required_skills_covered"
    NICE_SKILLS_COVERED = "nice_skills_covered"
    EXPERIENCE_ENOUGH = "experience_enough"
    EXPERIENCE_SHORT = "experience_short"
    EDUCATION_MEETS = "education_meets"
    EDUCATION_BELOW = "education_below"
    LANGUAGE_MARGIN = "language_margin"
    REGION_WANTED = "region_wanted"
    OPEN_TO_ALL_REGIONS = "open_to_all_regions"
    READY_TO_RELOCATE = "ready_to_relocate"
    RELOCATES_WITH_ALLOWANCE = "relocates_with_allowance"
    DISTANCE = "distance"
    SALARY_MEETS = "salary_meets"
    SALARY_BELOW_EXPECTATION = "salary_below_expectation"
    SIMILAR_TEXTS = "similar_texts"
    # Missing or unknown pieces: matched on what exists, said out loud.
    OCCUPATION_MISSING = "occupation_missing"
    POSTING_OCCUPATION_MISSING = "posting_occupation_missing"
    UNKNOWN_NOC = "unknown_noc"
    UNKNOWN_SKILL = "unknown_skill"
    SKILL_NOT_LINKED = "skill_not_linked"
    SKILLS_MISSING = "skills_missing"
    POSTING_SKILLS_MISSING = "posting_skills_missing"
    EDUCATION_MISSING = "education_missing"
    FRENCH_LEVEL_MISSING = "french_level_missing"
    ENGLISH_LEVEL_MISSING = "english_level_missing"
    LOCATION_MISSING = "location_missing"
    REGIONS_MISSING = "regions_missing"
    SALARY_MISSING = "salary_missing"
    TEXT_MISSING = "text_missing"
    AVAILABILITY_MISSING = "availability_missing"


@frozen_record
class Reason:
    """A reason code and its evidence (JSON-ready values: str, int, float, bool, lists of str)."""

    code: ReasonCode
    evidence: Mapping[str, object] = field(default_factory=dict)
    factor: Factor | None = None
    is_exclusion: bool = False

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {"code": str(self.code), "evidence": dict(self.evidence)}
        if self.factor is not None:
            data["factor"] = str(self.factor)
        if self.is_exclusion:
            data["is_exclusion"] = True
        return data


@frozen_record
class FactorScore:
    """One factor's value in [0, 1] (None when it could not be measured), its weight in the score
    and its contribution in points (0–100 scale) under the model that produced the score."""

    factor: Factor
    value: float | None
    weight: float
    contribution: float


@frozen_record
class MatchResult:
    candidate_id: int | str
    posting_id: int | str
    score: float  # 0–100
    stars: int  # 1–5
    is_excluded: bool
    requirements_score: float  # 0–100: how well the candidate meets the posting
    preferences_score: float  # 0–100: how well the posting meets what the candidate wants
    factors: tuple[FactorScore, ...]
    reasons: tuple[Reason, ...]
    engine_version: str
    # Points the model gives before any factor (0 for the policy; a learned ranker's base value):
    # base + every factor's points = score.
    base_score: float = 0.0

    def breakdown(self) -> dict[str, object]:
        return {
            "base": round(self.base_score, 2),
            "requirements": round(self.requirements_score, 2),
            "preferences": round(self.preferences_score, 2),
            "factors": {
                str(f.factor): {
                    "value": None if f.value is None else round(f.value, 4),
                    "weight": round(f.weight, 4),
                    "points": round(f.contribution, 2),
                }
                for f in self.factors
            },
        }

    def reasons_json(self) -> list[dict[str, object]]:
        return [reason.as_json() for reason in self.reasons]

    @property
    def exclusions(self) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.is_exclusion)
