"""Faults on the production shape, on this machine: `make chaos` (results: benchmarks/results/chaos.json).

The production shape runs apart from the shared services: a private PostgreSQL cluster (initdb
under /tmp, port 5440), a private Redis (port 6390), gunicorn (2 workers, port 8766), two Celery
workers (concurrency 1 each, acks late) and Celery beat, with e-mail sent over SMTP to a sink in
this process that counts every message. The data are the quick load test's (300 candidates:
copied from its database `maillage_loadtest_quick` if it exists, built otherwise).

Scripted faults, each with what must hold:
1. rematch: every candidate's rematch queued, then a worker's process killed (SIGKILL) in the
   middle: every rematch still runs (the task is re-queued: acks late, reject on worker lost).
2. e-mail batch: 300 e-mails queued, then a whole worker (parent and child) killed: every e-mail
   arrives once the broker gives the unacknowledged messages back (visibility timeout).
3. Redis stopped 30 s and restarted: the pages answer meanwhile (the cache is optional), an
   e-mail asked during the outage waits in the outbox and is sent by the drain after the restart,
   the workers reconnect by themselves and a task queued after the restart runs.
4. PostgreSQL restarted (stopped 10 s) while people browse: the pages answer 503 with a clear
   message while the database is away (never 500), and answer again by themselves.
5. The same during a locust run (the load test's people, 10 at once, 120 s): every failed
   request is a 503, and the pages answer again by themselves.
6. gunicorn (master and workers) killed while a logged-in candidate sends a proof document and a
   CV over HTTP, slowly (multipart bodies of a few MB, spooled to files as they arrive): no
   record and no file is half saved (the document count and the stored files are the same as
   before, and after the daily sweep nothing is left in the upload spool folder), and once
   gunicorn is started again the pages answer and the same uploads succeed.
The e-mail of fault 3 is asked as a person would: a sign-up over HTTP while Redis is away.
Each fault's findings go to chaos.json; the command exits 1 when one expectation fails.

    make chaos          # or: .venv/bin/python -m benchmarks.chaos [--quick]
"""

from __future__ import annotations

import argparse
import contextlib
import http.cookiejar
import io
import json
import os
import re
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import provenance  # noqa: E402
from benchmarks.services import ServiceMissing, database_ensure  # noqa: E402

BIN = Path(sys.executable).parent
HOME = Path(os.environ.get("CHAOS_DIR", "/tmp/maillage-chaos"))
PG_PORT, REDIS_PORT, WEB_PORT, SMTP_PORT = 5440, 6390, 8766, 2526
DATABASE_URL = f"postgres://postgres@127.0.0.1:{PG_PORT}/maillage_chaos"
REDIS_URL = f"redis://127.0.0.1:{REDIS_PORT}/0"
SOURCE_DATABASE = "maillage_loadtest_quick"
# The broker gives a killed worker's unacknowledged tasks back after this many seconds
# (production default in config/settings.py; shorter here so the run takes minutes).
VISIBILITY_TIMEOUT_S = 45


def pg_bin(name: str) -> str:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if not found:
        raise ServiceMissing(f"{name} not found under /usr/lib/postgresql (install postgresql)")
    return str(found[-1])


def as_postgres(*command: str) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)


# --- the SMTP sink: counts each message by its recipient ---------------------------------------


class MailSink(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port: int) -> None:
        super().__init__(("127.0.0.1", port), SmtpHandler)
        self.received: list[str] = []
        self.lock = threading.Lock()


class SmtpHandler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        self.reply("220 chaos sink")
        recipients: list[str] = []
        while line := self.rfile.readline():
            verb = line.decode("latin-1").strip().upper()
            if verb.startswith(("EHLO", "HELO")):
                self.reply("250 chaos")
            elif verb.startswith("RCPT TO:"):
                recipients.append(verb.split(":", 1)[1].strip(" <>").lower())
                self.reply("250 ok")
            elif verb == "DATA":
                self.reply("354 end with .")
                while (body := self.rfile.readline()) and body.strip() != b".":
                    pass
                with self.server.lock:
                    self.server.received.extend(recipients)
                recipients = []
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:  # MAIL FROM, RSET, NOOP
                self.reply("250 ok")


