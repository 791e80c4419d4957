import re

import icalendar
import pytest

from maillage.core.video_rooms import video_room_name, video_room_url
from maillage.interviews.calendar import interview_ics
from maillage.interviews.tests.factories import in_days, scheduled_interview

pytestmark = pytest.mark.django_db


def test_room_names_are_unguessable_and_the_server_is_a_setting(settings):
    settings.VIDEO_ROOM_BASE_URL = "https://jitsi.example.qc.ca/"
    names = {video_room_name(prefix="maillage-entrevue") for _ in range(100)}
    assert len(names) == 100
    assert all(re.fullmatch(r"maillage-entrevue-[0-9a-f]{32}", name) for name in names)
    assert video_room_url("salle") == "https://jitsi.example.qc.ca/salle"


def test_the_calendar_event_is_in_the_recipients_language(shortlisted, member, candidate):
    candidate.user.language = "en"
    interview = scheduled_interview(proposal=shortlisted, starts_at=in_days(5), by=member.user)
    event = icalendar.Calendar.from_ical(
        interview_ics(interview=interview, recipient=candidate.user)
    ).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Interview: Soudeur/soudeuse (Usinage du Fjord inc.)"
    cancelled = icalendar.Calendar.from_ical(
        interview_ics(interview=interview, recipient=member.user, cancel=True)
    )
    assert str(cancelled["METHOD"]) == "CANCEL"
    assert str(cancelled.walk("VEVENT")[0]["SUMMARY"]) == (
        "Entrevue avec Amina Diallo\xa0: Soudeur/soudeuse"  # the employer reads French
    )
