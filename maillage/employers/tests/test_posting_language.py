"""The posting form's language helps: NOC suggested as the title is typed, ESCO skills ticked
among suggestions saved with their URI; nothing chosen for the employer."""

import pytest
from django.urls import reverse

from maillage.employers.models import JobPosting, PostingSkill
from maillage.employers.tests.test_postings import posting_data
from maillage.taxonomy.models import EscoSkill

pytestmark = pytest.mark.django_db


@pytest.fixture
def employer(client):
    from maillage.employers.tests.factories import CompanyMemberFactory

    member = CompanyMemberFactory()
    client.force_login(member.user)
    return member


def test_the_title_box_asks_for_noc_suggestions_as_the_employer_types(client, employer):
    html = client.get(reverse("employers:posting-create")).content.decode()
    assert f'hx-get="{reverse("taxonomy:noc-suggestions")}"' in html
    assert 'id="id_title_noc_suggestions"' in html
    assert f'hx-post="{reverse("taxonomy:skill-suggestions")}"' in html


def test_ticked_esco_skills_are_added_to_the_required_skills_with_their_uri(client, employer):
    skill = EscoSkill.objects.get(label_fr="utiliser un chariot élévateur")
    data = posting_data(municipality=employer.company.municipality_id, esco_skills=[skill.uri])
    response = client.post(reverse("employers:posting-create"), data)
    assert response.status_code == 302
    posting = JobPosting.objects.get()
    skills = {s.label: (s.esco_uri, s.is_required) for s in posting.skills.all()}
    assert skills["utiliser un chariot élévateur"] == (skill.uri, True)
    # Typed skills are linked when an ESCO skill fits, the employer's words kept as the label.
    blueprints = EscoSkill.objects.get(uri=skills["Lecture de plans"][0])
    assert blueprints.label_fr == "lire des plans standard"
    assert set(skills) == {
        "Lecture de plans",
        "Soudage MIG",
        "Soudage TIG",
        "utiliser un chariot élévateur",
    }
    # Editing the posting keeps the link.
    response = client.post(
        reverse("employers:posting-edit", args=[posting.public_id]),
        posting_data(
            municipality=employer.company.municipality_id,
            required_skills="Soudage MIG\nutiliser un chariot élévateur",
        ),
    )
    assert response.status_code == 302
    assert (
        PostingSkill.objects.get(posting=posting, label="utiliser un chariot élévateur").esco_uri
        == skill.uri
    )


def test_an_unknown_skill_uri_is_refused_and_nothing_is_saved(client, employer):
    data = posting_data(
        municipality=employer.company.municipality_id,
        esco_skills=["http://data.europa.eu/esco/skill/not-a-skill"],
    )
    response = client.post(reverse("employers:posting-create"), data)
    assert response.status_code == 200
    assert "esco_skills" in response.context["form"].errors
    assert not JobPosting.objects.exists()
