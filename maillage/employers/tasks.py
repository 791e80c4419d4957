from celery import shared_task
from django.utils import timezone

from maillage.employers.services import postings_expire_due


@shared_task
def expire_postings() -> int:
    """Hourly (employers/beat.py): end the publication of postings past their end date."""
    return postings_expire_due(today=timezone.localdate())
