"""The manager's full rematch runs as a task and its page follows the progress."""

import pytest

from maillage.accounts.tests.factories import AdvisorFactory, ManagerFactory
from maillage.core.jobs import background_job_request
from maillage.core.models import BackgroundJob, JobState
from maillage.matching import services
from maillage.matching.models import MatchResult

pytestmark = pytest.mark.django_db

URL = "/matching/rematch-all/"


def test_manager_rematches_everything_and_sees_the_result(
    client, django_capture_on_commit_callbacks, welding_posting, welder
):
    manager = ManagerFactory()
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL)
    assert response.headers["Location"] == URL
    job = BackgroundJob.objects.get()
    assert (job.state, job.requested_by) == (JobState.SUCCEEDED, manager)
    assert (job.result["postings"], job.result["candidates"]) == (1, 1)
    assert MatchResult.objects.get().candidate == welder
    page = client.get(URL).content.decode()
    assert 'id="rematch-result"' in page
    assert job.result["engine_version"] in page


def test_a_second_request_while_one_runs_shows_the_running_one(client):
    running, _created = background_job_request(
        kind=services.REMATCH_ALL_JOB,
        subject="",
        by=ManagerFactory(),
        task="maillage.matching.tasks.rematch_all_job",
    )
    client.force_login(ManagerFactory())
    page = client.post(URL, follow=True).content.decode()
    assert BackgroundJob.objects.get() == running
    assert "déjà en cours" in page
    assert 'id="rematch-all"' not in page  # no button while it runs
    assert 'hx-trigger="every 2s"' in page


def test_only_managers_may_rematch_everything(client):
    client.force_login(AdvisorFactory())
    assert client.post(URL).status_code == 403
    assert not BackgroundJob.objects.exists()
