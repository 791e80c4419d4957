"""Issue 6 in a real browser, in French: an advisor creates a matching activity, an employer and a
candidate register, the schedule is computed (a task), previewed as a draft and published, the
candidate opens their schedule and the meeting's video room link; a region page plays a captioned
video and draws its map."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from maillage.accounts.tests.factories import PASSWORD, AdvisorFactory, ManagerFactory
from maillage.activities.models import Activity, Meeting
from maillage.activities.tests.factories import MatchResultFactory
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.regions import services as region_services
from maillage.regions.models import Region
from maillage.regions.showcase_video import demo_video_bytes
from maillage.regions.tests.sample_videos import CAPTIONS_EN, CAPTIONS_FR, vtt_upload


def login_as(page, login, email: str) -> None:
    """Log out whoever is logged in, then log in as `email`."""
    page.context.clear_cookies()
    login(page, email, PASSWORD)


def submit(page) -> None:
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()


def fill_activity_form(page, kind: str, title: str, *, region: str, days: int) -> None:
    """A virtual activity in `region`, `days` from today at 9:00: 4 slots of 15 minutes."""
    page.locator("#id_kind").select_option(kind)
    page.locator("#id_title").fill(title)
    page.locator("#id_region").select_option(str(Region.objects.get(code=region).pk))
    page.locator("#id_date").fill((timezone.localdate() + timedelta(days=days)).isoformat())
    page.locator("#id_starts_at").fill("09:00")
    page.locator("#id_slot_count").fill("4")
    page.locator("#id_slot_minutes").fill("15")
    page.locator("#id_candidate_capacity").fill("20")
    page.locator("#id_employer_capacity").fill("10")
    page.locator("#id_is_virtual").check()


def test_activity_from_creation_to_the_candidate_video_room(
    page, login, check_accessibility, settings
):
    advisor = AdvisorFactory(email="isabelle@example.org")
    member = CompanyMemberFactory(user__email="rh@usinage.example.org")
    posting = JobPostingFactory(company=member.company, title="Soudeur ou soudeuse")
    candidate = CandidateProfileFactory(
        user__email="amina@example.org", user__full_name="Amina Diallo"
    )
    # The engine's verdict for the pair (the matching app computes these in production).
    MatchResultFactory(candidate=candidate, posting=posting, score=86)

    login_as(page, login, advisor.email)
    page.goto("/activities/new/")
    check_accessibility(page, "01-new-activity")
    fill_activity_form(page, "speed_meeting", "Maillage express Rimouski", region="01", days=30)
    submit(page)
    activity = Activity.objects.get()
    page.wait_for_url(f"**/activities/{activity.public_id}/manage/")
    check_accessibility(page, "02-manage-empty")

    login_as(page, login, member.user.email)
    page.goto(f"/activities/{activity.public_id}/")
    page.get_by_label("Soudeur ou soudeuse").check()
    check_accessibility(page, "03-employer-registers")
    submit(page)
    assert page.get_by_text("Votre entreprise est inscrite à cette activité.").is_visible()

    login_as(page, login, candidate.user.email)
    page.goto(f"/activities/{activity.public_id}/")
    page.locator("#id_consents").check()
    check_accessibility(page, "04-candidate-registers")
    submit(page)
    assert page.get_by_text("Vous êtes inscrit ou inscrite.").is_visible()

    login_as(page, login, advisor.email)
    page.goto(f"/activities/{activity.public_id}/manage/")
    page.locator("#compute-schedule").click()
    page.wait_for_url(f"**/activities/{activity.public_id}/schedule/")
    # The computed schedule is a draft: previewed, nobody told, until the organiser publishes.
    assert page.get_by_text("L'horaire est calculé\u00a0: c'est le meilleur possible.").is_visible()
    preview = page.locator("#schedule-preview")
    assert preview.get_by_role("cell", name="Amina Diallo").is_visible()
    assert not Meeting.objects.exists()
    check_accessibility(page, "05-schedule-draft")
    page.locator("#publish-schedule").click()
    page.wait_for_url(f"**/activities/{activity.public_id}/manage/")
    assert page.get_by_text(
        "L'horaire est publié\u00a0: chaque participant est avisé."
    ).is_visible()
    check_accessibility(page, "05-schedule-published")
    meeting = Meeting.objects.get()

    login_as(page, login, candidate.user.email)
    page.goto(f"/activities/{activity.public_id}/")
    page.get_by_role("link", name="Voir mon horaire").click()
    page.wait_for_url("**/my-schedule/")
    room = page.locator("a.room-link")
    assert room.get_attribute("href") == f"{settings.VIDEO_ROOM_BASE_URL}/{meeting.room_name}"
    assert room.get_attribute("target") == "_blank"
    assert page.get_by_role("cell", name=member.company.legal_name).is_visible()
    check_accessibility(page, "06-candidate-schedule")
    ics = page.request.get(f"/activities/{activity.public_id}/my-schedule.ics")
    assert ics.ok
    assert meeting.room_name in ics.text()


def test_the_program_manager_creates_an_activity_from_the_list(page, login, check_accessibility):
    manager = ManagerFactory(email="direction@example.org")
    login_as(page, login, manager.email)
    page.goto("/activities/")
    page.get_by_role("link", name="Nouvelle activité").click()
    page.wait_for_url("**/activities/new/")
    fill_activity_form(page, "virtual_fair", "Salon virtuel de la Gaspésie", region="11", days=20)
    submit(page)
    activity = Activity.objects.get()
    page.wait_for_url(f"**/activities/{activity.public_id}/manage/")
    assert activity.created_by == manager
    assert page.locator("#compute-schedule").is_visible()
    check_accessibility(page, "02b-manager-manages")


def test_region_page_plays_a_captioned_video_and_draws_the_map(page, check_accessibility):
    region = Region.objects.get(code="01")
    video = region_services.region_video_upload(
        region=region,
        upload=SimpleUploadedFile("rimouski.webm", demo_video_bytes(), content_type="video/webm"),
        title_fr="Vivre au Bas-Saint-Laurent",
        title_en="Living in Bas-Saint-Laurent",
        transcript_fr="Bienvenue au Bas-Saint-Laurent.",
        by=AdvisorFactory(),
    )
    region_services.video_caption_attach(video=video, language="fr", upload=vtt_upload(CAPTIONS_FR))
    region_services.video_caption_attach(video=video, language="en", upload=vtt_upload(CAPTIONS_EN))
    JobPostingFactory()

    page.goto("/regions/bas-saint-laurent/")
    selector = f"#video-{video.public_id}"
    page.wait_for_function("s => document.querySelector(s).readyState >= 2", arg=selector)
    page.evaluate(
        "s => { const v = document.querySelector(s); v.muted = true; return v.play(); }", selector
    )
    page.wait_for_function("s => document.querySelector(s).currentTime > 0.3", arg=selector)
    page.wait_for_function(
        "s => [...document.querySelector(s).textTracks].some(t => t.mode === 'showing' && t.cues && t.cues.length)",
        arg=selector,
    )
    tracks = page.evaluate(
        "s => [...document.querySelector(s).textTracks].map(t => [t.language, t.mode, t.cues ? t.cues.length : 0])",
        selector,
    )
    # Captions on, in the page's language (French), with their cue loaded.
    assert ["fr", "showing", 1] in tracks
    assert ["en", "disabled", 0] in tracks or ["en", "hidden", 0] in tracks
    page.wait_for_selector("#region-map[data-ready=true]")
    assert page.locator("#region-map path.posting-marker").count() == 1
    check_accessibility(page, "07-region-page")


def test_candidate_marks_a_region_that_interests_them_in_english(page, login, check_accessibility):
    candidate = CandidateProfileFactory(user__email="mei@example.org", user__language="en")
    login_as(page, login, candidate.user.email)
    page.goto("/en/regions/cote-nord/")
    page.get_by_role("button", name="This region interests me").click()
    page.wait_for_load_state()
    assert page.get_by_text("Côte-Nord is now among the regions that interest you.").is_visible()
    assert list(candidate.regions_of_interest.values_list("code", flat=True)) == ["09"]
    check_accessibility(page, "08-region-interest-en")
