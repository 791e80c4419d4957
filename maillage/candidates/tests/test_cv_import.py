"""Importing a CV: read, reviewed field by field, saved only as kept; unreadable files refused."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from maillage.candidates.models import CandidateSkill, Education, WorkExperience
from maillage.candidates.tests import cv_files
from maillage.candidates.tests.cv_set.scoring import HERE as CV_SET_DIR
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.core.uploads import DOCX
from maillage.taxonomy.models import EscoSkill

pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate(client):
    profile = CandidateProfileFactory(summary="")
    client.force_login(profile.user)
    return profile


def cv_set_dir():
    return CV_SET_DIR


def upload(client, content: bytes, name: str, content_type: str = "application/pdf"):
    return client.post(
        reverse("candidates:cv-upload"), {"file": SimpleUploadedFile(name, content, content_type)}
    )


def nothing_saved(profile) -> bool:
    return not (
        WorkExperience.objects.filter(candidate=profile).exists()
        or Education.objects.filter(candidate=profile).exists()
        or CandidateSkill.objects.filter(candidate=profile).exists()
    )


def test_a_french_pdf_cv_is_read_into_a_review_page_and_nothing_is_saved_yet(client, candidate):
    response = upload(client, cv_files.pdf_bytes(cv_files.CV_FR), "cv-amina.pdf")
    assert response.status_code == 200
    experiences = response.context["experiences"]
    first, second = (form.initial for form in experiences.forms)
    assert (first["title"], first["employer_name"], first["country"], first["keep"]) == (
        "Soudeuse-monteuse",
        "Ateliers Métalliques du Rif",
        "MA",
        True,
    )
    assert (first["start_date"], first["end_date"], first["is_year_only"]) == (
        date(2016, 1, 1),
        date(2023, 12, 1),
        False,
    )
    # Only years, no country: shown, not pre-ticked, and the page says why.
    assert (second["title"], second["employer_name"], second["is_year_only"], second["keep"]) == (
        "Aide-soudeuse",
        "Chaudronnerie Atlas",
        True,
        False,
    )
    page = response.content.decode()
    assert "Votre CV ne donne que les années de cet emploi" in page
    # The NOC is suggested, never chosen for the candidate.
    assert first["noc"] == ""
    assert "72106" in first["noc_options"].split(",")
    assert 'value="72106"' in page
    assert 'value="72106" checked' not in page
    education = [form.initial for form in response.context["educations"].forms]
    assert [(e["field"], e["level"], e["year_completed"], e["keep"]) for e in education] == [
        ("Diplôme de technicien spécialisé en soudage (BTS)", 3, 2015, True),
        # An ambiguous diploma: the candidate says its level, so it is not pre-ticked.
        ("Baccalauréat sciences expérimentales", None, 2012, False),
    ]
    assert [line.as_written for line in response.context["languages"]] == [
        "Français : courant",
        "Arabe : langue maternelle",
    ]
    review = response.context["review"]
    assert review.initial["replace_summary"] is True  # the profile has no text yet
    offered = review.initial["skill_options"].split()
    assert offered  # skills found in the CV, shown unticked, best first
    assert not review["esco_skills"].value()
    assert nothing_saved(candidate)


def test_a_care_aide_cv_offers_certifications_and_a_french_level_to_tick(client, candidate):
    cv = (cv_set_dir() / "files" / "fr_prepose_colombie__lo_pdf_plain.pdf").read_bytes()
    response = upload(client, cv, "cv-luisa.pdf")
    assert response.status_code == 200
    review = response.context["review"]
    assert review.initial["certification_options"].splitlines()[0] == (
        "Attestation PDSB (Principes de déplacement sécuritaire des bénéficiaires)"
    )
    assert [e.initial["field"] for e in response.context["educations"].forms] == [
        "Técnico laboral en auxiliar de enfermería",
        "Bachiller académico",
    ]
    assert review.initial["french_level"] == 7
    page = response.content.decode()
    assert "niveau 7 de l’Échelle québécoise" in page or "niveau 7 de l'Échelle québécoise" in page
    assert not review["use_french_level"].value()  # proposed, never ticked for the candidate
    skills = review.initial["skill_options"].split()
    assert len(skills) >= 5  # the PDF gives skills too (the issue: it gave none)


def test_importing_the_same_cv_again_recognises_what_is_in_the_profile(client, candidate):
    WorkExperience.objects.create(
        candidate=candidate,
        title="Soudeuse-monteuse",
        country="MA",
        start_date=date(2016, 1, 1),
        end_date=date(2023, 12, 1),
    )
    Education.objects.create(
        candidate=candidate,
        level=3,
        field="Diplôme de technicien spécialisé en soudage (BTS)",
        country="MA",
        year_completed=2015,
    )
    response = upload(client, cv_files.pdf_bytes(cv_files.CV_FR), "cv-amina.pdf")
    first = response.context["experiences"].forms[0].initial
    assert (first["title"], first["keep"]) == ("Soudeuse-monteuse", False)
    assert not response.context["educations"].forms[0].initial["keep"]
    assert "Cette expérience est déjà dans votre profil." in response.content.decode()


def test_an_english_docx_cv_is_read_too(client, candidate):
    response = upload(client, cv_files.docx_bytes(cv_files.CV_EN), "cv.docx", DOCX)
    assert response.status_code == 200
    first, second = (form.initial for form in response.context["experiences"].forms)
    assert (first["title"], first["start_date"], first["end_date"], first["country"]) == (
        "Licensed practical nurse",
        date(2019, 3, 1),
        None,
        "NG",
    )
    assert second["title"] == "Patient care aide"
    assert response.context["educations"].forms[0].initial["level"] == 4
    assert nothing_saved(candidate)


def review_data(**overrides):
    data = {
        "exp-TOTAL_FORMS": "2",
        "exp-INITIAL_FORMS": "2",
        "exp-0-keep": "on",
        "exp-0-title": "Soudeuse-monteuse",
        "exp-0-employer_name": "Ateliers Métalliques du Rif",
        "exp-0-country": "MA",
        "exp-0-start_date": "2016-01-01",
        "exp-0-end_date": "2023-12-01",
        "exp-0-description": "Soudage MIG et TIG",
        "exp-0-noc": "72106",
        "exp-0-noc_options": "72106,95101",
        "exp-1-title": "Aide-soudeuse",  # not kept
        "exp-1-country": "MA",
        "exp-1-start_date": "2013-01-01",
        "exp-1-noc_options": "",
        "edu-TOTAL_FORMS": "1",
        "edu-INITIAL_FORMS": "1",
        "edu-0-keep": "on",
        "edu-0-level": "3",
        "edu-0-field": "Technicien spécialisé en soudage",
        "edu-0-country": "MA",
        "edu-0-year_completed": "2015",
        "summary": "Soudeuse d'expérience.",
        "replace_summary": "on",
        "skill_options": "",
    }
    data.update(overrides)
    return data


def test_confirming_saves_only_what_the_candidate_kept(client, candidate):
    skill = EscoSkill.objects.filter(label_fr__gt="").order_by("uri").first()
    response = client.post(
        reverse("candidates:cv-confirm"),
        review_data(esco_skills=[skill.uri], skill_options=skill.uri),
    )
    assert response.status_code == 302
    experience = WorkExperience.objects.get(candidate=candidate)
    assert (
        experience.title,
        experience.noc_id,
        experience.start_date,
        experience.country.code,
    ) == (
        "Soudeuse-monteuse",
        "72106",
        date(2016, 1, 1),
        "MA",
    )
    assert Education.objects.get(candidate=candidate).level == 3
    added = CandidateSkill.objects.get(candidate=candidate)
    assert (added.esco_uri, added.source, added.label) == (
        skill.uri,
        CandidateSkill.Source.CV,
        skill.label_fr,
    )
    candidate.refresh_from_db()
    assert candidate.summary == "Soudeuse d'expérience."


def test_ticked_certifications_and_an_accepted_language_level_are_saved(client, candidate):
    data = review_data(
        certification_options="Attestation PDSB\nCarte ASP Construction",
        certifications=["Attestation PDSB"],
        french_level="7",
        use_french_level="on",
        english_level="8",
    )
    english_before = candidate.english_levels()
    assert client.post(reverse("candidates:cv-confirm"), data).status_code == 302
    candidate.refresh_from_db()
    assert candidate.french_levels() == dict.fromkeys(candidate.french_levels(), 7)
    assert candidate.english_levels() == english_before  # proposed, not accepted
    assert list(candidate.skills.values_list("label", "esco_uri", "source")) == [
        ("Attestation PDSB", "", CandidateSkill.Source.CV)
    ]


def test_an_existing_text_about_you_is_kept_unless_the_box_is_ticked(client, candidate):
    candidate.summary = "Mon texte"
    candidate.save()
    data = review_data()
    del data["replace_summary"]
    assert client.post(reverse("candidates:cv-confirm"), data).status_code == 302
    candidate.refresh_from_db()
    assert candidate.summary == "Mon texte"


def test_a_kept_experience_without_country_is_refused_and_nothing_is_saved(client, candidate):
    response = client.post(reverse("candidates:cv-confirm"), review_data(**{"exp-0-country": ""}))
    assert response.status_code == 400
    form = response.context["experiences"].forms[0]
    assert form.errors["country"] == ["Obligatoire pour ajouter cette expérience."]
    assert form["title"].value() == "Soudeuse-monteuse"  # what was typed is kept
    assert nothing_saved(candidate)


def test_a_noc_outside_the_suggestions_or_unknown_is_refused(client, candidate):
    response = client.post(reverse("candidates:cv-confirm"), review_data(**{"exp-0-noc": "99999"}))
    assert response.status_code == 400
    assert nothing_saved(candidate)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (cv_files.scanned_pdf_bytes(), "scan.pdf", "probablement une image numérisée"),
        (
            cv_files.encrypted_pdf_bytes(cv_files.CV_FR),
            "protege.pdf",
            "protégé par un mot de passe",
        ),
        (cv_files.broken_pdf_bytes(), "abime.pdf", "n'a pas pu être lu"),
        (b"PK\x03\x04word/document.xml" + b"\x00" * 200, "abime.docx", "n'a pas pu être lu"),
        (b"GIF89a" + b"\x00" * 100, "cv.pdf", "Ce type de fichier n'est pas accepté"),
        (b"", "vide.pdf", "Le fichier soumis est vide"),
    ],
)
def test_unreadable_files_get_a_clear_message_and_nothing_is_saved(
    client, candidate, content, name, message
):
    response = upload(client, content, name)
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors["file"])
    assert nothing_saved(candidate)


def test_a_cv_larger_than_the_limit_is_refused(client, candidate, settings):
    settings.MAX_CV_UPLOAD_BYTES = 1000
    response = upload(client, cv_files.pdf_bytes(cv_files.CV_FR * 3), "long.pdf")
    assert response.status_code == 400
    assert "trop volumineux" in " ".join(response.context["form"].errors["file"])


def test_only_candidates_import_a_cv(client):
    from maillage.employers.tests.factories import CompanyMemberFactory

    client.force_login(CompanyMemberFactory().user)
    assert client.get(reverse("candidates:cv-upload")).status_code == 403
