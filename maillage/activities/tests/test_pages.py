import pytest
from django.core import mail
from icalendar import Calendar

from maillage.accounts.tests.factories import AdvisorFactory, ManagerFactory, UserFactory
from maillage.activities import services
from maillage.activities.models import (
    Activity,
    ActivityStatus,
    CandidateRegistration,
    EmployerRegistration,
    Meeting,
    MeetingConstraint,
)
from maillage.activities.tests.factories import (
    TODAY,
    ActivityFactory,
    CandidateRegistrationFactory,
    EmployerRegistrationFactory,
    MatchResultFactory,
)
from maillage.candidates.models import Relocation
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.regions.models import Municipality, Region
from maillage.regions.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def url(activity, suffix=""):
    return f"/activities/{activity.public_id}/{suffix}"


def scheduled_session(*, virtual=True):
    activity = ActivityFactory(is_virtual=virtual, address="" if virtual else "Rimouski")
    member = CompanyMemberFactory()
    registration = EmployerRegistrationFactory(
        activity=activity,
        company=member.company,
        postings=[JobPostingFactory(company=member.company)],
    )
    candidate = CandidateRegistrationFactory(activity=activity).candidate
    MatchResultFactory(candidate=candidate, posting=registration.postings.get(), score=88)
    services.schedule_compute(activity=activity, by=AdvisorFactory(), today=TODAY)
    return activity, member.user, candidate


def activity_post_data(**overrides):
    data = {
        "kind": "virtual_fair",
        "title": "Salon virtuel de la Côte-Nord",
        "description": "",
        "region": Region.objects.get(code="09").pk,
        "date": "2027-03-04",
        "starts_at": "13:00",
        "slot_count": "8",
        "slot_minutes": "20",
        "break_minutes": "5",
        "max_meetings_per_candidate": "3",
        "tables_per_employer": "1",
        "candidate_capacity": "40",
        "employer_capacity": "12",
        "is_virtual": "on",
        "address": "",
    }
    return {**data, **overrides}


def test_advisor_creates_an_activity_through_the_form(client):
    client.force_login(AdvisorFactory())
    response = client.post("/activities/new/", activity_post_data())
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(activity, "manage/")
    assert (activity.region.code, activity.slot_count, activity.is_virtual) == ("09", 8, True)


