"""A foreign diploma's Québec comparative evaluation (issue 15): its number and the level it
recognises are recorded, and that level is the one a posting's education requirement compares."""

from datetime import date
from html import unescape

from django.urls import reverse

from maillage.candidates.models import Education
from maillage.candidates.tests.factories import CandidateProfileFactory, EducationFactory
from maillage.matching.records import candidate_record
from maillage.matching.selectors import candidate_for_engine
from maillage.taxonomy.scales import EducationLevel


def _form(**fields) -> dict:
    data = {"level": EducationLevel.VOCATIONAL, "field": "Génie mécanique", "country": "MA"}
    return {**data, **fields}


def test_the_evaluated_level_counts_for_the_education_requirement(db):
    education = EducationFactory(
        level=EducationLevel.VOCATIONAL,
        has_quebec_evaluation=True,
        evaluation_number="EC-2025-04812",
        evaluated_level=EducationLevel.COLLEGE,
    )
    profile = candidate_for_engine(education.candidate.pk)
    record = candidate_record(profile, today=date(2026, 11, 26), vector=None)
    assert record.education_level == EducationLevel.COLLEGE


def test_the_candidate_records_the_evaluation_and_sees_it(client, db):
    profile = CandidateProfileFactory()
    client.force_login(profile.user)
    response = client.post(
        reverse("candidates:education-create"),
        _form(
            has_quebec_evaluation="on",
            evaluation_number="EC-2025-04812",
            evaluated_level=EducationLevel.COLLEGE,
        ),
    )
    assert response.status_code == 302
    saved = Education.objects.get(candidate=profile)
    assert (saved.evaluation_number, saved.evaluated_level) == ("EC-2025-04812", 3)
    page = client.get(reverse("candidates:profile")).content.decode()
    assert "Évaluation comparative no\u00a0EC-2025-04812\u00a0: reconnu comme" in page


def test_a_level_without_the_evaluation_is_refused_and_nothing_is_saved(client, db):
    profile = CandidateProfileFactory()
    client.force_login(profile.user)
    response = client.post(
        reverse("candidates:education-create"), _form(evaluated_level=EducationLevel.BACHELOR)
    )
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "Cochez cette case pour inscrire le numéro et le niveau de l'évaluation." in html
    assert "Indiquez le numéro de référence de l'évaluation avec son niveau." in html
    assert not Education.objects.filter(candidate=profile).exists()
