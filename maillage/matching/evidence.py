"""The engine's evidence on each requirement of a posting, for the comparisons shown to advisors,
employers and candidates (matching.charts, prequalification.comparison).

Both read the numbers from here, and here reads them from the engine's own reasons, so a page
never recounts experience or skills in its own way: the years, the skills held, the education
and the rules are those the score was computed from."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from maillage.candidates.models import CandidateProfile
from maillage.employers.models import JobPosting
from maillage.matching.records import candidate_record, posting_record, taxonomy
from matchcore.engine import DEFAULT_POLICY, ReasonCode, score_pair

_OCCUPATION_LEVELS = {
    ReasonCode.SAME_OCCUPATION: "unit",
    ReasonCode.SAME_MINOR_GROUP: "minor",
    ReasonCode.SAME_SUB_MAJOR_GROUP: "sub_major",
    ReasonCode.RELATED_OCCUPATION: "related",
    ReasonCode.SAME_MAJOR_GROUP: "major",
    ReasonCode.OTHER_OCCUPATION: "other",
}
_RIGHT_TO_WORK = {
    ReasonCode.NOT_ELIGIBLE,
    ReasonCode.EMPLOYER_SPECIFIC_PERMIT_NOT_ACCEPTED,
    ReasonCode.PERMIT_EXPIRES_BEFORE_START,
}


@dataclass(frozen=True)
class RequirementEvidence:
    occupation: str | None  # closeness to the posting's unit group: "unit" … "other"; None: none
    years: float | None  # years counted in the posting's occupation (closer ones in part)
    years_required: int
    years_grade: str | None  # "enough", "close", "far"; None when not measured
    education: int | None  # the candidate's highest level; None when not given
    skills_matched: frozenset[str]  # labels of the posting's required skills the candidate holds
    must_haves_missing: tuple[str, ...]
    right_to_work: bool  # no rule on status or permit excludes the pair
    region: bool | None  # the posting's region suits the candidate; None: no region chosen

    @property
    def years_met(self) -> bool | None:
        return None if self.years is None else self.years >= self.years_required


def requirement_evidence(reasons: Iterable[dict]) -> RequirementEvidence:
    """The evidence in stored reasons (MatchResult.reasons, Proposal.reasons)."""
    found: dict[str, dict] = {}
    for reason in reasons:
        found.setdefault(str(reason.get("code", "")), dict(reason.get("evidence", {})))
    occupation = next((level for code, level in _OCCUPATION_LEVELS.items() if code in found), None)
    experience = found.get(ReasonCode.EXPERIENCE_ENOUGH) or found.get(ReasonCode.EXPERIENCE_SHORT)
    grade = None
    if ReasonCode.EXPERIENCE_ENOUGH in found:
        grade = "enough"
    elif experience is not None:
        grade = str(experience.get("grade", "far"))
    education = found.get(ReasonCode.EDUCATION_MEETS) or found.get(ReasonCode.EDUCATION_BELOW)
    required = found.get(ReasonCode.REQUIRED_SKILLS_COVERED, {})
    if ReasonCode.REGION_NOT_WANTED in found:
        region: bool | None = False
    elif ReasonCode.REGIONS_MISSING in found:
        region = None
    else:
        region = True
    return RequirementEvidence(
        occupation=occupation,
        years=None if experience is None else float(experience.get("years", 0)),
        years_required=int((experience or {}).get("required", 0)),
        years_grade=grade,
        education=None if education is None else int(education.get("level", 0)),
        skills_matched=frozenset(required.get("matched", [])),
        must_haves_missing=tuple(found.get(ReasonCode.MUST_HAVE_MISSING, {}).get("missing", [])),
        right_to_work=not any(code in found for code in _RIGHT_TO_WORK),
        region=region,
    )


def pair_reasons(profile: CandidateProfile, posting: JobPosting, *, today: date) -> list[dict]:
    """The engine's reasons for the pair as the profile and the posting are now (the profile
    loaded as prequalification.selectors.profile_for_comparison does). The reasons do not depend
    on the model that weighs them, so the default policy gives the same evidence as any."""
    result = score_pair(
        candidate_record(profile, today=today, vector=None),
        posting_record(posting, vector=None),
        today=today,
        taxonomy=taxonomy(),
        policy=DEFAULT_POLICY,
    )
    return result.reasons_json()


def lowest_english(levels: dict[str, int | None]) -> int | None:
    """The level the engine holds an English minimum against: the lowest known skill."""
    known = [level for level in levels.values() if level is not None]
    return min(known) if known else None
