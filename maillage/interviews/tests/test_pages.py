"""Interview pages: bad input answered in words that keep what was typed, the calendar file,
times shown in each person's time zone."""

import html
from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from maillage.interviews.models import Interview, InterviewSlot, InterviewStatus
from maillage.interviews.tests.factories import (
    InterviewFactory,
    InterviewSlotFactory,
    in_days,
    scheduled_interview,
)
from maillage.prequalification.models import ProposalStatus

pytestmark = pytest.mark.django_db


def page(response) -> str:
    return html.unescape(response.content.decode())


def local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_an_invitation_with_a_past_time_is_refused_and_keeps_what_was_typed(
    client, member, shortlisted
):
    client.force_login(member.user)
    past = local(timezone.now() - timedelta(days=1))
    response = client.post(
        reverse("interviews:invite", args=[shortlisted.public_id]),
        {"start_1": past, "minutes": "30", "video_kind": "jitsi", "message": "Bienvenue"},
    )
    assert response.status_code == 400
    assert "Une plage ne peut pas être dans le passé\xa0:" in page(response)
    assert f'value="{past}"' in page(response)
    assert "Bienvenue" in page(response)
    assert not Interview.objects.exists()
    shortlisted.refresh_from_db()
    assert shortlisted.status == ProposalStatus.SHORTLISTED


def test_an_invitation_without_any_time_says_so(client, member, shortlisted):
    client.force_login(member.user)
    response = client.post(
        reverse("interviews:invite", args=[shortlisted.public_id]),
        {"minutes": "30", "video_kind": "jitsi"},
    )
    assert response.status_code == 400
    assert "Proposez au moins une plage horaire." in page(response)


def test_the_invitation_is_entered_in_the_employers_time_zone(client, member, shortlisted):
    member.user.time_zone = "America/Blanc-Sablon"  # Basse-Côte-Nord keeps Atlantic time
    member.user.save()
    client.force_login(member.user)
    day = (timezone.now() + timedelta(days=10)).date()
    response = client.post(
        reverse("interviews:invite", args=[shortlisted.public_id]),
        {"start_1": f"{day.isoformat()}T10:00", "minutes": "30", "video_kind": "jitsi"},
    )
    assert response.status_code == 302
    slot = InterviewSlot.objects.get()
    assert (slot.starts_at.hour, slot.starts_at.minute) == (14, 0)  # 10:00 at UTC−4 is 14:00 UTC


def test_the_candidate_sees_the_times_in_their_zone_and_picks_one(client, candidate, shortlisted):
    shortlisted.status = "invited"
    shortlisted.save()
    slot = InterviewSlotFactory(posting=shortlisted.posting, starts_at=in_days(4, hour=15))
    interview = InterviewFactory(proposal=shortlisted, offered=[slot])
    client.force_login(candidate.user)
    response = client.get(reverse("interviews:detail", args=[interview.public_id]))
    paris = timezone.localtime(slot.starts_at, timezone=ZoneInfo("Europe/Paris"))
    assert f"{paris.hour}\xa0h\xa000 (heure de Paris)" in page(response)
    response = client.post(reverse("interviews:pick", args=[interview.public_id]), {})
    assert response.status_code == 400
    assert "Choisissez une des plages horaires." in page(response)
    response = client.post(
        reverse("interviews:pick", args=[interview.public_id]), {"slot": str(slot.public_id)}
    )
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.status == InterviewStatus.SCHEDULED


