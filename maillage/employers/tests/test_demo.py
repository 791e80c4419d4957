"""The demo's permit story (issue 15, part 3): the truck-driver postings require the SAAQ class 1
licence, and every truck driver says where they stand with it, as the services record it."""

import pytest
from django.utils import timezone

from maillage.candidates.models import CandidateProfile
from maillage.employers.demo import (
    CLASS_1,
    CLASS_1_TYPED,
    LISTED_IN_TURN,
    NOT_LISTED_IN_TURN,
    TRUCK_DRIVERS,
)
from maillage.employers.models import JobPosting, PostingStatus
from maillage.site.demo import load_demo_data

pytestmark = pytest.mark.django_db


def test_the_truck_postings_require_class_1_and_each_driver_says_where_they_stand():
    logins = load_demo_data(
        candidates=40, companies=14, today=timezone.localdate(), with_matches=False
    )
    trucks = JobPosting.objects.filter(noc_id=TRUCK_DRIVERS, status=PostingStatus.PUBLISHED)
    assert trucks.exists()
    for posting in trucks:
        assert posting.required_permits == [CLASS_1]
        assert CLASS_1_TYPED not in {s.label for s in posting.skills.all()}  # the permit instead
    drivers = CandidateProfile.objects.filter(desired_occupations__code=TRUCK_DRIVERS)
    assert drivers.exists()
    for driver in drivers.prefetch_related("skills"):
        listed = CLASS_1_TYPED in {s.label for s in driver.skills.all()}
        expected = LISTED_IN_TURN if listed else NOT_LISTED_IN_TURN
        assert driver.permits[CLASS_1] in expected  # held only by who listed a licence
    demo = CandidateProfile.objects.get(user__email=logins.candidate)
    assert demo.permits == {"ccq-soudeur": "in_progress", "cwb-soudeur": "held"}
