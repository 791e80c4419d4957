"""Load test: gunicorn (sync workers, 2 × cores + 1) on PostgreSQL and Redis, driven by locust
headless with 50 concurrent people; `make loadtest`.

Steps: make sure the database holds the reference data and the scale data (100,000 candidates,
~10,000 postings, their vectors, and the engine's verdicts on a random sample of pairs, see
benchmarks/scale_data.py; created once, ~40 minutes), start gunicorn, run
benchmarks/locustfile.py, stop gunicorn, write benchmarks/results/loadtest.json and print the
table per page. Traffic goes to 127.0.0.1 only and stops after --duration seconds.

Environment: LOADTEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/maillage_trust),
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
BIN = Path(sys.executable).parent
RESULTS = ROOT / "benchmarks" / "results" / "loadtest.json"
PORT = 8765
# Time for every person to log in before the measured window (50 password hashes on 2 cores).
LOGIN_PHASE_S = 60


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
        check=True,
        capture_output=True,
        text=True,
    )
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
    print("engine matches, proposals and audit declarations (once, ~25 minutes)…", flush=True)
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
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=int, default=120, help="seconds of measured load")
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--companies", type=int, default=6_150)
    parser.add_argument("--workers", type=int, default=multiprocessing.cpu_count() * 2 + 1)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/maillage_trust"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/5")
    )
    parser.add_argument("--skip-prepare", action="store_true")
    parser.add_argument(
        "--prepare-only", action="store_true", help="load the data, measure later (idle machine)"
    )
    args = parser.parse_args()
    env = _env(args)
    if not args.skip_prepare:
        prepare(args, env)
    if args.prepare_only:
        return 0
    # The machine may be shared: the load average says how much else was running.
    load_before = list(os.getloadavg())
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
                f"{args.duration + LOGIN_PHASE_S}s",
                "--only-summary",
                "--stop-timeout",
                "5",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env={**env, "LOADTEST_RESULTS": str(RESULTS)},
            check=False,
            timeout=args.duration + 300,
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    result = json.loads(RESULTS.read_text())
    result.update(
        {
            "load_average_before": load_before,
            "load_average_after": list(os.getloadavg()),
            "workers": args.workers,
            "cores": multiprocessing.cpu_count(),
            "duration_s": args.duration,
            "candidates": args.candidates,
        }
    )
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\n{'page':32} {'requests':>8} {'fail':>5} {'rps':>7} {'p50':>6} {'p95':>6} {'p99':>6}")
    for row in [*result["pages"], {"page": "ALL", **result}]:
        print(
            f"{row['page']:32} {row['requests']:>8} {row['failures']:>5} {row['rps']:>7} "
            f"{row['p50_ms']:>6} {row['p95_ms']:>6} {row['p99_ms']:>6}"
        )
    print(
        f"load average before/after: {load_before[0]:.1f} / {result['load_average_after'][0]:.1f}"
    )
    print(
        f"\n{result['users']} users, {result['workers']} gunicorn workers on {result['cores']} cores; written to {RESULTS.relative_to(ROOT)}"
    )
    return 0 if result["failures"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
