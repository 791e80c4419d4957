from django.core.management.base import BaseCommand

from maillage.core.outbox import outbox_drain


class Command(BaseCommand):
    help = (
        "Queue the tasks the outbox could not send when they were asked for (the broker was "
        "away). Idempotent. Cron (with a broker but without beat): * * * * *"
    )

    def handle(self, *args, **options):
        sent, left = outbox_drain()
        self.stdout.write(f"{sent} task(s) queued, {left} waiting")
