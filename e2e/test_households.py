"""Issue 15, part 4 in a real browser, in French, at 1280 and 360 px: a welder invites her
partner, a care aide; he accepts from his own account; « Notre ménage » then shows Mauricie,
where a welding job in Trois-Rivières and a care-aide job in Shawinigan are 30 km apart (the
engine's match results of each, computed here), and the advisors' queue marks both partners.
Then, on a phone, the partner lets the employers read the work he looks for, the welder shares
her household when she consents, and the employer reads one line about him, never his name.
Every page passes axe-core (WCAG AA)."""

from datetime import date

import pytest
from django.urls import reverse

from maillage.accounts.tests.factories import PASSWORD, AdvisorFactory
from maillage.candidates.tests.factories import CandidateProfileFactory, WorkExperienceFactory
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.households.services import household_accept, household_invite
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


@pytest.fixture
def shortlist_ahead(reference_data):
    """Amina and Karim already linked; an employer of Trois-Rivières asks Amina's consent for
    its welding job."""
    welder = _person("Amina Diallo", "amina.diallo@example.org", "72106", "Soudeuse")
    aide = _person("Karim Diallo", "karim.diallo@example.org", "33102", "Préposé aux bénéficiaires")
    household_accept(link=household_invite(inviter=welder, email=aide.user.email), by=aide)
    member = CompanyMemberFactory(user__full_name="Marc Bouchard")
    place = Municipality.objects.get(name="Trois-Rivières")
    posting = JobPostingFactory(
        company=member.company, municipality=place, noc_id="72106", title="Soudeur/soudeuse MIG"
    )
    return welder, aide, member, ProposalFactory(candidate=welder, posting=posting, asked=True)


def test_with_both_consents_given_in_the_browser_the_employer_reads_the_partners_search(
    phone_page, login, check_accessibility, shortlist_ahead
):
    welder, aide, member, proposal = shortlist_ahead
    line = "Déménage avec un conjoint ou une conjointe qui cherche aussi un emploi"

    # Karim, on his phone, reads the exact line and says yes (it is off until he does).
    login(phone_page, aide.user.email, PASSWORD)
    phone_page.goto("/households/mine/")
    preview = phone_page.locator(".household-line")
    assert line in preview.inner_text() and "Mauricie" in preview.inner_text()
    assert "Karim" not in preview.inner_text()
    assert phone_page.get_by_role("radio", name="Non").is_checked()
    check_accessibility(phone_page, "households-06-partner-choice-phone")
    phone_page.get_by_role("radio", name="Oui").check()
    phone_page.get_by_role("button", name="Enregistrer mon choix").click()
    assert phone_page.get_by_text("Votre choix est enregistré").is_visible()
    assert phone_page.get_by_text("Oui, depuis le").is_visible()
    check_accessibility(phone_page, "households-07-partner-said-yes-phone")

    # Amina shares her household with the employer when she consents.
    phone_page.context.clear_cookies()
    login(phone_page, welder.user.email, PASSWORD)
    phone_page.goto(reverse("prequalification:mine-detail", args=[proposal.public_id]))
    phone_page.get_by_label("Que je déménage avec mon conjoint ou ma conjointe").check()
    check_accessibility(phone_page, "households-08-candidate-shares-household-phone")
    phone_page.get_by_role("button", name="J'accepte").click()
    phone_page.wait_for_load_state()

    # The employer reads the line, and nothing that says who Karim is.
    phone_page.context.clear_cookies()
    login(phone_page, member.user.email, PASSWORD)
    phone_page.goto(reverse("prequalification:shortlist-candidate", args=[proposal.public_id]))
    main = phone_page.locator("main").inner_text()
    assert line in main and "Mauricie" in main
    assert "Karim" not in main and aide.user.email not in main
    check_accessibility(phone_page, "households-09-employer-reads-the-line-phone")
