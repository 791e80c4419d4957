"""The candidate picks a time: a video room, a calendar invitation for both, and no double
booking, whoever tries."""

import re
from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from django.core import mail
from django.utils import translation

from maillage.interviews import services
from maillage.interviews.models import Interview, InterviewStatus, VideoKind
from maillage.interviews.services.booking import slot_taken_error
from maillage.interviews.tests.factories import (
    InterviewFactory,
    InterviewSlotFactory,
    scheduled_interview,
)
from maillage.prequalification.tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db

START = datetime(2027, 3, 2, 17, 0, tzinfo=UTC)
NOW = datetime(2027, 2, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def invitation(shortlisted, member):
    return services.interview_invite(
        proposal=shortlisted,
        by=member.user,
        slots=services.SlotChoice(starts=[START, START + timedelta(days=1)], minutes=30),
        now=NOW,
    )


def state(interview):
    interview.refresh_from_db()
    return (interview.status, interview.slot_id, interview.room_name, interview.calendar_sequence)


def test_picking_books_the_time_opens_a_jitsi_room_and_sends_both_an_ics(
    invitation, candidate, member, settings, django_capture_on_commit_callbacks
):
    settings.VIDEO_ROOM_BASE_URL = "https://visio.example.org/"
    slot = invitation.offered_slots.get(starts_at=START)
    with django_capture_on_commit_callbacks(execute=True):
        interview = services.interview_slot_pick(
            interview=invitation, slot_id=slot.public_id, by=candidate.user, now=NOW
        )
    assert interview.status == InterviewStatus.SCHEDULED
    assert interview.slot == slot
    assert re.fullmatch(r"maillage-entrevue-[0-9a-f]{32}", interview.room_name)
    assert [m.to for m in mail.outbox] == [[candidate.user.email], [member.user.email]]
    for message, person in zip(mail.outbox, [candidate.user, member.user], strict=True):
        [(filename, content, mimetype)] = message.attachments
        assert (filename, mimetype) == ("entrevue.ics", "text/calendar")
        calendar = icalendar.Calendar.from_ical(content)
        [event] = calendar.walk("VEVENT")
        assert str(calendar["METHOD"]) == "REQUEST"
        assert event.decoded("DTSTART") == START
        assert event.decoded("DTEND") == START + timedelta(minutes=30)
        assert str(event["UID"]) == f"interview-{interview.public_id}@maillage"
        assert str(event["LOCATION"]) == f"https://visio.example.org/{interview.room_name}"
        # Only the recipient is named: the candidate's address never reaches the employer here.
        assert str(event["ATTENDEE"]) == f"mailto:{person.email}"
    assert "mardi 2 mars 2027, 18\xa0h\xa000 (heure de Paris)" in mail.outbox[0].body
    assert "mardi 2 mars 2027, 12\xa0h\xa000 (heure de l'Est)" in mail.outbox[1].body


def test_an_employers_own_link_is_used_as_is(shortlisted, member, candidate):
    interview = services.interview_invite(
        proposal=shortlisted,
        by=member.user,
        slots=services.SlotChoice(starts=[START]),
        video_kind=VideoKind.LINK,
        video_url="https://teams.microsoft.com/l/meetup-join/19%3ameeting",
        now=NOW,
    )
    slot = interview.offered_slots.get()
    interview = services.interview_slot_pick(
        interview=interview, slot_id=slot.public_id, by=candidate.user, now=NOW
    )
    assert interview.room_name == ""
    assert interview.video_url == "https://teams.microsoft.com/l/meetup-join/19%3ameeting"


def test_a_time_taken_by_another_candidate_is_refused(invitation, candidate, posting, member):
    slot = invitation.offered_slots.get(starts_at=START)
    rival = InterviewFactory(
        proposal=ProposalFactory(posting=posting, status="invited"), offered=[slot]
    )
    services.interview_slot_pick(
        interview=rival, slot_id=slot.public_id, by=rival.proposal.candidate.user, now=NOW
    )
    before = state(invitation)
    with pytest.raises(services.InterviewError) as error:
        services.interview_slot_pick(
            interview=invitation, slot_id=slot.public_id, by=candidate.user, now=NOW
        )
    assert error.value.messages == [
        "Cette plage vient d'être prise par une autre personne. Choisissez-en une autre."
    ]
    assert state(invitation) == before


def test_a_candidate_cannot_hold_two_interviews_at_once(invitation, candidate, member):
    other_company_interview = scheduled_interview(
        proposal=ProposalFactory(candidate=candidate, status="invited"),
        starts_at=START + timedelta(minutes=15),
    )
    before = state(invitation)
    with pytest.raises(services.InterviewError) as error:
        services.interview_slot_pick(
            interview=invitation,
            slot_id=invitation.offered_slots.get(starts_at=START).public_id,
            by=candidate.user,
            now=NOW,
        )
    assert error.value.messages == [
        (
            "Vous avez déjà une entrevue à ce moment (mardi 2 mars 2027, 18\xa0h\xa015 "
            "(heure de Paris)). Choisissez une autre plage."
        )
    ]
    assert state(invitation) == before
    assert other_company_interview.status == InterviewStatus.SCHEDULED


def test_a_past_time_or_a_time_not_offered_is_refused(invitation, candidate, posting):
    stranger = InterviewSlotFactory(posting=posting, starts_at=START + timedelta(days=5))
    before = state(invitation)
    with pytest.raises(services.InterviewError) as error:
        services.interview_slot_pick(
            interview=invitation, slot_id=stranger.public_id, by=candidate.user, now=NOW
        )
    assert error.value.messages == ["Cette plage n'est plus offerte. Choisissez-en une autre."]
    with pytest.raises(services.InterviewError) as error:
        services.interview_slot_pick(
            interview=invitation,
            slot_id=invitation.offered_slots.get(starts_at=START).public_id,
            by=candidate.user,
            now=START + timedelta(minutes=1),
        )
    assert error.value.messages == ["Cette plage est passée. Choisissez-en une autre."]
    assert state(invitation) == before


def test_a_second_pick_is_refused(invitation, candidate):
    first, second = invitation.offered_slots.order_by("starts_at")
    services.interview_slot_pick(
        interview=invitation, slot_id=first.public_id, by=candidate.user, now=NOW
    )
    before = state(invitation)
    with pytest.raises(services.InterviewError) as error:
        services.interview_slot_pick(
            interview=invitation, slot_id=second.public_id, by=candidate.user, now=NOW
        )
    assert error.value.messages == [
        "Vous avez déjà choisi une plage. Pour la changer, reportez l'entrevue."
    ]
    assert state(invitation) == before
    assert Interview.objects.filter(slot=second).count() == 0


def test_the_time_taken_message_speaks_the_language_of_the_request():
    # It was translated once at import, so every later request got the import-time language.
    with translation.override("en"):
        assert slot_taken_error().messages == [
            "This time was just taken by another candidate. Choose another one."
        ]
    with translation.override("fr"):
        assert "vient d'être prise" in slot_taken_error().messages[0]
