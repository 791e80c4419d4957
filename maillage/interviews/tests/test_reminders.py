"""Reminders 24 h and 1 h before, once each, from the periodic task or the cron command."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from maillage.interviews.services import interview_reminders_send
from maillage.interviews.tests.factories import scheduled_interview

pytestmark = pytest.mark.django_db

START = datetime(2027, 3, 2, 17, 0, tzinfo=UTC)


@pytest.fixture
def interview(shortlisted, member):
    shortlisted.status = "invited"
    shortlisted.save()
    return scheduled_interview(proposal=shortlisted, starts_at=START, by=member.user)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def send(now):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            count = interview_reminders_send(now=now)
        return count, sorted((m.to[0], m.subject) for m in mail.outbox)

    return send


def test_each_reminder_goes_once_to_both_sides(interview, candidate, member, run):
    assert run(START - timedelta(hours=25)) == (0, [])
    count, sent = run(START - timedelta(hours=23))
    assert count == 1
    assert sent == sorted(
        [
            (candidate.user.email, "Demain\xa0: entrevue au sujet de «\xa0Soudeur/soudeuse\xa0»"),
            (member.user.email, "Demain\xa0: entrevue au sujet de «\xa0Soudeur/soudeuse\xa0»"),
        ]
    )
    assert run(START - timedelta(hours=22)) == (0, [])
    count, sent = run(START - timedelta(minutes=50))
    assert count == 1
    assert [subject for _, subject in sent] == [
        "Dans une heure\xa0: entrevue au sujet de «\xa0Soudeur/soudeuse\xa0»"
    ] * 2
    assert run(START - timedelta(minutes=10)) == (0, [])
    assert run(START + timedelta(minutes=10)) == (0, [])


def test_a_time_chosen_late_skips_the_reminder_whose_moment_passed(interview, run):
    interview.scheduled_at = START - timedelta(hours=3)
    interview.save()
    assert run(START - timedelta(hours=2))[0] == 0
    assert run(START - timedelta(minutes=30))[0] == 1


def test_a_missed_24_hour_run_does_not_send_it_in_the_last_hour(interview, run):
    count, sent = run(START - timedelta(minutes=30))
    assert count == 1
    assert all(subject.startswith("Dans une heure") for _, subject in sent)


def test_the_cron_command(interview, capsys):
    call_command("send_interview_reminders")
    assert capsys.readouterr().out.strip() == "0 reminder(s) sent"
