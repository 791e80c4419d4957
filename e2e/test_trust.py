"""Issue 7's pages in a real browser, in French, with axe-core: a candidate's privacy page, the
optional declaration for the fairness audit, the API tokens page; the program figures with their
SVG charts for a manager and for a regional partner; the audit; the public results."""

from django.utils import timezone

from maillage.accounts.models import Role
from maillage.accounts.services import privacy_consent_give
from maillage.accounts.tests.factories import PASSWORD, ManagerFactory, UserFactory
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import JobPostingFactory
from maillage.fairness.services import declaration_save
from maillage.prequalification.models import ProposalStatus
from maillage.prequalification.tests.factories import ProposalFactory
from maillage.regions.models import Region


def _pipeline() -> None:
    posting = JobPostingFactory()
    for index in range(12):
        proposal = ProposalFactory(
            posting=posting,
            status=ProposalStatus.SHORTLISTED if index % 2 else ProposalStatus.REJECTED,
            shortlisted_at=timezone.now() if index % 2 else None,
        )
        declaration_save(
            candidate=proposal.candidate, values={"gender": "woman" if index < 6 else "man"}
        )


def test_a_candidate_sees_and_controls_their_data(page, login, check_accessibility):
    profile = CandidateProfileFactory(user__email="amina@example.org")
    privacy_consent_give(user=profile.user)
    login(page, "amina@example.org", PASSWORD)

    page.goto("/privacy/")
    assert page.locator("h1").inner_text() == "Ma vie privée"
    check_accessibility(page, "01-privacy-center")

    page.goto("/fairness/declaration/")
    page.locator("input[name=gender][value=woman]").check()
    page.locator("input[name=is_consented]").check()
    check_accessibility(page, "02-fairness-declaration")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/privacy/")
    assert "Vos réponses sont enregistrées" in page.content()

    page.goto("/api-tokens/")
    page.locator("#id_name").fill("Mon tableur")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    assert page.locator("#new-token").inner_text().startswith("mlg_")
    check_accessibility(page, "03-api-token-created")


def test_a_manager_reads_the_figures_and_the_audit(page, login, check_accessibility):
    _pipeline()
    ManagerFactory(email="gestion@example.org")
    login(page, "gestion@example.org", PASSWORD)

    page.goto("/figures/dashboard/")
    assert page.locator("svg.chart").count() >= 3
    check_accessibility(page, "04-figures-dashboard")

    page.goto("/fairness/audit/")
    assert page.locator("td.flagged").count() == 0  # six and six, half of each short-listed
    check_accessibility(page, "05-fairness-audit")


def test_a_partner_sees_their_region_and_the_public_sees_the_results(
    page, login, check_accessibility
):
    _pipeline()
    UserFactory(email="cc@example.org", role=Role.PARTNER, region=Region.objects.get(code="01"))
    login(page, "cc@example.org", PASSWORD)
    page.goto("/figures/dashboard/")
    assert "Bas-Saint-Laurent" in page.locator(".alert-info").inner_text()
    check_accessibility(page, "06-figures-partner")

    page.goto("/figures/")
    check_accessibility(page, "07-public-results")
