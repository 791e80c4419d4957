import sys

from django.core.management.base import BaseCommand

from maillage.taxonomy.jsonl import json_lines_run
from maillage.taxonomy.language import language_tools
from matchcore.language.skills import MAX_TEXT_CHARS, unique_skills


class Command(BaseCommand):
    help = (
        "Read texts (a CV section, a posting's requirements; French or English), one per line on stdin; "
        'write one JSON object per line: {"input", "skills": [{"uri", "label", "span", "text", "score"}]} '
        'or {"input", "error"}. "span" is [start, end) in characters of the input.'
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--top", type=int, default=10, help="Skills per text (1–100), best first."
        )

    def handle(self, *args, top: int = 10, **options):
        top = max(1, min(top, 100))
        skills = language_tools().skills

        def extract(text: str) -> dict:
            found = unique_skills(skills.extract(text))[:top]
            return {
                "skills": [
                    {
                        "uri": m.uri,
                        "label": m.label,
                        "span": [m.start, m.end],
                        "text": m.text,
                        "score": m.score,
                    }
                    for m in found
                ]
            }

        read, errors = json_lines_run(
            sys.stdin.buffer, self.stdout, max_chars=MAX_TEXT_CHARS, handle=extract
        )
        self.stderr.write(f"{read} lines, {errors} in error")
