"""Compile every .po file of the project into its .mo, in pure Python (no GNU gettext needed)."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def project_po_files() -> list[Path]:
    roots = [settings.BASE_DIR / "locale", settings.BASE_DIR / "maillage"]
    files: list[Path] = []
    for root in roots:
        files += (
            sorted(root.glob("**/locale/*/LC_MESSAGES/*.po"))
            if root.name == "maillage"
            else sorted(root.glob("*/LC_MESSAGES/*.po"))
        )
    return files


class Command(BaseCommand):
    help = "Compile the project's .po files into .mo files."

    def handle(self, *args, **options):
        for po_path in project_po_files():
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
            self.stdout.write(f"compiled {po_path.relative_to(settings.BASE_DIR)}")
