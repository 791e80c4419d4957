"""Job language in the browser, in French: a candidate pre-fills a profile from a CV and confirms
field by field; an employer types a title and picks the suggested NOC group."""

from maillage.accounts.tests.factories import PASSWORD
from maillage.candidates.models import WorkExperience
from maillage.candidates.tests import cv_files
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import CompanyMemberFactory


def test_candidate_imports_a_cv_and_keeps_what_they_confirm(
    page, check_accessibility, login, tmp_path
):
    profile = CandidateProfileFactory(summary="")
    login(page, profile.user.email, PASSWORD)
    cv = tmp_path / "cv-amina.pdf"
    cv.write_bytes(cv_files.pdf_bytes(cv_files.CV_FR))
    page.goto("/candidates/profile/cv/")
    check_accessibility(page, "01-cv-upload")
    page.locator("#id_file").set_input_files(str(cv))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#id_exp-0-title").input_value() == "Soudeuse-monteuse"
    assert page.locator("#id_exp-0-start_date").input_value() == "2016-01-01"
    # The occupation is suggested, not chosen.
    assert not page.locator("input[name='exp-0-noc'][value='72106']").is_checked()
    check_accessibility(page, "02-cv-review")
    page.locator("input[name='exp-0-noc'][value='72106']").check()
    page.locator("#id_exp-1-keep").uncheck()
    page.locator("#id_edu-1-keep").uncheck()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/candidates/profile/")
    experience = WorkExperience.objects.get(candidate=profile)
    assert (experience.title, experience.noc_id) == ("Soudeuse-monteuse", "72106")
    assert page.get_by_text("Soudeuse-monteuse · Ateliers Métalliques du Rif").is_visible()


def test_employer_picks_the_noc_suggested_for_the_title(page, check_accessibility, login):
    member = CompanyMemberFactory()
    login(page, member.user.email, PASSWORD)
    page.goto("/employers/postings/new/")
    page.locator("#id_title").fill("Préposée aux bénéficiaires")
    suggestion = page.locator("#id_title_noc_suggestions button").first
    suggestion.wait_for()
    assert suggestion.inner_text().startswith("33102")
    check_accessibility(page, "03-posting-noc-suggestions")
    suggestion.click()
    page.wait_for_function("() => document.getElementById('id_noc').value === '33102'")
    assert page.locator("#id_noc").input_value() == "33102"


def test_candidate_finds_her_occupation_in_her_own_words_on_a_phone(
    phone_page, check_accessibility, login
):
    """The occupation picker understands a title typed without accents, in the plural."""
    profile = CandidateProfileFactory()
    login(phone_page, profile.user.email, PASSWORD)
    phone_page.goto("/candidates/profile/")
    search = phone_page.locator("#id_noc_search")
    search.fill("preposes aux beneficiaires")
    # The list is replaced by the search's answer, best first.
    phone_page.wait_for_function(
        "() => document.querySelector(\"#id_noc option:not([value=''])\").value === '33102'"
    )
    first = phone_page.locator("#id_noc option:not([value=''])").first
    assert first.inner_text().startswith("33102")
    check_accessibility(phone_page, "04-occupation-picker-phone")
    phone_page.locator("#id_noc").select_option("33102")
    phone_page.locator("form[action$='/occupations/add/'] button[type=submit]").click()
    phone_page.wait_for_url("**/candidates/profile/")
    assert list(profile.desired_occupations.values_list("code", flat=True)) == ["33102"]
    assert phone_page.get_by_text("préposés/préposées aux bénéficiaires").first.is_visible()
