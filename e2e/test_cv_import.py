"""CV import in the browser, as a candidate in French on a 360 px phone: a care aide trained in
Colombia imports her PDF CV, sees certifications apart from diplomas, the French level her test
gives proposed but not ticked, unsure entries unticked, and keeps what she confirms."""

from maillage.accounts.tests.factories import PASSWORD
from maillage.candidates.models import CandidateSkill, Education, WorkExperience
from maillage.candidates.tests.cv_set.scoring import HERE
from maillage.candidates.tests.factories import CandidateProfileFactory


def test_care_aide_imports_her_cv_on_a_phone(phone_page, check_accessibility, login):
    page = phone_page
    profile = CandidateProfileFactory(summary="")
    login(page, profile.user.email, PASSWORD)
    page.goto("/candidates/profile/cv/")
    page.locator("#id_file").set_input_files(
        str(HERE / "files" / "fr_prepose_colombie__lo_pdf_plain.pdf")
    )
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#id_exp-0-title").input_value() == "Préposée aux bénéficiaires"
    assert page.locator("#id_exp-1-start_date").input_value() == "2019-01-01"
    assert page.locator("#id_exp-1-end_date").input_value() == "2021-03-01"
    # The foreign diploma keeps its title; its level is hers to choose, so it is not ticked.
    assert (
        page.locator("#id_edu-0-field").input_value() == "Técnico laboral en auxiliar de enfermería"
    )
    assert not page.locator("#id_edu-0-keep").is_checked()
    # Certifications apart, the French level proposed from her TCF, not ticked for her.
    assert page.get_by_text(
        "Attestation PDSB (Principes de déplacement sécuritaire des bénéficiaires)"
    ).is_visible()
    assert page.get_by_text(
        "Utiliser le niveau 7 de l'Échelle québécoise pour mon français"
    ).is_visible()
    assert not page.locator("#id_use_french_level").is_checked()
    assert page.locator("input[name=esco_skills]").count() >= 5
    assert page.locator("input[name=esco_skills]:checked").count() == 0
    # Nothing overflows the phone's width.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    check_accessibility(page, "cv-import-01-review-360")

    page.locator("#id_edu-0-keep").check()
    page.locator("#id_edu-0-level").select_option("2")
    page.locator("#id_edu-1-keep").uncheck()
    page.locator("#id_use_french_level").check()
    page.locator("input[name=esco_skills]").first.check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/candidates/profile/")
    assert WorkExperience.objects.filter(candidate=profile).count() == 3
    assert (
        Education.objects.get(candidate=profile).field
        == "Técnico laboral en auxiliar de enfermería"
    )
    profile.refresh_from_db()
    assert profile.french_levels() == dict.fromkeys(profile.french_levels(), 7)
    assert CandidateSkill.objects.filter(
        candidate=profile, label__startswith="Attestation PDSB"
    ).exists()
    check_accessibility(page, "cv-import-02-profile-360")