# --- the production shape ----------------------------------------------------------------------


class Shape:
    """The private services and the app's processes; `stop()` ends everything it started."""

    def __init__(self) -> None:
        self.pgdata = HOME / "pg"
        self.processes: dict[str, subprocess.Popen] = {}
        self.env = {
            **os.environ,
            "DATABASE_URL": DATABASE_URL,
            "REDIS_URL": REDIS_URL,
            "DEBUG": "false",
            "LOG_LEVEL": "WARNING",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(SMTP_PORT),
            "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT_S),
            "API_RATE_ANONYMOUS": "100000/m",
            "API_RATE_PERSON": "100000/m",
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "MEDIA_ROOT": str(HOME / "media"),
            "FILE_UPLOAD_TEMP_DIR": str(HOME / "upload-tmp"),
        }

    # PostgreSQL
    def pg_ctl(self, action: str, *extra: str) -> None:
        options = f"-p {PG_PORT} -k {self.pgdata} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            as_postgres(
                pg_bin("pg_ctl"), "-D", str(self.pgdata), "-o", options,
                "-l", str(HOME / "pg.log"), "-w", action, *extra,
            ),
            check=True, capture_output=True,
        )  # fmt: skip

    def postgres_start(self) -> None:
        if not (self.pgdata / "PG_VERSION").exists():
            self.pgdata.mkdir(parents=True, exist_ok=True)
            if os.geteuid() == 0:
                shutil.chown(HOME, "postgres")
                shutil.chown(self.pgdata, "postgres")
            subprocess.run(
                as_postgres(pg_bin("initdb"), "-D", str(self.pgdata), "-A", "trust", "-U", "postgres"),
                check=True, capture_output=True,
            )  # fmt: skip
        self.pg_ctl("start")

    def postgres_stop(self) -> None:
        self.pg_ctl("stop", "-m", "fast")

    # Redis
    def redis_start(self) -> None:
        subprocess.run(
            ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--daemonize",
             "yes", "--save", "", "--appendonly", "no", "--dir", str(HOME),
             "--pidfile", str(HOME / "redis.pid"), "--logfile", str(HOME / "redis.log")],
            check=True,
        )  # fmt: skip
        for _ in range(50):
            if self.redis("PING") == "PONG":
                return
            time.sleep(0.1)

    def redis_stop(self) -> None:
        subprocess.run(
            ["redis-cli", "-p", str(REDIS_PORT), "shutdown", "nosave"], capture_output=True
        )

    def redis(self, *command: str) -> str:
        done = subprocess.run(
            ["redis-cli", "-p", str(REDIS_PORT), *command], capture_output=True, text=True
        )
        return done.stdout.strip()

    # the app
    def manage(self, *command: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT, env=self.env, capture_output=True, text=True,
        )  # fmt: skip
        if done.returncode:
            raise ServiceMissing(f"manage.py {command[0]}: {done.stderr.strip()[-500:]}")
        return done.stdout

    def shell(self, code: str) -> object:
        """Run `code` in the app (manage.py shell); it prints one JSON value as its last line."""
        return json.loads(self.manage("shell", "-c", code).strip().splitlines()[-1])

    def data_load(self) -> None:
        created = database_ensure(DATABASE_URL)
        if not created:
            return
        source = f"postgres://postgres@127.0.0.1:5432/{SOURCE_DATABASE}"
        dump = subprocess.run(
            [pg_bin("pg_dump"), "-Fc", "-d", source], capture_output=True, check=False
        )
        if dump.returncode == 0:
            subprocess.run(
                [pg_bin("pg_restore"), "--no-owner", "-d", DATABASE_URL],
                input=dump.stdout, capture_output=True, check=True,
            )  # fmt: skip
            return
        from benchmarks import loadtest

        args = argparse.Namespace(candidates=300, companies=30)
        loadtest.prepare(args, {**self.env, "LOADTEST_CANDIDATES": "300"})

    def start(self, name: str) -> None:
        commands = {
            "web": [
                str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "config.wsgi",
                "--bind", f"127.0.0.1:{WEB_PORT}", "--workers", "2", "--access-logfile", "/dev/null",
            ],
            "worker-a": [str(BIN / "celery"), "-A", "config", "worker", "-n", "a@chaos",
                         "--concurrency", "1", "--loglevel", "WARNING"],
            "worker-b": [str(BIN / "celery"), "-A", "config", "worker", "-n", "b@chaos",
                         "--concurrency", "1", "--loglevel", "WARNING"],
            "beat": [str(BIN / "celery"), "-A", "config", "beat", "--loglevel", "WARNING",
                     "-s", str(HOME / "beat-schedule")],
        }  # fmt: skip
        log = open(HOME / f"{name}.log", "ab")  # noqa: SIM115 (kept open for the child)
        self.processes[name] = subprocess.Popen(
            commands[name], cwd=ROOT, env=self.env, stdout=log, stderr=log, start_new_session=True
        )

    def kill(self, name: str, *, child_only: bool = False) -> None:
        process = self.processes[name]
        if child_only:
            children = subprocess.run(
                ["pgrep", "-P", str(process.pid)], capture_output=True, text=True
            ).stdout.split()
            for pid in children:
                os.kill(int(pid), signal.SIGKILL)
            return
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def stop(self) -> None:
        for name, process in self.processes.items():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
            self.processes[name] = process
        self.redis_stop()
        with contextlib.suppress(subprocess.CalledProcessError):
            self.postgres_stop()

    def queue_drained(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            waiting = self.redis("LLEN", "celery")
            unacked = self.redis("HLEN", "unacked")
            if waiting == "0" and unacked == "0":
                return True
            time.sleep(1)
        return False


def get(path: str, timeout: float = 10) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{WEB_PORT}{path}", timeout=timeout) as r:
            return r.status, r.read(2000).decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read(2000).decode("utf-8", "replace")
    except OSError as error:
        return 0, str(error)


def wait_until_up(seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if get("/healthz", timeout=3)[0] == 200:
            return
        time.sleep(0.5)
    raise ServiceMissing(f"gunicorn did not answer on port {WEB_PORT} (see {HOME}/web.log)")


# --- a person's browser over HTTP --------------------------------------------------------------

# The demo data's password (maillage/site/demo.py, DEMO_PASSWORD; the load test's people use it).
DEMO_PASSWORD = "demo-maillage-2026"
CHAOS_PASSWORD = "chaos-maillage-2026-long-enough"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf_token(page: str) -> str:
    found = CSRF_FIELD.search(page)
    return found.group(1) if found else ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # the answer itself, not where it leads
        return None


class Browser:
    """Cookies kept between requests, the form's CSRF token sent back, redirects not followed."""

    def __init__(self) -> None:
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def _open(self, request: urllib.request.Request) -> tuple[int, str, str]:
        try:
            with self.opener.open(request, timeout=30) as answer:
                return answer.status, answer.read().decode("utf-8", "replace"), ""
        except urllib.error.HTTPError as error:
            body = error.read().decode("utf-8", "replace")
            return error.code, body, error.headers.get("Location", "")
        except OSError as error:
            return 0, str(error), ""

    def get(self, path: str) -> tuple[int, str]:
        status, body, _location = self._open(
            urllib.request.Request(f"http://127.0.0.1:{WEB_PORT}{path}")
        )
        return status, body

    def post(
        self, path: str, fields: dict[str, str], files: dict[str, tuple[str, bytes]] | None = None
    ) -> tuple[int, str, str]:
        if files:
            content_type, data = multipart_body(fields, files)
        else:
            content_type = "application/x-www-form-urlencoded"
            data = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{WEB_PORT}{path}", data=data, headers={"Content-Type": content_type}
        )
        return self._open(request)

    def login(self, email: str, password: str = DEMO_PASSWORD) -> bool:
        _status, page = self.get("/accounts/login/")
        status, _body, _location = self.post(
            "/accounts/login/",
            {"username": email, "password": password, "csrfmiddlewaretoken": csrf_token(page)},
        )
        return status == 302

    def cookie_header(self) -> str:
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.cookies)


