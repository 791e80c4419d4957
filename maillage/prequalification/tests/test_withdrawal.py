"""Consent can be withdrawn at every stage after it was given: what follows is cancelled with a
notice, and the employer loses access at once, on the site and in the API."""

import html

import pytest
from django.core import mail
from django.urls import reverse

from maillage.api.tests.factories import ApiTokenFactory, bearer
from maillage.interviews.models import InterviewStatus
from maillage.interviews.tests.factories import InterviewFactory, in_days, scheduled_interview
from maillage.notifications.models import Notification
from maillage.prequalification import services
from maillage.prequalification.models import ProposalStatus
from maillage.prequalification.tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(member, posting, candidate):
    return ProposalFactory(
        shortlisted=True, status=ProposalStatus.INVITED, posting=posting, candidate=candidate
    )


def employer_reaches(client, member, proposal, interview) -> dict[str, int | bool]:
    client.force_login(member.user)
    token = ApiTokenFactory(user=member.user)
    api = client.get(
        f"/api/v1/employer/postings/{proposal.posting.public_id}/shortlist", **bearer(token)
    ).json()
    return {
        "candidate_page": client.get(
            reverse("prequalification:shortlist-candidate", args=[proposal.public_id])
        ).status_code,
        "interview_page": client.get(
            reverse("interviews:detail", args=[interview.public_id])
        ).status_code,
        "in_api": any(entry["id"] == str(proposal.public_id) for entry in api),
    }


def test_withdrawing_after_an_invitation_cancels_the_interviews_and_ends_the_access(
    client, member, invited, django_capture_on_commit_callbacks
):
    member.user.language = "en"
    member.user.save()
    waiting = InterviewFactory(proposal=invited, created_by=member.user)
    booked = scheduled_interview(proposal=invited, starts_at=in_days(3), by=member.user, round=2)
    assert employer_reaches(client, member, invited, booked) == {
        "candidate_page": 200,
        "interview_page": 200,
        "in_api": True,
    }

    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_withdraw(proposal=invited, by=invited.candidate.user)

    invited.refresh_from_db()
    assert (invited.status, invited.shared_sections) == (ProposalStatus.WITHDRAWN, [])
    for interview in (waiting, booked):
        interview.refresh_from_db()
        assert interview.status == InterviewStatus.CANCELLED
    to_employer = [m for m in mail.outbox if m.to == [member.user.email]]
    assert len(to_employer) == 2
    assert "The candidate withdrew their consent" in to_employer[0].body  # in their language
    assert Notification.objects.filter(
        recipient=member.user, code="prequalification.withdrawn_employer"
    ).exists()
    assert employer_reaches(client, member, invited, booked) == {
        "candidate_page": 404,
        "interview_page": 404,
        "in_api": False,
    }


def test_an_interview_already_held_is_not_rewritten_by_a_withdrawal(member, invited):
    held = scheduled_interview(proposal=invited, starts_at=in_days(-1), by=member.user)
    services.proposal_withdraw(proposal=invited, by=invited.candidate.user)
    held.refresh_from_db()
    assert held.status == InterviewStatus.SCHEDULED


def test_the_candidate_withdraws_from_their_page_once_invited(client, invited):
    client.force_login(invited.candidate.user)
    detail = client.get(reverse("prequalification:mine-detail", args=[invited.public_id]))
    assert "Retirer mon consentement" in html.unescape(detail.content.decode())
    response = client.post(reverse("prequalification:mine-withdraw", args=[invited.public_id]))
    assert response.status_code == 302
    invited.refresh_from_db()
    assert invited.status == ProposalStatus.WITHDRAWN


@pytest.mark.parametrize(
    "status", [ProposalStatus.CONSENT_REQUESTED, ProposalStatus.DECLINED, ProposalStatus.PROPOSED]
)
def test_there_is_nothing_to_withdraw_before_consenting(posting, candidate, status):
    proposal = ProposalFactory(posting=posting, candidate=candidate, status=status)
    with pytest.raises(services.ProposalError):
        services.proposal_withdraw(proposal=proposal, by=candidate.user)
