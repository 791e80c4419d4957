"""The program manager finds the program settings in the menu: the queue threshold, its measured
approval rate, what each star level means and where the figures come from (issue 13)."""

from maillage.accounts.tests.factories import PASSWORD, ManagerFactory
from matchcore.engine import DEFAULT_POLICY


def test_the_manager_reads_the_threshold_and_the_stars(page, login, check_accessibility):
    ManagerFactory(email="gestion@example.org")
    login(page, "gestion@example.org", PASSWORD)
    page.locator("nav.main-nav").get_by_role("link", name="Réglages du programme").click()
    page.wait_for_url("**/prequalification/program-settings/")
    assert page.locator("h1").inner_text() == "Réglages du programme"
    threshold = f"{DEFAULT_POLICY.proposal_threshold:g}".replace(".", ",")
    assert f"{threshold}/100" in page.locator("#queue-threshold").inner_text()
    assert "ensemble de référence" in page.locator("#threshold-source").inner_text()
    assert page.locator("#stars tbody tr").count() == 5
    check_accessibility(page, "program-settings")