def multipart_body(
    fields: dict[str, str], files: dict[str, tuple[str, bytes]]
) -> tuple[str, bytes]:
    boundary = f"chaos{uuid.uuid4().hex}"
    body = io.BytesIO()
    for name, value in fields.items():
        body.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, (filename, content) in files.items():
        body.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
        )
        body.write(content + b"\r\n")
    body.write(f"--{boundary}--\r\n".encode())
    return f"multipart/form-data; boundary={boundary}", body.getvalue()


def pdf_of_size(size: int) -> bytes:
    """A real one-page PDF, padded with comment lines to `size` bytes (PDF readers skip them)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    out = io.BytesIO()
    writer.write(out)
    pdf = out.getvalue()
    line = b"%" + b"x" * 78 + b"\n"
    return pdf + line * max(0, (size - len(pdf)) // len(line))


class SlowUpload(threading.Thread):
    """Sends a multipart POST over a raw socket, a chunk at a time, so that the server is in the
    middle of reading it when it is killed; records how much was sent and what came back."""

    def __init__(self, browser: Browser, path: str, fields: dict, files: dict, seconds: float):
        super().__init__(daemon=True)
        content_type, self.body = multipart_body(fields, files)
        self.head = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{WEB_PORT}\r\n"
            f"Cookie: {browser.cookie_header()}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(self.body)}\r\nConnection: close\r\n\r\n"
        ).encode()
        self.chunk = 64 * 1024
        self.pause = seconds / max(1, len(self.body) // self.chunk)
        self.sent = 0
        self.answer = b""

    def run(self) -> None:
        try:
            with socket.create_connection(("127.0.0.1", WEB_PORT), timeout=30) as conn:
                conn.sendall(self.head)
                for start in range(0, len(self.body), self.chunk):
                    conn.sendall(self.body[start : start + self.chunk])
                    self.sent = start + self.chunk
                    time.sleep(self.pause)
                self.answer = conn.recv(200)
        except OSError as error:
            self.answer = f"connection: {type(error).__name__}".encode()

    @property
    def share_sent(self) -> float:
        return round(min(1.0, self.sent / len(self.body)), 2)


# --- the faults ---------------------------------------------------------------------------------

CANDIDATES_REMATCHED = (
    "import json; from django.utils import timezone; from datetime import datetime; "
    "from maillage.matching.models import MatchResult as M; "
    "since = datetime.fromisoformat({since!r}); "
    "print(json.dumps(sorted(set(M.objects.filter(computed_at__gte=since)"
    ".values_list('candidate_id', flat=True)))))"
)
QUEUE_REMATCHES = (
    "import json; from maillage.candidates.models import CandidateProfile as C; "
    "from maillage.matching.tasks import rematch_candidate; "
    "ids = list(C.objects.order_by('pk').values_list('pk', flat=True)); "
    "[rematch_candidate.delay(i) for i in ids]; print(json.dumps(len(ids)))"
)


def _now_iso(shape: Shape) -> str:
    return shape.shell(
        "import json; from django.utils import timezone; "
        "print(json.dumps(timezone.now().isoformat()))"
    )


def fault_rematch(shape: Shape) -> dict:
    """Rematch every candidate with no fault (control), then again with a worker's process
    killed mid-way: every candidate rematched in the control must be rematched again."""
    since = _now_iso(shape)
    queued = shape.shell(QUEUE_REMATCHES)
    started = time.monotonic()
    shape.queue_drained(timeout=900)
    control_s = round(time.monotonic() - started, 1)
    control = set(shape.shell(CANDIDATES_REMATCHED.format(since=since)))
    since = _now_iso(shape)
    shape.shell(QUEUE_REMATCHES)
    time.sleep(max(2.0, control_s / 4))
    shape.kill("worker-a", child_only=True)  # the pool process running a rematch
    drained = shape.queue_drained(timeout=900 + VISIBILITY_TIMEOUT_S)
    again = set(shape.shell(CANDIDATES_REMATCHED.format(since=since)))
    lost = sorted(control - again)
    return {
        "queued": queued,
        "control_seconds": control_s,
        "candidates_with_results_in_control": len(control),
        "rematched_after_kill": len(again & control),
        "lost": len(lost),
        "queue_drained": drained,
        "ok": drained and not lost,
    }


SEND_MAILS = (
    "import json; from maillage.core.tasks import send_templated_mail as s; "
    "[s.delay(to=f'chaos-{{i}}@example.org', template='prequalification/email/proposal_expired', "
    "context={{}}, language='fr') for i in range({count})]; print(json.dumps({count}))"
)


def fault_mail_batch(shape: Shape, sink: MailSink, count: int = 300) -> dict:
    with sink.lock:
        sink.received.clear()
    shape.shell(SEND_MAILS.format(count=count))
    waited = time.monotonic()  # kill in the middle of the batch: some sent, some still queued
    while (
        int(shape.redis("LLEN", "celery") or 0) > count * 2 // 3 and time.monotonic() - waited < 60
    ):
        time.sleep(0.05)
    shape.kill("worker-b")  # the whole worker: its unacknowledged task waits for the timeout
    killed_at = time.monotonic()
    shape.start("worker-b")
    drained = shape.queue_drained(timeout=300 + VISIBILITY_TIMEOUT_S * 2)
    time.sleep(2)
    with sink.lock:
        received = list(sink.received)
    expected = {f"chaos-{i}@example.org" for i in range(count)}
    lost = expected - set(received)
    return {
        "queued": count,
        "received": len(received),
        "distinct": len(set(received) & expected),
        "lost": len(lost),
        "duplicates": len(received) - len(set(received)),
        "seconds_to_drain_after_kill": round(time.monotonic() - killed_at, 1),
        "queue_drained": drained,
        "ok": drained and not lost,
    }


UNSENT_IN_OUTBOX = (
    "import json; from maillage.core.models import OutboxMessage as O; "
    "print(json.dumps(O.objects.filter(sent_at__isnull=True).count()))"
)


def signup_over_http(email: str) -> int:
    """A person signs up as a candidate (the confirmation e-mail goes through the outbox);
    returns the status of the form's answer (302: account created, e-mail asked)."""
    browser = Browser()
    status, body = browser.get("/candidates/signup/")
    if status != 200:
        return status
    status, _body, _location = browser.post(
        "/candidates/signup/",
        {
            "full_name": "Chaos Outbox",
            "email": email,
            "password1": CHAOS_PASSWORD,
            "password2": CHAOS_PASSWORD,
            "accepts_privacy_notice": "on",
            "csrfmiddlewaretoken": csrf_token(body),
        },
    )
    return status


