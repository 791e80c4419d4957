"""Issue 15, part 3 in a real browser, in French, at 1280 and 360 px: a truck driver says on the
profile that their class 1 licence is in progress, and « Mes jumelages » says why the posting that
requires it is closed to them, and what obtaining it would open; every page passes axe-core."""

from datetime import date

import pytest
from playwright.sync_api import expect

from maillage.accounts.tests.factories import PASSWORD
from maillage.candidates.models import Relocation
from maillage.candidates.tests.factories import CandidateProfileFactory, WorkExperienceFactory
from maillage.employers.tests.factories import JobPostingFactory
from maillage.matching.doors import columns_reset
from maillage.matching.engine_state import engine_reset
from maillage.regions.models import Municipality, Region

NBSP = "\u00a0"
CLASS_1_NAME = "Permis de conduire classe 1 (ensemble de véhicules routiers)"


@pytest.fixture
def driver(reference_data):
    engine_reset()
    columns_reset()
    rimouski = Municipality.objects.get(name="Rimouski")
    JobPostingFactory(
        title="Chauffeur/chauffeuse de camion à semi-remorque",
        noc_id="73300",
        municipality=rimouski,
        start_date=date(2027, 3, 1),
        required_permits=["saaq-classe-1"],
        min_french_oral_comprehension=None,
        min_french_oral_production=None,
    )
    profile = CandidateProfileFactory(
        municipality=rimouski, relocation=Relocation.NO, available_from=date(2027, 1, 4)
    )
    profile.regions_of_interest.set([Region.objects.get(code="01")])
    WorkExperienceFactory(
        candidate=profile, title="Chauffeur de camion", noc_id="73300", start_date=date(2018, 5, 1)
    )
    yield profile
    engine_reset()
    columns_reset()


def test_a_driver_sets_a_permit_status_and_reads_the_reason(
    page, phone_page, login, check_accessibility, driver
):
    login(page, driver.user.email, PASSWORD)
    page.goto("/candidates/profile/")
    regulations = page.locator("#regulations")
    regulations.get_by_label(CLASS_1_NAME).select_option("in_progress")
    # The save rematches the candidate in the request (tasks run eagerly here): the engine loads.
    regulations.get_by_role("button", name="Enregistrer mes permis").click(timeout=120_000)
    page.wait_for_load_state()
    expect(page.get_by_text("Vos permis sont enregistrés.")).to_be_visible(timeout=120_000)
    expect(page.locator("#regulations").get_by_label(CLASS_1_NAME)).to_have_value("in_progress")
    check_accessibility(page, "01-permit-status-profile")

    page.goto("/matching/my-matches/?include_excluded=on")
    expect(
        page.get_by_text(f"Ce poste exige{NBSP}: {CLASS_1_NAME}{NBSP}; vous l'avez en cours.")
    ).to_be_visible()
    expect(
        page.locator("#doors").get_by_text(f"Obtenir «{NBSP}{CLASS_1_NAME}{NBSP}» ouvre 1 poste")
    ).to_be_visible(timeout=120_000)  # after the page (htmx)
    check_accessibility(page, "02-permit-reason-my-matches")

    login(phone_page, driver.user.email, PASSWORD)
    phone_page.goto("/matching/my-matches/?include_excluded=on")
    expect(phone_page.get_by_text("vous l'avez en cours.")).to_be_visible()
    check_accessibility(phone_page, "03-permit-reason-my-matches-phone")
    phone_page.goto("/candidates/profile/")
    expect(phone_page.locator("#regulations").get_by_label(CLASS_1_NAME)).to_be_visible()
    check_accessibility(phone_page, "04-permit-status-profile-phone")
