"""Issue 2's promises, in a real browser and in French: a candidate signs up and fills a profile,
an employer registers and, once verified, publishes a posting, an advisor verifies both."""

import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone

from maillage.accounts.tests.factories import PASSWORD, AdvisorFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def confirmation_path(email: str) -> str:
    message = next(m for m in reversed(mail.outbox) if m.to == [email])
    return re.search(r"(/(?:en/)?accounts/confirm/[\w:.-]+/)", message.body).group(1)


def pick(page, widget_id: str, search: str, option_text: str) -> None:
    """Use a searchable picker: type in its search box, then choose the option."""
    with page.expect_response(lambda response: "/options/" in response.url):
        page.locator(f"#{widget_id}_search").fill(search)
    page.wait_for_function(
        "([id, text]) => document.getElementById(id).options.length < 100"
        " && [...document.getElementById(id).options].some(o => o.text.includes(text))",
        arg=[widget_id, option_text],
    )
    value = page.locator(f"#{widget_id} option", has_text=option_text).first.get_attribute("value")
    page.locator(f"#{widget_id}").select_option(value)


def submit(page) -> None:
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()


def test_candidate_signs_up_in_french_and_completes_a_profile(page, check_accessibility, tmp_path):
    page.goto("/candidates/signup/")
    check_accessibility(page, "01-candidate-signup")
    page.locator("#id_full_name").fill("Amina Diallo")
    page.locator("#id_email").fill("amina@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill("autre-chose-42-autre")
    page.locator("#id_accepts_privacy_notice").check()
    page.locator("main form button[type=submit]").click()
    # A mistake keeps what was typed and says what to fix.
    assert page.locator("#id_full_name").input_value() == "Amina Diallo"
    assert page.locator("#id_password2_error").is_visible()
    check_accessibility(page, "02-candidate-signup-error")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    check_accessibility(page, "03-check-your-email")

    page.goto(confirmation_path("amina@example.org"))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/candidates/profile/")
    check_accessibility(page, "04-empty-profile")

    page.goto("/candidates/profile/immigration/edit/")
    page.locator("#id_admission_date").fill(
        (timezone.localdate() - timedelta(days=400)).isoformat()
    )
    # A permanent status has no expiry: the field shows only while a permit is chosen.
    page.locator("#id_immigration_status").select_option("permanent_resident")
    assert page.locator("#id_permit_expires_on").is_hidden()
    page.locator("#id_immigration_status").select_option("open_work_permit")
    assert page.locator("#id_permit_expires_on").is_visible()
    submit(page)
    assert page.locator(
        "#id_permit_expires_on_error"
    ).is_visible()  # a work permit needs its expiry
    check_accessibility(page, "05-immigration-error")
    page.locator("#id_permit_expires_on").fill(
        (timezone.localdate() + timedelta(days=500)).isoformat()
    )
    submit(page)

    page.goto("/candidates/profile/languages/edit/")
    for field, level in [
        ("french_oral_comprehension", "8"),
        ("french_oral_production", "7"),
        ("french_written_comprehension", "7"),
        ("french_written_production", "6"),
        ("english_oral_comprehension", "4"),
    ]:
        page.locator(f"#id_{field}").select_option(level)
    check_accessibility(page, "06-languages")
    submit(page)

    page.goto("/candidates/profile/experiences/new/")
    page.locator("#id_title").fill("Soudeuse")
    page.locator("#id_employer_name").fill("Ateliers Atlas")
    page.locator("#id_country").select_option("MA")
    page.locator("#id_start_date").fill("2016-03-01")
    page.locator("#id_end_date").fill("2015-01-01")
    submit(page)
    assert page.locator("#id_end_date_error").is_visible()
    assert page.locator("#id_title").input_value() == "Soudeuse"
    page.locator("#id_end_date").fill("2024-01-31")
    pick(page, "id_noc", "soud", "72106")
    check_accessibility(page, "07-experience")
    submit(page)

    page.goto("/candidates/profile/preferences/edit/")
    page.get_by_label("Bas-Saint-Laurent").check()
    page.locator("#id_relocation_0").check()  # « Oui, je déménagerais »
    page.locator("#id_salary_expectation").fill("26.50")
    submit(page)

    page.goto("/candidates/profile/documents/new/")
    not_a_pdf = tmp_path / "permis.pdf"
    not_a_pdf.write_text("ceci n'est pas un PDF")
    page.locator("#id_kind").select_option("work_permit")
    page.locator("#id_file").set_input_files(str(not_a_pdf))
    submit(page)
    assert page.locator("#id_file_error").is_visible()
    check_accessibility(page, "08-upload-refused")
    real_pdf = tmp_path / "permis-de-travail.pdf"
    real_pdf.write_bytes(PDF_BYTES)
    page.locator("#id_file").set_input_files(str(real_pdf))
    submit(page)

    page.wait_for_url("**/candidates/profile/")
    assert page.locator(
        "#eligibility-title + p .badge-warning"
    ).is_visible()  # pending verification
    assert page.get_by_text("Ateliers Atlas").is_visible()
    assert page.get_by_text("permis-de-travail.pdf").is_visible()
    check_accessibility(page, "09-complete-profile")


def register_employer(page, check_accessibility) -> None:
    page.goto("/employers/signup/")
    page.locator("#id_company-legal_name").fill("Usinage Boréal inc.")
    page.locator("#id_company-neq").fill("1176 786 56")
    pick(page, "id_company-municipality", "rimous", "Rimouski")
    page.locator("#id_company-sector").select_option("31-33")
    page.locator("#id_company-size").select_option("20-99")
    page.locator("#id_account-full_name").fill("Julie Côté")
    page.locator("#id_account-email").fill("julie@example.org")
    page.locator("#id_account-password1").fill(PASSWORD)
    page.locator("#id_account-password2").fill(PASSWORD)
    page.locator("#id_account-accepts_privacy_notice").check()
    submit(page)
    assert page.locator("#id_company-neq_error").is_visible()  # nine digits
    assert page.locator("#id_company-legal_name").input_value() == "Usinage Boréal inc."
    check_accessibility(page, "10-employer-signup-error")
    page.locator("#id_company-neq").fill("1176 786 565")
    page.locator("#id_account-password1").fill(PASSWORD)
    page.locator("#id_account-password2").fill(PASSWORD)
    submit(page)
    check_accessibility(page, "11-employer-check-your-email")
    page.goto(confirmation_path("julie@example.org"))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/employers/company/")
    check_accessibility(page, "11b-company-pending")


def test_employer_registers_advisor_verifies_and_a_posting_is_published(
    page, browser, live_server, login, check_accessibility
):
    register_employer(page, check_accessibility)
    assert page.locator(".badge-warning").first.is_visible()

    advisor = AdvisorFactory(email="isabelle@example.org")
    advisor_context = browser.new_context(base_url=live_server.url, locale="fr-CA")
    advisor_page = advisor_context.new_page()
    advisor_page.console_errors = []
    login(advisor_page, advisor.email, PASSWORD)
    advisor_page.goto("/employers/verification/")
    check_accessibility(advisor_page, "12-advisor-employer-queue")
    advisor_page.get_by_role("link", name="Usinage Boréal inc.").click()
    check_accessibility(advisor_page, "13-advisor-company-review")
    advisor_page.locator("button[value=verify]").click()
    advisor_page.wait_for_url("**/employers/verification/")
    advisor_context.close()

    page.goto("/employers/postings/new/")
    page.locator("#id_title").fill("Soudeur/soudeuse")
    pick(page, "id_noc", "soudeu", "72106")
    page.locator("#id_description").fill("Souder des structures d'acier selon les plans.")
    page.locator("#id_must_haves").fill("Carte ASP Construction")
    page.locator("#id_required_skills").fill("Soudage MIG\nLecture de plans")
    page.get_by_label("me montrer aussi les personnes à qui il manque une exigence").check()
    page.locator("#id_min_french_oral_comprehension").select_option("6")
    page.locator("#id_salary_min").fill("32")
    page.locator("#id_salary_max").fill("25")
    page.locator("#id_start_date").fill((timezone.localdate() + timedelta(days=30)).isoformat())
    page.locator("#id_offers_housing").check()
    submit(page)
    assert page.locator("#id_salary_max_error").is_visible()
    assert (
        page.locator("#id_description").input_value()
        == "Souder des structures d'acier selon les plans."
    )
    check_accessibility(page, "14-posting-error")
    page.locator("#id_salary_min").fill("25")
    page.locator("#id_salary_max").fill("32")
    assert page.locator("#id_must_haves").input_value() == "Carte ASP Construction"
    submit(page)
    assert page.get_by_text("Carte ASP Construction (exigence essentielle)").is_visible()
    check_accessibility(page, "15-posting-draft")
    page.locator("form[action$='/publish/'] button").click()
    page.wait_for_load_state()
    assert page.locator(".badge-success").first.is_visible()
    check_accessibility(page, "16-posting-published")


def test_advisor_verifies_a_candidate(page, login, check_accessibility):
    from maillage.candidates.tests.factories import CandidateProfileFactory
    from maillage.core.choices import VerificationStatus

    candidate = CandidateProfileFactory(
        user__full_name="Carlos Gómez", verification_status=VerificationStatus.PENDING
    )
    login(page, AdvisorFactory().email, PASSWORD)
    page.goto("/candidates/verification/")
    check_accessibility(page, "17-advisor-candidate-queue")
    page.get_by_role("link", name="Carlos Gómez").click()
    check_accessibility(page, "18-advisor-candidate-review")
    page.locator("button[value=refuse]").click()
    page.wait_for_load_state()
    assert page.locator(".alert-error").is_visible()  # a refusal needs a reason
    page.locator("button[value=verify]").click()
    page.wait_for_url("**/candidates/verification/")
    candidate.refresh_from_db()
    assert candidate.verification_status == VerificationStatus.VERIFIED


def test_pages_work_on_a_360_pixel_phone(phone_page, check_accessibility):
    for path, name in [
        ("/", "19-phone-home"),
        ("/candidates/signup/", "20-phone-signup"),
        ("/employers/signup/", "21-phone-employer-signup"),
    ]:
        phone_page.goto(path)
        overflow = phone_page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= 360, f"{path} scrolls sideways on a phone ({overflow}px)"
        check_accessibility(phone_page, name)
