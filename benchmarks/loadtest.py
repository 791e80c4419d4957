"""Load test: gunicorn (sync workers, 2 × cores + 1) on PostgreSQL and Redis, driven by locust
headless with 50 concurrent people; `make loadtest` (`make loadtest QUICK=1`: 5 people, 20 s,
300 candidates).

Steps: check that PostgreSQL and Redis answer (one line saying which is missing if not), create
the load test's own database if it does not exist (`maillage_loadtest`, or
`maillage_loadtest_quick` for --quick; the script prints where it is), make sure it holds the
reference data and the scale data (100,000 candidates, ~10,000 postings, their vectors, and the
engine's verdicts on a random sample of pairs, see benchmarks/scale_data.py; created once,
~40 minutes), start gunicorn, run benchmarks/locustfile.py, stop gunicorn, write
benchmarks/results/loadtest.json (quick: benchmarks/results/quick/) and print the table per page.
Traffic goes to 127.0.0.1 only and stops after --duration seconds.

Environment: LOADTEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/maillage_loadtest),
LOADTEST_REDIS_URL (default redis://127.0.0.1:6379/5).
"""

import argparse
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import provenance  # noqa: E402
from benchmarks.services import (  # noqa: E402
    ServiceMissing,
    database_ensure,
    redis_check,
)

BIN = Path(sys.executable).parent
PORT = 8765
# Time for every person to log in before the measured window (~0.5 s of CPU per password hash).
LOGIN_SECONDS_PER_USER = 1.2
FULL = {"users": 50, "duration": 120, "candidates": 100_000, "companies": 6_150}
QUICK = {"users": 5, "duration": 20, "candidates": 300, "companies": 30}


def _env(args) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "DEBUG": "false",
        "DB_CONN_MAX_AGE": "60",
        "API_RATE_ANONYMOUS": "100000/m",
        "API_RATE_PERSON": "100000/m",
        "LOG_LEVEL": "WARNING",
        "LOADTEST_CANDIDATES": str(args.candidates),
        "LOADTEST_COMPANIES": str(args.companies),
    }


def _manage(env, *command: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise ServiceMissing(f"manage.py {command[0]} failed: {last}")
    return result.stdout


def prepare(args, env) -> None:
    _manage(env, "migrate", "--noinput")
    _manage(env, "load_reference_data")
    count = _manage(
        env,
        "shell",
        "-c",
        "from maillage.candidates.models import CandidateProfile as C; print(C.objects.count())",
    )
    if int(count.split()[-1]) < args.candidates:
        print(
            f"loading {args.candidates:,} candidates and {args.companies:,} companies (once)…",
            flush=True,
        )
        _manage(
            env,
            "load_demo_data",
            "--candidates",
            str(args.candidates),
            "--companies",
            str(args.companies),
            "--without-matches",
        )
    print(
        "engine matches, proposals and audit declarations (once; ~25 minutes at full size)…",
        flush=True,
    )
    print(
        _manage(
            env,
            "shell",
            "-c",
            "from benchmarks import scale_data as s; "
            "s.add_match_results(); s.add_proposals(); s.add_declarations()",
        ),
        end="",
    )
    _manage(
        env,
        "shell",
        "-c",
        "from django.db import connection; connection.cursor().execute('VACUUM ANALYZE')",
    )


def _dataset_summary(env) -> dict:
    printed = _manage(
        env,
        "shell",
        "-c",
        "import json; from benchmarks import scale_data as s; print(json.dumps(s.dataset_summary()))",
    )
    return json.loads(printed.strip().splitlines()[-1])


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer at {url}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="5 people, 20 s, 300 candidates (CI; own database)"
    )
    parser.add_argument("--users", type=int)
    parser.add_argument("--duration", type=int, help="seconds of measured load")
    parser.add_argument("--candidates", type=int)
    parser.add_argument("--companies", type=int)
    parser.add_argument("--workers", type=int, default=multiprocessing.cpu_count() * 2 + 1)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("LOADTEST_DATABASE_URL"),
        help="default postgres://postgres@127.0.0.1:5432/maillage_loadtest[_quick], created if missing",
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/5")
    )
    parser.add_argument("--skip-prepare", action="store_true")
    parser.add_argument(
        "--prepare-only", action="store_true", help="load the data, measure later (idle machine)"
    )
    args = parser.parse_args()
    for key, value in (QUICK if args.quick else FULL).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    if args.database_url is None:
        name = "maillage_loadtest_quick" if args.quick else "maillage_loadtest"
        args.database_url = f"postgres://postgres@127.0.0.1:5432/{name}"
    try:
        redis_check(args.redis_url)
        created = database_ensure(args.database_url)
        print(f"database: {args.database_url}{' (created)' if created else ''}", flush=True)
        env = _env(args)
        if not args.skip_prepare:
            prepare(args, env)
    except ServiceMissing as missing:
        print(f"loadtest: {missing}", file=sys.stderr)
        return 2
    if args.prepare_only:
        return 0
    return measure(args, env)


def measure(args, env) -> int:
    # The machine may be shared: the provenance block records the load average before and after.
    run = provenance.start("loadtest", quick=args.quick)
    raw = run.path.with_suffix(".locust.tmp")
    raw.parent.mkdir(parents=True, exist_ok=True)
    login_phase_s = max(10, round(args.users * LOGIN_SECONDS_PER_USER))
    server = subprocess.Popen(
        [
            BIN / "gunicorn",
            "-c",
            "deploy/gunicorn.conf.py",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(args.workers),
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{PORT}/healthz")
        spawn_rate = max(1, args.users // 5)
        subprocess.run(
            [
                BIN / "locust",
                "-f",
                "benchmarks/locustfile.py",
                "--headless",
                "--host",
                f"http://127.0.0.1:{PORT}",
                "-u",
                str(args.users),
                "-r",
                str(spawn_rate),
                "-t",
                f"{args.duration + login_phase_s}s",
                "--only-summary",
                "--stop-timeout",
                "5",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env={**env, "LOADTEST_RESULTS": str(raw)},
            check=False,
            timeout=args.duration + 300,
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    result = json.loads(raw.read_text())
    raw.unlink()
    result.update(
        {
            "dataset": _dataset_summary(env),
            "workers": args.workers,
            "cores": multiprocessing.cpu_count(),
            "duration_s": args.duration,
            "candidates": args.candidates,
        }
    )
    path = run.write(result)
    print(f"\n{'page':32} {'requests':>8} {'fail':>5} {'rps':>7} {'p50':>6} {'p95':>6} {'p99':>6}")
    for row in [*result["pages"], {"page": "ALL", **result}]:
        print(
            f"{row['page']:32} {row['requests']:>8} {row['failures']:>5} {row['rps']:>7} "
            f"{row['p50_ms']:>6} {row['p95_ms']:>6} {row['p99_ms']:>6}"
        )
    before, after = (
        run.load_average_before[0],
        json.loads(path.read_text())["provenance"]["load_average_after"][0],
    )
    print(f"load average before/after: {before:.1f} / {after:.1f}")
    print(
        f"\n{result['users']} users, {result['workers']} gunicorn workers on {result['cores']} cores; written to {path.relative_to(ROOT)}"
    )
    return 0 if result["failures"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
