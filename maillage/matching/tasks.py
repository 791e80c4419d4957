"""Rematch tasks: queued after the commit that changed a profile or a posting; eager without a
broker (the default set-up), on Celery workers with REDIS_URL. They take ids and are idempotent."""

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from maillage.matching import services


@shared_task(acks_late=True)
def rematch_posting(posting_id: int) -> int:
    return services.posting_rematch(posting_id=posting_id, today=timezone.localdate())


@shared_task(acks_late=True)
def rematch_candidate(candidate_id: int) -> int:
    return services.candidate_rematch(candidate_id=candidate_id, today=timezone.localdate())


def posting_rematch_later(posting_id: int) -> None:
    """Called by employers.services inside their transaction: runs once it commits."""
    transaction.on_commit(lambda: rematch_posting.delay(posting_id))


def candidate_rematch_later(candidate_id: int) -> None:
    """Called by candidates.services inside their transaction: runs once it commits."""
    transaction.on_commit(lambda: rematch_candidate.delay(candidate_id))
