"""A newcomer's first start: `make demo` on a fresh clone, timed to the first page served.

Clones the repository's last commit into a temporary folder, runs `make demo` there on a free
port and times each step from the lines make prints (install, migrate, reference data with the
language tools, demo data, server start) until http://127.0.0.1:PORT/ answers. The target
(issue 14): under 120 s on an idle machine. Wall time, so the load average before and after (in
the provenance block) says whether the machine was idle. The clone and its server are removed
afterwards.

--quick reuses this checkout's installed .venv (a link in the clone) instead of installing one:
it checks that `make demo` works from a clone, without the install's time.

Run: python -m benchmarks.first_start [--quick]
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from benchmarks import provenance

TARGET_SECONDS = 120
TIMEOUT_SECONDS = 900
# The step a line of `make demo`'s output starts, in order (make echoes each command it runs).
# The install starts at 0 (make runs its silent venv creation before the first echoed line).
STEPS = (
    ("migrate", "manage.py migrate"),
    ("reference_data", "manage.py load_reference_data"),
    ("demo_data", "manage.py load_demo_data"),
    ("server_start", "manage.py runserver"),
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page_answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status < 500
    except urllib.error.HTTPError as error:
        return error.code < 500
    except OSError:
        return False


def time_first_start(clone: Path, *, quick: bool) -> dict[str, object]:
    subprocess.run(
        ["git", "clone", "--quiet", str(provenance.ROOT), str(clone)], check=True, timeout=120
    )
    if quick:
        (clone / ".venv").symlink_to(provenance.ROOT / ".venv")
    port = free_port()
    started = time.monotonic()
    demo = subprocess.Popen(
        ["make", "demo", f"PORT={port}"],
        cwd=clone,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: the server goes with it
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    step_starts: dict[str, float] = {}
    output: list[str] = []

    def follow() -> None:
        for line in demo.stdout:
            output.append(line)
            for step, marker in STEPS:
                if marker in line and step not in step_starts:
                    step_starts[step] = time.monotonic() - started

    reader = threading.Thread(target=follow, daemon=True)
    reader.start()
    url = f"http://127.0.0.1:{port}/"
    try:
        while not page_answers(url):
            if demo.poll() is not None or time.monotonic() - started > TIMEOUT_SECONDS:
                sys.stdout.write("".join(output[-40:]))
                raise SystemExit(f"make demo stopped or timed out before serving {url}")
            time.sleep(0.2)
        first_page = time.monotonic() - started
    finally:
        os.killpg(demo.pid, signal.SIGTERM)
        demo.wait(timeout=30)
    return {
        "first_page_seconds": round(first_page, 1),
        "steps": _durations(step_starts, first_page),
    }


def _durations(step_starts: dict[str, float], end: float) -> dict[str, float]:
    """Each step's seconds, from its first line to the next step's (the last: to the page)."""
    ordered = [("install", 0.0)] + sorted(step_starts.items(), key=lambda item: item[1])
    ends = [start for _, start in ordered[1:]] + [end]
    durations = {}
    for (step, start), step_end in zip(ordered, ends, strict=True):
        durations[step] = round(step_end - start, 1)
    return durations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="reuse this checkout's .venv")
    args = parser.parse_args()
    run = provenance.start("first_start", quick=args.quick)
    with tempfile.TemporaryDirectory(prefix="maillage-first-start-") as folder:
        timing = time_first_start(Path(folder) / "maillage", quick=args.quick)
    report = {
        **timing,
        "target_seconds": TARGET_SECONDS,
        "target_met": timing["first_page_seconds"] < TARGET_SECONDS,
        "install": "reused .venv (--quick)" if args.quick else "fresh .venv",
    }
    print(f"make demo on a fresh clone: first page after {timing['first_page_seconds']} s")
    for step, seconds in timing["steps"].items():
        print(f"  {step:<16} {seconds:>6.1f} s")
    run.write(report)


if __name__ == "__main__":
    main()
