"""Fail when the code has strings the catalogs do not have yet (or catalogs keep dropped ones), or
when a French entry breaks the glossary or the typography of docs/glossary.md."""

import re

from django.core.management.base import BaseCommand, CommandError

from maillage.core.glossary import catalog_slips
from maillage.core.management.commands.compile_translations import project_po_files
from maillage.core.management.commands.update_translations import extract_messages

VOLATILE = re.compile(r'^"(POT-Creation-Date|PO-Revision-Date): .*$', re.MULTILINE)


def _contents() -> dict:
    return {path: VOLATILE.sub("", path.read_text()) for path in project_po_files()}


class Command(BaseCommand):
    help = "Check that the French catalogs are in step with the code (run `make messages` to fix)."

    def handle(self, *args, **options):
        before = _contents()
        extract_messages()
        after = _contents()
        stale = sorted(str(path) for path in after if before.get(path) != after[path])
        if stale:
            raise CommandError(
                "Catalogs out of date (now updated, translate and compile them): "
                + ", ".join(stale)
            )
        slips = catalog_slips(project_po_files())
        if slips:
            raise CommandError(
                "French catalogs break docs/glossary.md:\n"
                + "\n".join(f"{s.catalog}: {s.msgid!r}: {s.problem}" for s in slips)
            )
        self.stdout.write("Translations are in step with the code and follow the glossary.")
