from django.core.management.base import BaseCommand

from maillage.interviews.services import interview_reminders_send


class Command(BaseCommand):
    help = (
        "Send the interview reminders due now (24 h and 1 h before). Safe to run as often as "
        "you like: each reminder goes once. Cron: */5 * * * *"
    )

    def handle(self, *args, **options):
        sent = interview_reminders_send()
        self.stdout.write(f"{sent} reminder(s) sent")
