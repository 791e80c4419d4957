"""Rematch tasks: queued after the commit that changed a profile or a posting; eager without a
broker (the default set-up), on Celery workers with REDIS_URL. They take ids and are idempotent.
After a rematch they send `matches_stored` in the same transaction (prequalification listens and
tops up its queues)."""

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from maillage.core.jobs import Report, background_job_run
from maillage.core.models import BackgroundJob
from maillage.core.outbox import outbox_send_later
from maillage.matching import services
from maillage.matching.signals import matches_stored


@shared_task(acks_late=True)
def rematch_posting(posting_id: int) -> int:
    with transaction.atomic():
        stored = services.posting_rematch(posting_id=posting_id, today=timezone.localdate())
        matches_stored.send(sender=rematch_posting, posting_id=posting_id)
    return stored


@shared_task(acks_late=True)
def rematch_candidate(candidate_id: int) -> int:
    with transaction.atomic():
        stored = services.candidate_rematch(candidate_id=candidate_id, today=timezone.localdate())
        matches_stored.send(sender=rematch_candidate, candidate_id=candidate_id)
    return stored


def posting_rematch_later(posting_id: int) -> None:
    """Called (on employers.signals.posting_changed) inside the transaction: queued through the
    outbox, runs once it commits (or once the broker is back)."""
    outbox_send_later("maillage.matching.tasks.rematch_posting", posting_id=posting_id)


def candidate_rematch_later(candidate_id: int) -> None:
    """Called (on candidates.signals.profile_changed) inside the transaction: queued through the
    outbox, runs once it commits (or once the broker is back)."""
    outbox_send_later("maillage.matching.tasks.rematch_candidate", candidate_id=candidate_id)


def _rematch_everything(job: BackgroundJob, report: Report) -> dict:
    summary = services.rematch_all(today=timezone.localdate(), report=report)
    return {
        "postings": summary.postings,
        "candidates": summary.candidates,
        "results": summary.results,
        "engine_version": summary.engine_version,
    }


@shared_task(acks_late=True)
def rematch_all_job(job_id: int) -> None:
    """The manager's full rematch (rematch-all page): upserts, so running it again is harmless."""
    background_job_run(job_id=job_id, work=_rematch_everything)
