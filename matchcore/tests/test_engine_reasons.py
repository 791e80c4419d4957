"""Examples of the engine's verdicts and reasons, with exact values."""

from dataclasses import replace
from datetime import date

import pytest

from matchcore.eligibility import PERMANENT_STATUSES
from matchcore.engine import (
    DEFAULT_POLICY,
    CandidateRecord,
    Experience,
    LanguageLevels,
    Place,
    PostingRecord,
    ReasonCode,
    Skill,
    Taxonomy,
    score_pair,
)

TODAY = date(2026, 11, 26)
TAXONOMY = Taxonomy(
    noc_codes=frozenset({"72106", "72100", "72400"}),
    related_nocs={"72106": frozenset({"72400"})},
    esco_skill_uris=frozenset({"esco:mig"}),
)
WELDER = CandidateRecord(
    id=1,
    admission_date=date(2024, 3, 15),
    immigration_status="permanent_resident",
    is_verified=True,
    experiences=(Experience(60, "72106"),),
    education_level=2,
    skills=(Skill("Soudage MIG", "esco:mig"), Skill("lecture de plans")),
    french=LanguageLevels(8, 7, 7, 6),
    english=LanguageLevels.uniform(5),
    home=Place("01", 48.449, -68.524),
    region_codes=frozenset({"01"}),
    available_from=date(2026, 12, 1),
    hourly_salary_expectation=25.0,
)
POSTING = PostingRecord(
    id=10,
    noc="72106",
    min_education=2,
    min_years_experience=2,
    min_french=LanguageLevels(6, 6, None, None),
    required_skills=(
        Skill("soudage MIG", "esco:mig"),
        Skill("Lecture de plans"),
        Skill("oxycoupage"),
    ),
    place=Place("01", 48.449, -68.524),
    hourly_salary_min=25.0,
    hourly_salary_max=32.0,
    start_date=date(2027, 1, 15),
)


def _score(candidate=WELDER, posting=POSTING):
    return score_pair(candidate, posting, today=TODAY, taxonomy=TAXONOMY, policy=DEFAULT_POLICY)


def _reason(result, code):
    return next(r for r in result.reasons if r.code == code)


def test_a_welder_for_a_welding_job_gets_the_skills_by_name():
    result = _score()
    assert not result.is_excluded
    covered = _reason(result, ReasonCode.REQUIRED_SKILLS_COVERED)
    assert dict(covered.evidence) == {
        "matched": ["soudage MIG", "Lecture de plans"],
        "missing": ["oxycoupage"],
        "count": 2,
        "total": 3,
    }
    assert _reason(result, ReasonCode.SAME_OCCUPATION).evidence["via"] == "experience"
    assert _reason(result, ReasonCode.EXPERIENCE_ENOUGH).evidence == {"years": 5.0, "required": 2}
    assert _reason(result, ReasonCode.DISTANCE).evidence == {"km": 0}
    assert result.stars == 5  # no text and no desired occupation: counted as unknown (0.5)


def test_french_below_the_minimum_excludes_with_the_skill_and_levels():
    weaker = replace(WELDER, french=LanguageLevels(8, 5, 7, 6))
    result = _score(weaker)
    assert result.is_excluded
    assert [dict(r.evidence) for r in result.exclusions] == [
        {"skill": "oral_production", "required": 6, "has": 5}
    ]


def test_an_employer_specific_permit_is_excluded_unless_the_posting_accepts_it():
    permit = replace(
        WELDER, immigration_status="employer_specific_permit", permit_expires_on=date(2028, 1, 1)
    )
    assert [r.code for r in _score(permit).exclusions] == [
        ReasonCode.EMPLOYER_SPECIFIC_PERMIT_NOT_ACCEPTED
    ]
    accepting = replace(POSTING, accepts_employer_specific_permit=True)
    assert not _score(permit, accepting).is_excluded


def test_a_permit_expiring_before_the_start_date_excludes():
    permit = replace(
        WELDER, immigration_status="open_work_permit", permit_expires_on=date(2027, 1, 1)
    )
    exclusion = _score(permit).exclusions[0]
    assert exclusion.code == ReasonCode.PERMIT_EXPIRES_BEFORE_START
    assert exclusion.evidence == {"expires_on": "2027-01-01", "start_date": "2027-01-15"}


