"""Issue 14's flows that ask first, in a real browser, in French, at 360 px (a phone): publishing
where the program does not serve, changing the company's NEQ, « Je refuse » and its undo; and the
team's posting page filtered by stars."""

from maillage.accounts.tests.factories import PASSWORD, AdvisorFactory
from maillage.activities.tests.factories import MatchResultFactory
from maillage.core.choices import VerificationStatus
from maillage.employers.models import PostingStatus
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.prequalification.models import ProposalStatus
from maillage.prequalification.tests.factories import ProposalFactory
from maillage.regions.models import Municipality


def test_publishing_in_montreal_warns_and_publishes_only_when_confirmed(
    phone_page, login, check_accessibility
):
    member = CompanyMemberFactory(user__email="rh@usinage.example.org")
    posting = JobPostingFactory(
        company=member.company,
        status=PostingStatus.DRAFT,
        municipality=Municipality.objects.get(name="Montréal", region__code="06"),
    )
    login(phone_page, member.user.email, PASSWORD)
    phone_page.goto(f"/employers/postings/{posting.public_id}/")
    warning = phone_page.locator("#region-warning")
    assert "Montréal n'est pas une des régions que sert le programme" in warning.inner_text()
    check_accessibility(phone_page, "01-unserved-region-warning")
    # Publishing rematches the posting before the page answers: slow on a loaded machine.
    phone_page.set_default_timeout(120_000)
    phone_page.locator("#publish-anyway").click()
    phone_page.wait_for_load_state()
    assert phone_page.get_by_text("L'offre est publiée.").is_visible()
    posting.refresh_from_db()
    assert posting.status == PostingStatus.PUBLISHED


def test_changing_the_neq_says_what_follows_before_saving(phone_page, login, check_accessibility):
    member = CompanyMemberFactory(user__email="direction@usinage.example.org")
    JobPostingFactory(company=member.company)
    login(phone_page, member.user.email, PASSWORD)
    phone_page.goto("/employers/company/edit/")
    phone_page.locator("#id_neq").fill("2212345678")
    phone_page.locator("main form button[type=submit]").click()
    phone_page.wait_for_load_state()
    confirmation = phone_page.locator("#confirmation")
    assert "renvoie l'entreprise en vérification" in confirmation.inner_text()
    assert "Votre offre publiée reste en ligne entre-temps." in confirmation.inner_text()
    member.company.refresh_from_db()
    assert member.company.verification_status == VerificationStatus.VERIFIED
    check_accessibility(phone_page, "02-neq-confirmation")
    phone_page.locator("#confirm-save").click()
    phone_page.wait_for_url("**/employers/company/")
    member.company.refresh_from_db()
    assert (member.company.neq, member.company.verification_status) == (
        "2212345678",
        VerificationStatus.PENDING,
    )


def test_declining_asks_then_can_be_undone(phone_page, login, check_accessibility):
    proposal = ProposalFactory(asked=True)
    login(phone_page, proposal.candidate.user.email, PASSWORD)
    phone_page.goto(f"/prequalification/mine/{proposal.public_id}/")
    phone_page.get_by_role("button", name="Je refuse").click()
    phone_page.wait_for_load_state()
    assert "Vous pouvez annuler cette réponse pendant 30 minutes" in (
        phone_page.locator("#confirm-decline").inner_text()
    )
    phone_page.get_by_role("button", name="Oui, je refuse").click()
    phone_page.wait_for_load_state()
    check_accessibility(phone_page, "03-declined-with-undo")
    phone_page.locator("#undo-decline-button").click()
    phone_page.wait_for_load_state()
    assert phone_page.get_by_text("Votre refus est annulé").is_visible()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.CONSENT_REQUESTED


def test_the_team_filters_a_postings_candidates_by_stars(phone_page, login, check_accessibility):
    posting = JobPostingFactory()
    for score, stars in ((91, 5), (72, 4), (35, 1)):
        MatchResultFactory(posting=posting, score=score, stars=stars)
    advisor = AdvisorFactory(email="isabelle@example.org")
    login(phone_page, advisor.email, PASSWORD)
    phone_page.goto(f"/prequalification/postings/{posting.public_id}/")
    phone_page.locator("#id_min_stars").select_option("4")
    phone_page.get_by_role("button", name="Filtrer").click()
    phone_page.wait_for_load_state()
    assert phone_page.locator(".match-list > li").count() == 2
    check_accessibility(phone_page, "04-posting-candidates-by-stars")
