from datetime import UTC, datetime

import pytest
from django.urls import reverse

from maillage.accounts.models import User
from maillage.accounts.tests.factories import UserFactory
from maillage.accounts.time_zones import person_datetime

pytestmark = pytest.mark.django_db

MOMENT = datetime(2027, 3, 2, 17, 0, tzinfo=UTC)


def test_a_moment_is_written_in_the_persons_zone_and_language():
    assert person_datetime(MOMENT, time_zone="Europe/Paris", language="fr") == (
        "mardi 2 mars 2027, 18\xa0h\xa000 (Europe/Paris)"
    )
    assert person_datetime(MOMENT, time_zone="America/Toronto", language="en") == (
        "Tuesday 2 Mar 2027, noon (America/Toronto)"
    )


def test_the_person_chooses_their_time_zone_and_pages_follow_it(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post(
        reverse("accounts:settings"), {"language": "fr", "time_zone": "Africa/Casablanca"}
    )
    assert response.status_code == 302
    assert User.objects.get(pk=person.pk).time_zone == "Africa/Casablanca"
    response = client.post(
        reverse("accounts:settings"), {"language": "fr", "time_zone": "Mars/Olympus"}
    )
    assert response.status_code == 200
    assert User.objects.get(pk=person.pk).time_zone == "Africa/Casablanca"