@pytest.mark.parametrize("status", sorted(PERMANENT_STATUSES))
def test_a_permanent_status_ignores_a_stale_permit_expiry(status):
    stale = replace(WELDER, immigration_status=status, permit_expires_on=date(2027, 1, 1))
    assert not _score(stale).is_excluded


def test_another_region_excludes_unless_ready_to_relocate():
    elsewhere = replace(WELDER, region_codes=frozenset({"02"}), home=Place("02"))
    assert [r.code for r in _score(elsewhere).exclusions] == [ReasonCode.REGION_NOT_WANTED]
    assert not _score(replace(elsewhere, is_ready_to_relocate=True)).is_excluded


# The candidate's answer to « Would you move? »: yes, only with a relocation allowance, no, or
# not answered (the last two are the same record: only their regions count).
RELOCATION_ANSWERS = {
    "yes": {"is_ready_to_relocate": True},
    "with_aid": {"relocates_only_with_aid": True},
    "no": {},
    "unanswered": {},
}


@pytest.mark.parametrize(
    ("answer", "allowance", "place_reason"),
    [
        ("yes", False, ReasonCode.READY_TO_RELOCATE),
        ("yes", True, ReasonCode.READY_TO_RELOCATE),
        ("with_aid", False, None),
        ("with_aid", True, ReasonCode.RELOCATES_WITH_ALLOWANCE),
        ("no", False, None),
        ("no", True, None),
        ("unanswered", False, None),
        ("unanswered", True, None),
    ],
)
def test_moving_only_with_help_opens_a_region_only_where_the_allowance_is_offered(
    answer, allowance, place_reason
):
    elsewhere = replace(
        WELDER, region_codes=frozenset({"02"}), home=Place("02"), **RELOCATION_ANSWERS[answer]
    )
    result = _score(elsewhere, replace(POSTING, offers_relocation_allowance=allowance))
    if place_reason is None:
        assert [r.code for r in result.exclusions] == [ReasonCode.REGION_NOT_WANTED]
    else:
        assert not result.is_excluded
        assert _reason(result, place_reason).evidence == {"region": "01"}


def test_the_allowance_changes_nothing_for_a_posting_in_a_chosen_region():
    aided = replace(WELDER, relocates_only_with_aid=True)
    without = _score(aided)
    with_allowance = _score(aided, replace(POSTING, offers_relocation_allowance=True))
    assert (without.score, without.is_excluded) == (with_allowance.score, False)
    assert ReasonCode.REGION_WANTED in {r.code for r in with_allowance.reasons}


def test_admitted_more_than_five_years_ago_is_not_eligible():
    old = replace(WELDER, admission_date=date(2021, 11, 26))
    exclusion = _score(old).exclusions[0]
    assert exclusion.code == ReasonCode.NOT_ELIGIBLE
    assert exclusion.evidence == {"why": ["admitted_too_long_ago"]}


def test_an_empty_profile_is_still_scored_and_says_what_is_missing():
    empty = CandidateRecord(
        id=2,
        admission_date=date(2024, 3, 15),
        immigration_status="permanent_resident",
        is_verified=True,
    )
    result = _score(empty)
    codes = {r.code for r in result.reasons}
    assert not result.is_excluded
    assert {
        ReasonCode.OCCUPATION_MISSING,
        ReasonCode.SKILLS_MISSING,
        ReasonCode.EDUCATION_MISSING,
        ReasonCode.FRENCH_LEVEL_MISSING,
        ReasonCode.LOCATION_MISSING,
        ReasonCode.SALARY_MISSING,
        ReasonCode.TEXT_MISSING,
        ReasonCode.AVAILABILITY_MISSING,
        ReasonCode.REGIONS_MISSING,
    } <= codes
    assert 0 < result.score < _score().score