def fault_redis(shape: Shape, sink: MailSink, *, outage_s: int = 30) -> dict:
    with sink.lock:
        sink.received.clear()
    shape.redis_stop()
    stopped_at = time.monotonic()
    statuses = []
    outbox_mail = f"chaos-outbox-{uuid.uuid4().hex[:8]}@example.org"
    signup_status = signup_over_http(outbox_mail)
    waiting_in_outbox = shape.shell(UNSENT_IN_OUTBOX)
    # Pages asked during the whole outage, at least three times each (a loaded machine may
    # spend most of the 30 s on the sign-up above).
    while time.monotonic() < stopped_at + outage_s or len(statuses) < 6:
        statuses.append(get("/")[0])
        statuses.append(get("/regions/")[0])
        time.sleep(2)
    stopped_s = round(time.monotonic() - stopped_at, 1)
    shape.redis_start()
    restarted = time.monotonic()
    queued_after = False
    try:
        shape.shell(SEND_MAILS.format(count=3))
        queued_after = True
    except ServiceMissing:
        pass
    recovered_s = None
    while time.monotonic() - restarted < 120:
        with sink.lock:
            if len(set(sink.received)) >= 3:
                recovered_s = round(time.monotonic() - restarted, 1)
                break
        time.sleep(1)
    # The outbox's drain (beat, every minute) sends what was asked while Redis was down.
    outbox_s = None
    while time.monotonic() - restarted < 300:
        with sink.lock:
            if outbox_mail in sink.received:
                outbox_s = round(time.monotonic() - restarted, 1)
                break
        time.sleep(2)
    alive = {name: p.poll() is None for name, p in shape.processes.items()}
    errors = [s for s in statuses if s >= 500 or s == 0]
    return {
        "outage_seconds": outage_s,
        "stopped_for_s": stopped_s,
        "page_statuses_during_outage": {str(s): statuses.count(s) for s in sorted(set(statuses))},
        "task_after_restart_ran_in_s": recovered_s,
        "signup_during_outage_status": signup_status,
        "asked_during_outage_waiting_in_outbox": waiting_in_outbox,
        "asked_during_outage_delivered_after_restart_in_s": outbox_s,
        "processes_alive_after": alive,
        "ok": bool(statuses)
        and not errors
        and signup_status == 302
        and queued_after
        and recovered_s is not None
        and outbox_s is not None
        and all(alive.values()),
    }


