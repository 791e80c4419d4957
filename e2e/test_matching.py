"""Issue 4's pages in a real browser, in French: a candidate's matches with their reasons, an
advisor's posting page (proposals beside the match results) with the breakdown and the comparison
chart; both pass axe-core (WCAG AA)."""

from datetime import date
from decimal import Decimal

import pytest

from maillage.accounts.tests.factories import PASSWORD, AdvisorFactory
from maillage.candidates.models import CandidateSkill
from maillage.candidates.tests.factories import (
    CandidateProfileFactory,
    EducationFactory,
    WorkExperienceFactory,
)
from maillage.employers.tests.factories import JobPostingFactory, PostingSkillFactory
from maillage.matching.engine_state import engine_reset
from maillage.matching.services import candidate_rematch, posting_rematch
from maillage.regions.models import Region

TODAY = date(2026, 11, 26)


@pytest.fixture
def matched(reference_data):
    engine_reset()
    posting = JobPostingFactory(min_french_oral_comprehension=6, min_french_oral_production=6)
    for label in ("soudage MIG", "lecture de plans", "oxycoupage"):
        PostingSkillFactory(posting=posting, label=label, is_required=True)
    welder = CandidateProfileFactory(
        available_from=date(2026, 12, 1),
        salary_expectation=Decimal("26.00"),
        summary="Soudeur MIG et TIG, je lis les plans.",
    )
    welder.regions_of_interest.set([Region.objects.get(code="01")])
    WorkExperienceFactory(candidate=welder)
    EducationFactory(candidate=welder)
    for label in ("soudage MIG", "lecture de plans"):
        CandidateSkill.objects.create(candidate=welder, label=label)
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    posting_rematch(posting_id=posting.pk, today=TODAY)
    yield posting, welder
    engine_reset()


def test_candidate_sees_ranked_jobs_with_reasons(
    page, phone_page, login, check_accessibility, matched
):
    posting, welder = matched
    login(page, welder.user.email, PASSWORD)
    page.goto("/matching/my-matches/?min_stars=1")
    assert page.locator("h2", has_text=posting.title).is_visible()
    # A short card: three reasons, the others behind « Voir le détail ».
    assert page.locator(".match > .reasons > li").count() == 3
    page.get_by_text("Voir le détail").first.click()
    assert page.get_by_text(
        "Vous avez 2 des 3 compétences demandées\u00a0; il manque\u00a0: oxycoupage."
    ).is_visible()
    check_accessibility(page, "01-candidate-matches")
    login(phone_page, welder.user.email, PASSWORD)
    phone_page.goto("/matching/my-matches/")
    check_accessibility(phone_page, "02-candidate-matches-phone")


def test_advisor_sees_proposals_with_the_comparison_chart(
    page, login, check_accessibility, matched
):
    posting, welder = matched
    advisor = AdvisorFactory()
    login(page, advisor.email, PASSWORD)
    page.goto("/prequalification/postings/")
    check_accessibility(page, "03-advisor-postings")
    page.get_by_role("link", name=posting.title).click()
    page.goto(page.url + "?min_stars=1")
    assert page.get_by_role("link", name=welder.user.full_name).is_visible()
    page.get_by_text("Voir le détail").first.click()
    assert page.get_by_role(
        "img", name="Exigences de l'offre comparées à la candidature"
    ).is_visible()
    assert page.get_by_text("Détail du score par facteur").is_visible()
    page.get_by_text("La même comparaison sous forme de tableau").click()
    check_accessibility(page, "04-advisor-proposals")
