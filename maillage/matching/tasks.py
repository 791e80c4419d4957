"""Rematch tasks: queued after the commit that changed a profile or a posting; eager without a
broker (the default set-up), on Celery workers with REDIS_URL. They take ids and are idempotent.
After a rematch, the advisors' queues of the postings concerned are topped up with the new best
candidates (prequalification's `proposals_create_from_matches`, idempotent)."""

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from maillage.employers.models import JobPosting, PostingStatus
from maillage.matching import services
from maillage.matching.calibration import proposal_threshold
from maillage.matching.models import MatchResult


def _top_up_proposals(posting_ids: list[int]) -> None:
    from maillage.prequalification.services import proposals_create_from_matches

    postings = JobPosting.objects.filter(pk__in=posting_ids, status=PostingStatus.PUBLISHED)
    for posting in postings.order_by("pk"):
        proposals_create_from_matches(posting=posting)


@shared_task(acks_late=True)
def rematch_posting(posting_id: int) -> int:
    with transaction.atomic():
        stored = services.posting_rematch(posting_id=posting_id, today=timezone.localdate())
        _top_up_proposals([posting_id])
    return stored


@shared_task(acks_late=True)
def rematch_candidate(candidate_id: int) -> int:
    with transaction.atomic():
        stored = services.candidate_rematch(candidate_id=candidate_id, today=timezone.localdate())
        qualifying = MatchResult.objects.filter(
            candidate_id=candidate_id,
            is_excluded=False,
            score__gte=proposal_threshold().score,
        ).values_list("posting_id", flat=True)
        _top_up_proposals(list(qualifying))
    return stored


def posting_rematch_later(posting_id: int) -> None:
    """Called by employers.services inside their transaction: runs once it commits."""
    transaction.on_commit(lambda: rematch_posting.delay(posting_id))


def candidate_rematch_later(candidate_id: int) -> None:
    """Called by candidates.services inside their transaction: runs once it commits."""
    transaction.on_commit(lambda: rematch_candidate.delay(candidate_id))
