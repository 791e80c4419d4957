from django.core.management.base import BaseCommand

from maillage.prequalification.services import proposals_expire_due


class Command(BaseCommand):
    help = (
        "Expire the proposals whose candidate did not answer in PREQUALIFICATION_CONSENT_DAYS. "
        "Idempotent. Cron: 0 * * * *"
    )

    def handle(self, *args, **options):
        count = proposals_expire_due()
        self.stdout.write(f"{count} proposal(s) expired")
