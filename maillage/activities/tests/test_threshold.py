"""Schedules book meetings from the advisors' queue threshold up, and say who was left out, why."""

import pytest

from maillage.accounts.tests.factories import AdvisorFactory
from maillage.activities import services
from maillage.activities.models import Meeting, MeetingConstraint
from maillage.activities.selectors import LeftOutReason, candidates_left_out
from maillage.activities.tests.factories import (
    TODAY,
    ActivityFactory,
    CandidateRegistrationFactory,
    EmployerRegistrationFactory,
    MatchResultFactory,
)
from maillage.prequalification.calibration import queue_threshold

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_table(settings):
    """One employer, one slot; ana 94, bo 15 (below the threshold), cy excluded by every rule,
    dee 80 (above the threshold, but ana takes the only place)."""
    settings.PREQUALIFICATION_MIN_SCORE = None
    activity = ActivityFactory(slot_count=1, max_meetings_per_candidate=1)
    farm = EmployerRegistrationFactory(activity=activity)
    posting = farm.postings.get()
    people = {}
    for name, score in (("ana", 94), ("bo", 15), ("cy", None), ("dee", 80)):
        profile = CandidateRegistrationFactory(activity=activity).candidate
        if score is not None:
            MatchResultFactory(candidate=profile, posting=posting, score=score)
        people[name] = profile
    return activity, farm.company, people


def test_a_pair_below_the_threshold_is_not_booked_and_the_best_one_is(one_table):
    activity, farm, people = one_table
    assert 15 < queue_threshold().score < 80
    services.schedule_compute(activity=activity, by=AdvisorFactory(), today=TODAY)
    assert [(m.candidate, m.company) for m in Meeting.objects.all()] == [(people["ana"], farm)]


def test_each_candidate_left_out_gets_the_reason(one_table):
    activity, _farm, people = one_table
    services.schedule_compute(activity=activity, by=AdvisorFactory(), today=TODAY)
    activity.refresh_from_db()
    left = {
        x.registration.candidate: (x.reason, x.best_score) for x in candidates_left_out(activity)
    }
    assert left == {
        people["bo"]: (LeftOutReason.BELOW_THRESHOLD, 15.0),
        people["cy"]: (LeftOutReason.NO_COMPATIBLE_POSTING, None),
        people["dee"]: (LeftOutReason.NO_ROOM, 80.0),
    }


def test_a_meeting_the_organiser_keeps_is_booked_whatever_its_score(one_table):
    activity, farm, people = one_table
    advisor = AdvisorFactory()
    services.meeting_constraint_set(
        activity=activity,
        candidate=people["bo"],
        company=farm,
        kind=MeetingConstraint.Kind.PIN,
        slot=0,
        by=advisor,
    )
    services.schedule_compute(activity=activity, by=advisor, today=TODAY)
    assert [m.candidate for m in Meeting.objects.all()] == [people["bo"]]


def test_the_organiser_and_the_candidate_see_why_there_is_no_meeting(client, one_table):
    activity, _farm, people = one_table
    services.schedule_compute(activity=activity, by=AdvisorFactory(), today=TODAY)
    client.force_login(AdvisorFactory())
    page = client.get(f"/activities/{activity.public_id}/manage/").content.decode()
    assert 'id="meeting-threshold"' in page and 'id="left-out"' in page
    assert people["bo"].user.full_name in page and "15/100" in page
    client.force_login(people["bo"].user)
    page = client.get(f"/activities/{activity.public_id}/my-schedule/").content.decode()
    assert 'id="why-no-meeting"' in page
    client.force_login(people["ana"].user)
    page = client.get(f"/activities/{activity.public_id}/my-schedule/").content.decode()
    assert 'id="why-no-meeting"' not in page
