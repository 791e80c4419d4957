from datetime import date

import pytest

from maillage.households.models import HouseholdLink, HouseholdLinkStatus
from maillage.households.selectors import household_search
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
