"""Skill linking alone: the `skill_linking` block of benchmarks/taxonomy_eval.py (R-P@5 and MRR
on the dev sets' halves, typed skills, calibration, speed and memory), in its own results file,
for when the whole taxonomy benchmark (titles, fresh install) is too long for the machine.

    .venv/bin/python benchmarks/skill_linking_eval.py    # → benchmarks/results/skill_linking.json

Needs the reference data loaded (`manage.py load_reference_data`).
"""

import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import provenance
from benchmarks.taxonomy_eval import (  # sets up Django
    evaluate_skill_linking,
    print_skill_linking,
)
from maillage.taxonomy.language import language_tools, tools_directory


def main() -> None:
    run = provenance.start("skill_linking")
    tools = language_tools()
    report: dict = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "tools": str(tools_directory().name),
    }
    evaluate_skill_linking(report, tools)
    path = run.write(report)
    print_skill_linking(report)
    print(f"\nWritten to {path}")


if __name__ == "__main__":
    main()
