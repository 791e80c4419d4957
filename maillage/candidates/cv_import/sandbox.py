"""Reading a CV file in a child process with hard limits, so that a hostile file (a zip or XML
bomb, a PDF of a million operations, a parser bug that loops) costs a killable process and never
a web worker's time or memory.

The child is `python -I extract.py` (no Django, no project import). It sets its own limits before
reading the file: CPU seconds and address space (setrlimit), no file writes; extract.py checks its
own bounds (decompressed size, elements, pages, time) first, so a file over a bound gets a clean
"too_complex" and the rlimits and the wall-clock timeout here are the backstop.
"""

import json
import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from maillage.candidates.cv_import import extract

EXTRACT_SCRIPT = Path(extract.__file__)
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SandboxLimits:
    cpu_seconds: int = 8  # RLIMIT_CPU of the child: SIGXCPU past it
    memory_bytes: int = 768 * 1024 * 1024  # RLIMIT_AS of the child: MemoryError past it
    wall_seconds: float = 12.0  # killed past it (under gunicorn's 30 s timeout)
    read_seconds: float = extract.MAX_SECONDS  # the reader's own check, between pages/elements


DEFAULT_LIMITS = SandboxLimits()


def read_in_sandbox(data: bytes, kind: str, limits: SandboxLimits = DEFAULT_LIMITS) -> list[str]:
    """The file's lines (extract.read_lines), read in a limited child process; raises
    extract.Unreadable ("encrypted", "broken", "too_complex")."""
    command = [
        sys.executable,
        "-I",  # isolated: no user site, no PYTHON* variables, not the current directory
        str(EXTRACT_SCRIPT),
        kind,
        str(limits.cpu_seconds),
        str(limits.memory_bytes),
        str(limits.read_seconds),
    ]
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    try:
        finished = subprocess.run(
            command,
            input=data,
            capture_output=True,
            timeout=limits.wall_seconds,
            env=environment,
            check=False,
        )
    except subprocess.TimeoutExpired as error:  # run() has killed the child
        raise extract.Unreadable("too_complex") from error
    if finished.returncode != 0:
        # Killed by a limit (SIGXCPU, SIGKILL), or out of memory before it could answer.
        over_limit = finished.returncode < 0 or b"MemoryError" in finished.stderr[-2000:]
        raise extract.Unreadable("too_complex" if over_limit else "broken")
    try:
        answer = json.loads(finished.stdout)
    except ValueError as error:
        raise extract.Unreadable("broken") from error
    logger.info(
        "CV read in the sandbox: peak %s kB, %s",
        answer.get("peak_rss_kb"),
        answer.get("error", "ok"),
    )
    if "error" in answer:
        raise extract.Unreadable(answer["error"])
    return answer["lines"]
