"""Where a benchmark's numbers come from: the one place every benchmark writes its results file.

    run = provenance.start("schedule", quick=args.quick)   # before measuring
    ...
    run.write(report)                                       # after: adds "provenance", writes JSON

The file gets a "provenance" block: the commit (and whether the tree had uncommitted changes), the
start and end dates (UTC), the machine (cores, memory, processor, Python), the load average before
and after (the machine may be shared: a slow run on a busy machine is not a regression) and the
exact command, so a figure in docs/ can be traced to the run that produced it
(benchmarks/doc_figures.py checks that the figures match).

Full runs write benchmarks/results/<name>.json, the files the docs cite. Short runs (`--quick`,
`make bench QUICK=1`) write benchmarks/results/quick/<name>.json, ignored by git, so a quick
run never replaces a figure the docs cite. CI sets BENCH_RESULTS_SCRATCH=1: there every run, full
ones too (`make fuzz-api`), writes to quick/, because a checkout's cited files must stay those the
docs were checked against.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shlex
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "benchmarks" / "results"
QUICK_DIR = RESULTS_DIR / "quick"
# Environment variables that change what a benchmark measures; recorded when set.
RELEVANT_ENVIRONMENT = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "DATABASE_URL",
    "LOADTEST_DATABASE_URL",
    "MAILLAGE_ENV",
)


def results_path(name: str, *, quick: bool = False) -> Path:
    """The results file of benchmark `name`: the cited one, or the quick run's scratch copy."""
    scratch = quick or os.environ.get("BENCH_RESULTS_SCRATCH") == "1"
    return (QUICK_DIR if scratch else RESULTS_DIR) / f"{name}.json"


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


def commit() -> dict[str, object]:
    status = _git("status", "--porcelain", "--untracked-files=no")
    return {"sha": _git("rev-parse", "HEAD"), "uncommitted_changes": bool(status)}


def machine() -> dict[str, object]:
    memory_gb = None
    processor = platform.processor() or platform.machine()
    try:
        meminfo = Path("/proc/meminfo").read_text()
        kb = int(
            next(line for line in meminfo.splitlines() if line.startswith("MemTotal")).split()[1]
        )
        memory_gb = round(kb / 1024 / 1024, 1)
        cpuinfo = Path("/proc/cpuinfo").read_text()
        processor = next(
            (
                line.split(":", 1)[1].strip()
                for line in cpuinfo.splitlines()
                if line.startswith("model name")
            ),
            processor,
        )
    except (OSError, StopIteration, ValueError):
        pass
    return {
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "processor": processor,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


def command() -> str:
    """The command line that started this process, as one would type it from the project root."""
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    python = (
        os.path.relpath(sys.executable, ROOT) if sys.executable.startswith(str(ROOT)) else "python"
    )
    if spec is not None and spec.name:  # python -m package.module
        head = [python, "-m", spec.name.removesuffix(".__main__")]
    else:
        script = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
        head = [python, os.path.relpath(script, ROOT) if script else "-c"]
    return shlex.join([*head, *sys.argv[1:]])


def _without_password(value: str) -> str:
    return re.sub(r"(//[^:/@]+):[^@/]*@", r"\1:***@", value)


def _load_average() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Run:
    """One benchmark run: started before the measurement, written once after it."""

    def __init__(self, name: str, *, quick: bool = False, command_line: str | None = None) -> None:
        self.name = name
        self.quick = quick
        self.command = command_line or command()
        self.started_at = _now()
        self.load_average_before = _load_average()
        self._started = time.perf_counter()

    @property
    def path(self) -> Path:
        return results_path(self.name, quick=self.quick)

    def record(self) -> dict[str, object]:
        return {
            "command": self.command,
            "quick": self.quick,
            "commit": commit(),
            "started_at": self.started_at,
            "finished_at": _now(),
            "wall_seconds": round(time.perf_counter() - self._started, 1),
            "machine": machine(),
            "load_average_before": self.load_average_before,
            "load_average_after": _load_average(),
            "environment": {
                key: _without_password(os.environ[key])
                for key in RELEVANT_ENVIRONMENT
                if key in os.environ
            },
        }

    def write(self, results: dict) -> Path:
        """Write `results` with their provenance; returns the path written."""
        path = self.path
        path.parent.mkdir(parents=True, exist_ok=True)
        document = {**results, "provenance": self.record()}
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n")
        return path


def start(name: str, *, quick: bool = False, command_line: str | None = None) -> Run:
    return Run(name, quick=quick, command_line=command_line)
