"""The program's eligibility rule, in one place: the profile page shows it, the engine enforces it.

A newcomer is eligible while fewer than ELIGIBILITY_YEARS have passed since their admission to
Québec and while they hold a right to work in Canada. Today is a parameter, never read from a clock.
"""

from datetime import date
from enum import StrEnum

from matchcore.frozen import frozen_record


class ImmigrationStatus(StrEnum):
    PERMANENT_RESIDENT = "permanent_resident"
    OPEN_WORK_PERMIT = "open_work_permit"
    EMPLOYER_SPECIFIC_PERMIT = "employer_specific_permit"
    WORKING_HOLIDAY = "working_holiday"
    POST_GRADUATION_PERMIT = "post_graduation_permit"
    PROTECTED_PERSON = "protected_person"
    OTHER = "other"


# Statuses that carry a right to work without an expiry date.
PERMANENT_STATUSES = frozenset(
    {ImmigrationStatus.PERMANENT_RESIDENT, ImmigrationStatus.PROTECTED_PERSON}
)
# Statuses whose right to work lasts until the permit expires.
PERMIT_STATUSES = frozenset(
    {
        ImmigrationStatus.OPEN_WORK_PERMIT,
        ImmigrationStatus.EMPLOYER_SPECIFIC_PERMIT,
        ImmigrationStatus.WORKING_HOLIDAY,
        ImmigrationStatus.POST_GRADUATION_PERMIT,
    }
)


class EligibilityState(StrEnum):
    INCOMPLETE = "incomplete"  # admission date or status missing
    NOT_ELIGIBLE = "not_eligible"
    PENDING_VERIFICATION = "pending_verification"  # eligible on paper, proof not yet checked
    ELIGIBLE = "eligible"  # eligible and verified by an advisor


class EligibilityReason(StrEnum):
    ADMISSION_DATE_MISSING = "admission_date_missing"
    ADMISSION_IN_FUTURE = "admission_in_future"
    ADMITTED_TOO_LONG_AGO = "admitted_too_long_ago"
    STATUS_MISSING = "status_missing"
    PERMIT_EXPIRY_MISSING = "permit_expiry_missing"
    PERMIT_EXPIRED = "permit_expired"
    STATUS_NEEDS_REVIEW = "status_needs_review"
    NOT_VERIFIED = "not_verified"
    VERIFICATION_REFUSED = "verification_refused"


@frozen_record
class Eligibility:
    state: EligibilityState
    reasons: tuple[EligibilityReason, ...]
    is_within_period: bool
    has_right_to_work: bool
    period_ends_on: date | None  # last day of eligibility by the admission date

    @property
    def is_eligible(self) -> bool:
        return self.state == EligibilityState.ELIGIBLE


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def assess_eligibility(
    *,
    admission_date: date | None,
    status: str | None,
    permit_expires_on: date | None,
    is_verified: bool,
    is_refused: bool = False,
    today: date,
    years: int = 5,
) -> Eligibility:
    reasons: list[EligibilityReason] = []
    period_ends_on = None
    within = False
    if admission_date is None:
        reasons.append(EligibilityReason.ADMISSION_DATE_MISSING)
    elif admission_date > today:
        reasons.append(EligibilityReason.ADMISSION_IN_FUTURE)
    else:
        # Admitted on 2021-11-26: eligible through 2026-11-25, no longer on 2026-11-26.
        period_ends_on = date.fromordinal(add_years(admission_date, years).toordinal() - 1)
        within = today <= period_ends_on
        if not within:
            reasons.append(EligibilityReason.ADMITTED_TOO_LONG_AGO)

    right_to_work = False
    if not status:
        reasons.append(EligibilityReason.STATUS_MISSING)
    elif status in PERMANENT_STATUSES:
        right_to_work = True
    elif status in PERMIT_STATUSES:
        if permit_expires_on is None:
            reasons.append(EligibilityReason.PERMIT_EXPIRY_MISSING)
        elif permit_expires_on < today:
            reasons.append(EligibilityReason.PERMIT_EXPIRED)
        else:
            right_to_work = True
    else:
        # Another status may still give a right to work; an advisor decides from the proof.
        right_to_work = is_verified

    missing = {
        EligibilityReason.ADMISSION_DATE_MISSING,
        EligibilityReason.STATUS_MISSING,
        EligibilityReason.PERMIT_EXPIRY_MISSING,
    }
    if any(reason in missing for reason in reasons):
        state = EligibilityState.INCOMPLETE
    elif reasons:
        state = EligibilityState.NOT_ELIGIBLE
    elif is_refused:
        state = EligibilityState.NOT_ELIGIBLE
        reasons.append(EligibilityReason.VERIFICATION_REFUSED)
    elif not is_verified:
        state = EligibilityState.PENDING_VERIFICATION
        reasons.append(
            EligibilityReason.STATUS_NEEDS_REVIEW
            if status not in PERMANENT_STATUSES | PERMIT_STATUSES
            else EligibilityReason.NOT_VERIFIED
        )
    else:
        state = EligibilityState.ELIGIBLE
    return Eligibility(state, tuple(reasons), within, right_to_work, period_ends_on)
