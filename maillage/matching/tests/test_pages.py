"""The candidate's matches, through the client, in French. (The program team sees a posting's
match results on its prequalification page: prequalification/tests/test_posting_page.py.)"""

from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from maillage.accounts.tests.factories import AdvisorFactory, UserFactory
from maillage.employers.tests.factories import JobPostingFactory
from maillage.matching.models import MatchResult
from maillage.matching.services import candidate_rematch, posting_rematch
from maillage.matching.tests.conftest import TODAY
from maillage.regions.models import Region

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
