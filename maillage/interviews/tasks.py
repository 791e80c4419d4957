from celery import shared_task

from maillage.interviews.services import interview_reminders_send


@shared_task
def send_interview_reminders() -> int:
    return interview_reminders_send()
