import sys

from django.core.management.base import BaseCommand

from maillage.taxonomy.jsonl import json_lines_run
from maillage.taxonomy.language import language_tools
from matchcore.language.titles import MAX_TITLE_CHARS, SCHEMES


class Command(BaseCommand):
    help = (
        "Read job titles (French or English), one per line on stdin; write one JSON object per line: "
        '{"input", "matches": [{"code", "label", "score"}]} or {"input", "error"}.'
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scheme",
            choices=SCHEMES,
            default="noc",
            help="NOC 2021 unit groups or ESCO occupations.",
        )
        parser.add_argument("--top", type=int, default=5, help="Matches per title (1–50).")

    def handle(self, *args, scheme: str = "noc", top: int = 5, **options):
        top = max(1, min(top, 50))
        titles = language_tools().titles

        def normalize(title: str) -> dict:
            matches = titles.match(title, scheme=scheme, top=top)
            return {
                "matches": [{"code": m.code, "label": m.label, "score": m.score} for m in matches]
            }

        read, errors = json_lines_run(
            sys.stdin.buffer, self.stdout, max_chars=MAX_TITLE_CHARS, handle=normalize
        )
        self.stderr.write(f"{read} lines, {errors} in error")
