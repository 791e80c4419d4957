from datetime import date

import pytest

from maillage.households.models import HouseholdLink, HouseholdLinkStatus
from maillage.households.selectors import household_search
from maillage.prequalification.models import Proposal
from maillage.prequalification.selectors import profile_for_comparison
from maillage.prequalification.sharing import shared_profile
from maillage.site.demo import load_demo_data

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_welder_and_a_care_aide_with_a_region_for_both():
    load_demo_data(candidates=40, companies=12, today=date(2026, 11, 26), with_showcase=False)
    link = HouseholdLink.objects.select_related("inviter", "partner").get()
    assert link.status == HouseholdLinkStatus.ACCEPTED
    wanted = [
        set(person.desired_occupations.values_list("code", flat=True))
        for person in (link.inviter, link.partner)
    ]
    assert "72106" in wanted[0] and "33102" in wanted[1]
    assert household_search(link.inviter, link.partner).pairs


def test_the_demo_employer_reads_the_work_search_of_the_demo_candidates_partner():
    logins = load_demo_data(
        candidates=40, companies=12, today=date(2026, 11, 26), with_showcase=False
    )
    link = HouseholdLink.objects.get()
    assert link.inviter_search_shared_at and link.partner_search_shared_at
    proposals = Proposal.objects.visible_to_employer().filter(
        candidate__in=[link.inviter_id, link.partner_id],
        posting__company__members__user__email=logins.employer,
    )
    seen = [
        shared_profile(p, profile_for_comparison(p.candidate_id), today=date(2026, 11, 26))
        for p in proposals
    ]
    lines = [s.partner_search.sentence() for s in seen if s.partner_search]
    assert lines and all(line.startswith("Déménage avec un conjoint") for line in lines)
