"""What the load, event-latency and worker-scaling benchmarks share: their own services
(a PostgreSQL database and two Redis dbs, created and emptied here), the app started as
`autowebiq run` starts it (in a copy of the checkout, so the shared `.web` is not rebuilt),
the floors (one ledger-like transaction, one Redis stream round trip) and percentiles.

Every process started here gets its own session and is stopped by its process group; no
other database or Redis db is touched.
"""

from __future__ import annotations

import atexit
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.catalog_lookup import percentile

ROOT = Path(__file__).resolve().parent.parent
ADMIN_URL = os.environ.get("BENCH_ADMIN_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
DATABASE = os.environ.get("BENCH_DATABASE", "autowebiq_bench")
REDIS_BASE = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")
COPY_DIR = Path(os.environ.get("BENCH_COPY_DIR", "/tmp/benchcopy"))
# The load goes to the code under test, not to the limits: raised for the run, and printed.
UNLIMITED = {
    "STARTING_CREDITS": "100000000",
    "MAX_BUILDS_IN_FLIGHT": "1000000",
    "API_REQUESTS_PER_MINUTE": "100000000",
    "SIGNUPS_PER_IP_PER_HOUR": "1000000",
    "SIGN_INS_PER_IP_PER_MINUTE": "1000000",
    "MAX_SOCKETS_PER_USER": "10000",
}
PASSWORD = "bench password 42"


def database_url(name: str = DATABASE) -> str:
    return ADMIN_URL.rsplit("/", 1)[0] + "/" + name


def broker_url(redis_url: str = REDIS_BASE) -> str:
    base, db = redis_url.rsplit("/", 1)
    return f"{base}/{(int(db or 0) + 1) % 16}"


def summary(samples: list[float]) -> tuple[float, float]:
    """(p50, p99) of the samples."""
    return statistics.median(samples), percentile(samples, 0.99)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- our own services ---------------------------------------------------------------


def create_database() -> None:
    """A fresh, empty `autowebiq_bench` (dropped first if an earlier run left it)."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=5) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DATABASE)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))


def drop_database() -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=5) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DATABASE)))


def flush_redis() -> None:
    """Empty our two Redis dbs (cache/streams and the broker's), and only those."""
    import redis

    for url in (REDIS_BASE, broker_url()):
        redis.Redis.from_url(url).flushdb()


def service_env(**extra: str) -> dict[str, str]:
    """The environment that points the app, the workers and this process at our services.
    AUTOWEBIQ_EMBEDDED=1 keeps the catalog in-process (mongomock) whatever runs on 27017."""
    return {
        "DATABASE_URL": database_url(),
        "REDIS_URL": REDIS_BASE,
        "BROKER_URL": broker_url(),
        "AUTOWEBIQ_EMBEDDED": "1",
        "SECRET_KEY": "bench-" + secrets.token_urlsafe(40),
        "AUTOWEBIQ_ENV": "development",
        **UNLIMITED,
        **extra,
    }


@contextmanager
def own_services(*, keep: bool = False):
    """Create our database and empty our Redis dbs; drop/empty them again afterwards."""
    create_database()
    flush_redis()
    try:
        yield
    finally:
        if not keep:
            try:
                flush_redis()
                drop_database()
            except Exception as exc:  # report, never mask the benchmark's own error
                print(f"cleanup: {exc}", file=sys.stderr)


@contextmanager
def scratch_only():
    """For `--url` runs (the app may use our database and Redis dbs): the database is created
    only if missing (and then dropped afterwards), nothing is flushed, and the floor's own
    tables and stream keys are removed at the end."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=5) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))
    try:
        yield
    finally:
        if exists:
            with psycopg.connect(database_url(), autocommit=True, connect_timeout=5) as conn:
                conn.execute("DROP TABLE IF EXISTS bench_floor_ledger, bench_floor_accounts")
        else:
            drop_database()


def use_in_this_process(env: dict[str, str]) -> None:
    """Point this process's app modules (imported afterwards) at the same services."""
    os.environ.update(env)
    from autowebiq_app.core.config import get_settings

    get_settings.cache_clear()


# --- processes ----------------------------------------------------------------------

_started: list[subprocess.Popen] = []


def start(command: list[str], *, env: dict[str, str], cwd: Path, log: Path | None = None) -> subprocess.Popen:
    """A subprocess in its own session (so its whole group can be stopped), remembered for cleanup."""
    out = open(log, "ab") if log else subprocess.DEVNULL
    try:
        process = subprocess.Popen(
            command, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    finally:
        if log:
            out.close()  # the child has its own copy
    _started.append(process)
    return process


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def _group_of(pid: int) -> int | None:
    try:
        return os.getpgid(pid)
    except ProcessLookupError:
        return None


def descendant_groups(pid: int) -> set[int]:
    """Process groups of `pid` and everything below it (the app puts each child in its own)."""
    tree, groups, todo = _children(), set(), [pid]
    while todo:
        current = todo.pop()
        group = _group_of(current)
        if group is not None and group != os.getpgid(0):
            groups.add(group)
        todo.extend(tree.get(current, []))
    return groups


def stop(process: subprocess.Popen, *, grace: float = 20.0) -> None:
    """SIGTERM the process's group (and every group it started), then SIGKILL what is left."""
    if process.poll() is None:
        groups = descendant_groups(process.pid) | {process.pid}
        _signal_groups(groups, signal.SIGTERM)
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            pass
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline and any(_group_alive(g) for g in groups):
            time.sleep(0.2)
        _signal_groups({g for g in groups if _group_alive(g)}, signal.SIGKILL)
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            pass
    if process in _started:
        _started.remove(process)


def _signal_groups(groups: set[int], sig: int) -> None:
    for group in groups:
        try:
            os.killpg(group, sig)
        except (ProcessLookupError, PermissionError):
            pass


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
        return True
    except (ProcessLookupError, PermissionError):
        return False


def stop_all() -> None:
    for process in list(_started):
        stop(process, grace=10)


atexit.register(stop_all)


def _terminate(signum, _frame):
    stop_all()
    raise SystemExit(128 + signum)


signal.signal(signal.SIGTERM, _terminate)


# --- the app, as `autowebiq run` starts it -------------------------------------------


def sync_copy(copy_dir: Path = COPY_DIR) -> None:
    """The checkout copied to `copy_dir` (its `.web` only the first time), so Reflex builds
    its frontend there and never in the shared checkout."""
    copy_dir.mkdir(parents=True, exist_ok=True)
    excludes = [".venv", ".git", ".run", ".web", ".states", ".hypothesis", ".pytest_cache", ".schemathesis"]
    excludes.append(".ruff_cache")
    command = ["rsync", "-a", "--delete", *(f"--exclude={name}" for name in excludes)]
    subprocess.run([*command, f"{ROOT}/", f"{copy_dir}/"], check=True)
    if not (copy_dir / ".web").exists() and (ROOT / ".web").exists():
        subprocess.run(["rsync", "-a", f"{ROOT}/.web/", f"{copy_dir}/.web/"], check=True)


@dataclass
class App:
    url: str
    process: subprocess.Popen | None = None
    env: dict[str, str] = field(default_factory=dict)
    log: Path | None = None
    started_seconds: float = 0.0


def start_app(env: dict[str, str], *, port: int, workers: int = 1, copy_dir: Path = COPY_DIR, timeout=600) -> App:
    """`autowebiq run --port P --workers N` (the README's command), run from the copy with
    this virtualenv's Python; waits until /api/health answers with a live worker."""
    sync_copy(copy_dir)
    log = copy_dir / "bench-app.log"
    log.write_bytes(b"")
    full_env = {
        **os.environ,
        **env,
        "PYTHONPATH": str(copy_dir),
        "REFLEX_USE_SYSTEM_BUN": "1",
        "PUBLIC_URL": f"http://localhost:{port}",
        "PROMETHEUS_MULTIPROC_DIR": str(copy_dir / ".run" / "metrics"),
    }
    command = [sys.executable, "-m", "autowebiq_app.cli", "run", "--port", str(port), "--workers", str(workers)]
    started = time.monotonic()
    process = start(command, env=full_env, cwd=copy_dir, log=log)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the app exited with {process.returncode}; see {log}")
        if _healthy(url, workers):
            return App(url=url, process=process, env=full_env, log=log, started_seconds=time.monotonic() - started)
        time.sleep(0.5)
    stop(process)
    raise SystemExit(f"the app did not come up in {timeout} s; see {log}")


def _healthy(url: str, workers: int) -> bool:
    import json

    try:
        with urllib.request.urlopen(f"{url}/api/health", timeout=2) as reply:
            report = json.load(reply)
    except (OSError, ValueError):
        return False
    return report.get("services", {}).get("dramatiq_workers", 0) >= workers


# --- floors ---------------------------------------------------------------------------

FLOOR_SETUP = """
CREATE TABLE IF NOT EXISTS bench_floor_accounts (id int PRIMARY KEY, balance bigint NOT NULL);
CREATE TABLE IF NOT EXISTS bench_floor_ledger (
    id bigserial PRIMARY KEY, account int NOT NULL, amount int NOT NULL, balance_after bigint NOT NULL,
    key text UNIQUE NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
"""


def _floor_tables(accounts: int) -> None:
    import psycopg

    with psycopg.connect(database_url(), autocommit=True) as conn:
        conn.execute(FLOOR_SETUP)
        conn.execute(
            "INSERT INTO bench_floor_accounts SELECT g, 1000000000 FROM generate_series(1, %s) g"
            " ON CONFLICT DO NOTHING",
            (accounts,),
        )


def pg_debit(conn, account: int) -> None:
    """One debit and its ledger row in one transaction (what a build's reservation does)."""
    with conn.transaction():
        balance = conn.execute(
            "UPDATE bench_floor_accounts SET balance = balance - 10 WHERE id = %s RETURNING balance", (account,)
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO bench_floor_ledger (account, amount, balance_after, key) VALUES (%s, -10, %s, %s)",
            (account, balance, secrets.token_hex(12)),
        )


def redis_round_trip(client, key: str, last: list[str]) -> None:
    """One XADD and the XREAD that gets it back (what an event write and a reader's read cost)."""
    event_id = client.xadd(key, {"type": "agent_message", "ts": f"{time.time():.6f}"}, maxlen=1000, approximate=True)
    reply = client.xread({key: last[0]}, count=10)
    assert reply, "XREAD returned nothing"
    last[0] = event_id


@dataclass
class Floor:
    pg_ms: tuple[float, float]
    redis_ms: tuple[float, float]
    pg_samples: list[float]
    redis_samples: list[float]

    @property
    def p50(self) -> float:
        return self.pg_ms[0] + self.redis_ms[0]

    @property
    def p99(self) -> float:
        return self.pg_ms[1] + self.redis_ms[1]


def measure_floor(rounds: int = 400) -> Floor:
    """One client, one after another: the transaction alone, then the Redis round trip alone."""
    import psycopg
    import redis

    _floor_tables(64)
    client = redis.Redis.from_url(REDIS_BASE, decode_responses=True)
    client.delete("bench:floor")
    pg, rd, last = [], [], ["0"]
    with psycopg.connect(database_url()) as conn:
        for index in range(rounds + 20):
            started = time.perf_counter()
            pg_debit(conn, 1 + index % 64)
            pg_ms = (time.perf_counter() - started) * 1000
            started = time.perf_counter()
            redis_round_trip(client, "bench:floor", last)
            rd_ms = (time.perf_counter() - started) * 1000
            if index >= 20:
                pg.append(pg_ms)
                rd.append(rd_ms)
    client.delete("bench:floor")
    return Floor(summary(pg), summary(rd), pg, rd)


def floor_throughput(concurrency: int, seconds: float = 2.0) -> tuple[float, float, float]:
    """(ops/s, p50 ms, p99 ms) of `concurrency` threads, each with its own connections,
    doing the transaction + the Redis round trip back to back."""
    import psycopg
    import redis

    _floor_tables(max(64, concurrency))
    stop_at = [0.0]
    results: list[list[float]] = [[] for _ in range(concurrency)]
    barrier = threading.Barrier(concurrency + 1)

    def run(index: int) -> None:
        client = redis.Redis.from_url(REDIS_BASE, decode_responses=True)
        key, last = f"bench:floor:{index}", ["0"]
        with psycopg.connect(database_url()) as conn:
            barrier.wait()
            while time.perf_counter() < stop_at[0]:
                started = time.perf_counter()
                pg_debit(conn, 1 + index)
                redis_round_trip(client, key, last)
                results[index].append((time.perf_counter() - started) * 1000)
        client.delete(key)
        client.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    stop_at[0] = time.perf_counter() + 1e9
    barrier.wait()
    began = time.perf_counter()
    stop_at[0] = began + seconds
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    samples = [s for per in results for s in per]
    p50, p99 = summary(samples)
    return len(samples) / elapsed, p50, p99


def xread_block_floor(rounds: int = 300) -> list[float]:
    """XADD -> a reader blocked in XREAD BLOCK: ms from the writer's time.time() (stored in
    the entry, as a build event's `ts`) to the reader having the entry, two connections."""
    import redis

    writer = redis.Redis.from_url(REDIS_BASE, decode_responses=True)
    reader = redis.Redis.from_url(REDIS_BASE, decode_responses=True)
    key = "bench:floor:block"
    writer.delete(key)
    samples: list[float] = []
    ready = threading.Event()
    done = threading.Event()

    def read() -> None:
        after = "$"
        while not done.is_set():
            ready.set()
            reply = reader.xread({key: after}, block=1000, count=100)
            arrived = time.time()
            for _key, entries in reply or []:
                for entry_id, fields in entries:
                    samples.append((arrived - float(fields["ts"])) * 1000)
                    after = entry_id

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    ready.wait()
    time.sleep(0.05)
    for _ in range(rounds):
        writer.xadd(key, {"type": "agent_message", "ts": f"{time.time():.6f}"}, maxlen=1000, approximate=True)
        time.sleep(0.003)  # the reader is back in XREAD BLOCK before the next one
    time.sleep(0.1)
    done.set()
    thread.join(3)
    writer.delete(key)
    return samples


def process_cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds of these processes and their live descendants, with what their
    finished (reaped) children used (from /proc)."""
    tree, total, todo, seen = _children(), 0.0, list(pids), set()
    ticks = os.sysconf("SC_CLK_TCK")
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            with open(f"/proc/{pid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            total += sum(int(x) for x in fields[11:15]) / ticks
        except OSError:
            pass
        todo.extend(tree.get(pid, []))
    return total


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine has been busy (all cores, everything running), from /proc/stat."""
    with open("/proc/stat") as handle:
        fields = [int(x) for x in handle.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} / {fifteen:.1f} (1/5/15 min) on {os.cpu_count()} cores"


def postgres_backends(database: str = DATABASE) -> list[int]:
    """Server pids of the connections to our database (their CPU is the database's work for us)."""
    import psycopg

    try:
        with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3) as conn:
            rows = conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", (database,)).fetchall()
    except psycopg.Error:
        return []
    return [row[0] for row in rows]


def cpu_of(pids: list[int]) -> dict[int, float]:
    ticks = os.sysconf("SC_CLK_TCK")
    out = {}
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            out[pid] = (int(fields[11]) + int(fields[12])) / ticks
        except OSError:
            pass
    return out


def postgres_sessions(database: str = DATABASE) -> int:
    """Connections ever opened to our database (pg_stat_database.sessions, PostgreSQL 14+)."""
    import psycopg

    try:
        with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3) as conn:
            row = conn.execute("SELECT sessions FROM pg_stat_database WHERE datname = %s", (database,)).fetchone()
    except psycopg.Error:
        return 0
    return int(row[0] or 0) if row else 0
