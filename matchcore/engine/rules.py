"""Hard rules: a pair that breaks one is excluded, with the reason code saying which and why.

The same rules exist twice: `hard_rules` for one pair (the reference, used for every scored pair),
and `matchcore.engine.store.CandidateStore.admissible` as numpy masks over a million candidates.
The property tests check that the two never disagree.
"""

from datetime import date, timedelta
from functools import lru_cache

from matchcore.eligibility import (
    PERMANENT_STATUSES,
    Eligibility,
    EligibilityReason,
    EligibilityState,
    ImmigrationStatus,
    assess_eligibility,
)
from matchcore.engine.contracts import (
    CandidateRecord,
    Factor,
    PermitStatus,
    PostingRecord,
    Reason,
    ReasonCode,
)
from matchcore.engine.factors import candidate_skill_keys, missing_must_haves
from matchcore.engine.policy import Policy

# Every pair of a candidate asks the same question (a rematch asks it for each of their postings),
# and its answer is a frozen record.
_eligibility = lru_cache(maxsize=100_000)(assess_eligibility)


def hard_rules(
    candidate: CandidateRecord,
    posting: PostingRecord,
    *,
    today: date,
    policy: Policy,
    have: frozenset[str] | None = None,
) -> list[Reason]:
    """Every exclusion of the pair (empty when none), the cap of a must-have the employer lets
    through, and the notes on missing pieces."""
    reasons: list[Reason] = []

    if posting.must_haves:
        missing = missing_must_haves(
            posting, candidate_skill_keys(candidate) if have is None else have
        )
        if missing and posting.must_haves_cap:
            reasons.append(
                Reason(
                    ReasonCode.MUST_HAVE_MISSING,
                    {"missing": missing, "capped": True},
                    Factor.REQUIRED_SKILLS,
                )
            )
        elif missing:
            reasons.append(
                Reason(
                    ReasonCode.MUST_HAVE_MISSING,
                    {"missing": missing},
                    Factor.REQUIRED_SKILLS,
                    is_exclusion=True,
                )
            )

    reasons += permit_reasons(candidate, posting)

    eligibility = _eligibility(
        admission_date=candidate.admission_date,
        status=candidate.immigration_status,
        permit_expires_on=candidate.permit_expires_on,
        is_verified=candidate.is_verified,
        is_refused=candidate.is_refused,
        today=today,
        years=policy.eligibility_years,
    )
    state = eligibility.state
    if state == EligibilityState.INCOMPLETE:
        reasons.append(_exclude(ReasonCode.ELIGIBILITY_INCOMPLETE, missing=_codes(eligibility)))
    elif state == EligibilityState.NOT_ELIGIBLE:
        reasons.append(_exclude(ReasonCode.NOT_ELIGIBLE, why=_codes(eligibility)))
    elif state == EligibilityState.PENDING_VERIFICATION and policy.require_verified:
        reasons.append(_exclude(ReasonCode.NOT_VERIFIED, why=_codes(eligibility)))

    if (
        candidate.immigration_status == ImmigrationStatus.EMPLOYER_SPECIFIC_PERMIT
        and not posting.accepts_employer_specific_permit
    ):
        reasons.append(_exclude(ReasonCode.EMPLOYER_SPECIFIC_PERMIT_NOT_ACCEPTED))
    if (
        candidate.permit_expires_on is not None
        and posting.start_date is not None
        and candidate.immigration_status not in PERMANENT_STATUSES
        and candidate.permit_expires_on < posting.start_date
        and EligibilityReason.PERMIT_EXPIRED not in eligibility.reasons
    ):
        reasons.append(
            _exclude(
                ReasonCode.PERMIT_EXPIRES_BEFORE_START,
                expires_on=candidate.permit_expires_on.isoformat(),
                start_date=posting.start_date.isoformat(),
            )
        )

    for skill, minimum in posting.min_french.items():
        if minimum is None:
            continue
        level = candidate.french.get(skill)
        if level is None:
            reasons.append(
                Reason(ReasonCode.FRENCH_LEVEL_MISSING, {"skill": skill, "required": minimum})
            )
        elif level < minimum:
            reasons.append(
                _exclude(ReasonCode.FRENCH_BELOW_MINIMUM, skill=skill, required=minimum, has=level)
            )
    if posting.min_english is not None:
        for skill, level in candidate.english.items():
            if level is None:
                reasons.append(
                    Reason(
                        ReasonCode.ENGLISH_LEVEL_MISSING,
                        {"skill": skill, "required": posting.min_english},
                    )
                )
            elif level < posting.min_english:
                reasons.append(
                    _exclude(
                        ReasonCode.ENGLISH_BELOW_MINIMUM,
                        skill=skill,
                        required=posting.min_english,
                        has=level,
                    )
                )

    region = posting.place.region_code
    wants_any_region = candidate.accepts_any_region(
        allowance_offered=posting.offers_relocation_allowance
    )
    if region is not None and not wants_any_region and not candidate.region_codes:
        reasons.append(Reason(ReasonCode.REGIONS_MISSING))
    elif (
        region is not None
        and not wants_any_region
        and region not in candidate.region_codes
        and region != candidate.home.region_code
    ):
        reasons.append(_exclude(ReasonCode.REGION_NOT_WANTED, region=region))

    if candidate.available_from is None:
        reasons.append(Reason(ReasonCode.AVAILABILITY_MISSING))
    elif posting.start_date is not None and candidate.available_from > posting.start_date + (
        timedelta(days=policy.availability_grace_days)
    ):
        reasons.append(
            _exclude(
                ReasonCode.NOT_AVAILABLE_BY_START,
                available_from=candidate.available_from.isoformat(),
                start_date=posting.start_date.isoformat(),
            )
        )
    return reasons


def _codes(eligibility: Eligibility) -> list[str]:
    return [str(reason) for reason in eligibility.reasons]


PERMIT_REASONS = {
    PermitStatus.NONE: ReasonCode.PERMIT_MISSING,
    PermitStatus.IN_PROGRESS: ReasonCode.PERMIT_IN_PROGRESS,
    PermitStatus.OBTAINED_ABROAD: ReasonCode.PERMIT_OBTAINED_ABROAD,
}


def missing_permits(posting: PostingRecord, held: frozenset[str]) -> list[str]:
    """Codes of the posting's required permits the candidate does not hold."""
    return [code for code in posting.required_permits if code not in held]


def permit_reasons(candidate: CandidateRecord, posting: PostingRecord) -> list[Reason]:
    """The required permits the candidate does not hold, one reason per status (none, in
    progress, obtained abroad): exclusions, or caps when the employer lets must-haves through."""
    if not posting.required_permits:
        return []  # most postings: nothing to check
    missing = missing_permits(posting, candidate.permits_held)
    reasons = []
    for status, code in PERMIT_REASONS.items():
        permits = [p for p in missing if candidate.permit_status(p) == status]
        if not permits:
            continue
        if posting.must_haves_cap:
            reasons.append(Reason(code, {"permits": permits, "capped": True}))
        else:
            reasons.append(Reason(code, {"permits": permits}, is_exclusion=True))
    return reasons


def _exclude(code: ReasonCode, **evidence: object) -> Reason:
    return Reason(code, evidence, is_exclusion=True)
