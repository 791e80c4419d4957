from django.core.management.base import BaseCommand

from maillage.core.progress import progress
from maillage.employers.models import JobPosting
from maillage.prequalification.services import proposals_create_from_matches


class Command(BaseCommand):
    help = (
        "Put the engine's best candidates of every published posting in the advisors' queue "
        "(up to PREQUALIFICATION_PROPOSALS_PER_POSTING awaiting review each). Idempotent."
    )

    def handle(self, *args, **options):
        postings = list(JobPosting.objects.published().only("pk"))
        added = 0
        for posting in progress(postings, description="Postings", total=len(postings)):
            added += len(proposals_create_from_matches(posting=posting))
        self.stdout.write(f"{added} proposal(s) added to the queue")
