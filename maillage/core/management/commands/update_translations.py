"""Extract every translatable string into the French catalogs (each app keeps its own), then compile.

Catalogs carry no source locations, so they change only when a string changes.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

IGNORED = [
    ".venv/*",
    "node_modules/*",
    "static/*",
    "staticfiles/*",
    "data/*",
    "var/*",
    "e2e/*",
    "benchmarks/*",
    "matchcore/*",
    "deploy/*",
]


def extract_messages() -> None:
    call_command(
        "makemessages",
        locale=["fr"],
        no_obsolete=True,
        no_location=True,
        ignore_patterns=IGNORED,
        verbosity=0,
    )


class Command(BaseCommand):
    help = "Update the French .po files from the code and templates, then compile them."

    def handle(self, *args, **options):
        extract_messages()
        call_command("compile_translations")
