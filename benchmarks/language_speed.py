"""Run by benchmarks/taxonomy_eval.py in a fresh process: load time, per-title latency, extraction
time and memory of the language tools. Reads a JSON list of titles on stdin, prints one JSON
object."""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

import numpy as np  # noqa: E402

from maillage.taxonomy.language import language_tools, tools_directory  # noqa: E402
from matchcore.language.tools import LanguageTools  # noqa: E402

POSTING = (
    "Exigences : DEP en soudage-montage; maîtrise du soudage MIG et TIG; lecture de plans; "
    "travail d'équipe; anglais fonctionnel."
)


def memory() -> dict[str, int]:
    """Resident (rss), proportional (pss: shared pages divided among the processes sharing them)
    and private memory of this process, in MB."""
    lines = Path("/proc/self/smaps_rollup").read_text().splitlines()[1:]
    fields = {
        name: int(value.split()[0]) // 1024
        for name, value in (line.split(":", 1) for line in lines)
    }
    return {
        "rss": fields["Rss"],
        "pss": fields["Pss"],
        "private": fields["Private_Clean"] + fields["Private_Dirty"],
    }


def main() -> None:
    titles = json.loads(sys.stdin.read())
    before = memory()
    started = time.perf_counter()
    tools = language_tools()
    loaded = time.perf_counter() - started
    after_load = memory()
    tools.titles.match("soudeur")  # loads the embedding model
    after_model = memory()
    latencies = []
    started = time.perf_counter()
    for title in titles:
        tick = time.perf_counter()
        tools.titles.match(title, top=5)
        latencies.append(time.perf_counter() - tick)
    total = time.perf_counter() - started
    extraction = []
    for _ in range(20):
        tick = time.perf_counter()
        tools.skills.extract(POSTING)
        extraction.append(time.perf_counter() - tick)
    print(
        json.dumps(
            {
                "tools_load_seconds": round(loaded, 2),
                "titles_per_second": round(len(titles) / total, 1),
                "title_latency_ms_p50": round(1000 * float(np.percentile(latencies, 50)), 1),
                "title_latency_ms_p95": round(1000 * float(np.percentile(latencies, 95)), 1),
                "posting_extraction_ms_p50": round(1000 * float(np.percentile(extraction, 50)), 1),
                "memory_mb_before_load": before,
                "memory_mb_after_load": after_load,
                "memory_mb_after_embedding_model": after_model,
                "memory_mb_after_use": memory(),
                "tools_on_disk_mb": round(LanguageTools.size_bytes(tools_directory()) / 2**20),
            }
        )
    )


if __name__ == "__main__":
    main()