def test_an_unknown_noc_code_and_an_unknown_skill_are_reported():
    odd = replace(POSTING, noc="99999", required_skills=(Skill("soudage laser", "esco:unknown"),))
    result = _score(WELDER, odd)
    assert _reason(result, ReasonCode.UNKNOWN_NOC).evidence == {"code": "99999", "side": "posting"}
    assert _reason(result, ReasonCode.UNKNOWN_SKILL).evidence == {
        "labels": ["soudage laser"],
        "side": "posting",
    }


def test_related_occupations_through_esco_skills_score_between_same_and_other():
    mechanic = replace(WELDER, experiences=(Experience(60, "72400"),))
    other = replace(WELDER, experiences=(Experience(60, "12200"),))
    related = _reason(_score(mechanic), ReasonCode.RELATED_OCCUPATION)
    assert related.evidence["candidate_noc"] == "72400"
    assert _score(other).score < _score(mechanic).score < _score().score


LICENCE = Skill("permis de conduire classe 1")
WITH_LICENCE = replace(
    POSTING,
    required_skills=(*POSTING.required_skills, LICENCE),
    must_haves=(LICENCE,),
)


def test_a_missing_must_have_excludes_with_what_is_missing():
    result = _score(WELDER, WITH_LICENCE)
    assert result.is_excluded
    assert [(r.code, dict(r.evidence)) for r in result.exclusions] == [
        (ReasonCode.MUST_HAVE_MISSING, {"missing": ["permis de conduire classe 1"]})
    ]
    holder = replace(WELDER, skills=(*WELDER.skills, Skill("Permis de conduire Classe 1")))
    assert not _score(holder, WITH_LICENCE).is_excluded


def test_a_must_have_the_employer_lets_through_caps_the_stars_at_two_and_says_so():
    lenient = replace(WITH_LICENCE, must_haves_cap=True)
    holder = replace(WELDER, skills=(*WELDER.skills, Skill("permis de conduire classe 1")))
    capped, full = _score(WELDER, lenient), _score(holder, lenient)
    assert not capped.is_excluded
    assert capped.stars == 2 and full.stars >= 4
    assert capped.score == DEFAULT_POLICY.must_have_ceiling < full.score
    assert capped.reasons[0].code == ReasonCode.MUST_HAVE_MISSING
    assert capped.reasons[0].evidence == {
        "missing": ["permis de conduire classe 1"],
        "capped": True,
    }
    assert abs(sum(f.contribution for f in capped.factors) - capped.score) < 1e-6


def test_a_shortfall_in_years_is_graded_close_or_far_and_never_ignored():
    three_years = replace(POSTING, min_years_experience=3)

    def experience(months):
        result = _score(replace(WELDER, experiences=months), three_years)
        reason = next(r for r in result.reasons if r.factor == "experience")
        value = next(f.value for f in result.factors if f.factor == "experience")
        return reason, value

    close, close_value = experience((Experience(26, "72106"),))  # 2.2 of 3 years
    far, far_value = experience((Experience(6, "72106"),))
    none, none_value = experience(())
    assert (close.code, close.evidence["grade"]) == (ReasonCode.EXPERIENCE_SHORT, "close")
    assert (far.code, far.evidence["grade"]) == (ReasonCode.EXPERIENCE_SHORT, "far")
    assert none.evidence == {"years": 0.0, "required": 3, "grade": "far"}
    assert none_value == 0.0 < far_value < close_value < 1.0


def test_a_reason_two_rules_give_alike_is_said_once_and_different_evidence_is_kept():
    from matchcore.engine.contracts import Factor, Reason
    from matchcore.engine.scoring import _dedupe

    short = Reason(ReasonCode.EXPERIENCE_SHORT, {"years": 1.0, "required": 3}, Factor.EXPERIENCE)
    other = Reason(ReasonCode.EXPERIENCE_SHORT, {"years": 2.0, "required": 3}, Factor.EXPERIENCE)
    salary = Reason(ReasonCode.SALARY_MISSING, factor=Factor.SALARY)
    assert _dedupe([short, salary, replace(short)]) == [short, salary]
    assert _dedupe([short, other, salary]) == [short, other, salary]
