"""PostgreSQL and Redis for the commands that need them: one readable line when one is missing.

    .venv/bin/python -m benchmarks.services postgres://postgres@127.0.0.1:5432/db redis://127.0.0.1:6379/0

checks each URL given (exit 2 with one line per missing service), and `database_ensure` creates a
benchmark's own database when the server answers but the database does not exist yet.
"""

from __future__ import annotations

import sys
from urllib.parse import urlsplit


class ServiceMissing(Exception):
    """A service a command needs does not answer; the message is one line saying how to fix it."""


def _where(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname or '127.0.0.1'}:{parts.port or ''}".rstrip(":")


def _postgres_connect(url: str, *, dbname: str | None = None):
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password,
        dbname=dbname or parts.path.lstrip("/"),
        connect_timeout=5,
        autocommit=True,
    )


def database_ensure(url: str) -> bool:
    """Create the database named in `url` if the server answers and it does not exist.

    Returns True when it was created. Raises ServiceMissing when the server does not answer."""
    import psycopg
    from psycopg import sql

    name = urlsplit(url).path.lstrip("/")
    try:
        with _postgres_connect(url, dbname="postgres") as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if exists:
                return False
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return True
    except psycopg.OperationalError as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ServiceMissing(
            f"PostgreSQL does not answer at {_where(url)} ({first}); start it "
            "(e.g. `pg_ctlcluster 15 main start`) and run the command again"
        ) from error


def postgres_check(url: str) -> None:
    import psycopg

    try:
        with _postgres_connect(url, dbname="postgres"):
            pass
    except psycopg.OperationalError as error:
        raise ServiceMissing(
            f"PostgreSQL does not answer at {_where(url)}; start it "
            "(e.g. `pg_ctlcluster 15 main start`) and run the command again"
        ) from error


def redis_check(url: str) -> None:
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.exceptions.RedisError as error:
        raise ServiceMissing(
            f"Redis does not answer at {_where(url)}; start it "
            "(e.g. `redis-server --daemonize yes --port 6379`) and run the command again"
        ) from error


def check(urls: list[str]) -> list[str]:
    """The one-line problems of the services at `urls` (postgres://… or redis://…)."""
    problems = []
    for url in urls:
        try:
            if url.startswith("redis"):
                redis_check(url)
            elif url.startswith("postgres"):
                postgres_check(url)
        except ServiceMissing as missing:
            problems.append(str(missing))
    return problems


if __name__ == "__main__":
    found = check(sys.argv[1:])
    for line in found:
        print(line, file=sys.stderr)
    sys.exit(2 if found else 0)
