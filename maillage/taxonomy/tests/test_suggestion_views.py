import pytest
from django.urls import reverse

from maillage.employers.tests.factories import CompanyMemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def employer(client):
    member = CompanyMemberFactory()
    client.force_login(member.user)
    return member


def test_noc_suggestions_offer_buttons_that_select_a_group(client, employer):
    response = client.get(
        reverse("taxonomy:noc-suggestions"),
        {"title": "Soudeuse", "target": "id_noc"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    suggestions = response.context["suggestions"]
    assert suggestions[0].code == "72106"
    assert suggestions[0].title.startswith("Soudeurs/soudeuses")
    html = response.content.decode()
    assert 'hx-target="#id_noc"' in html
    assert "?q=72106&amp;field=noc&amp;noc=72106" in html


@pytest.mark.parametrize("title", ["", "   ", "🔥", "x" * 400])
def test_no_suggestion_for_an_empty_or_unreadable_title(client, employer, title):
    response = client.get(reverse("taxonomy:noc-suggestions"), {"title": title})
    assert response.status_code == 200
    assert response.context["suggestions"] == []
    assert response.content.decode().strip() == ""


def test_a_forged_target_is_replaced(client, employer):
    response = client.get(
        reverse("taxonomy:noc-suggestions"), {"title": "Soudeur", "target": '"><script>'}
    )
    assert response.context["target"] == "id_noc"


def test_suggestions_need_an_account(client):
    response = client.get(reverse("taxonomy:noc-suggestions"), {"title": "Soudeur"})
    assert response.status_code == 302


def test_skill_suggestions_come_from_the_text_and_the_occupation_unticked(client, employer):
    response = client.post(
        reverse("taxonomy:skill-suggestions"),
        {
            "title": "Cariste",
            "description": "Conduite de chariot élévateur et préparation des commandes.",
            "noc": "75101",
        },
    )
    assert response.status_code == 200
    suggestions = response.context["suggestions"]
    assert {s.found_in for s in suggestions if s.found_in} == {
        "Conduite de chariot élévateur",
        "préparation des commandes",
    }
    assert any(s.is_essential and not s.found_in for s in suggestions)
    assert "checked" not in response.content.decode()
