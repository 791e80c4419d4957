from celery import shared_task
from django.utils import timezone

from maillage.privacy.services import retention_purge


@shared_task
def privacy_retention_run() -> dict[str, int]:
    """Daily (CELERY_BEAT_SCHEDULE): remove what is past its retention period."""
    return retention_purge(now=timezone.now())
