import pytest
from django.urls import reverse

from maillage.candidates.models import CandidateSkill
from maillage.candidates.tests.factories import CandidateProfileFactory, WorkExperienceFactory
from maillage.taxonomy.models import EscoSkill

pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate(client):
    profile = CandidateProfileFactory(summary="Cariste, conduite de chariot élévateur en entrepôt.")
    WorkExperienceFactory(
        candidate=profile, title="Soudeuse", description="Soudage MIG et lecture de plans."
    )
    client.force_login(profile.user)
    return profile


def test_suggestions_come_from_the_profile_and_nothing_is_ticked(client, candidate):
    response = client.get(reverse("candidates:skill-suggestions"))
    assert response.status_code == 200
    suggestions = response.context["suggestions"]
    labels = [s.label for s in suggestions]
    assert "utiliser un chariot élévateur" in labels  # from "About you"
    assert any(s.is_essential for s in suggestions)  # from the welder's NOC group (72106)
    assert " checked" not in response.content.decode()
    assert not CandidateSkill.objects.filter(candidate=candidate).exists()


def test_only_the_ticked_skills_are_added_with_their_uri(client, candidate):
    skill = EscoSkill.objects.get(label_fr="utiliser un chariot élévateur")
    response = client.post(
        reverse("candidates:skill-suggestions"), {"esco_skills": [skill.uri, "forged"]}
    )
    assert response.status_code == 302
    added = CandidateSkill.objects.get(candidate=candidate)
    assert (added.label, added.esco_uri, added.source) == (
        "utiliser un chariot élévateur",
        skill.uri,
        CandidateSkill.Source.EXPERIENCE,
    )


def test_nothing_ticked_adds_nothing(client, candidate):
    response = client.post(reverse("candidates:skill-suggestions"), {})
    assert response.status_code == 200
    assert not CandidateSkill.objects.filter(candidate=candidate).exists()


def test_the_experience_form_suggests_a_noc_for_the_title(client, candidate):
    html = client.get(reverse("candidates:experience-create")).content.decode()
    assert f'hx-get="{reverse("taxonomy:noc-suggestions")}"' in html
    assert 'hx-vals="{&quot;target&quot;: &quot;id_noc&quot;}"' in html
