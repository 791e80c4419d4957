"""A candidate's activities in the export; after erasure the participation counts stay."""

import pytest

from maillage.activities.models import CandidateRegistration, Meeting, MeetingConstraint
from maillage.activities.tests.factories import ActivityFactory, CandidateRegistrationFactory
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import CompanyFactory
from maillage.privacy.services import account_erase, personal_data_export

pytestmark = pytest.mark.django_db


def test_activities_are_exported_then_erased_keeping_participation():
    profile = CandidateProfileFactory()
    activity = ActivityFactory(title="Maillage express Rimouski")
    CandidateRegistrationFactory(activity=activity, candidate=profile, status="registered")
    company = CompanyFactory()
    Meeting.objects.create(
        activity=activity,
        candidate=profile,
        company=company,
        slot=0,
        score=88.0,
        engine_version="rules-1",
        room_name="maillage-abc",
    )
    MeetingConstraint.objects.create(
        activity=activity, candidate=profile, company=company, kind="forbid"
    )

    exported = personal_data_export(user=profile.user)["sections"]["activities"]
    account_erase(user=profile.user)

    assert exported["registrations"][0]["activity"] == "Maillage express Rimouski"
    assert exported["meetings"][0]["engine_version"] == "rules-1"
    assert CandidateRegistration.objects.filter(candidate=profile, status="registered").count() == 1
    assert list(Meeting.objects.values_list("score", "room_name")) == [(88.0, "")]
    assert not MeetingConstraint.objects.exists()
