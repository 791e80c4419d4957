"""Issue 15, part 4 in a real browser, in French, at 1280 and 360 px: a welder invites her
partner, a care aide; he accepts from his own account; « Notre ménage » then shows Mauricie,
where a welding job in Trois-Rivières and a care-aide job in Shawinigan are 30 km apart (the
engine's match results of each, computed here), and the advisors' queue marks both partners.
Every page passes axe-core (WCAG AA)."""

from datetime import date

import pytest

from maillage.accounts.tests.factories import PASSWORD, AdvisorFactory
from maillage.candidates.tests.factories import CandidateProfileFactory, WorkExperienceFactory
from maillage.employers.tests.factories import JobPostingFactory
from maillage.matching.engine_state import engine_reset
from maillage.matching.services import candidate_rematch
from maillage.prequalification.tests.factories import ProposalFactory
from maillage.regions.models import Municipality, Region

TODAY = date(2026, 11, 26)


def _posting(town: str, noc: str, title: str):
    place = Municipality.objects.get(name=town)
    return JobPostingFactory(
        municipality=place, company__municipality=place, noc_id=noc, title=title
    )


def _person(name: str, email: str, noc: str, title: str):
    profile = CandidateProfileFactory(
        user__full_name=name,
        user__email=email,
        municipality=Municipality.objects.get(name="Trois-Rivières"),
        available_from=date(2027, 1, 4),
    )
    profile.regions_of_interest.set(Region.objects.filter(code__in=["04", "09"]))
    profile.desired_occupations.add(noc)
    WorkExperienceFactory(candidate=profile, noc_id=noc, title=title)
    return profile


@pytest.fixture
def couple(reference_data):
    engine_reset()
    welding = _posting("Trois-Rivières", "72106", "Soudeur/soudeuse MIG")
    _posting("Sept-Îles", "72106", "Soudeur/soudeuse de chantier")
    care = _posting("Shawinigan", "33102", "Préposé/préposée aux bénéficiaires")
    welder = _person("Amina Diallo", "amina.diallo@example.org", "72106", "Soudeuse")
    aide = _person("Karim Diallo", "karim.diallo@example.org", "33102", "Préposé aux bénéficiaires")
    for person in (welder, aide):
        candidate_rematch(candidate_id=person.pk, today=TODAY)
    ProposalFactory(candidate=welder, posting=welding)
    ProposalFactory(candidate=aide, posting=care)
    yield welder, aide
    engine_reset()


def test_a_couple_links_their_profiles_and_finds_a_region_with_both_jobs(
    page, phone_page, login, check_accessibility, couple
):
    welder, aide = couple
    login(page, welder.user.email, PASSWORD)
    page.get_by_role("link", name="Notre ménage").first.click()
    page.get_by_label("Adresse courriel de votre conjoint ou conjointe").fill(aide.user.email)
    page.get_by_role("button", name="Envoyer l'invitation").click()
    assert page.get_by_text("Votre invitation à karim.diallo@example.org attend").is_visible()
    check_accessibility(page, "households-01-invitation-sent")

    login(phone_page, aide.user.email, PASSWORD)
    phone_page.goto("/households/mine/")
    assert phone_page.get_by_text("Amina Diallo vous invite à relier vos profils").is_visible()
    check_accessibility(phone_page, "households-02-invitation-received-phone")
    phone_page.get_by_role("button", name="Accepter").click()
    assert phone_page.get_by_text("Vous et Amina Diallo formez un ménage").is_visible()
    check_accessibility(phone_page, "households-03-our-household-phone")

    page.reload()
    regions = page.locator(".household-regions")
    assert regions.get_by_role("link", name="Mauricie").is_visible()
    # Best first: her welding job with his care-aide job (the other way round comes second).
    pairs = page.locator(".household-pairs > li")
    assert pairs.count() == 2
    best = pairs.first
    assert best.locator("div > div").first.get_by_text("Soudeur/soudeuse MIG").is_visible()
    assert best.locator("div > div").last.get_by_text("Préposé/préposée aux").is_visible()
    assert page.get_by_text("Soudeur/soudeuse de chantier").count() == 0  # 600 km away
    check_accessibility(page, "households-04-our-household")

    advisor = AdvisorFactory()
    page.context.clear_cookies()  # signed out
    login(page, advisor.email, PASSWORD)
    page.goto("/prequalification/queue/")
    assert page.get_by_role("link", name="Ménage avec Karim Diallo").is_visible()
    page.get_by_role("link", name="Ménage avec Karim Diallo").click()
    assert page.get_by_role("link", name="Karim Diallo", exact=True).is_visible()
    assert page.get_by_role("link", name="Amina Diallo", exact=True).count() == 0
    check_accessibility(page, "households-05-advisor-queue-partner")
