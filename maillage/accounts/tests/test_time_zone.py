import html
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from maillage.accounts.models import User
from maillage.accounts.tests.factories import UserFactory
from maillage.accounts.time_zones import person_datetime

pytestmark = pytest.mark.django_db

MOMENT = datetime(2027, 3, 2, 17, 0, tzinfo=UTC)


def test_a_moment_is_written_in_the_persons_zone_and_language_as_people_say_it():
    assert person_datetime(MOMENT, time_zone="Europe/Paris", language="fr") == (
        "mardi 2 mars 2027, 18\xa0h\xa000 (heure de Paris)"
    )
    assert person_datetime(MOMENT, time_zone="Africa/Abidjan", language="fr") == (
        "mardi 2 mars 2027, 17\xa0h\xa000 (heure d'Abidjan)"
    )
    assert person_datetime(MOMENT, time_zone="America/Toronto", language="fr") == (
        "mardi 2 mars 2027, 12\xa0h\xa000 (heure de l'Est)"
    )
    assert person_datetime(MOMENT, time_zone="America/Toronto", language="en") == (
        "Tuesday 2 Mar 2027, noon (Eastern Time)"
    )


def test_french_hours_have_no_leading_zero_and_the_first_of_the_month_is_1er():
    first_of_may = datetime(2027, 5, 1, 13, 30, tzinfo=UTC)  # 9 h 30 in Québec
    assert person_datetime(first_of_may, time_zone="America/Toronto", language="fr") == (
        "samedi 1er mai 2027, 9\xa0h\xa030 (heure de l'Est)"
    )
    assert person_datetime(first_of_may, time_zone="America/Toronto", language="en") == (
        "Saturday 1 May 2027, 9:30 a.m. (Eastern Time)"
    )


def test_the_time_zone_picker_offers_canada_first_in_everyday_words(client):
    person = UserFactory(language="fr")
    client.force_login(person)
    response = client.get(reverse("accounts:settings"), HTTP_ACCEPT_LANGUAGE="fr")
    page = html.unescape(response.content.decode())
    canada = page.index('<optgroup label="Canada">')
    world = page.index('<optgroup label="Ailleurs dans le monde">')
    assert canada < page.index("Heure de l'Est (Québec, Ontario)") < world
    assert page.index("Paris (Europe)") > world
    assert "America/Toronto</option>" not in page and "Europe/Paris</option>" not in page


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