def fault_postgres(shape: Shape, *, outage_s: int = 10) -> dict:
    statuses: list[tuple[float, int, bool]] = []
    stop = threading.Event()

    def browse() -> None:
        while not stop.is_set():
            status, body = get("/regions/")
            statuses.append(
                (time.monotonic(), status, "503" in str(status) and "<html" in body.lower())
            )
            time.sleep(0.3)

    browser = threading.Thread(target=browse, daemon=True)
    browser.start()
    time.sleep(3)
    shape.postgres_stop()
    down_at = time.monotonic()
    time.sleep(outage_s)
    shape.pg_ctl("start")
    up_at = time.monotonic()
    time.sleep(15)
    stop.set()
    browser.join(timeout=15)
    during = [s for t, s, _ in statuses if down_at <= t <= up_at]
    after = [(t, s) for t, s, _ in statuses if t > up_at]
    first_ok = next((round(t - up_at, 1) for t, s in after if s == 200), None)
    return {
        "outage_seconds": outage_s,
        "statuses_while_down": {str(s): during.count(s) for s in sorted(set(during))},
        "statuses_after_restart": {
            str(s): [s2 for _, s2 in after].count(s) for s in sorted({s2 for _, s2 in after})
        },
        "first_200_after_restart_s": first_ok,
        # While the database is away a page answers 503 with its message; one that needs no
        # database (served from the cache, or begun just before the stop) may still answer 200.
        # Anything else (a 500, a lost connection) fails.
        "ok": 503 in during and set(during) <= {200, 503} and first_ok is not None,
    }


