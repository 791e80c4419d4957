from datetime import date

import pytest

from maillage.activities.demo import working_day_after
from maillage.activities.models import Activity, ActivityStatus, CandidateRegistration
from maillage.activities.tests.factories import TODAY
from maillage.regions.models import Region
from maillage.site.demo import load_demo_data

pytestmark = pytest.mark.django_db


def test_demo_data_has_a_region_showcase_and_an_upcoming_activity():
    load_demo_data(candidates=12, companies=6, today=TODAY)
    region = Region.objects.get(code="01")
    assert region.profile.presentation_fr.startswith("Texte de démonstration.")
    assert "(source : MAMH" in region.profile.presentation_fr
    # The one figure is marked as a demo value, never shown as a real statistic.
    assert list(region.figures.values_list("is_demo", flat=True)) == [True]
    assert all("(démo)" in name for name in region.services.values_list("name", flat=True))
    video = region.videos.get()
    assert (video.container, video.video_codec, video.width, video.height) == (
        "webm",
        "vp9",
        320,
        180,
    )
    assert sorted(video.captions.values_list("language", flat=True)) == ["en", "fr"]
    activity = Activity.objects.get()
    assert activity.status == ActivityStatus.OPEN
    assert activity.date > TODAY
    assert activity.employer_registrations.count() >= 1
    registered = activity.candidate_registrations.filter(
        status=CandidateRegistration.Status.REGISTERED
    )
    assert all(r.candidate.eligibility(today=TODAY).is_eligible for r in registered)
    assert registered.count() >= 1


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 12, 20), date(2026, 12, 21)),  # a Sunday: the Monday after
        (date(2026, 12, 26), date(2027, 1, 4)),  # the holidays: the first working Monday
        (date(2027, 1, 2), date(2027, 1, 4)),
        (date(2027, 3, 10), date(2027, 3, 10)),
    ],
)
def test_the_demo_fair_falls_on_a_working_day(day, expected):
    assert working_day_after(day) == expected