def test_an_in_person_activity_without_address_rerenders_with_the_message(client):
    client.force_login(AdvisorFactory())
    response = client.post(
        "/activities/new/", activity_post_data(is_virtual="", title="Visite exploratoire")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["address"]
    assert "Visite exploratoire" in response.content.decode()
    assert Activity.objects.count() == 0


def test_partner_creates_activities_only_in_their_region(client):
    client.force_login(PartnerFactory())
    client.post("/activities/new/", activity_post_data())  # Côte-Nord: not the partner's region
    assert Activity.objects.count() == 0
    client.post("/activities/new/", activity_post_data(region=Region.objects.get(code="01").pk))
    assert Activity.objects.get().region.code == "01"


def test_candidates_and_employers_cannot_create_activities(client):
    client.force_login(CandidateProfileFactory().user)
    assert client.post("/activities/new/", activity_post_data()).status_code == 403
    assert Activity.objects.count() == 0


def test_upcoming_activities_are_listed_for_everyone(client):
    ActivityFactory(title="Maillage express de février")
    ActivityFactory(title="Annulée", status=ActivityStatus.CANCELLED)
    page = client.get("/activities/").content.decode()
    assert "Maillage express de février" in page
    assert "Annulée" not in page


def test_a_registered_candidate_finds_their_activities_on_the_list(client):
    registration = CandidateRegistrationFactory(activity=ActivityFactory(title="Mon activité"))
    ActivityFactory(title="Une autre")
    client.force_login(registration.candidate.user)
    response = client.get("/activities/")
    assert [a.title for a in response.context["mine"]] == ["Mon activité"]


def test_employer_registers_from_the_activity_page(client):
    activity = ActivityFactory()
    member = CompanyMemberFactory()
    posting = JobPostingFactory(company=member.company)
    client.force_login(member.user)
    assert posting.title in client.get(url(activity)).content.decode()
    client.post(url(activity, "employer/register/"), {"postings": [posting.pk]})
    assert list(EmployerRegistration.objects.get().postings.all()) == [posting]


def test_candidate_registers_with_consent_from_the_activity_page(client):
    activity = ActivityFactory()
    profile = CandidateProfileFactory()
    client.force_login(profile.user)
    client.post(url(activity, "candidate/register/"), {})
    assert CandidateRegistration.objects.count() == 0
    client.post(url(activity, "candidate/register/"), {"consents": "on"})
    assert CandidateRegistration.objects.get().status == CandidateRegistration.Status.REGISTERED


def test_advisor_invites_from_the_short_list_and_candidate_accepts(client):
    activity = ActivityFactory()
    registration = EmployerRegistrationFactory(activity=activity)
    profile = CandidateProfileFactory()
    MatchResultFactory(candidate=profile, posting=registration.postings.get(), score=91)
    excluded = CandidateProfileFactory()
    MatchResultFactory(candidate=excluded, posting=registration.postings.get(), is_excluded=True)
    client.force_login(AdvisorFactory())
    response = client.get(url(activity, "manage/"))
    assert [(p, s) for p, s in response.context["invitable"]] == [(profile, 91.0)]
    client.post(url(activity, "invite/"), {"candidate": profile.public_id})
    client.force_login(profile.user)
    client.post(url(activity, "invitation/accept/"), {"consents": "on"})
    assert (
        CandidateRegistration.objects.get(candidate=profile).status
        == CandidateRegistration.Status.REGISTERED
    )


def compute_then_publish(client, activity, capture) -> None:
    """The organiser's flow: compute (a task, eager here), preview the draft, publish it."""
    with capture(execute=True):
        response = client.post(url(activity, "schedule/compute/"))
    assert response.headers["Location"] == url(activity, "schedule/")
    job = client.get(url(activity, "schedule/")).context["job"]
    with capture(execute=True):
        response = client.post(url(activity, "schedule/publish/"), {"job": job.public_id})
    assert response.headers["Location"] == url(activity, "manage/")


def test_advisor_computes_the_schedule_and_participants_are_told(
    client, django_capture_on_commit_callbacks
):
    activity = ActivityFactory()
    registration = EmployerRegistrationFactory(
        activity=activity, registered_by=CompanyMemberFactory().user
    )
    candidate = CandidateRegistrationFactory(activity=activity).candidate
    MatchResultFactory(candidate=candidate, posting=registration.postings.get(), score=75)
    client.force_login(AdvisorFactory())
    compute_then_publish(client, activity, django_capture_on_commit_callbacks)
    assert Meeting.objects.count() == 1
    page = client.get(url(activity, "manage/")).content.decode()
    assert "Meilleur possible (prouvé)" in page or "Best possible (proven)" in page
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [candidate.user.email, registration.registered_by.email]
    )


def test_advisor_forbids_a_meeting_and_resolves(client, django_capture_on_commit_callbacks):
    activity, _employer, candidate = scheduled_session()
    meeting = Meeting.objects.get()
    client.force_login(AdvisorFactory())
    client.post(
        url(activity, "decisions/"),
        {"candidate": candidate.public_id, "company": meeting.company.public_id, "kind": "forbid"},
    )
    assert MeetingConstraint.objects.get().kind == "forbid"
    compute_then_publish(client, activity, django_capture_on_commit_callbacks)
    assert Meeting.objects.count() == 0


