"""The candidate's matches, through the client, in French. (The program team sees a posting's
match results on its prequalification page: prequalification/tests/test_posting_page.py.)"""

from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from maillage.accounts.tests.factories import AdvisorFactory, UserFactory
from maillage.candidates.tests.factories import CandidateProfileFactory
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
    assert "Vous avez 2 des 3 compétences demandées\u00a0; il manque\u00a0: oxycoupage." in html
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
    assert "Vous ne pouvez pas encore postuler à cet emploi" in html


def test_an_excluded_job_shows_no_stars_whatever_its_score(client, matched):
    # A driver without the class 1 licence once read "5 stars" next to "you cannot apply".
    posting, welder = matched
    welder.french_oral_production = 5
    welder.save()
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    MatchResult.objects.filter(candidate=welder, posting=posting).update(stars=5, score=95)
    client.force_login(welder.user)
    url = reverse("matching:my-matches")
    html = unescape(client.get(url, {"include_excluded": "on", "min_stars": 5}).content.decode())
    assert posting.title in html
    assert "étoiles sur 5" not in html
    assert "Vous ne pouvez pas encore postuler à cet emploi" in html


def test_the_candidate_page_costs_a_fixed_number_of_queries(
    client, matched, django_assert_num_queries
):
    posting, welder = matched
    other = JobPostingFactory(company=posting.company)
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    assert MatchResult.objects.filter(candidate=welder).count() == 2
    assert other.pk
    client.force_login(welder.user)
    # session, user, profile, saved filters, active ranker (default stars), count, results,
    # NOC titles, region names, unread notifications (menu), regions of the filter; then "what
    # would open more doors" (the profile for the engine and its prefetches, the published
    # postings' version, their records only when a posting changed, the regions' names)
    url = reverse("matching:my-matches")
    client.get(url, {"min_stars": 1})  # kept: the next visit reads it
    with django_assert_num_queries(19):
        response = client.get(url)
    assert response.content.decode().count('<li class="card match') == 2


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


def test_the_candidate_sees_short_cards_from_the_recommended_stars_and_her_filters_are_kept(
    client, matched
):
    posting, welder = matched
    result = MatchResult.objects.get(candidate=welder, posting=posting)
    client.force_login(welder.user)
    url = reverse("matching:my-matches")
    html = unescape(client.get(url, {"min_stars": 1, "sort": "pay"}).content.decode())
    card = html[html.index('<li class="card match') : html.index("</li>", html.index("<details"))]
    assert card.count('class="reason ') == 3 + card.count('class="reason ', card.index("<details"))
    assert "Voir le détail" in card
    # The next visit, without parameters, opens as she left it.
    html = client.get(url).content.decode()
    assert '<option value="1" selected>' in html and '<option value="pay" selected>' in html
    # Forgotten on request: back to the stars nearest the calibrated threshold (3).
    html = client.get(url, {"reset": "1"}).content.decode()
    assert '<option value="3" selected>' in html
    assert (posting.title in html) == (result.stars >= 3)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("not_submitted", "Envoyez votre profil pour vérification"),
        ("pending", "Vous n'avez rien d'autre à faire pour l'instant."),
        ("refused", "n'a pas pu confirmer votre admissibilité"),
    ],
)
def test_an_empty_list_says_the_real_reason_and_what_happens_next(client, status, expected):
    profile = CandidateProfileFactory(verification_status=status)
    client.force_login(profile.user)
    html = unescape(client.get(reverse("matching:my-matches")).content.decode())
    assert expected in html
    assert "Complétez votre profil" not in html


def test_the_posting_candidates_are_short_cards_with_names_linked_to_their_profiles(
    client, matched
):
    posting, welder = matched
    client.force_login(AdvisorFactory())
    url = reverse("prequalification:posting-proposals", args=[posting.public_id])
    html = client.get(url, {"min_stars": 1}).content.decode()
    review = reverse("candidates:review", args=[welder.public_id])
    assert f'<a href="{review}">{welder.user.full_name}</a>' in html
    assert "policy-" not in html  # no engine version for people to read
