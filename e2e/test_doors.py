"""Issue 15 in a real browser, in French, at 1280 and 360 px: « Ce qui vous ouvrirait plus de
portes » on the candidate's matches and profile (with their regulated trade's permits), « Ce qui
élargirait le bassin » on the posting for its employer and for an advisor, with what offering a
relocation allowance adds (and, once the employer ticks it, lets in); every page passes axe-core
(WCAG AA)."""

from datetime import date

import pytest
from playwright.sync_api import expect

from maillage.accounts.tests.factories import PASSWORD, AdvisorFactory
from maillage.candidates.models import Relocation
from maillage.candidates.tests.factories import CandidateProfileFactory, WorkExperienceFactory
from maillage.employers.tests.factories import (
    CompanyMemberFactory,
    JobPostingFactory,
    PostingSkillFactory,
)
from maillage.matching.doors import columns_reset
from maillage.matching.engine_state import engine_reset
from maillage.regions.models import Municipality, Region

NO_FRENCH = {"min_french_oral_comprehension": None, "min_french_oral_production": None}


def _posting(town: str, company=None, **fields):
    extra = {} if company is None else {"company": company}
    return JobPostingFactory(
        municipality=Municipality.objects.get(name=town),
        start_date=date(2027, 3, 1),
        **extra,
        **fields,
    )


def _person(town: str, region: str, **fields):
    profile = CandidateProfileFactory(
        municipality=Municipality.objects.get(name=town),
        relocation=fields.pop("relocation", Relocation.NO),
        available_from=date(2027, 1, 4),
        **fields,
    )
    profile.regions_of_interest.set([Region.objects.get(code=region)])
    return profile


@pytest.fixture
def doors_data(reference_data):
    engine_reset()
    columns_reset()
    for _ in range(4):
        _posting("Rimouski", min_french_oral_production=7)
    for _ in range(3):
        _posting("Saguenay", **NO_FRENCH)
    licence = _posting("Rimouski", **NO_FRENCH)
    PostingSkillFactory(posting=licence, label="permis de conduire classe 1", is_must_have=True)
    pool_posting = _posting(
        "Rimouski",
        title="Préposé/préposée à l'entrepôt",
        min_french_written_comprehension=7,
        **NO_FRENCH,
    )
    candidate = _person("Rimouski", "01", french_oral_production=5)
    WorkExperienceFactory(candidate=candidate)  # a welder: a regulated trade
    for _ in range(5):
        _person("Rimouski", "01", french_written_comprehension=7)
    for _ in range(6):
        _person("Rimouski", "01", french_written_comprehension=5)
    for _ in range(2):
        _person("Saguenay", "01", french_written_comprehension=5)
    employer = CompanyMemberFactory(company=pool_posting.company).user
    yield candidate, pool_posting, employer
    engine_reset()
    columns_reset()


def test_candidate_sees_what_would_open_more_doors(
    page, phone_page, login, check_accessibility, doors_data
):
    candidate, _posting_, _employer = doors_data
    login(page, candidate.user.email, PASSWORD)
    page.goto("/matching/my-matches/")
    section = page.locator("#doors")
    assert section.get_by_text(
        "Avec un niveau 7 en production orale en français, 4 postes de plus vous seraient ouverts"
    ).is_visible()
    assert section.get_by_text("Accepter Saguenay-Lac-Saint-Jean\u00a0: 3 postes").is_visible()
    assert section.get_by_role(
        "link", name="Découvrir la région Saguenay-Lac-Saint-Jean"
    ).is_visible()
    check_accessibility(page, "01-doors-my-matches")
    page.goto("/candidates/profile/")
    expect(page.locator("#doors").get_by_text("production orale").first).to_be_visible()
    regulations = page.locator("#regulations")
    assert regulations.get_by_text("Votre profession est réglementée au Québec").is_visible()
    assert regulations.get_by_role("link", name="Bureau canadien de soudage (CWB)").is_visible()
    check_accessibility(page, "02-doors-profile-regulated-trade")
    login(phone_page, candidate.user.email, PASSWORD)
    phone_page.goto("/matching/my-matches/")
    assert phone_page.locator("#doors").is_visible()
    check_accessibility(phone_page, "03-doors-my-matches-phone")
    phone_page.goto("/candidates/profile/")
    expect(phone_page.locator("#doors")).to_be_visible()
    check_accessibility(phone_page, "03b-doors-profile-regulated-trade-phone")


