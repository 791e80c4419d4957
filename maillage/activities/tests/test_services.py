from datetime import date, time

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from maillage.accounts.tests.factories import AdvisorFactory
from maillage.activities import services
from maillage.activities.models import (
    Activity,
    ActivityKind,
    ActivityStatus,
    CandidateRegistration,
    EmployerRegistration,
    Meeting,
    MeetingConstraint,
    MeetingOutcome,
)
from maillage.activities.selectors import employer_participation
from maillage.activities.tests.factories import (
    TODAY,
    ActivityFactory,
    CandidateRegistrationFactory,
    EmployerRegistrationFactory,
    MatchResultFactory,
)
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.core.choices import VerificationStatus
from maillage.employers.models import PostingStatus
from maillage.employers.tests.factories import CompanyFactory, JobPostingFactory
from maillage.regions.models import Region

pytestmark = pytest.mark.django_db
Status = CandidateRegistration.Status


def activity_fields(**overrides):
    fields = {
        "kind": ActivityKind.SPEED_MEETING,
        "title": "Maillage express Rimouski",
        "description": "",
        "region": Region.objects.get(code="01"),
        "date": date(2027, 2, 10),
        "starts_at": time(9, 0),
        "slot_count": 6,
        "slot_minutes": 15,
        "break_minutes": 5,
        "candidate_capacity": 30,
        "employer_capacity": 10,
        "max_meetings_per_candidate": 3,
        "tables_per_employer": 1,
        "is_virtual": False,
        "address": "188, rue des Gouverneurs, Rimouski",
    }
    return {**fields, **overrides}


def test_advisor_creates_an_activity_with_its_slots():
    advisor = AdvisorFactory()
    activity = services.activity_create(by=advisor, fields=activity_fields(), today=TODAY)
    assert activity.status == ActivityStatus.OPEN
    assert activity.created_by == advisor
    times = [
        (start.strftime("%H:%M"), end.strftime("%H:%M")) for _s, start, end in activity.slots()
    ]
    assert times == [
        ("09:00", "09:15"),
        ("09:20", "09:35"),
        ("09:40", "09:55"),
        ("10:00", "10:15"),
        ("10:20", "10:35"),
        ("10:40", "10:55"),
    ]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"date": date(2026, 11, 1)}, "date"),
        ({"address": ""}, "address"),
        ({"region": "06"}, "region"),
    ],
)
def test_an_activity_that_cannot_happen_is_refused(overrides, field):
    if overrides.get("region"):
        overrides["region"] = Region.objects.get(code=overrides["region"])
    with pytest.raises(ValidationError) as error:
        services.activity_create(
            by=AdvisorFactory(), fields=activity_fields(**overrides), today=TODAY
        )
    assert field in error.value.message_dict
    assert Activity.objects.count() == 0


def test_employer_registers_with_its_published_postings():
    activity = ActivityFactory()
    company = CompanyFactory()
    posting = JobPostingFactory(company=company)
    registration = services.employer_register(
        activity=activity, company=company, postings=[posting], by=None, today=TODAY
    )
    assert list(registration.postings.all()) == [posting]


def test_employer_cannot_bring_a_draft_or_another_company_posting():
    activity = ActivityFactory()
    company = CompanyFactory()
    draft = JobPostingFactory(company=company, status=PostingStatus.DRAFT)
    other = JobPostingFactory()
    for postings in ([draft], [other], []):
        with pytest.raises(ValidationError):
            services.employer_register(
                activity=activity, company=company, postings=postings, by=None, today=TODAY
            )
    assert EmployerRegistration.objects.count() == 0


def test_unverified_company_cannot_register():
    company = CompanyFactory(verification_status=VerificationStatus.PENDING)
    with pytest.raises(ValidationError) as error:
        services.employer_register(
            activity=ActivityFactory(),
            company=company,
            postings=[JobPostingFactory(company=company)],
            by=None,
            today=TODAY,
        )
    assert error.value.code == "company_not_verified"


def test_employer_places_are_limited():
    activity = ActivityFactory(employer_capacity=1)
    EmployerRegistrationFactory(activity=activity)
    company = CompanyFactory()
    with pytest.raises(ValidationError) as error:
        services.employer_register(
            activity=activity,
            company=company,
            postings=[JobPostingFactory(company=company)],
            by=None,
            today=TODAY,
        )
    assert error.value.code == "full"
    assert activity.employer_registrations.count() == 1


