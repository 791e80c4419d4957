"""Rescheduling and cancelling: either side, with a reason, never after the time."""

from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from django.core import mail

from maillage.interviews import services
from maillage.interviews.models import InterviewEvent, InterviewSlot, InterviewStatus
from maillage.interviews.tests.factories import scheduled_interview

pytestmark = pytest.mark.django_db

START = datetime(2027, 3, 2, 17, 0, tzinfo=UTC)
BEFORE = START - timedelta(days=2)


@pytest.fixture
def interview(shortlisted, member):
    shortlisted.status = "invited"
    shortlisted.save()
    return scheduled_interview(proposal=shortlisted, starts_at=START, by=member.user)


def state(interview):
    interview.refresh_from_db()
    return (
        interview.status,
        interview.slot_id,
        interview.calendar_sequence,
        list(InterviewSlot.objects.values_list("withdrawn_at", flat=True)),
        InterviewEvent.objects.count(),
        len(mail.outbox),
    )


def test_the_candidate_reschedules_the_time_is_freed_and_the_employer_gets_a_cancellation(
    interview, candidate, member, django_capture_on_commit_callbacks
):
    slot = interview.slot
    with django_capture_on_commit_callbacks(execute=True):
        services.interview_reschedule(
            interview=interview, by=candidate.user, reason="Mon vol est déplacé.", now=BEFORE
        )
    interview.refresh_from_db()
    assert interview.slot is None
    assert interview.status == InterviewStatus.SLOTS_NEEDED  # no other offered time is free
    assert interview.calendar_sequence == 2
    slot.refresh_from_db()
    assert slot.withdrawn_at is None  # free again for another candidate
    [message] = mail.outbox
    assert message.to == [member.user.email]
    assert "Mon vol est déplacé." in message.body
    calendar = icalendar.Calendar.from_ical(message.attachments[0][1])
    assert str(calendar["METHOD"]) == "CANCEL"
    assert calendar.walk("VEVENT")[0]["SEQUENCE"] == 2
    event = InterviewEvent.objects.get(kind="rescheduled")
    assert (event.by, event.reason) == (candidate.user, "Mon vol est déplacé.")


def test_the_employer_reschedules_and_withdraws_the_time(interview, member, candidate):
    slot = interview.slot
    services.interview_reschedule(
        interview=interview, by=member.user, reason="Le contremaître est absent.", now=BEFORE
    )
    slot.refresh_from_db()
    assert slot.withdrawn_at == BEFORE


def test_a_reschedule_after_the_meeting_is_refused(interview, candidate):
    before = state(interview)
    with pytest.raises(services.InterviewError) as error:
        services.interview_reschedule(
            interview=interview,
            by=candidate.user,
            reason="Trop tard",
            now=START + timedelta(minutes=5),
        )
    assert error.value.messages == [
        "L'heure de l'entrevue est passée\xa0: elle ne peut plus être reportée."
    ]
    assert state(interview) == before


def test_a_reason_is_required(interview, candidate):
    before = state(interview)
    with pytest.raises(services.InterviewError) as error:
        services.interview_cancel(interview=interview, by=candidate.user, reason="  ", now=BEFORE)
    assert error.value.messages == ["Indiquez un motif\xa0: l'autre personne le lira."]
    assert state(interview) == before


def test_cancelling_tells_the_other_side_with_the_reason(
    interview, member, candidate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.interview_cancel(
            interview=interview, by=member.user, reason="Poste pourvu à l'interne.", now=BEFORE
        )
    interview.refresh_from_db()
    assert (interview.status, interview.slot) == (InterviewStatus.CANCELLED, None)
    [message] = mail.outbox
    assert message.to == [candidate.user.email]
    assert "Poste pourvu à l'interne." in message.body
    assert message.subject == "Entrevue annulée\xa0: «\xa0Soudeur/soudeuse\xa0»"


def test_a_cancelled_interview_cannot_be_cancelled_or_rescheduled_again(interview, candidate):
    services.interview_cancel(
        interview=interview, by=candidate.user, reason="Autre emploi", now=BEFORE
    )
    before = state(interview)
    with pytest.raises(services.InterviewError) as error:
        services.interview_cancel(
            interview=interview, by=candidate.user, reason="Encore", now=BEFORE
        )
    assert error.value.messages == ["Cette entrevue est déjà à l'état «\xa0Annulée\xa0»."]
    with pytest.raises(services.InterviewError):
        services.interview_reschedule(
            interview=interview, by=candidate.user, reason="Encore", now=BEFORE
        )
    assert state(interview) == before
