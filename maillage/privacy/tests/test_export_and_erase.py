"""Law 25: a person downloads all their data as JSON and deletes their account; personal data
goes, counts stay."""

import json
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.models import ConsentPurpose, PrivacyConsent, ProfileView, User
from maillage.accounts.services import privacy_consent_give, profile_view_record
from maillage.accounts.tests.factories import PASSWORD, AdvisorFactory
from maillage.api.models import ApiToken
from maillage.api.tests.factories import ApiTokenFactory
from maillage.candidates.models import (
    CandidateProfile,
    CandidateSkill,
    ProofDocument,
    WorkExperience,
)
from maillage.candidates.tests.factories import CandidateProfileFactory, WorkExperienceFactory
from maillage.employers.models import Company, CompanyMember, JobPosting
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.matching.models import MatchResult
from maillage.privacy.models import Erasure

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def candidate():
    profile = CandidateProfileFactory(
        user__email="amina@example.org",
        user__full_name="Amina Diallo",
        phone="418-555-0199",
        summary="Soudeuse.",
    )
    privacy_consent_give(user=profile.user)
    WorkExperienceFactory(candidate=profile, title="Soudeuse", employer_name="Ateliers du Nord")
    CandidateSkill.objects.create(candidate=profile, label="soudage TIG")
    document = ProofDocument.objects.create(
        candidate=profile,
        kind="admission",
        file=SimpleUploadedFile("carte.pdf", PDF),
        original_name="carte.pdf",
        content_type="application/pdf",
        size_bytes=len(PDF),
    )
    MatchResult.objects.create(
        candidate=profile,
        posting=JobPostingFactory(title="Soudeur"),
        score=81.5,
        stars=4,
        breakdown={"skills": 0.8},
        reasons=[{"code": "skill_match", "skills": ["soudage TIG"]}],
        engine_version="rules-1",
        computed_at=timezone.now(),
    )
    ApiTokenFactory(user=profile.user, name="Mon tableur")
    profile_view_record(
        viewer=AdvisorFactory(), subject=profile.user, what="candidate profile (review)"
    )
    profile.document = document
    return profile