def test_eligible_candidate_registers_with_consent():
    activity = ActivityFactory()
    profile = CandidateProfileFactory()
    registration = services.candidate_register(
        activity=activity, profile=profile, consents=True, today=TODAY
    )
    assert registration.status == Status.REGISTERED
    assert registration.consented_at is not None


def test_candidate_without_consent_is_not_registered():
    activity = ActivityFactory()
    with pytest.raises(ValidationError) as error:
        services.candidate_register(
            activity=activity, profile=CandidateProfileFactory(), consents=False, today=TODAY
        )
    assert error.value.code == "no_consent"
    assert CandidateRegistration.objects.count() == 0


def test_candidate_not_verified_cannot_register():
    profile = CandidateProfileFactory(verification_status=VerificationStatus.PENDING)
    with pytest.raises(ValidationError) as error:
        services.candidate_register(
            activity=ActivityFactory(), profile=profile, consents=True, today=TODAY
        )
    assert error.value.code == "not_eligible"
    assert CandidateRegistration.objects.count() == 0


def test_candidate_places_are_limited():
    activity = ActivityFactory(candidate_capacity=1)
    CandidateRegistrationFactory(activity=activity)
    with pytest.raises(ValidationError) as error:
        services.candidate_register(
            activity=activity, profile=CandidateProfileFactory(), consents=True, today=TODAY
        )
    assert error.value.code == "full"


def test_invited_candidate_is_told_then_accepts_and_is_registered(
    django_capture_on_commit_callbacks,
):
    activity = ActivityFactory(title="Maillage express")
    profile = CandidateProfileFactory()
    advisor = AdvisorFactory()
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.candidate_invite(
            activity=activity, profile=profile, by=advisor, today=TODAY
        )
    assert [m.to for m in mail.outbox] == [[profile.user.email]]
    assert mail.outbox[0].subject == "Invitation\u00a0: Maillage express"
    assert f"/activities/{activity.public_id}/" in mail.outbox[0].body
    assert invitation.status == Status.INVITED
    registration = services.candidate_invitation_answer(
        activity=activity, profile=profile, accept=True, consents=True, today=TODAY
    )
    assert registration.status == Status.REGISTERED
    assert registration.invited_by == advisor


def test_invited_candidate_declines():
    activity = ActivityFactory()
    profile = CandidateProfileFactory()
    services.candidate_invite(activity=activity, profile=profile, by=AdvisorFactory(), today=TODAY)
    registration = services.candidate_invitation_answer(
        activity=activity, profile=profile, accept=False, consents=False, today=TODAY
    )
    assert registration.status == Status.DECLINED


def session(*, candidates=3, employers=2, virtual=True, scores=None, **activity_fields):
    """An activity with registered employers and candidates and the engine's scores for each pair."""
    activity = ActivityFactory(
        is_virtual=virtual, address="" if virtual else "Rimouski", **activity_fields
    )
    regs = [EmployerRegistrationFactory(activity=activity) for _ in range(employers)]
    profiles = [
        CandidateRegistrationFactory(activity=activity).candidate for _ in range(candidates)
    ]
    for i, profile in enumerate(profiles):
        for j, registration in enumerate(regs):
            score = scores[i][j] if scores else 50 + i + j
            if score is None:
                continue
            MatchResultFactory(candidate=profile, posting=registration.postings.get(), score=score)
    return activity, profiles, [r.company for r in regs]


def test_schedule_is_computed_from_the_engine_scores():
    # One slot: ana–farm + bo–plant = 100, ana–plant + bo–farm = 165.
    activity, (ana, bo), (farm, plant) = session(
        candidates=2,
        employers=2,
        scores=[[90, 80], [85, 10]],
        slot_count=1,
        max_meetings_per_candidate=1,
    )
    result = services.schedule_compute(activity=activity, by=AdvisorFactory(), today=TODAY)
    assert result.is_optimal
    meetings = {(m.candidate, m.company): m for m in Meeting.objects.filter(activity=activity)}
    assert set(meetings) == {(ana, plant), (bo, farm)}
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.SCHEDULED
    assert activity.schedule_status == "optimal"
    assert activity.schedule_total_score == 165
    assert activity.schedule_upper_bound == 165


def test_excluded_pairs_are_never_scheduled():
    activity, (ana,), (farm, plant) = session(candidates=1, employers=2, scores=[[90, 80]])
    farm_posting = farm.postings.get()
    from maillage.matching.models import MatchResult

    MatchResult.objects.filter(candidate=ana, posting=farm_posting).update(is_excluded=True)
    services.schedule_compute(activity=activity, by=AdvisorFactory(), today=TODAY)
    assert [(m.candidate, m.company) for m in Meeting.objects.all()] == [(ana, plant)]


