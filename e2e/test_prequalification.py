"""Issue 5's path in a real browser, in French: the advisor approves the engine's proposal, the
candidate consents, the employer invites to a video interview, the candidate picks a time and
receives the calendar file, the employer records the hire and the advisor sees the follow-ups."""

import re
from datetime import timedelta

import icalendar
from django.core import mail
from django.utils import timezone

from maillage.accounts.tests.factories import PASSWORD, AdvisorFactory
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.interviews.models import FollowUp, InterviewSlot, Placement
from maillage.prequalification.services import proposals_create_from_matches
from maillage.prequalification.tests.factories import MatchResultFactory, complete_profile


def switch_to(page, login, email: str) -> None:
    page.context.clear_cookies()
    login(page, email, PASSWORD)


def local_input(days: int, hour: int) -> str:
    moment = timezone.localtime(timezone.now() + timedelta(days=days))
    return moment.replace(hour=hour, minute=0).strftime("%Y-%m-%dT%H:%M")


def test_from_proposal_to_hire_in_french(page, check_accessibility, login, tmp_path):
    AdvisorFactory(full_name="Isabelle Tremblay", email="conseillere@example.org")
    member = CompanyMemberFactory(
        company__legal_name="Usinage du Fjord inc.",
        user__full_name="Marc Bouchard",
        user__email="marc@example.org",
    )
    posting = JobPostingFactory(company=member.company, title="Soudeur/soudeuse")
    candidate = complete_profile(
        CandidateProfileFactory(user__full_name="Amina Diallo", user__email="amina@example.org")
    )
    MatchResultFactory(candidate=candidate, posting=posting, score=87)
    proposals_create_from_matches(posting=posting)

    # 1. The advisor reviews the engine's proposal and approves it.
    login(page, "conseillere@example.org", PASSWORD)
    page.goto("/prequalification/queue/")
    check_accessibility(page, "01-advisor-queue")
    page.get_by_role("link", name="Amina Diallo").click()
    page.wait_for_load_state()
    check_accessibility(page, "02-advisor-proposal-review")
    page.locator("#id_approve-reason").select_option("meets_requirements")
    page.locator("#id_approve-note").fill("Belle expérience en soudage MIG, disponible en janvier.")
    page.get_by_role("button", name="Approuver").click()
    page.wait_for_url("**/prequalification/queue/")
    assert page.locator(".alert-success").inner_text().startswith("Approuvée")
    consent_mail = next(m for m in mail.outbox if m.to == ["amina@example.org"])
    assert consent_mail.subject == (
        "Usinage du Fjord inc. pourrait vous rencontrer\xa0: partagez-vous votre profil\xa0?"
    )

    # 2. The candidate sees why, chooses what to share and consents.
    switch_to(page, login, "amina@example.org")
    page.goto("/notifications/")
    assert page.locator(".notifications-count").inner_text().startswith("1")
    check_accessibility(page, "03-candidate-notifications")
    page.get_by_role("button", name=re.compile("^Ouvrir")).first.click()
    page.wait_for_url("**/prequalification/mine/**")
    check_accessibility(page, "04-candidate-consent")
    page.get_by_label("Mon expérience de travail").check()
    page.get_by_label("Mes niveaux de langue").check()
    page.get_by_role("button", name="J'accepte").click()
    page.wait_for_load_state()
    assert (
        "Votre profil est sur la liste restreinte de l'employeur"
        in page.locator("main").inner_text()
    )
    check_accessibility(page, "05-candidate-consented")

    # 3. The employer opens the short list, reads the comparison and invites with two times.
    switch_to(page, login, "marc@example.org")
    page.goto("/prequalification/shortlist/")
    check_accessibility(page, "06-employer-short-lists")
    page.get_by_role("link", name="Soudeur/soudeuse").click()
    page.get_by_role("link", name="Amina Diallo").click()
    page.wait_for_load_state()
    text = page.locator("main").inner_text()
    assert "Ateliers du Nord" in text  # experience shared
    assert "amina@example.org" not in text  # contact details not shared
    check_accessibility(page, "07-employer-candidate")
    page.get_by_role("link", name="Inviter à une entrevue vidéo").click()
    page.wait_for_load_state()
    page.locator("#id_start_1").fill(local_input(3, 10))
    page.locator("#id_start_2").fill(local_input(4, 14))
    page.locator("#id_message").fill("Au plaisir de vous rencontrer!")
    check_accessibility(page, "08-employer-invitation")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    page.wait_for_url("**/interviews/**")
    check_accessibility(page, "09-employer-interview-awaiting")

    # 4. The candidate picks a time: both receive the .ics invitation.
    switch_to(page, login, "amina@example.org")
    page.goto("/interviews/")
    page.get_by_role("link", name="Soudeur/soudeuse").click()
    page.wait_for_load_state()
    check_accessibility(page, "10-candidate-choose-time")
    page.locator("input[name=slot]").first.check()
    mail.outbox.clear()
    page.get_by_role("button", name="Choisir cette plage").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name=re.compile("Rejoindre la rencontre vidéo")).is_visible()
    check_accessibility(page, "11-candidate-interview-set")
    assert sorted(m.to[0] for m in mail.outbox) == ["amina@example.org", "marc@example.org"]
    for message in mail.outbox:
        [(filename, content, mimetype)] = message.attachments
        assert (filename, mimetype) == ("entrevue.ics", "text/calendar")
        [event] = icalendar.Calendar.from_ical(content).walk("VEVENT")
        assert str(event["LOCATION"]).startswith("https://meet.jit.si/maillage-entrevue-")
    with page.expect_download() as download:
        page.get_by_role("link", name="Ajouter à mon agenda (.ics)").click()
    assert download.value.suggested_filename == "entrevue.ics"
    saved = tmp_path / "entrevue.ics"
    download.value.save_as(saved)
    assert b"BEGIN:VEVENT" in saved.read_bytes()

    # 5. The interview took place (time moves on); the employer records the hire.
    slot = InterviewSlot.objects.get(booking__isnull=False)
    slot.starts_at = timezone.now() - timedelta(hours=2)
    slot.ends_at = slot.starts_at + timedelta(minutes=30)
    slot.save()
    switch_to(page, login, "marc@example.org")
    page.goto("/interviews/")
    page.get_by_role("link", name="Soudeur/soudeuse").click()
    page.get_by_role("link", name="Inscrire le résultat").click()
    page.wait_for_load_state()
    page.get_by_label("Embauche").check()
    page.locator("#id_start_date").fill((timezone.localdate() + timedelta(days=21)).isoformat())
    page.locator("#id_position").fill("Soudeuse-assembleuse")
    check_accessibility(page, "12-employer-outcome")
    page.get_by_role("button", name="Inscrire", exact=True).click()
    page.wait_for_load_state()
    assert "Soudeuse-assembleuse" in page.locator("main").inner_text()
    check_accessibility(page, "13-employer-hired")
    placement = Placement.objects.get()
    assert placement.position == "Soudeuse-assembleuse"
    assert FollowUp.objects.filter(placement=placement).count() == 3

    # 6. The advisor finds the follow-ups at 3, 6 and 12 months.
    switch_to(page, login, "conseillere@example.org")
    page.goto("/interviews/follow-ups/")
    assert page.locator("main").inner_text().count("Amina Diallo") == 3
    check_accessibility(page, "14-advisor-follow-ups")