def test_the_export_holds_every_section_with_exact_values(client, candidate):
    client.force_login(candidate.user)

    response = client.get(reverse("privacy:export"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="maillage-')
    data = json.loads(response.content)
    sections = data["sections"]
    assert set(sections) == {"account", "candidate_profile", "matches", "api_tokens"}
    assert (sections["account"]["email"], sections["account"]["full_name"]) == (
        "amina@example.org",
        "Amina Diallo",
    )
    assert [c["purpose"] for c in sections["account"]["consents"]] == ["privacy_notice"]
    assert sections["account"]["record_views"][0]["viewer_role"] == "advisor"
    profile = sections["candidate_profile"]
    assert (profile["phone"], profile["summary"]) == ("418-555-0199", "Soudeuse.")
    assert profile["experiences"][0]["employer_name"] == "Ateliers du Nord"
    assert profile["skills"] == [{"label": "soudage TIG", "esco_uri": "", "source": "declared"}]
    assert profile["proof_documents"][0]["file_name"] == "carte.pdf"
    assert sections["matches"][0]["engine_version"] == "rules-1"
    assert sections["matches"][0]["score"] == 81.5
    assert sections["api_tokens"][0]["name"] == "Mon tableur"


def test_the_export_needs_a_login(client):
    response = client.get(reverse("privacy:export"))
    assert response.status_code == 302


def test_a_wrong_password_erases_nothing(client, candidate):
    client.force_login(candidate.user)

    response = client.post(
        reverse("privacy:account-delete"), {"password": "not-mine-12345", "is_understood": "on"}
    )

    assert response.status_code == 400
    assert "Ce n'est pas votre mot de passe." in unescape(response.content.decode())
    user = User.objects.get(pk=candidate.user.pk)
    assert (user.email, user.is_active) == ("amina@example.org", True)
    assert not Erasure.objects.exists()


def test_deleting_the_account_erases_personal_data_and_keeps_counts(client, candidate):
    client.force_login(candidate.user)
    storage, file_name = candidate.document.file.storage, candidate.document.file.name
    assert storage.exists(file_name)

    response = client.post(
        reverse("privacy:account-delete"), {"password": PASSWORD, "is_understood": "on"}
    )

    assert response.status_code == 302
    assert response.url == reverse("site:home")
    assert "_auth_user_id" not in client.session
    user = User.objects.get(pk=candidate.user.pk)
    assert user.email == f"erased-{user.public_id}@erased.invalid"
    assert (user.full_name, user.is_active, user.has_usable_password()) == ("", False, False)
    assert user.role == "candidate"
    profile = CandidateProfile.objects.get(pk=candidate.pk)
    assert (profile.phone, profile.summary, profile.municipality, profile.admission_date) == (
        "",
        "",
        None,
        None,
    )
    assert not WorkExperience.objects.filter(candidate=profile).exists()
    assert not CandidateSkill.objects.filter(candidate=profile).exists()
    assert not ProofDocument.objects.filter(candidate=profile).exists()
    assert not storage.exists(file_name)
    result = MatchResult.objects.get(candidate=profile)
    assert (result.score, result.reasons, result.breakdown) == (81.5, [], {})
    assert not ApiToken.objects.filter(user=user).exists()
    consent = PrivacyConsent.objects.get(user=user)
    assert consent.withdrawn_at is not None
    assert ProfileView.objects.filter(subject=user).count() == 1
    assert Erasure.objects.get(user=user).role == "candidate"
    login = client.post(
        reverse("accounts:login"), {"username": "amina@example.org", "password": PASSWORD}
    )
    assert login.status_code == 200
    assert "_auth_user_id" not in client.session


def test_an_employer_leaves_the_company_which_keeps_its_postings(client):
    member = CompanyMemberFactory(user__email="patron@example.org")
    posting = JobPostingFactory(company=member.company, created_by=member.user)
    client.force_login(member.user)

    client.post(reverse("privacy:account-delete"), {"password": PASSWORD, "is_understood": "on"})

    assert not CompanyMember.objects.filter(pk=member.pk).exists()
    assert Company.objects.filter(pk=member.company.pk).exists()
    posting = JobPosting.objects.get(pk=posting.pk)
    assert posting.created_by is None


def test_erasing_twice_changes_nothing_more(candidate):
    from maillage.privacy.services import account_erase

    first = account_erase(user=candidate.user)
    second = account_erase(user=candidate.user)
    assert first.pk == second.pk
    assert Erasure.objects.count() == 1


def test_an_optional_consent_is_withdrawn_and_the_record_kept(client, candidate):
    consent = privacy_consent_give(user=candidate.user, purpose=ConsentPurpose.FAIRNESS_AUDIT)
    client.force_login(candidate.user)

    response = client.post(reverse("privacy:consent-withdraw", args=[consent.pk]))

    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_the_privacy_notice_consent_is_withdrawn_only_by_deleting_the_account(client, candidate):
    consent = candidate.user.consents.get(purpose=ConsentPurpose.PRIVACY_NOTICE)
    client.force_login(candidate.user)

    client.post(reverse("privacy:consent-withdraw", args=[consent.pk]))

    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_nobody_withdraws_someone_elses_consent(client, candidate):
    consent = privacy_consent_give(user=candidate.user, purpose=ConsentPurpose.FAIRNESS_AUDIT)
    client.force_login(CandidateProfileFactory().user)
    assert client.post(reverse("privacy:consent-withdraw", args=[consent.pk])).status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_the_privacy_page_shows_consents_and_who_opened_the_record(client, candidate):
    client.force_login(candidate.user)
    page = client.get(reverse("privacy:center")).content.decode()
    assert "Mes consentements" in page
    assert "Votre dossier a été ouvert 1\u00a0fois par une personne autre que vous." in page
    assert reverse("privacy:export") in page
    assert reverse("prequalification:mine") in page  # why proposed or not, and human review
