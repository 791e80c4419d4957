"""The schedule is computed by a task, previewed as a draft, then published by a button."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from maillage.accounts.models import Role
from maillage.accounts.tests.factories import AdvisorFactory, UserFactory
from maillage.activities import services
from maillage.activities.models import ActivityStatus, Meeting
from maillage.activities.privacy import erase
from maillage.activities.tests.factories import (
    ActivityFactory,
    CandidateRegistrationFactory,
    EmployerRegistrationFactory,
    MatchResultFactory,
)
from maillage.core.jobs import background_job_request
from maillage.core.models import BackgroundJob, JobState
from maillage.employers.tests.factories import CompanyMemberFactory
from maillage.regions.models import Region
from maillage.regions.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def url(activity, suffix=""):
    return f"/activities/{activity.public_id}/{suffix}"


def registered_pair(activity, *, score=80):
    registration = EmployerRegistrationFactory(
        activity=activity, registered_by=CompanyMemberFactory().user
    )
    candidate = CandidateRegistrationFactory(activity=activity).candidate
    MatchResultFactory(candidate=candidate, posting=registration.postings.get(), score=score)
    return registration, candidate


def test_computing_shows_a_draft_and_nobody_is_told_before_publishing(
    client, django_capture_on_commit_callbacks
):
    activity = ActivityFactory()
    registration, candidate = registered_pair(activity)
    advisor = AdvisorFactory()
    client.force_login(advisor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(activity, "schedule/compute/"))

    page = client.get(url(activity, "schedule/"))
    html = page.content.decode()
    assert candidate.user.full_name in html
    assert registration.company.legal_name in html
    assert 'id="publish-schedule"' in html
    job = page.context["job"]
    assert (job.state, job.requested_by, len(job.result["meetings"])) == (
        JobState.SUCCEEDED,
        advisor,
        1,
    )
    assert Meeting.objects.count() == 0
    assert mail.outbox == []
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.OPEN

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(activity, "schedule/publish/"), {"job": job.public_id})
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.SCHEDULED
    assert Meeting.objects.get().candidate == candidate
    assert len(mail.outbox) == 2
    # Publishing the same draft twice does nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(activity, "schedule/publish/"), {"job": job.public_id})
    assert len(mail.outbox) == 2


def test_asking_twice_while_it_runs_does_not_start_a_second(client):
    activity = ActivityFactory()
    registered_pair(activity)
    running, _created = background_job_request(
        kind=services.SCHEDULE_JOB,
        subject=str(activity.public_id),
        by=AdvisorFactory(),
        task="maillage.activities.tasks.schedule_draft_job",
    )
    client.force_login(AdvisorFactory())
    response = client.post(url(activity, "schedule/compute/"), follow=True)
    assert BackgroundJob.objects.get() == running
    assert "déjà en cours de calcul" in response.content.decode()


def test_progress_page_polls_while_the_job_runs(client):
    activity = ActivityFactory()
    job, _created = services.schedule_compute_request(activity=activity, by=AdvisorFactory())
    job.state, job.done, job.total, job.step = JobState.RUNNING, 1, 3, "Recherche de l’horaire"
    job.save()
    client.force_login(AdvisorFactory())
    html = client.get(url(activity, "schedule/")).content.decode()
    assert f'hx-get="{url(activity, "schedule/")}"' in html
    assert '<progress id="job-progress-bar" max="3" value="1">' in html
    assert "Étape 1 sur 3" in html
    partial = client.get(url(activity, "schedule/"), headers={"HX-Request": "true"})
    assert partial.templates[0].name == "core/_job_progress.html"
    job.state = JobState.SUCCEEDED
    job.save()
    finished = client.get(url(activity, "schedule/"), headers={"HX-Request": "true"})
    assert finished.headers["HX-Refresh"] == "true"


def test_a_failed_computation_says_why_and_changes_nothing(
    client, django_capture_on_commit_callbacks
):
    activity = ActivityFactory()  # nobody registered
    client.force_login(AdvisorFactory())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(activity, "schedule/compute/"))
    job = BackgroundJob.objects.get()
    assert job.state == JobState.FAILED
    html = client.get(url(activity, "schedule/")).content.decode()
    assert "Un horaire demande au moins un employeur inscrit et une personne candidate" in html
    assert 'id="publish-schedule"' not in html
    manage = client.get(url(activity, "manage/")).content.decode()
    assert "Le dernier calcul de l'horaire a échoué" in manage
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.OPEN


def test_a_draft_is_refused_once_registrations_changed(client, django_capture_on_commit_callbacks):
    activity = ActivityFactory()
    registered_pair(activity)
    client.force_login(AdvisorFactory())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(activity, "schedule/compute/"))
    job = BackgroundJob.objects.get()
    registered_pair(activity)  # someone registers after the computation
    response = client.post(url(activity, "schedule/publish/"), {"job": job.public_id}, follow=True)
    assert "compute it again" in response.content.decode() or "calculez-le de nouveau" in (
        response.content.decode()
    )
    assert Meeting.objects.count() == 0
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.OPEN


def test_a_lost_worker_does_not_block_the_next_computation(client):
    activity = ActivityFactory()
    lost, _created = services.schedule_compute_request(activity=activity, by=AdvisorFactory())
    BackgroundJob.objects.filter(pk=lost.pk).update(
        state=JobState.RUNNING, updated_at=timezone.now() - timedelta(hours=1)
    )
    fresh, created = services.schedule_compute_request(activity=activity, by=AdvisorFactory())
    lost.refresh_from_db()
    assert created and fresh != lost
    assert lost.state == JobState.FAILED


def test_only_the_activitys_organisers_see_and_publish_the_draft(
    client, django_capture_on_commit_callbacks
):
    activity = ActivityFactory()
    registered_pair(activity)
    client.force_login(PartnerFactory())  # partner of the activity's region
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(activity, "schedule/compute/"))
    job = BackgroundJob.objects.get()
    elsewhere = UserFactory(role=Role.PARTNER, region=Region.objects.get(code="09"))
    for outsider in (elsewhere, CompanyMemberFactory().user, UserFactory(role=Role.CANDIDATE)):
        client.force_login(outsider)
        assert client.get(url(activity, "schedule/")).status_code == 403
        response = client.post(url(activity, "schedule/publish/"), {"job": job.public_id})
        assert response.status_code == 403
    assert Meeting.objects.count() == 0


def test_publishing_an_unknown_computation_is_not_found(client):
    activity = ActivityFactory()
    client.force_login(AdvisorFactory())
    for job in ("not-a-uuid", "", "8f0e6d4e-0000-4000-8000-000000000000"):
        assert client.post(url(activity, "schedule/publish/"), {"job": job}).status_code == 404


def test_erasing_a_candidate_removes_them_from_drafts_which_must_be_computed_again(
    client, django_capture_on_commit_callbacks
):
    activity = ActivityFactory()
    _registration, candidate = registered_pair(activity)
    client.force_login(AdvisorFactory())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(activity, "schedule/compute/"))
    erase(candidate.user)
    job = BackgroundJob.objects.get()
    assert job.result["meetings"] == []
    client.post(url(activity, "schedule/publish/"), {"job": job.public_id})
    assert Meeting.objects.count() == 0