def test_candidate_sees_their_schedule_with_the_video_room(client, settings):
    settings.VIDEO_ROOM_BASE_URL = "https://visio.example.org/"
    activity, _employer, candidate = scheduled_session()
    meeting = Meeting.objects.get()
    client.force_login(candidate.user)
    page = client.get(url(activity, "my-schedule/")).content.decode()
    assert f'href="https://visio.example.org/{meeting.room_name}"' in page
    assert meeting.company.legal_name in page
    assert "9\u00a0h\u00a000–9\u00a0h\u00a015" in page


def test_schedule_calendar_file_has_one_event_per_meeting(client):
    activity, employer, candidate = scheduled_session(virtual=False)
    meeting = Meeting.objects.get()
    client.force_login(candidate.user)
    response = client.get(url(activity, "my-schedule.ics"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert event.decoded("dtstart") == meeting.starts_at
    assert (event.decoded("dtend") - event.decoded("dtstart")).total_seconds() == 15 * 60
    assert str(event["location"]) == "Rimouski"
    assert meeting.company.legal_name in str(event["summary"])


def test_employer_sees_who_they_meet_and_checks_in(client):
    activity, employer, candidate = scheduled_session()
    meeting = Meeting.objects.get()
    client.force_login(employer)
    page = client.get(url(activity, "my-schedule/")).content.decode()
    assert candidate.user.full_name in page
    client.post(f"/activities/meetings/{meeting.pk}/check-in/")
    meeting.refresh_from_db()
    assert meeting.checked_in_at is not None
    client.post(f"/activities/meetings/{meeting.pk}/follow-up/", {"outcome": "interview"})
    meeting.refresh_from_db()
    assert meeting.outcome == "interview"


def test_another_employer_cannot_check_in_a_meeting(client):
    activity, _employer, _candidate = scheduled_session()
    meeting = Meeting.objects.get()
    client.force_login(CompanyMemberFactory().user)
    assert client.post(f"/activities/meetings/{meeting.pk}/check-in/").status_code == 403
    meeting.refresh_from_db()
    assert meeting.checked_in_at is None


def test_a_candidate_sees_only_their_own_meetings(client):
    activity, _employer, _candidate = scheduled_session()
    other = CandidateProfileFactory()
    client.force_login(other.user)
    response = client.get(url(activity, "my-schedule/"))
    assert response.context["rows"] == []


def test_the_personal_schedule_is_for_participants_only(client):
    activity, _employer, _candidate = scheduled_session()
    client.force_login(UserFactory(role="advisor"))
    assert client.get(url(activity, "my-schedule/")).status_code == 403


def test_manage_page_query_count_does_not_grow_with_meetings(client, django_assert_max_num_queries):
    activity = ActivityFactory(slot_count=4, max_meetings_per_candidate=2)
    registrations = [EmployerRegistrationFactory(activity=activity) for _ in range(3)]
    for _ in range(5):
        candidate = CandidateRegistrationFactory(activity=activity).candidate
        for registration in registrations:
            MatchResultFactory(candidate=candidate, posting=registration.postings.get())
    services.schedule_compute(activity=activity, by=AdvisorFactory(), today=TODAY)
    assert Meeting.objects.count() == 10
    client.force_login(AdvisorFactory())
    # 16: the meeting threshold and who is left out without a meeting add a fixed two.
    with django_assert_max_num_queries(16):
        client.get(url(activity, "manage/"))


def test_the_program_manager_creates_and_runs_an_activity(
    client, django_capture_on_commit_callbacks
):
    client.force_login(ManagerFactory())
    assert client.get("/activities/").context["can_create"] is True
    client.post("/activities/new/", activity_post_data())
    activity = Activity.objects.get()
    registration = EmployerRegistrationFactory(activity=activity)
    candidate = CandidateRegistrationFactory(activity=activity).candidate
    MatchResultFactory(candidate=candidate, posting=registration.postings.get(), score=80)
    assert client.get(url(activity)).context["can_organise"] is True
    assert client.get(url(activity, "manage/")).status_code == 200
    compute_then_publish(client, activity, django_capture_on_commit_callbacks)
    assert Meeting.objects.count() == 1
    client.post(url(activity, "complete/"))
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.COMPLETED


def test_advisor_cancels_an_activity_and_it_leaves_the_list(client):
    activity = ActivityFactory(title="Maillage annulé")
    client.force_login(AdvisorFactory())
    client.post(url(activity, "cancel/"))
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.CANCELLED
    assert "Maillage annulé" not in client.get("/activities/").content.decode()


class TestRegionalPartnerScope:
    """A regional partner reaches only candidates of the activity's short list who would work in
    their region, through public ids, and learns names only of those who agreed to take part."""

    @pytest.fixture
    def fair(self):
        activity = ActivityFactory()  # in Bas-Saint-Laurent, the partner's region
        registration = EmployerRegistrationFactory(activity=activity)
        posting = registration.postings.get()
        nearby = CandidateProfileFactory(user__full_name="Rosalie Gagnon")
        far = CandidateProfileFactory(
            user__full_name="Yannick Fortin",
            municipality=Municipality.objects.get(name="Sept-Îles"),
            relocation=Relocation.NO,
            is_open_to_all_regions=False,
        )
        far.regions_of_interest.clear()
        MatchResultFactory(candidate=nearby, posting=posting, score=87)
        MatchResultFactory(candidate=far, posting=posting, score=93)
        stranger = CandidateProfileFactory(user__full_name="Inconnu Total")
        return activity, registration, nearby, far, stranger

    def test_the_invite_action_accepts_only_a_listed_candidate_of_the_region(
        self, client, fair, django_capture_on_commit_callbacks
    ):
        activity, _registration, nearby, far, stranger = fair
        client.force_login(PartnerFactory())
        with django_capture_on_commit_callbacks(execute=True):
            for typed in (stranger.pk, stranger.public_id, far.public_id, nearby.pk):
                response = client.post(url(activity, "invite/"), {"candidate": typed})
                assert response.status_code == 404
        assert mail.outbox == []
        assert not CandidateRegistration.objects.exists()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url(activity, "invite/"), {"candidate": nearby.public_id})
        assert response.status_code == 302
        assert [m.to for m in mail.outbox] == [[nearby.user.email]]
        assert "Rosalie Gagnon" not in client.get(url(activity, "manage/")).content.decode()

    def test_the_partners_page_names_only_candidates_who_agreed(self, client, fair):
        activity, _registration, nearby, far, _stranger = fair
        CandidateRegistrationFactory(
            activity=activity,
            candidate=CandidateProfileFactory(user__full_name="Invitée Silencieuse"),
            status=CandidateRegistration.Status.INVITED,
            consented_at=None,
        )
        agreed = CandidateRegistrationFactory(activity=activity).candidate
        client.force_login(PartnerFactory())
        page = client.get(url(activity, "manage/")).content.decode()
        assert agreed.user.full_name in page
        for name in ("Rosalie Gagnon", "Yannick Fortin", "Invitée Silencieuse"):
            assert name not in page
        assert ">87<" not in page and ">93<" not in page
        assert str(nearby.public_id) in page and str(far.public_id) not in page
        client.force_login(AdvisorFactory())  # the program's advisors see the whole short list
        assert "Yannick Fortin" in client.get(url(activity, "manage/")).content.decode()

    def test_decisions_refuse_sequential_ids_and_people_not_registered(self, client):
        activity, _employer, candidate = scheduled_session()
        meeting = Meeting.objects.get()
        client.force_login(AdvisorFactory())
        client.post(
            url(activity, "decisions/"),
            {"candidate": candidate.pk, "company": meeting.company_id, "kind": "forbid"},
        )
        outsider = CandidateProfileFactory()
        response = client.post(
            url(activity, "decisions/"),
            {
                "candidate": outsider.public_id,
                "company": meeting.company.public_id,
                "kind": "forbid",
            },
        )
        assert response.status_code == 404
        assert not MeetingConstraint.objects.exists()