def test_both_sides_download_the_calendar_file(client, candidate, member, shortlisted):
    interview = scheduled_interview(proposal=shortlisted, starts_at=in_days(5), by=member.user)
    client.force_login(candidate.user)
    response = client.get(reverse("interviews:calendar", args=[interview.public_id]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="entrevue.ics"'
    [event] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["ATTENDEE"]) == f"mailto:{candidate.user.email}"
    assert event.decoded("DTSTART") == interview.slot.starts_at


def test_an_outcome_before_the_interview_is_refused_on_the_page(client, member, shortlisted):
    interview = scheduled_interview(proposal=shortlisted, starts_at=in_days(2), by=member.user)
    client.force_login(member.user)
    response = client.post(
        reverse("interviews:outcome", args=[interview.public_id]), {"outcome": "no_show"}
    )
    assert response.status_code == 400
    assert "L'entrevue n'a pas encore eu lieu\xa0: inscrivez son résultat après." in page(response)
    interview.refresh_from_db()
    assert interview.status == InterviewStatus.SCHEDULED


def test_before_the_interview_the_employer_is_told_where_the_outcome_will_go(
    client, member, shortlisted
):
    interview = scheduled_interview(proposal=shortlisted, starts_at=in_days(2), by=member.user)
    client.force_login(member.user)
    html = page(client.get(reverse("interviews:detail", args=[interview.public_id])))
    assert "Une fois l'heure de l'entrevue passée, vous en inscrivez le résultat ici" in html
    assert "Inscrire le résultat" not in html


def test_a_hire_without_its_details_names_each_missing_field(client, member, shortlisted):
    interview = scheduled_interview(proposal=shortlisted, starts_at=in_days(-1), by=member.user)
    client.force_login(member.user)
    response = client.post(
        reverse("interviews:outcome", args=[interview.public_id]),
        {"outcome": "hired", "position": "", "start_date": ""},
    )
    assert response.status_code == 400
    assert page(response).count("Nécessaire pour une embauche.") == 3
    interview.refresh_from_db()
    assert interview.outcome == ""


def test_a_reschedule_after_the_meeting_is_refused_on_the_page(
    client, candidate, member, shortlisted
):
    interview = scheduled_interview(proposal=shortlisted, starts_at=in_days(-1), by=member.user)
    client.force_login(candidate.user)
    response = client.post(
        reverse("interviews:reschedule", args=[interview.public_id]),
        {"reschedule-reason": "Trop tard"},
    )
    assert response.status_code == 400
    assert "L'heure de l'entrevue est passée\xa0: elle ne peut plus être reportée." in page(
        response
    )
    interview.refresh_from_db()
    assert interview.slot is not None


def test_the_follow_up_page_shows_the_retention_figures(client, advisor):
    client.force_login(advisor)
    response = client.get(reverse("interviews:follow-up-list"))
    assert "0 placement grâce au programme." in page(response)


def test_the_interview_list_costs_a_fixed_number_of_queries(
    client, member, posting, django_assert_max_num_queries
):
    from maillage.prequalification.tests.factories import ProposalFactory

    for day in range(6):
        scheduled_interview(
            proposal=ProposalFactory(posting=posting, status="invited"),
            starts_at=in_days(day + 1),
            by=member.user,
        )
    client.force_login(member.user)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("interviews:list"))
    assert len(response.context["page"].object_list) == 6


def test_the_employer_is_not_told_the_candidates_time_zone(client, member, shortlisted):
    interview = scheduled_interview(proposal=shortlisted, starts_at=in_days(5), by=member.user)
    client.force_login(member.user)
    response = client.get(reverse("interviews:detail", args=[interview.public_id]))
    assert response.status_code == 200
    assert "Europe/Paris" not in page(response)
    assert "Paris" not in page(response)


def test_the_candidates_export_holds_the_interview_history_without_other_peoples_names(
    member, shortlisted
):
    from maillage.interviews import privacy
    from maillage.interviews.services import interview_cancel

    interview = scheduled_interview(proposal=shortlisted, starts_at=in_days(5), by=member.user)
    interview_cancel(interview=interview, by=member.user, reason="Poste comblé")
    exported = privacy.export(shortlisted.candidate.user)
    (history,) = [i["history"] for i in exported["interviews"]]
    assert [(e["kind"], e["reason"]) for e in history][-1] == ("cancelled", "Poste comblé")
    assert member.user.full_name not in str(exported)
    assert member.user.email not in str(exported)
