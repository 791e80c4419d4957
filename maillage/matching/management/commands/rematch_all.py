from django.core.management.base import BaseCommand
from django.utils import timezone

from maillage.matching.engine_state import engine_reset
from maillage.matching.services import rematch_all


class Command(BaseCommand):
    help = "Recompute every published posting's and every candidate's matches (progress bar)."

    def handle(self, *args, **options) -> None:
        engine_reset()
        summary = rematch_all(today=timezone.localdate())
        self.stdout.write(
            f"{summary.postings} postings, {summary.candidates} candidates, "
            f"{summary.results} results stored ({summary.engine_version})"
        )