def test_virtual_meetings_get_unguessable_rooms_kept_when_recomputed():
    activity, _profiles, _companies = session(candidates=3, employers=2)
    advisor = AdvisorFactory()
    services.schedule_compute(activity=activity, by=advisor, today=TODAY)
    rooms = dict(
        Meeting.objects.values_list("candidate_id", "room_name").order_by("candidate_id", "slot")
    )
    assert all(
        name.startswith("maillage-") and len(name) == len("maillage-") + 32
        for name in rooms.values()
    )
    assert len(set(Meeting.objects.values_list("room_name", flat=True))) == Meeting.objects.count()
    before = set(Meeting.objects.values_list("candidate_id", "company_id", "room_name"))
    services.schedule_compute(activity=activity, by=advisor, today=TODAY)
    assert set(Meeting.objects.values_list("candidate_id", "company_id", "room_name")) == before


def test_in_person_meetings_have_no_room():
    activity, _p, _c = session(virtual=False)
    services.schedule_compute(activity=activity, by=AdvisorFactory(), today=TODAY)
    assert set(Meeting.objects.values_list("room_name", flat=True)) == {""}


def test_forbidden_meeting_disappears_and_pinned_slot_is_kept_after_resolving():
    activity, (ana, bo), (farm, plant) = session(
        candidates=2,
        employers=2,
        scores=[[90, 80], [85, 70]],
        slot_count=2,
        max_meetings_per_candidate=2,
    )
    advisor = AdvisorFactory()
    services.schedule_compute(activity=activity, by=advisor, today=TODAY)
    assert Meeting.objects.count() == 4
    services.meeting_constraint_set(
        activity=activity,
        candidate=bo,
        company=plant,
        kind=MeetingConstraint.Kind.FORBID,
        slot=None,
        by=advisor,
    )
    services.meeting_constraint_set(
        activity=activity,
        candidate=ana,
        company=farm,
        kind=MeetingConstraint.Kind.PIN,
        slot=1,
        by=advisor,
    )
    services.schedule_compute(activity=activity, by=advisor, today=TODAY)
    pairs = {(m.candidate, m.company): m.slot for m in Meeting.objects.all()}
    assert set(pairs) == {(ana, farm), (ana, plant), (bo, farm)}
    assert pairs[ana, farm] == 1


def test_schedule_without_participants_is_refused():
    activity = ActivityFactory()
    with pytest.raises(ValidationError) as error:
        services.schedule_compute(activity=activity, by=AdvisorFactory(), today=TODAY)
    assert error.value.code == "empty"
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.OPEN


def test_impossible_pin_is_refused_and_the_schedule_stays():
    activity, (ana,), (farm, plant) = session(candidates=1, employers=2, scores=[[90, None]])
    advisor = AdvisorFactory()
    services.schedule_compute(activity=activity, by=advisor, today=TODAY)
    before = list(Meeting.objects.values_list("candidate_id", "company_id", "slot"))
    services.meeting_constraint_set(
        activity=activity,
        candidate=ana,
        company=plant,
        kind=MeetingConstraint.Kind.PIN,
        slot=None,
        by=advisor,
    )
    with pytest.raises(ValidationError) as error:
        services.schedule_compute(activity=activity, by=advisor, today=TODAY)
    assert error.value.code == "pin_not_acceptable"
    assert list(Meeting.objects.values_list("candidate_id", "company_id", "slot")) == before


def test_schedule_cannot_change_once_a_meeting_is_checked_in():
    activity, _p, _c = session()
    advisor = AdvisorFactory()
    services.schedule_compute(activity=activity, by=advisor, today=TODAY)
    meeting = Meeting.objects.first()
    services.meeting_check_in(meeting=meeting, by=advisor)
    count = Meeting.objects.count()
    with pytest.raises(ValidationError) as error:
        services.schedule_compute(activity=activity, by=advisor, today=TODAY)
    assert error.value.code == "started"
    assert Meeting.objects.count() == count


def test_registration_closes_when_the_schedule_is_published():
    activity, _p, _c = session()
    services.schedule_compute(activity=activity, by=AdvisorFactory(), today=TODAY)
    with pytest.raises(ValidationError) as error:
        services.candidate_register(
            activity=activity, profile=CandidateProfileFactory(), consents=True, today=TODAY
        )
    assert error.value.code == "closed"


