"""Reminders 24 hours and 1 hour before an interview, to both sides. Run every few minutes (Celery
beat, or cron with `manage.py send_interview_reminders`); each reminder goes once: its time is set
in the same transaction that queues the e-mail, under a row lock that parallel runs skip."""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from maillage.interviews import notices
from maillage.interviews.models import Interview, InterviewStatus

DAY = timedelta(hours=24)
HOUR = timedelta(hours=1)


@transaction.atomic
def interview_reminders_send(*, now: datetime | None = None) -> int:
    """Send the reminders that are due; returns how many interviews were reminded.

    The 24-hour reminder goes between 24 h and 1 h before, only if the time was chosen more than
    24 h before; the 1-hour one in the last hour, only if chosen more than an hour before.
    """
    now = now or timezone.now()
    sent = 0
    day = (
        Interview.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(
            status=InterviewStatus.SCHEDULED,
            reminder_24h_sent_at__isnull=True,
            slot__starts_at__lte=now + DAY,
            slot__starts_at__gt=now + HOUR,
            scheduled_at__lte=F("slot__starts_at") - DAY,
        )
        .select_related("slot")
    )
    for interview in day:
        interview.reminder_24h_sent_at = now
        interview.save(update_fields=["reminder_24h_sent_at", "updated_at"])
        notices.reminder(_full(interview), hours=24)
        sent += 1
    hour = (
        Interview.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(
            status=InterviewStatus.SCHEDULED,
            reminder_1h_sent_at__isnull=True,
            slot__starts_at__lte=now + HOUR,
            slot__starts_at__gt=now,
            scheduled_at__lte=F("slot__starts_at") - HOUR,
        )
        .select_related("slot")
    )
    for interview in hour:
        interview.reminder_1h_sent_at = now
        interview.save(update_fields=["reminder_1h_sent_at", "updated_at"])
        notices.reminder(_full(interview), hours=1)
        sent += 1
    return sent


def _full(interview: Interview) -> Interview:
    return Interview.objects.select_related(
        "slot",
        "proposal__candidate__user",
        "proposal__posting__company",
        "created_by__company_membership",
    ).get(pk=interview.pk)
