from django.core.management.base import BaseCommand

from maillage.core.orphan_files import orphan_files_remove


class Command(BaseCommand):
    help = (
        "Remove uploaded files that no record points to (a request killed mid-upload), older "
        "than an hour. Idempotent. Cron: 40 3 * * *"
    )

    def handle(self, *args, **options):
        removed = orphan_files_remove()
        self.stdout.write(f"{len(removed)} orphan file(s) removed")