def test_check_in_records_the_employer_participation_and_the_program_share():
    activity, _p, (farm, plant) = session(candidates=1, employers=2, scores=[[90, None]])
    CompanyFactory()  # a registered employer that took part in nothing
    advisor = AdvisorFactory()
    services.schedule_compute(activity=activity, by=advisor, today=TODAY)
    assert employer_participation().employers_who_took_part == 0
    services.meeting_check_in(meeting=Meeting.objects.get(), by=advisor)
    figures = employer_participation()
    assert (figures.verified_employers, figures.employers_who_took_part) == (3, 1)
    assert figures.share == pytest.approx(1 / 3)
    assert EmployerRegistration.objects.get(company=farm).attended_at is not None
    assert EmployerRegistration.objects.get(company=plant).attended_at is None


def test_follow_up_needs_the_meeting_to_have_taken_place():
    activity, _p, _c = session(candidates=1, employers=1)
    advisor = AdvisorFactory()
    services.schedule_compute(activity=activity, by=advisor, today=TODAY)
    meeting = Meeting.objects.get()
    with pytest.raises(ValidationError) as error:
        services.meeting_outcome_record(meeting=meeting, outcome=MeetingOutcome.HIRED, by=advisor)
    assert error.value.code == "not_checked_in"
    meeting.refresh_from_db()
    assert meeting.outcome == MeetingOutcome.PENDING
    services.meeting_check_in(meeting=meeting, by=advisor)
    services.meeting_outcome_record(meeting=meeting, outcome=MeetingOutcome.INTERVIEW, by=advisor)
    meeting.refresh_from_db()
    assert meeting.outcome == MeetingOutcome.INTERVIEW
    assert meeting.outcome_by == advisor


def test_advisor_records_participation_of_an_exploratory_visit():
    registration = EmployerRegistrationFactory()
    services.employer_attendance_record(registration=registration, attended=True)
    assert employer_participation().employers_who_took_part == 1
    services.employer_attendance_record(registration=registration, attended=False)
    assert employer_participation().employers_who_took_part == 0


def test_changing_the_slots_after_the_schedule_is_refused():
    activity, _p, _c = session()
    services.schedule_compute(activity=activity, by=AdvisorFactory(), today=TODAY)
    with pytest.raises(ValidationError):
        services.activity_update(activity=activity, changes={"slot_count": 8}, today=TODAY)
    activity.refresh_from_db()
    assert activity.slot_count == 4
    services.schedule_clear(activity=activity)
    services.activity_update(activity=activity, changes={"slot_count": 8}, today=TODAY)
    activity.refresh_from_db()
    assert (activity.slot_count, activity.status) == (8, ActivityStatus.OPEN)


def test_each_meeting_records_the_engine_version_of_its_score():
    activity, (ana,), _companies = session(candidates=1, employers=1, scores=[[90]])
    from maillage.matching.models import MatchResult

    MatchResult.objects.filter(candidate=ana).update(engine_version="rules-7")
    services.schedule_compute(activity=activity, by=AdvisorFactory(), today=TODAY)
    assert list(Meeting.objects.values_list("score", "engine_version")) == [(90.0, "rules-7")]


@pytest.mark.engine_scores
def test_schedule_scores_registered_pairs_the_engine_had_not_stored():
    """A registered candidate outside every top list still meets the employer: computing the
    schedule has the engine score each registered candidate for each posting brought."""
    from maillage.matching.engine_state import engine_reset
    from maillage.matching.models import MatchResult
    from maillage.matching.tests.conftest import welder_create, welding_posting_create

    engine_reset()
    posting = welding_posting_create()
    profile = welder_create()
    activity = ActivityFactory()
    EmployerRegistrationFactory(activity=activity, company=posting.company, postings=[posting])
    CandidateRegistrationFactory(activity=activity, candidate=profile)
    low_french = CandidateProfileFactory(french_oral_production=4)
    CandidateRegistrationFactory(activity=activity, candidate=low_french)
    assert not MatchResult.objects.exists()

    services.schedule_compute(activity=activity, by=AdvisorFactory(), today=TODAY)

    stored = MatchResult.objects.get(candidate=profile, posting=posting)
    assert stored.engine_version and not stored.is_excluded
    assert not MatchResult.objects.filter(candidate=low_french).exists()
    meeting = Meeting.objects.get(activity=activity)
    assert (meeting.candidate, meeting.posting, meeting.score) == (
        profile,
        posting,
        pytest.approx(float(stored.score), abs=0.01),
    )
    engine_reset()
