"""The schedule's computation, queued from the organiser's page (eager without a broker, on a
Celery worker with REDIS_URL). It takes the job's id and starts over when delivered again."""

from celery import shared_task
from django.utils import timezone

from maillage.activities.models import Activity
from maillage.core.jobs import Report, background_job_run
from maillage.core.models import BackgroundJob


def _compute_draft(job: BackgroundJob, report: Report) -> dict:
    from maillage.activities.services import schedule_draft_compute

    activity = Activity.objects.get(public_id=job.subject)
    return schedule_draft_compute(activity=activity, today=timezone.localdate(), report=report)


@shared_task(acks_late=True)
def schedule_draft_job(job_id: int) -> None:
    background_job_run(job_id=job_id, work=_compute_draft)