def test_employer_and_advisor_see_what_would_widen_the_pool(
    page, phone_page, login, check_accessibility, doors_data
):
    _candidate, posting, employer = doors_data
    login(page, employer.email, PASSWORD)
    page.goto(f"/employers/postings/{posting.public_id}/")
    pool = page.locator("#pool")
    expect(pool).to_be_visible(timeout=120_000)  # after the page (htmx); the engine loads first
    assert pool.get_by_text(
        "Personnes admissibles qui satisfont à toutes les exigences aujourd'hui\u00a0: 6."
    ).is_visible()
    row = pool.locator("li", has_text="Exiger le niveau 5 au lieu de 7 en compréhension écrite")
    assert row.get_by_text(
        "Exiger le niveau 5 au lieu de 7 en compréhension écrite en français\u00a0: +8"
    ).is_visible()
    assert row.get_by_text(
        "Où elles habitent\u00a0: Bas-Saint-Laurent 6"
    ).is_visible()  # the 2 of Saguenay: not shown
    check_accessibility(page, "04-pool-employer")
    login(phone_page, employer.email, PASSWORD)
    phone_page.goto(f"/employers/postings/{posting.public_id}/")
    expect(phone_page.locator("#pool")).to_be_visible()
    check_accessibility(phone_page, "05-pool-employer-phone")
    advisor = AdvisorFactory()
    page.context.clear_cookies()  # the employer leaves
    login(page, advisor.email, PASSWORD)
    page.goto(f"/employers/postings/{posting.public_id}/")
    expect(page.locator("#pool").get_by_text(": +8")).to_be_visible()
    check_accessibility(page, "06-pool-advisor")


@pytest.fixture
def movers_data(reference_data):
    """A posting in Rimouski without a relocation allowance; six people of Saguenay who would move
    only with one, two of Rimouski who would not move."""
    engine_reset()
    columns_reset()
    member = CompanyMemberFactory()
    posting = _posting(
        "Rimouski",
        member.company,
        title="Soudeur/soudeuse de chantier",
        created_by=member.user,  # the form saves through posting_update, which requires it
        **NO_FRENCH,
    )
    movers = [_person("Saguenay", "02", relocation=Relocation.WITH_AID) for _ in range(6)]
    for _ in range(2):
        _person("Rimouski", "01")
    yield posting, member.user, movers[0]
    engine_reset()
    columns_reset()


def test_offering_relocation_assistance_shows_who_would_move_and_lets_them_in(
    phone_page, login, check_accessibility, movers_data
):
    posting, employer, mover = movers_data
    login(phone_page, employer.email, PASSWORD)
    phone_page.goto(f"/employers/postings/{posting.public_id}/")
    pool = phone_page.locator("#pool")
    expect(pool).to_be_visible(timeout=120_000)
    row = pool.locator("li", has_text="Offrir une aide à la relocalisation")
    expect(
        row.get_by_text(
            "Offrir une aide à la relocalisation\u00a0: +6 personnes prêtes à déménager"
        )
    ).to_be_visible()
    expect(row.get_by_text("Où elles habitent\u00a0: Saguenay")).to_be_visible()
    assert pool.get_by_text("aujourd'hui\u00a0: moins de 5.").is_visible()
    check_accessibility(phone_page, "07-pool-relocation-assistance-phone")
    # The employer ticks the posting form's existing checkbox: the six come in.
    phone_page.goto(f"/employers/postings/{posting.public_id}/edit/")
    phone_page.locator("#id_offers_relocation_allowance").check()
    phone_page.locator("main form button[type=submit]").last.click()
    phone_page.wait_for_load_state()
    phone_page.goto(f"/employers/postings/{posting.public_id}/")
    pool = phone_page.locator("#pool")
    expect(pool).to_be_visible(timeout=120_000)
    expect(pool.get_by_text("aujourd'hui\u00a0: 8.")).to_be_visible()
    expect(pool.get_by_text("Offrir une aide à la relocalisation")).to_have_count(0)
    check_accessibility(phone_page, "08-pool-relocation-assistance-offered-phone")
    phone_page.context.clear_cookies()  # the employer leaves; one of the six says what she said
    login(phone_page, mover.user.email, PASSWORD)
    phone_page.goto("/candidates/profile/preferences/edit/")
    expect(
        phone_page.get_by_label("Oui, si l'employeur offre une aide à la relocalisation")
    ).to_be_checked()
    check_accessibility(phone_page, "09-preferences-relocation-answer-phone")
