from django.core.management.base import BaseCommand

from maillage.regions.services import regions_load_reference
from maillage.taxonomy.language import language_tools_load_reference
from maillage.taxonomy.services import (
    esco_load_reference,
    noc_esco_load_reference,
    noc_load_reference,
    regulated_occupations_load_reference,
)

# Each loader is idempotent: it skips a dataset whose files have not changed since the last load.
LOADERS = [
    regions_load_reference,
    noc_load_reference,
    esco_load_reference,
    noc_esco_load_reference,
    regulated_occupations_load_reference,
    language_tools_load_reference,  # last: built from the NOC and ESCO data above
]


class Command(BaseCommand):
    help = "Load the reference data shipped in data/ (regions, municipalities, NOC 2021, ESCO, ...) and build the language tools."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Reload even unchanged datasets.")

    def handle(self, *args, force: bool = False, **options):
        for loader in LOADERS:
            result = loader(force=force)
            state = "unchanged" if result.skipped else "loaded"
            self.stdout.write(f"{result.name}: {result.rows} rows {state}")
