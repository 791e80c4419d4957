"""The whole path through the services, as one story: it fails first when a step breaks."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from maillage.interviews import services as interview_services
from maillage.interviews.models import FollowUp, InterviewStatus, Placement
from maillage.prequalification import services
from maillage.prequalification.models import DecisionLabel, ProposalStatus
from maillage.prequalification.tests.factories import MatchResultFactory

pytestmark = pytest.mark.django_db


def test_from_engine_result_to_placement(
    advisor, member, posting, candidate, django_capture_on_commit_callbacks
):
    MatchResultFactory(candidate=candidate, posting=posting, score=88)
    [proposal] = services.proposals_create_from_matches(posting=posting)
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_approve(proposal=proposal, by=advisor, reason="meets_requirements")
        proposal = services.proposal_consent_answer(
            proposal=proposal, by=candidate.user, accept=True, shared_sections=["experience"]
        )
    assert proposal.status == ProposalStatus.SHORTLISTED
    start = timezone.now() + timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        interview = interview_services.interview_invite(
            proposal=proposal,
            by=member.user,
            slots=interview_services.SlotChoice(starts=[start], minutes=30),
        )
        slot = interview.offered_slots.get()
        interview = interview_services.interview_slot_pick(
            interview=interview, slot_id=slot.public_id, by=candidate.user
        )
    assert interview.status == InterviewStatus.SCHEDULED
    with django_capture_on_commit_callbacks(execute=True):
        interview_services.interview_outcome_record(
            interview=interview,
            by=member.user,
            outcome="hired",
            hire=interview_services.HireDetails(
                start_date=(start + timedelta(days=30)).date(),
                position="Soudeur",
                municipality=posting.municipality,
            ),
            now=start + timedelta(hours=1),
        )
    assert Placement.objects.get().position == "Soudeur"
    assert FollowUp.objects.count() == 3
    assert list(DecisionLabel.objects.values_list("label", flat=True)) == [
        "advisor_approved",
        "employer_invited",
        "hired",
    ]
    assert len(mail.outbox) > 3
