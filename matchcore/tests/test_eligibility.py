from datetime import date

import pytest

from matchcore.eligibility import (
    EligibilityReason,
    EligibilityState,
    ImmigrationStatus,
    add_years,
    assess_eligibility,
)

TODAY = date(2026, 11, 26)


def assess(**overrides):
    values = {
        "admission_date": date(2023, 1, 10),
        "status": ImmigrationStatus.PERMANENT_RESIDENT,
        "permit_expires_on": None,
        "is_verified": True,
        "today": TODAY,
    }
    return assess_eligibility(**{**values, **overrides})


def test_verified_permanent_resident_admitted_recently_is_eligible():
    result = assess()
    assert result.state == EligibilityState.ELIGIBLE
    assert result.reasons == ()
    assert result.period_ends_on == date(2028, 1, 9)


@pytest.mark.parametrize(
    ("admitted", "within"),
    [
        (date(2021, 11, 27), True),  # five years less a day ago: still eligible today
        (date(2021, 11, 26), False),  # exactly five years ago: no longer
        (date(2021, 11, 25), False),
    ],
)
def test_five_year_limit_is_exact_to_the_day(admitted, within):
    result = assess(admission_date=admitted)
    assert result.is_within_period is within
    assert (EligibilityReason.ADMITTED_TOO_LONG_AGO in result.reasons) is not within


def test_leap_day_admission_counts_to_28_february():
    assert add_years(date(2024, 2, 29), 5) == date(2029, 2, 28)
    result = assess(admission_date=date(2024, 2, 29), today=date(2029, 2, 27))
    assert result.is_within_period
    assert not assess(admission_date=date(2024, 2, 29), today=date(2029, 2, 28)).is_within_period


def test_unverified_profile_stays_pending_verification():
    result = assess(is_verified=False)
    assert result.state == EligibilityState.PENDING_VERIFICATION
    assert result.reasons == (EligibilityReason.NOT_VERIFIED,)


def test_refused_verification_is_not_eligible():
    result = assess(is_verified=False, is_refused=True)
    assert result.state == EligibilityState.NOT_ELIGIBLE
    assert EligibilityReason.VERIFICATION_REFUSED in result.reasons


@pytest.mark.parametrize(
    ("expires", "state", "reason"),
    [
        (None, EligibilityState.INCOMPLETE, EligibilityReason.PERMIT_EXPIRY_MISSING),
        (date(2026, 11, 25), EligibilityState.NOT_ELIGIBLE, EligibilityReason.PERMIT_EXPIRED),
    ],
)
def test_work_permit_needs_a_valid_expiry(expires, state, reason):
    result = assess(status=ImmigrationStatus.OPEN_WORK_PERMIT, permit_expires_on=expires)
    assert result.state == state
    assert reason in result.reasons
    assert not result.has_right_to_work


def test_permit_valid_today_gives_right_to_work():
    result = assess(status=ImmigrationStatus.WORKING_HOLIDAY, permit_expires_on=TODAY)
    assert result.has_right_to_work
    assert result.state == EligibilityState.ELIGIBLE


def test_other_status_waits_for_an_advisor():
    pending = assess(status=ImmigrationStatus.OTHER, is_verified=False)
    assert pending.state == EligibilityState.PENDING_VERIFICATION
    assert pending.reasons == (EligibilityReason.STATUS_NEEDS_REVIEW,)
    assert assess(status=ImmigrationStatus.OTHER).state == EligibilityState.ELIGIBLE


def test_missing_answers_make_the_profile_incomplete():
    result = assess(admission_date=None, status=None)
    assert result.state == EligibilityState.INCOMPLETE
    assert set(result.reasons) == {
        EligibilityReason.ADMISSION_DATE_MISSING,
        EligibilityReason.STATUS_MISSING,
    }


def test_admission_in_the_future_is_not_eligible():
    result = assess(admission_date=date(2027, 1, 1))
    assert result.state == EligibilityState.NOT_ELIGIBLE
    assert EligibilityReason.ADMISSION_IN_FUTURE in result.reasons
