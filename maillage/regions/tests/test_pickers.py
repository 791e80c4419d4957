import pytest
from django.urls import reverse

from maillage.regions.models import Municipality

pytestmark = pytest.mark.django_db


def test_municipality_search_finds_by_folded_name(client):
    html = client.get(
        reverse("regions:municipality-options"), {"q": "riviere-du-l"}
    ).content.decode()
    # The label names the designation and the MRC, as the directory does.
    assert "Rivière-du-Loup (ville, MRC Rivière-du-Loup, Bas-Saint-Laurent)" in html


def test_search_keeps_the_current_choice_selected_even_when_it_no_longer_matches(client):
    rimouski = Municipality.objects.get(name="Rimouski")
    response = client.get(
        reverse("regions:municipality-options"),
        {"q": "gaspé", "field": "company-municipality", "company-municipality": str(rimouski.pk)},
    )
    options = response.context["options"]
    assert options[0] == (
        str(rimouski.pk),
        "Rimouski (ville, MRC Rimouski-Neigette, Bas-Saint-Laurent)",
    )
    assert f'<option value="{rimouski.pk}" selected>' in response.content.decode()
    assert any(label.startswith("Gaspé") for _value, label in options[1:])


def test_noc_search_by_code_and_title(client):
    by_code = client.get(reverse("taxonomy:noc-options"), {"q": "7210"}).context["options"]
    assert [code for code, _label in by_code] == [
        "72100",
        "72101",
        "72102",
        "72103",
        "72104",
        "72105",
        "72106",
    ]
    by_title = client.get(reverse("taxonomy:noc-options"), {"q": "soudeu"}).context["options"]
    assert "72106" in [code for code, _label in by_title]
