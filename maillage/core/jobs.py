"""Long computations asked from a page run as tasks and report their progress in a
`BackgroundJob` row the page polls. Apps give the work; this module owns the states.

A job is asked once per kind and subject: asking while one is active returns it (a database
constraint settles two requests at the same instant). A job not heard of for
`STALE_AFTER` (its worker died and the task was not delivered again) no longer blocks a new one.
"""

import logging
import time
from collections.abc import Callable
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from maillage.core.models import ACTIVE_JOB_STATES, BackgroundJob, JobState
from maillage.core.outbox import outbox_send_later

logger = logging.getLogger(__name__)

STALE_AFTER = timedelta(minutes=15)
REPORT_EVERY_SECONDS = 1.0

Report = Callable[[int, int, str], None]
"""report(done, total, step): what the work has done so far, written at most once a second."""


def background_job_active(*, kind: str, subject: str) -> BackgroundJob | None:
    return (
        BackgroundJob.objects.filter(kind=kind, subject=subject, state__in=ACTIVE_JOB_STATES)
        .order_by("-created_at")
        .first()
    )


def background_job_request(*, kind: str, subject: str, by, task: str) -> tuple[BackgroundJob, bool]:
    """The active job of this kind and subject, or a new one whose task (`task(job_id=…)`, by
    name) is queued through the outbox once the transaction commits. Returns (job, created)."""
    with transaction.atomic():
        active = background_job_active(kind=kind, subject=subject)
        if active is not None and timezone.now() - active.updated_at < STALE_AFTER:
            return active, False
        if active is not None:
            _fail(
                active, (_("The computation stopped without finishing (its worker was lost)."), {})
            )
        try:
            with transaction.atomic():
                job = BackgroundJob.objects.create(kind=kind, subject=subject, requested_by=by)
        except IntegrityError:  # the same request a moment earlier won
            return background_job_active(kind=kind, subject=subject), False
        outbox_send_later(task, job_id=job.pk)
    return job, True


def source_text(message) -> str:
    """A translatable text as written in the code (its msgid), whatever language is active: a
    job keeps this and each reader sees it in their own language (`BackgroundJob.error_text`).
    A text already translated (not lazy) stays as it is."""
    with translation.override(None):
        return str(message)


def _plain(params) -> dict:
    return {
        key: value if isinstance(value, int | float) else str(value)
        for key, value in (params or {}).items()
    }


def _fail(job: BackgroundJob, *messages: tuple[object, dict]) -> None:
    """Fail the job with `messages`, (lazy text, its placeholders' values) each, kept as source
    text and values: rendered in the reader's language when read, not the asker's now."""
    job.state = JobState.FAILED
    job.error = "\n".join(source_text(text) for text, _params in messages)
    job.error_params = [_plain(params) for _text, params in messages]
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "error", "error_params", "finished_at", "updated_at"])


def _reporter(job: BackgroundJob) -> Report:
    last = [0.0]

    def report(done: int, total: int, step: str) -> None:
        now = time.monotonic()
        step = source_text(step)  # shown in the reader's language (BackgroundJob.step_text)
        if now - last[0] < REPORT_EVERY_SECONDS and done < total and step == job.step:
            return
        last[0] = now
        job.done, job.total, job.step = done, total, step
        job.save(update_fields=["done", "total", "step", "updated_at"])

    return report


def background_job_run(*, job_id: int, work: Callable[[BackgroundJob, Report], dict]) -> None:
    """Run `work(job, report)` for a queued or running job (a task delivered again after its
        worker died starts over) and store its result. A ValidationError's messages become the job's
        error, shown to who asked; any other exception fails the job with a general message and is
        raised again for the logs. The error and the steps are kept as source text (and values), so
    that each reader sees them in their own language. A finished job is left alone."""
    job = BackgroundJob.objects.select_related("requested_by").filter(pk=job_id).first()
    if job is None or not job.is_active:
        return
    language = getattr(job.requested_by, "language", None) or translation.get_language()
    with translation.override(language):
        job.state, job.started_at, job.error, job.error_params = (
            JobState.RUNNING,
            timezone.now(),
            "",
            [],
        )
        job.save(update_fields=["state", "started_at", "error", "error_params", "updated_at"])
        try:
            result = work(job, _reporter(job))
        except ValidationError as error:
            _fail(job, *[(e.message, e.params) for e in error.error_list])
            return
        except Exception:
            logger.exception("background job %s (%s) failed", job.pk, job.kind)
            _fail(
                job,
                (
                    _(
                        "The computation failed unexpectedly. Try again; if it fails again, "
                        "tell the program's technical team."
                    ),
                    {},
                ),
            )
            raise
    job.state, job.result, job.finished_at = JobState.SUCCEEDED, result, timezone.now()
    job.done = job.total = max(job.total, 1)
    job.save(update_fields=["state", "result", "finished_at", "done", "total", "updated_at"])


def background_job_update_result(*, job: BackgroundJob, result: dict) -> BackgroundJob:
    """Record what happened to a finished job's result (a draft schedule published)."""
    job.result = result
    job.save(update_fields=["result", "updated_at"])
    return job


def background_job_latest(*, kind: str, subject: str) -> BackgroundJob | None:
    return BackgroundJob.objects.filter(kind=kind, subject=subject).order_by("-created_at").first()


def background_job_poll_answer(request: HttpRequest, job: BackgroundJob | None, context: dict):
    """The answer to a progress page's polling (htmx): the progress block while the job runs,
    a reload of the whole page (with its result) once it ended; None for an ordinary request."""
    if not request.htmx:
        return None
    if job is not None and job.is_active:
        return render(request, "core/_job_progress.html", context)
    response = HttpResponse()
    response["HX-Refresh"] = "true"
    return response
