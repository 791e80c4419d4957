"""Municipality pickers tell apart the places that share a name and sort regardless of accents."""

from html import unescape

import pytest
from django.db.models import Count
from django.urls import reverse

from maillage.accounts.tests.factories import UserFactory
from maillage.employers.forms import municipality_queryset
from maillage.regions.models import Municipality

pytestmark = pytest.mark.django_db


def test_namesakes_are_told_apart_by_their_mrc(client, reference_data):
    namesakes = (
        Municipality.objects.values("name")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values_list("name", flat=True)
    )
    name = namesakes[0]
    labels = [m.picker_label for m in Municipality.objects.filter(name=name)]
    assert len(set(labels)) == len(labels)
    client.force_login(UserFactory())
    response = client.get(reverse("regions:municipality-options"), {"q": name})
    html = unescape(response.content.decode())
    assert all(label in html for label in labels)


def test_the_list_sorts_accented_names_with_their_letter(reference_data):
    names = [m.name for m in municipality_queryset()]
    first_e = next(i for i, n in enumerate(names) if n[0] in "EÉ")
    last_e = max(i for i, n in enumerate(names) if n[0] in "EÉ")
    assert all(names[i][0] in "EÉ" for i in range(first_e, last_e + 1))
