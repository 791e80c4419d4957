"""Run by benchmarks/taxonomy_eval.py in a fresh process: memory of one process that ranks skills
(language tools loaded, the ranker built, sentences ranked). Reads a JSON list of texts on stdin,
prints one JSON object (MB: rss, pss, private; see language_speed.memory)."""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import django

django.setup()

from benchmarks.language_speed import memory  # noqa: E402
from maillage.taxonomy.language import language_tools  # noqa: E402


def main() -> None:
    texts = json.loads(sys.stdin.read())
    before = memory()
    ranker = language_tools().ranker
    for text in texts:
        ranker.rank(text, top=10)
    print(json.dumps({"memory_mb_before": before, "memory_mb_after_ranking": memory()}))


if __name__ == "__main__":
    main()
