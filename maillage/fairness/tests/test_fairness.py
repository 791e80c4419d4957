"""Self-declaration for the audit (optional, apart, with consent) and the audit itself."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from maillage.accounts.models import ConsentPurpose
from maillage.accounts.tests.factories import AdvisorFactory, ManagerFactory, UserFactory
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.fairness.models import AuditDeclaration
from maillage.fairness.services import declaration_save
from maillage.prequalification.models import ProposalStatus
from maillage.prequalification.tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db


def test_a_candidate_declares_some_answers_with_consent(client):
    profile = CandidateProfileFactory()
    client.force_login(profile.user)

    response = client.post(
        reverse("fairness:declaration"),
        {
            "gender": "woman",
            "age_band": "",
            "world_region": "africa_north",
            "visible_minority": "",
            "is_consented": "on",
        },
    )

    assert response.status_code == 302
    declaration = AuditDeclaration.objects.get(candidate=profile)
    assert (declaration.gender, declaration.age_band, declaration.world_region) == (
        "woman",
        "",
        "africa_north",
    )
    assert (
        profile.user.consents.filter(
            purpose=ConsentPurpose.FAIRNESS_AUDIT, withdrawn_at=None
        ).count()
        == 1
    )


def test_without_consent_nothing_is_saved(client):
    profile = CandidateProfileFactory()
    client.force_login(profile.user)
    response = client.post(reverse("fairness:declaration"), {"gender": "man"})
    assert response.status_code == 400
    assert "Cochez la case pour enregistrer vos réponses" in response.content.decode()
    assert not AuditDeclaration.objects.exists()
    assert not profile.user.consents.filter(purpose=ConsentPurpose.FAIRNESS_AUDIT).exists()


def test_deleting_the_answers_withdraws_the_consent(client):
    profile = CandidateProfileFactory()
    declaration_save(candidate=profile, values={"gender": "man"})
    client.force_login(profile.user)

    client.post(reverse("fairness:declaration-delete"))

    assert not AuditDeclaration.objects.exists()
    consent = profile.user.consents.get(purpose=ConsentPurpose.FAIRNESS_AUDIT)
    assert consent.withdrawn_at is not None


def test_only_candidates_declare_and_only_managers_audit(client):
    client.force_login(UserFactory(role="employer"))
    assert client.get(reverse("fairness:declaration")).status_code == 403
    client.force_login(AdvisorFactory())
    assert client.get(reverse("fairness:audit")).status_code == 403
    assert client.get(reverse("fairness:audit-download")).status_code == 403


@pytest.fixture
def pipeline():
    """Six women, five of them approved; six men, two approved; a seventh man withdrew consent."""
    for gender, approved in (("woman", 5), ("man", 2)):
        for index in range(6):
            proposal = ProposalFactory(
                status=ProposalStatus.SHORTLISTED if index < approved else ProposalStatus.REJECTED
            )
            declaration_save(
                candidate=proposal.candidate, values={"gender": gender, "age_band": "25_34"}
            )
    withdrawn = ProposalFactory(status=ProposalStatus.REJECTED)
    declaration_save(candidate=withdrawn.candidate, values={"gender": "man"})
    withdrawn.candidate.user.consents.filter(purpose=ConsentPurpose.FAIRNESS_AUDIT).update(
        withdrawn_at="2026-11-01T00:00Z"
    )
    declaration_save(
        candidate=CandidateProfileFactory(), values={"gender": "non_binary"}
    )  # a group of one


def test_the_audit_flags_the_group_approved_less_than_four_fifths_as_often(client, pipeline):
    client.force_login(ManagerFactory())
    with_en = client.get("/en" + reverse("fairness:audit"))
    page = with_en.content.decode()
    assert with_en.status_code == 200
    assert "13 verified candidates declared attributes" in page
    assert "5 of 6 (83.3\u00a0%), ratio 1.00" in page
    assert "⚠ Under 0.8:</strong> 2 of 6 (33.3\u00a0%), ratio 0.40" in page
    assert "fewer than 5" in page  # the non-binary group of one
    assert "manage.py" not in page


def test_the_manager_downloads_the_report_the_command_writes(client, pipeline):
    client.force_login(ManagerFactory())
    response = client.get("/en" + reverse("fairness:audit-download"))
    assert response["Content-Disposition"] == 'attachment; filename="fairness-audit.md"'
    text = response.content.decode()
    assert "## Gender" in text and "⚠ 2 of 6 (33.3\u00a0%), ratio 0.40" in text


def test_the_command_writes_the_same_report(tmp_path, pipeline):
    output = tmp_path / "audit.md"
    out = StringIO()
    call_command("fairness_audit", str(output), "--language", "en", stdout=out)
    text = output.read_text()
    assert "## Gender" in text
    assert (
        "| Man | 6 of 6 (100.0\u00a0%), ratio 1.00 | ⚠ 2 of 6 (33.3\u00a0%), ratio 0.40 |" in text
    )
    assert "13 people, 1 flagged cells" in out.getvalue()  # men at the approval stage
