import pytest
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.models import User
from maillage.interviews.models import FollowUp, Interview
from maillage.matching.calibration import proposal_threshold
from maillage.prequalification.models import Proposal
from maillage.site.demo import load_demo_data

pytestmark = pytest.mark.django_db


def test_the_demo_shows_every_step_to_the_demo_employer_and_candidate(client):
    # The demo's own size: the story (a welding shop with real choices) is written for it.
    logins = load_demo_data(today=timezone.localdate())
    employer = User.objects.get(email=logins.employer)
    company = employer.company_membership.company
    assert set(Proposal.objects.of_company(company.pk).values_list("status", flat=True)) >= {
        "proposed",
        "consent_requested",
        "shortlisted",
        "rejected",
        "invited",
    }
    assert set(Interview.objects.values_list("status", flat=True)) == {
        "awaiting_candidate",
        "scheduled",
        "completed",
    }
    assert FollowUp.objects.count() == 3
    candidate = User.objects.get(email=logins.candidate)
    mine = Proposal.objects.filter(candidate__user=candidate).select_related("posting")
    assert "invited" in set(mine.values_list("status", flat=True))
    # A true story: what waits for an advisor is above the calibrated threshold and in a trade the
    # person wants or has worked in (the demo advisor declined the others, with that reason).
    assert min(Proposal.objects.values_list("score", flat=True)) >= proposal_threshold().score
    for proposal in Proposal.objects.exclude(status="rejected").select_related("candidate"):
        trades = set(proposal.candidate.desired_occupations.values_list("pk", flat=True))
        trades |= set(proposal.candidate.experiences.values_list("noc_id", flat=True))
        assert proposal.posting.noc_id in trades
    declined = Proposal.objects.filter(status="rejected", decision_reason="occupation_mismatch")
    assert declined.exists()
    # Every demo person's pages of this feature open.
    for email, names in [
        (logins.candidate, ["prequalification:mine", "interviews:list", "notifications:list"]),
        (logins.employer, ["prequalification:shortlist", "interviews:list"]),
        (logins.advisor, ["prequalification:queue", "interviews:follow-up-list"]),
    ]:
        client.force_login(User.objects.get(email=email))
        for name in names:
            assert client.get(reverse(name)).status_code == 200
