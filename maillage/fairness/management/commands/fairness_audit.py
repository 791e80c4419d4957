"""Write the fairness audit report to a file (Markdown, or JSON with --json)."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import translation

from maillage.fairness.report import as_json, as_text
from maillage.fairness.selectors import audit_report


class Command(BaseCommand):
    help = "Compute selection rates and impact ratios per declared group and stage; write them."

    def add_arguments(self, parser):
        parser.add_argument("output", help="file to write")
        parser.add_argument("--json", action="store_true", help="JSON instead of Markdown")
        parser.add_argument("--language", default="fr", choices=["fr", "en"])

    def handle(self, *args, output: str, json: bool = False, language: str = "fr", **options):
        with translation.override(language):
            report = audit_report()
            text = as_json(report) if json else as_text(report)
        Path(output).write_text(text + "\n", encoding="utf-8")
        flagged = sum(len(stage.flagged) for stage in report.stages)
        self.stdout.write(f"{report.people} people, {flagged} flagged cells: written to {output}")
