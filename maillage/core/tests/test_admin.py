import pytest
from django.contrib import admin
from django.db import models as dj_models
from django.urls import reverse

from maillage.accounts.models import ProfileView
from maillage.accounts.tests.factories import AdvisorFactory, ManagerFactory
from maillage.activities.tests.factories import MatchResultFactory
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import CompanyFactory

pytestmark = pytest.mark.django_db


def test_program_manager_reads_the_admin_but_cannot_change_anything(client):
    company = CompanyFactory(legal_name="Ferme Boréale inc.")
    client.force_login(ManagerFactory())
    assert client.get(reverse("admin:index")).status_code == 200
    assert (
        "Ferme Boréale inc."
        in client.get(reverse("admin:employers_company_changelist")).content.decode()
    )
    change_url = reverse("admin:employers_company_change", args=[company.pk])
    assert client.get(change_url).status_code == 200  # a read-only view
    response = client.post(change_url, {"legal_name": "Changé"})
    assert response.status_code == 403
    company.refresh_from_db()
    assert company.legal_name == "Ferme Boréale inc."
    assert client.get(reverse("admin:employers_company_add")).status_code == 403


def test_advisors_are_not_admin_staff(client):
    client.force_login(AdvisorFactory())
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302


def _reaches_a_person(model, depth: int = 2) -> bool:
    """The model is a person's record, or points (within `depth` links) to a candidate."""
    if model._meta.label_lower in PERSON_MODELS:
        return True
    if depth == 0:
        return False
    relations = [
        f
        for f in model._meta.get_fields()
        if isinstance(f, (dj_models.ForeignKey, dj_models.OneToOneField)) and not f.auto_created
    ]
    return any(
        f.related_model._meta.label_lower == "candidates.candidateprofile"
        or (f.name in {"user", "recipient"})
        or (
            f.related_model._meta.label_lower not in PERSON_MODELS
            and _reaches_a_person(f.related_model, depth - 1)
        )
        for f in relations
    )


PERSON_MODELS = {"accounts.user", "candidates.candidateprofile"}
NOT_AUDITED = {"accounts.profileview"}  # the audit log itself


def test_every_admin_page_about_people_is_audited():
    missing = sorted(
        model._meta.label_lower
        for model, model_admin in admin.site._registry.items()
        if model.__module__.startswith("maillage.")
        and _reaches_a_person(model)
        and model._meta.label_lower not in NOT_AUDITED
        and getattr(model_admin, "audit_person", None) is None
    )
    assert missing == []


def test_a_manager_opening_a_candidates_record_in_the_admin_is_in_the_audit_log(client):
    profile = CandidateProfileFactory()
    manager = ManagerFactory()
    client.force_login(manager)
    url = reverse("admin:candidates_candidateprofile_change", args=[profile.pk])
    assert client.get(url).status_code == 200
    view = ProfileView.objects.get()
    assert (view.viewer, view.subject) == (manager, profile.user)
    assert "Administration" in view.what


def test_a_list_of_match_results_logs_each_candidate_shown_once(client):
    first, second = MatchResultFactory(), MatchResultFactory()
    MatchResultFactory(candidate=first.candidate)
    manager = ManagerFactory()
    client.force_login(manager)
    assert client.get(reverse("admin:matching_matchresult_changelist")).status_code == 200
    assert sorted(ProfileView.objects.values_list("subject_id", flat=True)) == sorted(
        [first.candidate.user_id, second.candidate.user_id]
    )
    assert set(ProfileView.objects.values_list("viewer_id", flat=True)) == {manager.pk}


def test_reading_the_audit_log_adds_nothing_to_it(client):
    client.force_login(ManagerFactory())
    client.get(reverse("admin:accounts_profileview_changelist"))
    assert not ProfileView.objects.exists()
