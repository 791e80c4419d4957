from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from maillage.site.demo import load_demo_data
from maillage.taxonomy.models import NocGroup


class Command(BaseCommand):
    help = "Create the demo team, companies, postings and candidates, and print the logins."

    def add_arguments(self, parser):
        parser.add_argument("--candidates", type=int, default=60)
        parser.add_argument("--companies", type=int, default=20)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--without-matches",
            action="store_true",
            help="Skip the engine's matches (scale data matched apart, in batches).",
        )

    def handle(
        self, *args, candidates: int, companies: int, seed: int, without_matches: bool, **options
    ):
        if not NocGroup.objects.exists():
            raise CommandError(
                "Load the reference data first: python manage.py load_reference_data"
            )
        logins = load_demo_data(
            candidates=candidates,
            companies=companies,
            seed=seed,
            today=timezone.localdate(),
            with_matches=not without_matches,
        )
        self.stdout.write(
            self.style.SUCCESS(
                "Demo data ready. Log in at http://127.0.0.1:8000/accounts/login/ with:"
            )
        )
        for role, email in [
            ("candidate / candidat·e", logins.candidate),
            ("employer / employeur", logins.employer),
            ("advisor / conseillère", logins.advisor),
            ("program manager / gestionnaire", logins.manager),
        ]:
            self.stdout.write(f"  {role:32} {email:28} password: {logins.password}")
