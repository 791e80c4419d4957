import sys

from django.core.management.base import BaseCommand, CommandError

from maillage.taxonomy.jsonl import json_lines_run
from maillage.taxonomy.language import language_tools
from matchcore.language.skills import MAX_TEXT_CHARS


class Command(BaseCommand):
    help = (
        "Read texts (a CV section, a posting's requirements; French or English), one per line on "
        "stdin; write one JSON object per line: "
        '{"input", "skills": [{"uri", "label", "span", "text", "score"}]} or {"input", "error"}. '
        "Skills are the K best ESCO skills for the text, best first, ranked over all of ESCO (a "
        'skill the text implies without naming it too). "span" is [start, end) in characters of '
        'the input, or null for an implied skill; "score" is 0–1, calibrated per language (on '
        "ESCO label phrases, a threshold keeps the same precision in French and English; a skill "
        "found by meaning alone scores low, see docs/language.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--top", type=int, default=10, help="Skills per text (1–100), best first."
        )
        parser.add_argument(
            "--min-score",
            type=float,
            default=0.0,
            help="Leave out skills scoring below this (0–1).",
        )

    def handle(self, *args, top: int = 10, min_score: float = 0.0, **options):
        if not 0.0 <= min_score <= 1.0:
            raise CommandError("--min-score must be between 0 and 1.")
        top = max(1, min(top, 100))
        ranker = language_tools().ranker

        def extract(text: str) -> dict:
            return {
                "skills": [
                    {
                        "uri": skill.uri,
                        "label": skill.label,
                        "span": None if skill.start is None else [skill.start, skill.end],
                        "text": skill.text,
                        "score": skill.score,
                    }
                    for skill in ranker.rank(text, top=top, min_score=min_score)
                ]
            }

        read, errors = json_lines_run(
            sys.stdin.buffer, self.stdout, max_chars=MAX_TEXT_CHARS, handle=extract
        )
        self.stderr.write(f"{read} lines, {errors} in error")
