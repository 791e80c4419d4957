import html
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.models import ProfileView, Role
from maillage.accounts.tests.factories import AdvisorFactory, UserFactory
from maillage.candidates.models import (
    CandidateProfile,
    ImmigrationStatus,
    ProofDocument,
    WorkExperience,
)
from maillage.candidates.tests.factories import CandidateProfileFactory, WorkExperienceFactory
from maillage.core.choices import VerificationStatus
from maillage.regions.models import Region

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def candidate(client):
    profile = CandidateProfileFactory(verification_status=VerificationStatus.NOT_SUBMITTED)
    client.force_login(profile.user)
    return profile


def edit(client, section, data):
    return client.post(reverse("candidates:section-edit", args=[section]), data)


def test_profile_page_shows_eligibility_pending_verification(client, candidate):
    response = client.get(reverse("candidates:profile"))
    assert response.status_code == 200
    assert response.context["eligibility"].state == "pending_verification"
    assert response.context["eligibility"].is_within_period


def test_immigration_section_saves_a_valid_answer(client, candidate):
    response = edit(
        client,
        "immigration",
        {
            "admission_date": "2025-05-01",
            "immigration_status": "open_work_permit",
            "permit_expires_on": "2027-05-01",
        },
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.admission_date == date(2025, 5, 1)
    assert candidate.permit_expires_on == date(2027, 5, 1)


def test_admission_date_in_the_future_is_refused_and_kept_in_the_form(client, candidate):
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = edit(
        client,
        "immigration",
        {"admission_date": future, "immigration_status": "permanent_resident"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["admission_date"]
    assert response.context["form"]["admission_date"].value() == future
    candidate.refresh_from_db()
    assert candidate.admission_date == date(2024, 3, 15)


def test_work_permit_without_expiry_is_refused(client, candidate):
    response = edit(
        client,
        "immigration",
        {"admission_date": "2025-05-01", "immigration_status": "open_work_permit"},
    )
    assert "permit_expires_on" in response.context["form"].errors
    candidate.refresh_from_db()
    assert candidate.immigration_status == ImmigrationStatus.PERMANENT_RESIDENT


def test_a_permanent_resident_has_no_permit_expiry_whatever_the_form_sends(client, candidate):
    candidate.immigration_status = ImmigrationStatus.OPEN_WORK_PERMIT
    candidate.permit_expires_on = date(2027, 5, 1)
    candidate.save()
    response = edit(
        client,
        "immigration",
        {
            "admission_date": "2025-05-01",
            "immigration_status": "permanent_resident",
            "permit_expires_on": "2027-05-01",
        },
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.immigration_status == ImmigrationStatus.PERMANENT_RESIDENT
    assert candidate.permit_expires_on is None
    assert "expiration du permis" not in client.get(reverse("candidates:profile")).content.decode()


def test_the_form_marks_the_permanent_statuses_so_the_page_hides_the_expiry(client, candidate):
    html = client.get(reverse("candidates:section-edit", args=["immigration"])).content.decode()
    assert 'candidates/profile_form.css"' in html
    assert '<option value="permanent_resident" selected data-permanent="">' in html
    assert '<option value="protected_person" data-permanent="">' in html
    assert '<option value="open_work_permit">' in html


def test_a_stale_expiry_of_a_permanent_resident_is_not_shown(client, candidate):
    CandidateProfile.objects.filter(pk=candidate.pk).update(permit_expires_on=date(2020, 1, 1))
    html = client.get(reverse("candidates:profile")).content.decode()
    assert "expiration du permis" not in html


def test_changing_eligibility_facts_after_verification_sends_the_profile_back_to_verification(
    client,
):
    profile = CandidateProfileFactory()
    client.force_login(profile.user)
    edit(
        client,
        "immigration",
        {"admission_date": "2023-02-01", "immigration_status": "permanent_resident"},
    )
    profile.refresh_from_db()
    assert profile.verification_status == VerificationStatus.PENDING


@pytest.mark.parametrize("level", ["13", "0", "douze"])
def test_language_level_outside_1_to_12_is_refused(client, candidate, level):
    response = edit(client, "languages", {"french_oral_comprehension": level})
    errors = response.context["form"].errors["french_oral_comprehension"]
    assert errors == [
        str(
            response.context["form"]
            .fields["french_oral_comprehension"]
            .error_messages["invalid_choice"]
        )
    ]
    candidate.refresh_from_db()
    assert candidate.french_oral_comprehension == 8


def test_languages_are_saved_per_skill(client, candidate):
    data = dict.fromkeys(CandidateProfile().french_levels(), "9")
    response = edit(
        client,
        "languages",
        {f"french_{k}": v for k, v in data.items()} | {"english_oral_production": "3"},
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.french_levels() == dict.fromkeys(data, 9)
    assert candidate.english_oral_production == 3
    assert candidate.english_oral_comprehension is None


def test_preferences_need_a_region_or_openness(client, candidate):
    response = edit(client, "preferences", {"salary_period": "hour"})
    assert "regions_of_interest" in response.context["form"].errors
    region = Region.objects.get(code="01")
    response = edit(
        client,
        "preferences",
        {
            "salary_period": "hour",
            "regions_of_interest": [region.pk],
            "relocation": "yes",
            "salary_expectation": "27.50",
        },
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert list(candidate.regions_of_interest.all()) == [region]
    assert str(candidate.salary_expectation) == "27.50"


def test_negative_salary_is_refused(client, candidate):
    response = edit(
        client,
        "preferences",
        {"salary_period": "hour", "is_open_to_all_regions": "on", "salary_expectation": "-5"},
    )
    assert "salary_expectation" in response.context["form"].errors


def test_experience_with_end_before_start_is_refused_and_nothing_saved(client, candidate):
    response = client.post(
        reverse("candidates:experience-create"),
        {
            "title": "Soudeuse",
            "country": "FR",
            "start_date": "2020-05-01",
            "end_date": "2019-01-01",
        },
    )
    assert response.status_code == 200
    assert "end_date" in response.context["form"].errors
    assert response.context["form"]["title"].value() == "Soudeuse"
    assert not WorkExperience.objects.exists()


def test_experience_is_added_with_a_confirmed_noc(client, candidate):
    response = client.post(
        reverse("candidates:experience-create"),
        {
            "title": "Soudeuse",
            "employer_name": "Atelier",
            "country": "MA",
            "start_date": "2018-05-01",
            "end_date": "",
            "description": "Soudage TIG",
            "noc": "72106",
        },
    )
    assert response.status_code == 302
    experience = WorkExperience.objects.get()
    assert (experience.candidate, experience.noc_id, experience.end_date) == (
        candidate,
        "72106",
        None,
    )


def test_a_candidate_cannot_touch_another_candidates_experience(client, candidate):
    other = WorkExperienceFactory()
    assert client.post(reverse("candidates:experience-delete", args=[other.pk])).status_code == 404
    response = client.post(
        reverse("candidates:experience-edit", args=[other.pk]),
        {"title": "Piraté", "country": "FR", "start_date": "2019-01-01"},
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.title == "Soudeur"


def test_proof_upload_accepts_a_real_pdf_and_queues_the_profile(client, candidate):
    upload = SimpleUploadedFile("preuve.pdf", PDF_BYTES, content_type="application/pdf")
    response = client.post(
        reverse("candidates:document-upload"), {"kind": "admission", "file": upload}
    )
    assert response.status_code == 302
    document = ProofDocument.objects.get()
    assert (document.original_name, document.content_type, document.size_bytes) == (
        "preuve.pdf",
        "application/pdf",
        len(PDF_BYTES),
    )
    candidate.refresh_from_db()
    assert candidate.verification_status == VerificationStatus.PENDING


def test_a_text_file_named_pdf_is_refused(client, candidate):
    upload = SimpleUploadedFile(
        "preuve.pdf", b"just some text, not a PDF", content_type="application/pdf"
    )
    response = client.post(
        reverse("candidates:document-upload"), {"kind": "admission", "file": upload}
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not ProofDocument.objects.exists()
    candidate.refresh_from_db()
    assert candidate.verification_status == VerificationStatus.NOT_SUBMITTED


def test_a_too_large_file_is_refused(client, candidate, settings):
    settings.MAX_DOCUMENT_UPLOAD_BYTES = 100
    upload = SimpleUploadedFile("scan.png", PNG_BYTES + b"\x00" * 100, content_type="image/png")
    response = client.post(
        reverse("candidates:document-upload"), {"kind": "admission", "file": upload}
    )
    assert "file" in response.context["form"].errors
    assert not ProofDocument.objects.exists()


def test_documents_are_private_to_the_candidate_and_the_team(
    client, candidate, django_capture_on_commit_callbacks
):
    client.post(
        reverse("candidates:document-upload"),
        {"kind": "admission", "file": SimpleUploadedFile("p.pdf", PDF_BYTES)},
    )
    document = ProofDocument.objects.get()
    url = reverse("candidates:document-download", args=[document.pk])
    assert client.get(url).status_code == 200
    assert not ProfileView.objects.exists()  # the candidate's own views are not logged

    client.force_login(CandidateProfileFactory().user)
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(role=Role.EMPLOYER))
    assert client.get(url).status_code == 403
    advisor = AdvisorFactory()
    client.force_login(advisor)
    assert client.get(url).status_code == 200
    assert ProfileView.objects.get().viewer == advisor


def test_a_new_profile_shows_no_answer_the_person_never_gave(client):
    from maillage.candidates.services import candidate_signup

    user = candidate_signup(
        email="nadia@example.org",
        password="un-mot-de-passe-solide-42",
        full_name="Nadia",
        language="fr",
    )
    profile = user.candidate_profile
    assert (profile.current_country, profile.relocation) == ("", "")
    client.force_login(user)
    page = client.get(reverse("candidates:profile")).content.decode()
    assert "<dd>Canada</dd>" not in page
    assert "déménagement non envisagé" not in page
    assert "déménagement\u00a0: pas encore précisé" in page
    form = client.get(reverse("candidates:section-edit", args=["preferences"])).context["form"]
    assert form["relocation"].value() in (None, "")
    assert "checked" not in str(form["relocation"])


@pytest.mark.parametrize("answer", ["", "no", "yes", "with_aid"])
def test_the_relocation_answer_is_saved_as_said(client, candidate, answer):
    data = {"is_open_to_all_regions": "on", "salary_period": "hour", "relocation": answer}
    assert edit(client, "preferences", data).status_code == 302
    candidate.refresh_from_db()
    assert candidate.relocation == answer


def test_the_relocation_question_offers_three_answers_and_says_what_help_means(client, candidate):
    response = client.get(reverse("candidates:section-edit", args=["preferences"]))
    page = html.unescape(response.content.decode())
    assert "Oui, si l'employeur offre une aide à la relocalisation" in page
    assert "nous vous proposons alors les emplois des autres régions" in page
    assert "Oui, je déménagerais" in page and "Non, je ne déménagerais pas" in page


def test_an_unknown_relocation_answer_is_refused_and_nothing_is_saved(client, candidate):
    data = {"is_open_to_all_regions": "on", "salary_period": "hour", "salary_expectation": "31"}
    response = edit(client, "preferences", {**data, "relocation": "maybe"})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    candidate.refresh_from_db()
    assert (candidate.relocation, candidate.salary_expectation) == ("yes", None)