LOCUST_USERS, LOCUST_SECONDS = 10, 120


def fault_postgres_under_locust(shape: Shape, *, outage_s: int = 10) -> dict:
    """PostgreSQL stopped in the middle of a locust run (the load test's people and pages):
    what fails while it is away must be 503 (never 500 or a dropped connection), and the pages
    must answer again by themselves."""
    results = HOME / "locust.json"
    results.unlink(missing_ok=True)
    locust = subprocess.Popen(
        [
            str(BIN / "locust"), "-f", "benchmarks/locustfile.py", "--headless",
            "--host", f"http://127.0.0.1:{WEB_PORT}", "-u", str(LOCUST_USERS), "-r", "5",
            "-t", f"{LOCUST_SECONDS}s", "--only-summary", "--stop-timeout", "5",
            "--loglevel", "WARNING",
        ],
        cwd=ROOT, env={**shape.env, "LOADTEST_RESULTS": str(results),
                       "LOADTEST_CANDIDATES": "300", "LOADTEST_COMPANIES": "30"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(LOCUST_SECONDS / 3)  # logged in, browsing
    shape.postgres_stop()
    time.sleep(outage_s)
    shape.pg_ctl("start")
    up_at = time.monotonic()
    first_ok = None
    while time.monotonic() - up_at < 60:
        if get("/regions/")[0] == 200:
            first_ok = round(time.monotonic() - up_at, 1)
            break
        time.sleep(0.5)
    locust.wait(timeout=LOCUST_SECONDS + 120)
    found = json.loads(results.read_text()) if results.exists() else {}
    errors = found.get("errors", {})
    not_503 = {error: n for error, n in errors.items() if "503" not in error}
    return {
        "users": LOCUST_USERS,
        "run_seconds": LOCUST_SECONDS,
        "outage_seconds": outage_s,
        "requests": found.get("requests"),
        "failures": found.get("failures"),
        "errors": errors,
        "first_200_after_restart_s": first_ok,
        "ok": bool(found) and found.get("failures", 0) > 0 and not not_503 and first_ok is not None,
    }


UPLOADER = "candidat2@example.org"  # a verified demo candidate (the first is the demo's own)
DOCUMENT_PAGE = "/candidates/profile/documents/new/"
CV_PAGE = "/candidates/profile/cv/"
DOCUMENTS_OF = (
    "import json; from maillage.candidates.models import ProofDocument as D; "
    "print(json.dumps(sorted(D.objects.filter(candidate__user__email={email!r})"
    ".values_list('pk', flat=True))))"
)


def _files_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def fault_web_killed_mid_upload(shape: Shape, *, seconds: float = 8.0) -> dict:
    """gunicorn killed (master and workers) while a candidate sends a proof document (4 MB) and a
    CV (2.8 MB) slowly over HTTP; both bodies are spooled to files as they arrive."""
    media, spool = HOME / "media", HOME / "upload-tmp"
    browser = Browser()
    if not browser.login(UPLOADER):
        return {"ok": False, "error": f"{UPLOADER} could not log in (as in locustfile.py)"}
    documents_before = shape.shell(DOCUMENTS_OF.format(email=UPLOADER))
    media_before = _files_under(media)
    _status, document_page = browser.get(DOCUMENT_PAGE)
    _status, cv_page = browser.get(CV_PAGE)
    uploads = [
        SlowUpload(
            browser,
            DOCUMENT_PAGE,
            {"csrfmiddlewaretoken": csrf_token(document_page), "kind": "admission"},
            {"file": ("admission.pdf", pdf_of_size(4 * 2**20))},
            seconds,
        ),
        SlowUpload(
            browser,
            CV_PAGE,
            {"csrfmiddlewaretoken": csrf_token(cv_page)},
            {"file": ("cv.pdf", pdf_of_size(int(2.8 * 2**20)))},
            seconds,
        ),
    ]
    for upload in uploads:
        upload.start()
    time.sleep(seconds / 2)
    spooled_while_reading = len(_files_under(spool))
    shape.kill("web")
    for upload in uploads:
        upload.join(timeout=30)
    documents_after_kill = shape.shell(DOCUMENTS_OF.format(email=UPLOADER))
    new_media = sorted(_files_under(media) - media_before)
    left_in_spool = sorted(_files_under(spool))
    # The daily sweep, an hour and more later: the files it finds are made older than its limit.
    for name in left_in_spool:
        old = time.time() - 2 * 3600
        os.utime(spool / name, (old, old))
    swept = shape.manage("orphan_files_sweep").strip()
    left_after_sweep = sorted(_files_under(spool)) + sorted(_files_under(media) - media_before)

    shape.start("web")
    wait_until_up()
    pages_after_restart = {
        path: browser.get(path)[0] for path in ("/candidates/profile/", DOCUMENT_PAGE, CV_PAGE)
    }
    _status, document_page = browser.get(DOCUMENT_PAGE)
    document_status, _body, location = browser.post(
        DOCUMENT_PAGE,
        {"csrfmiddlewaretoken": csrf_token(document_page), "kind": "admission"},
        {"file": ("admission.pdf", pdf_of_size(4 * 2**20))},
    )
    _status, cv_page = browser.get(CV_PAGE)
    cv_status, _body, _location = browser.post(
        CV_PAGE,
        {"csrfmiddlewaretoken": csrf_token(cv_page)},
        {"file": ("cv.pdf", pdf_of_size(int(2.8 * 2**20)))},
    )
    documents_at_end = shape.shell(DOCUMENTS_OF.format(email=UPLOADER))
    return {
        "uploads": {
            "proof_document_bytes": len(uploads[0].body),
            "cv_bytes": len(uploads[1].body),
            "seconds_to_send": seconds,
        },
        "share_sent_when_killed": [upload.share_sent for upload in uploads],
        "answers_to_the_killed_uploads": [
            upload.answer[:40].decode("latin-1") for upload in uploads
        ],
        "spool_files_while_reading": spooled_while_reading,
        "documents_before": len(documents_before),
        "documents_after_kill": len(documents_after_kill),
        "new_stored_files_after_kill": len(new_media),
        "spool_files_left_by_the_kill": len(left_in_spool),
        "sweep": swept,
        "files_left_after_sweep": left_after_sweep,
        "page_statuses_after_restart": pages_after_restart,
        "document_upload_after_restart": {"status": document_status, "to": location},
        "cv_upload_after_restart_status": cv_status,
        "documents_at_end": len(documents_at_end),
        "ok": spooled_while_reading > 0
        and documents_after_kill == documents_before
        and not left_after_sweep
        and set(pages_after_restart.values()) == {200}
        and document_status == 302
        and cv_status in {200, 400}  # the review page, or a CV without text said in words
        and len(documents_at_end) == len(documents_before) + 1,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the same faults (CI); results apart")
    parser.add_argument(
        "--only", action="append", metavar="FAULT", help="run this fault only (repeatable)"
    )
    args = parser.parse_args()
    # A run of some faults only (--only) is a try, never the cited file.
    run = provenance.start("chaos", quick=args.quick or bool(args.only))
    HOME.mkdir(parents=True, exist_ok=True)
    shape = Shape()
    sink = MailSink(SMTP_PORT)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    report: dict = {"shape": {
        "postgres": f"private cluster {HOME / 'pg'} port {PG_PORT}",
        "redis": f"private port {REDIS_PORT}",
        "web": "gunicorn, 2 sync workers", "workers": "2 Celery workers, concurrency 1", "beat": True,
        "visibility_timeout_s": VISIBILITY_TIMEOUT_S,
    }}  # fmt: skip
    try:
        shape.postgres_start()
        shape.redis_start()
        shape.data_load()
        shape.manage("migrate", "--noinput")
        for name in ("web", "worker-a", "worker-b", "beat"):
            shape.start(name)
        wait_until_up()
        for name, fault in (
            ("worker_killed_mid_rematch", lambda: fault_rematch(shape)),
            ("worker_killed_mid_email_batch", lambda: fault_mail_batch(shape, sink)),
            ("redis_stopped_30_s", lambda: fault_redis(shape, sink)),
            ("postgres_restarted_under_load", lambda: fault_postgres(shape)),
            ("postgres_restarted_during_locust_run", lambda: fault_postgres_under_locust(shape)),
            ("web_killed_mid_upload", lambda: fault_web_killed_mid_upload(shape)),
        ):
            if args.only and name not in args.only:
                continue
            print(f"== {name}", flush=True)
            try:
                report[name] = fault()
            except Exception as error:  # a fault that breaks the harness is a finding too
                report[name] = {"ok": False, "error": f"{type(error).__name__}: {error}"[:500]}
            print(json.dumps(report[name]), flush=True)
    except ServiceMissing as missing:
        print(f"chaos: {missing}", file=sys.stderr)
        return 2
    finally:
        shape.stop()
        sink.shutdown()
    faults = [v for k, v in report.items() if k != "shape"]
    report["all_ok"] = all(f.get("ok") for f in faults)
    path = run.write(report)
    print(f"written to {path.relative_to(ROOT)}; all expectations held: {report['all_ok']}")
    return 0 if report["all_ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
