"""Remove the personal data past its retention period (settings.RETENTION_DAYS)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from maillage.privacy.services import retention_purge


class Command(BaseCommand):
    help = "Erase inactive accounts and delete personal data past its retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count only; change nothing.")

    def handle(self, *args, dry_run: bool = False, **options):
        counts = retention_purge(now=timezone.now(), dry_run=dry_run)
        verb = "would remove" if dry_run else "removed"
        for kind, count in sorted(counts.items()):
            self.stdout.write(f"{kind}: {verb} {count}")
