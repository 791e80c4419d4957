from django.core.management.base import BaseCommand
from django.utils import timezone

from maillage.employers.services import postings_expire_due


class Command(BaseCommand):
    help = (
        "Expire the published postings whose end date (by default 60 days after publication) "
        "has passed. Idempotent. Cron: 10 0 * * *"
    )

    def handle(self, *args, **options):
        count = postings_expire_due(today=timezone.localdate())
        self.stdout.write(f"{count} posting(s) expired")
