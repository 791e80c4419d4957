"""Proposals, interviews, placements and notifications in the export; after erasure the stages
and outcomes stay (figures, fairness audit), what people wrote about the person goes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from maillage.interviews.models import FollowUp, Interview, InterviewStatus, Placement
from maillage.interviews.tests.factories import in_days, scheduled_interview
from maillage.notifications.models import Notification
from maillage.prequalification.models import Proposal, ProposalStatus, ReviewRequest
from maillage.prequalification.tests.factories import ProposalFactory
from maillage.privacy.services import account_erase, personal_data_export

pytestmark = pytest.mark.django_db


def test_the_pipeline_is_exported_then_erased_keeping_stages():
    proposal = ProposalFactory(
        status=ProposalStatus.INVITED,
        shortlisted=True,
        decision_note="Très bon profil de soudeuse.",
    )
    user = proposal.candidate.user
    ReviewRequest.objects.create(proposal=proposal, requested_by=user, message="Je peux déménager.")
    interview = scheduled_interview(
        proposal=proposal, starts_at=in_days(-30), status=InterviewStatus.COMPLETED, outcome="hired"
    )
    Interview.objects.filter(pk=interview.pk).update(outcome_note="Excellente entrevue.")
    placement = Placement.objects.create(
        interview=interview,
        candidate=proposal.candidate,
        posting=proposal.posting,
        company=proposal.posting.company,
        position="Soudeuse",
        municipality=proposal.posting.municipality,
        region=proposal.posting.municipality.region,
        start_date=timezone.localdate() - timedelta(days=100),
    )
    FollowUp.objects.create(
        placement=placement, months=3, due_on=timezone.localdate(), note="Se plaît bien."
    )
    Notification.objects.create(recipient=user, code="prequalification.review_answered", params={})

    sections = personal_data_export(user=user)["sections"]
    account_erase(user=user)

    assert (
        sections["prequalification"]["proposals"][0]["decision_note"]
        == "Très bon profil de soudeuse."
    )
    assert sections["prequalification"]["review_requests"][0]["message"] == "Je peux déménager."
    assert sections["interviews"]["interviews"][0]["outcome"] == "hired"
    assert sections["interviews"]["placements"][0]["follow_ups"][0]["note"] == "Se plaît bien."
    assert sections["notifications"][0]["code"] == "prequalification.review_answered"
    proposal = Proposal.objects.get(pk=proposal.pk)
    assert (proposal.status, proposal.score, proposal.decision_note, proposal.reasons) == (
        ProposalStatus.INVITED,
        82.0,
        "",
        [],
    )
    assert ReviewRequest.objects.get().message == ""
    assert Interview.objects.get(pk=interview.pk).outcome == "hired"
    assert Interview.objects.get(pk=interview.pk).outcome_note == ""
    assert Placement.objects.count() == 1
    assert FollowUp.objects.get().note == ""
    assert not Notification.objects.filter(recipient=user).exists()
