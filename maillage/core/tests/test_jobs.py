"""Long computations as jobs: one active per subject, progress written, failures explained."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy

from maillage.accounts.tests.factories import UserFactory
from maillage.core.jobs import background_job_request, background_job_run
from maillage.core.models import BackgroundJob, JobState, OutboxMessage

pytestmark = pytest.mark.django_db


def queued_job():
    job, _created = background_job_request(
        kind="test.kind",
        subject="s",
        by=UserFactory(language="en"),
        task="maillage.core.tasks.send_templated_mail",
    )
    return job


def test_a_second_request_returns_the_active_job_and_queues_nothing():
    task = "maillage.activities.tasks.schedule_draft_job"
    first, created = background_job_request(kind="k", subject="a", by=None, task=task)
    again, created_again = background_job_request(kind="k", subject="a", by=None, task=task)
    other, _ = background_job_request(kind="k", subject="b", by=None, task=task)
    assert (created, created_again, again) == (True, False, first)
    queued = OutboxMessage.objects.order_by("pk").values_list("task", "kwargs")
    assert list(queued) == [(task, {"job_id": first.pk}), (task, {"job_id": other.pk})]


def test_progress_is_written_while_the_work_runs():
    job = queued_job()
    seen = []

    def work(running, report):
        report(1, 4, "first")
        seen.append(BackgroundJob.objects.values_list("state", "done", "total", "step").get())
        return {"answer": 42}

    background_job_run(job_id=job.pk, work=work)
    job.refresh_from_db()
    assert seen == [(JobState.RUNNING, 1, 4, "first")]
    assert (job.state, job.result, job.percent) == (JobState.SUCCEEDED, {"answer": 42}, 100)
    assert job.started_at <= job.finished_at


def test_a_refused_computation_keeps_the_reason_for_who_asked():
    job = queued_job()

    def work(running, report):
        raise ValidationError("Nobody registered.")

    background_job_run(job_id=job.pk, work=work)
    job.refresh_from_db()
    assert (job.state, job.error) == (JobState.FAILED, "Nobody registered.")


def test_an_unexpected_error_fails_the_job_in_the_askers_language_and_is_raised():
    job = queued_job()

    def work(running, report):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        background_job_run(job_id=job.pk, work=work)
    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert job.error.startswith("The computation failed unexpectedly.")


def test_a_finished_job_delivered_again_is_not_run_again():
    job = queued_job()
    background_job_run(job_id=job.pk, work=lambda running, report: {"n": 1})
    calls = []
    background_job_run(job_id=job.pk, work=lambda running, report: calls.append(1) or {})
    assert calls == []


def test_a_failure_is_read_in_the_readers_language_not_the_askers():
    """Asked by an English speaker, read by a French speaker (and the other way round)."""
    job = queued_job()  # asked in English

    def work(running, report):
        report(0, 2, gettext_lazy("Running"))
        raise ValidationError(
            gettext_lazy("The file is too large (%(size)s). The limit is %(limit)s."),
            params={"size": "12 Mo", "limit": "5 Mo"},
        )

    with translation.override("en"):
        background_job_run(job_id=job.pk, work=work)
    job.refresh_from_db()
    with translation.override("fr"):
        french = job.error_text, job.step_text
    with translation.override("en"):
        english = job.error_text, job.step_text
    assert french == (
        "Le fichier est trop volumineux (12 Mo). La limite est de 5 Mo.",
        "En cours",
    )
    assert english == (
        "The file is too large (12 Mo). The limit is 5 Mo.",
        "Running",
    )


def test_an_unexpected_failure_is_read_in_the_readers_language():
    job = queued_job()  # asked in English

    def work(running, report):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError), translation.override("en"):
        background_job_run(job_id=job.pk, work=work)
    job.refresh_from_db()
    with translation.override("fr"):
        assert job.error_text.startswith("Le calcul a échoué de façon inattendue.")
