"""CV import: field-level precision and recall on the CV test set, and what a hostile file costs.

    .venv/bin/python benchmarks/cv_eval.py        # prints a table, writes benchmarks/results/cv_eval.json
    .venv/bin/python benchmarks/cv_eval.py --quick  # CI: no "before" cost, benchmarks/results/quick/

Quality: maillage/candidates/tests/cv_set (13 people, 16 files, six generators), scored by its
scoring.py; "dev" files were looked at while writing the parser, "test" files were not.
Hostile file: the issue's DOCX of one million empty paragraphs (~100 KB), read (a) as the import
did before, python-docx in the web process, and (b) as it does now, through the sandbox; each in a
fresh process, wall time and peak resident memory of that process and of its children.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

MEASURE = """
import io, json, sys, time, os
sys.path.insert(0, {root!r})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import django; django.setup()
from maillage.candidates.tests.test_cv_reading import million_paragraphs_docx
from maillage.candidates.cv_import.reading import CvUnreadable, cv_text
from maillage.core.uploads import DOCX
from docx import Document

def memory_kb(field):
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field))

data = million_paragraphs_docx()
with open("/proc/self/clear_refs", "w") as clear:
    clear.write("5")  # resets VmHWM: the peak from here on
baseline = memory_kb("VmRSS:")
started = time.perf_counter()
outcome = "read"
if {old!r}:
    document = Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
else:
    try:
        cv_text(data, DOCX)
    except CvUnreadable as error:
        outcome = "refused: " + error.reason
print(json.dumps({{
    "file_bytes": len(data),
    "seconds": round(time.perf_counter() - started, 2),
    "outcome": outcome,
    "web_process_memory_growth_mb": round((memory_kb("VmHWM:") - baseline) / 1024),
}}))
"""


def hostile_file_cost(*, old: bool) -> dict:
    finished = subprocess.run(
        [sys.executable, "-c", MEASURE.format(root=str(ROOT), old=old)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(finished.stdout.strip().splitlines()[-1])


def sandbox_child_peak_mb() -> int:
    """The sandboxed reader's own peak memory on the hostile file (it reports VmHWM)."""
    from maillage.candidates.cv_import.sandbox import DEFAULT_LIMITS, EXTRACT_SCRIPT
    from maillage.candidates.tests.test_cv_reading import million_paragraphs_docx

    limits = DEFAULT_LIMITS
    finished = subprocess.run(
        [sys.executable, "-I", str(EXTRACT_SCRIPT), "docx", str(limits.cpu_seconds),
         str(limits.memory_bytes), str(limits.read_seconds)],
        input=million_paragraphs_docx(),
        capture_output=True,
        check=True,
    )  # fmt: skip
    return round(json.loads(finished.stdout)["peak_rss_kb"] / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="skip the old reader's cost (~20 s, 300 MB)"
    )
    quick = parser.parse_args().quick
    import django

    django.setup()
    from benchmarks import provenance

    run = provenance.start("cv_eval", quick=quick)
    from maillage.candidates.tests.cv_set import scoring

    started = time.perf_counter()
    quality = scoring.evaluate_set()
    print(f"{'split':6} {'files':>5} {'precision':>10} {'recall':>8}")
    for split, result in quality.items():
        overall = result["all"]
        print(
            f"{split:6} {result['files']:>5} {overall['precision']:>10.3f} {overall['recall']:>8.3f}"
        )
    print("\nper field (test split): precision / recall")
    for name, rates in quality["test"]["fields"].items():
        print(
            f"  {name:28} {rates['precision']:.3f} / {rates['recall']:.3f}  ({rates['stated']} stated)"
        )
    before = None if quick else hostile_file_cost(old=True)
    after = hostile_file_cost(old=False)
    after["sandbox_process_peak_mb"] = sandbox_child_peak_mb()
    print("\none million empty paragraphs in a DOCX of", after["file_bytes"], "bytes")
    print("  before (python-docx in the web process):", before)
    print("  after (sandboxed, bounded reader):      ", after)
    path = run.write(
        {
            "quality": quality,
            "hostile_docx_million_paragraphs": {"before": before, "after": after},
            "seconds": round(time.perf_counter() - started, 1),
        }
    )
    print(f"\nwritten to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
