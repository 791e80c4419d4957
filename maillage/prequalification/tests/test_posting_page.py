"""One page per posting for the program team: its proposals beside the engine's match results
(score, sentences, comparison chart, breakdown), and the old matching addresses sent to it."""

from html import unescape

import pytest
from django.urls import reverse

from maillage.accounts.models import ProfileView
from maillage.accounts.tests.factories import AdvisorFactory, ManagerFactory
from maillage.activities.tests.factories import MatchResultFactory
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.matching.engine_state import engine_reset
from maillage.matching.models import MatchResult
from maillage.matching.services import candidate_rematch, posting_rematch
from maillage.matching.tests.conftest import TODAY, welder_create, welding_posting_create
from maillage.prequalification.tests.factories import ProposalFactory
from maillage.prequalification.views.advisor import POSTING_RESULTS_PER_PAGE
from maillage.regions.models import Municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def matched(db):
    engine_reset()
    posting, welder = welding_posting_create(), welder_create()
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    posting_rematch(posting_id=posting.pk, today=TODAY)
    yield posting, welder
    engine_reset()


def page_of(client, posting) -> str:
    response = client.get(reverse("prequalification:posting-proposals", args=[posting.public_id]))
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_the_advisor_sees_the_match_results_with_breakdown_and_chart_and_it_is_logged(
    client, matched
):
    posting, welder = matched
    advisor = AdvisorFactory()
    client.force_login(advisor)
    html = page_of(client, posting)
    assert "Propositions pour cette offre" in html
    assert "Les résultats du moteur" in html
    assert welder.user.full_name in html
    assert "A 2 des 3 compétences demandées\u00a0; il manque\u00a0: oxycoupage." in html
    assert 'role="img"' in html and "<svg" in html
    assert '<th scope="row">oxycoupage</th><td>exigée</td><td>non</td><td>insuffisant</td>' in html
    assert "Détail du score par facteur" in html
    assert ProfileView.objects.filter(viewer=advisor, subject=welder.user).count() == 1


def test_each_match_result_says_whether_it_is_already_a_proposal(client, matched):
    posting, welder = matched
    other = CandidateProfileFactory(
        municipality=Municipality.objects.get(name="Rimouski"), french_oral_production=8
    )
    candidate_rematch(candidate_id=other.pk, today=TODAY)
    assert MatchResult.objects.filter(posting=posting, candidate=other, is_excluded=False).exists()
    proposal = ProposalFactory(posting=posting, candidate=welder)
    client.force_login(ManagerFactory())
    html = page_of(client, posting)
    link = reverse("prequalification:proposal-detail", args=[proposal.public_id])
    assert f'<a href="{link}">Proposition</a>' in html
    assert html.count("Pas encore proposée") == 1


def test_the_posting_page_costs_a_fixed_number_of_queries(
    client, matched, django_assert_num_queries
):
    posting, _welder = matched
    for _ in range(3):
        extra = CandidateProfileFactory(
            municipality=Municipality.objects.get(name="Rimouski"), french_oral_production=8
        )
        candidate_rematch(candidate_id=extra.pk, today=TODAY)
    posting_rematch(posting_id=posting.pk, today=TODAY)
    shown = MatchResult.objects.filter(posting=posting, is_excluded=False).count()
    assert shown == 4
    client.force_login(AdvisorFactory())
    # session, user, posting, its skills, proposals, match results, their educations, experiences,
    # skills, regions, NOC titles, region names, unread notifications (menu), one audit row per
    # candidate shown, the person's saved stars filter
    with django_assert_num_queries(14 + shown):
        page_of(client, posting)


def test_the_list_of_postings_leads_to_the_posting_page_at_a_fixed_cost(
    client, matched, django_assert_num_queries
):
    posting, _welder = matched
    JobPostingFactory(company=posting.company)
    client.force_login(AdvisorFactory())
    # session, user, postings with their counts, unread notifications (menu)
    with django_assert_num_queries(4):
        response = client.get(reverse("prequalification:posting-list"))
    link = reverse("prequalification:posting-proposals", args=[posting.public_id])
    assert f'<a href="{link}">{posting.title}</a>' in unescape(response.content.decode())


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_old_matching_addresses_move_permanently_to_the_posting_pages(client, prefix):
    posting = JobPostingFactory()
    old_list = client.get(f"{prefix}/matching/postings/")
    assert old_list.status_code == 301
    assert old_list["Location"] == f"{prefix}/prequalification/postings/"
    old_page = client.get(f"{prefix}/matching/postings/{posting.public_id}/")
    assert old_page.status_code == 301
    assert old_page["Location"] == f"{prefix}/prequalification/postings/{posting.public_id}/"


@pytest.mark.parametrize("who", ["candidate", "employer"])
def test_only_the_program_team_sees_the_match_results(client, matched, who):
    posting, welder = matched
    user = welder.user if who == "candidate" else CompanyMemberFactory(company=posting.company).user
    client.force_login(user)
    for url in (
        reverse("prequalification:posting-list"),
        reverse("prequalification:posting-proposals", args=[posting.public_id]),
        f"/matching/postings/{posting.public_id}/",
    ):
        assert client.get(url, follow=True).status_code == 403
    assert not ProfileView.objects.exists()


def test_the_team_filters_the_results_by_stars_and_reads_them_a_page_at_a_time(client):
    posting = JobPostingFactory()
    for index in range(POSTING_RESULTS_PER_PAGE + 2):
        MatchResultFactory(posting=posting, score=90 - index, stars=5)
    MatchResultFactory(posting=posting, score=30, stars=1)
    client.force_login(AdvisorFactory())
    url = reverse("prequalification:posting-proposals", args=[posting.public_id])

    first = client.get(url, {"min_stars": "5"})
    assert len(first.context["matches"]) == POSTING_RESULTS_PER_PAGE
    assert first.context["page"].paginator.count == POSTING_RESULTS_PER_PAGE + 2
    # The next page keeps the threshold (kept for the person, like « Mes jumelages »).
    second = client.get(url, {"page": "2"})
    assert [item.result.score for item, _proposal in second.context["matches"]] == [80, 79]
    everyone = client.get(url, {"min_stars": "1"})
    assert everyone.context["page"].paginator.count == POSTING_RESULTS_PER_PAGE + 3
    assert client.get(url, {"reset": "1"}).context["is_filtered"] is False
