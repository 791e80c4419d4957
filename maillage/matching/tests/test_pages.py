"""The candidate's matches and the advisors' proposals, through the client, in French."""

from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from maillage.accounts.models import ProfileView
from maillage.accounts.tests.factories import AdvisorFactory, UserFactory
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.matching.models import MatchResult
from maillage.matching.services import candidate_rematch, posting_rematch
from maillage.matching.tests.conftest import TODAY
from maillage.regions.models import Municipality, Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def matched(welding_posting, welder):
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    posting_rematch(posting_id=welding_posting.pk, today=TODAY)
    return welding_posting, welder


def test_the_candidate_sees_the_job_with_stars_and_reasons_in_french(client, matched):
    posting, welder = matched
    client.force_login(welder.user)
    response = client.get(reverse("matching:my-matches"))
    assert response.status_code == 200
    html = unescape(response.content.decode())
    result = MatchResult.objects.get(candidate=welder, posting=posting)
    assert posting.title in html
    assert f"{result.stars} étoiles sur 5" in html
    assert "Vous avez 2 des 3 compétences demandées; il manque\u00a0: oxycoupage." in html
    assert "Région de l'emploi\u00a0: Bas-Saint-Laurent, une région que vous avez choisie." in html
    # The button is a verb; Django admin's catalog has "Filter" as a noun ("Filtre").
    assert ">Filtrer</button>" in html


def test_the_candidate_filters_by_region_and_stars(client, matched):
    posting, welder = matched
    client.force_login(welder.user)
    url = reverse("matching:my-matches")
    elsewhere = Region.objects.get(code="02")
    assert posting.title not in client.get(url, {"region": elsewhere.pk}).content.decode()
    own = Region.objects.get(code="01")
    assert posting.title in client.get(url, {"region": own.pk}).content.decode()
    stars = MatchResult.objects.get(candidate=welder, posting=posting).stars
    assert posting.title in client.get(url, {"min_stars": stars}).content.decode()
    if stars < 5:
        assert posting.title not in client.get(url, {"min_stars": stars + 1}).content.decode()


def test_an_excluded_job_is_shown_only_on_request_with_its_reason(client, matched):
    posting, welder = matched
    welder.french_oral_production = 5
    welder.save()
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    client.force_login(welder.user)
    url = reverse("matching:my-matches")
    assert posting.title not in client.get(url).content.decode()
    html = unescape(client.get(url, {"include_excluded": "on"}).content.decode())
    assert posting.title in html
    assert "Français, production orale\u00a0: le niveau 6 est exigé, vous avez 5." in html


def test_the_candidate_page_costs_a_fixed_number_of_queries(
    client, matched, django_assert_num_queries
):
    posting, welder = matched
    other = JobPostingFactory(company=posting.company)
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    assert MatchResult.objects.filter(candidate=welder).count() == 2
    assert other.pk
    client.force_login(welder.user)
    # session, user, profile, results, NOC titles, region names, unread notifications (menu),
    # regions of the filter; then "what would open more doors": the profile for the engine and
    # its 5 prefetches, the published postings' version, their records (postings, skills: only
    # when a posting changed) and the regions' names
    with django_assert_num_queries(18):
        client.get(reverse("matching:my-matches"))


def test_the_advisor_sees_the_breakdown_and_the_comparison_chart_and_it_is_logged(client, matched):
    posting, welder = matched
    advisor = AdvisorFactory()
    client.force_login(advisor)
    response = client.get(reverse("matching:posting-proposals", args=[posting.public_id]))
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert welder.user.full_name in html
    assert "A 2 des 3 compétences demandées; il manque\u00a0: oxycoupage." in html
    assert 'role="img"' in html and "<svg" in html
    assert '<th scope="row">oxycoupage</th><td>exigée</td><td>non</td><td>insuffisant</td>' in html
    assert ProfileView.objects.filter(viewer=advisor, subject=welder.user).count() == 1


def test_the_proposals_page_costs_a_fixed_number_of_queries(
    client, matched, django_assert_num_queries
):
    posting, _welder = matched
    for _ in range(3):
        extra = CandidateProfileFactory(
            municipality=Municipality.objects.get(name="Rimouski"), french_oral_production=8
        )
        candidate_rematch(candidate_id=extra.pk, today=TODAY)
    posting_rematch(posting_id=posting.pk, today=TODAY)
    proposals = MatchResult.objects.filter(posting=posting, is_excluded=False).count()
    assert proposals == 4
    client.force_login(AdvisorFactory())
    # session, user, posting, its skills, results, educations, experiences, skills, regions,
    # NOC titles, region names, unread notifications (menu), one audit row per candidate shown
    with django_assert_num_queries(12 + proposals):
        client.get(reverse("matching:posting-proposals", args=[posting.public_id]))


def test_the_advisors_list_of_postings_costs_a_fixed_number_of_queries(
    client, matched, django_assert_num_queries
):
    posting, _welder = matched
    JobPostingFactory(company=posting.company)
    client.force_login(AdvisorFactory())
    # session, user, postings with their counts, unread notifications (menu)
    with django_assert_num_queries(4):
        response = client.get(reverse("matching:posting-list"))
    assert posting.title in response.content.decode()


@pytest.mark.parametrize("who", ["candidate", "employer"])
def test_only_the_program_team_sees_the_proposals(client, matched, who):
    posting, welder = matched
    user = welder.user if who == "candidate" else CompanyMemberFactory(company=posting.company).user
    client.force_login(user)
    for url in (
        reverse("matching:posting-list"),
        reverse("matching:posting-proposals", args=[posting.public_id]),
    ):
        assert client.get(url).status_code == 403
    assert not ProfileView.objects.exists()


def test_only_candidates_have_a_matches_page(client, matched):
    client.force_login(AdvisorFactory())
    assert client.get(reverse("matching:my-matches")).status_code == 403
    client.logout()
    response = client.get(reverse("matching:my-matches"))
    assert response.status_code == 302
    assert UserFactory._meta.model.objects.count() >= 1


def test_the_candidate_reads_the_reasons_in_english(client, matched):
    _posting, welder = matched
    client.force_login(welder.user)
    try:
        html = unescape(client.get("/en/matching/my-matches/").content.decode())
    finally:
        translation.activate("fr")  # the request left English active in this thread
    assert "You have 2 of the 3 skills asked for; missing: oxycoupage." in html
    assert "The job is in Bas-Saint-Laurent, a region you chose." in html


def test_program_managers_read_the_results_in_the_admin(client, matched):
    from maillage.accounts.tests.factories import ManagerFactory

    client.force_login(ManagerFactory())
    response = client.get(reverse("admin:matching_matchresult_changelist"))
    assert response.status_code == 200
    from matchcore.engine import DEFAULT_POLICY

    assert DEFAULT_POLICY.version in response.content.decode()
