from celery import shared_task

from maillage.prequalification.services import proposals_expire_due, proposals_refresh_all


@shared_task
def expire_proposals() -> int:
    return proposals_expire_due()


@shared_task
def refresh_proposals() -> int:
    return proposals_refresh_all()
