"""The API under load: `POST /api/v2/projects/{id}/build` and the main GETs at 1, 10 and 50
concurrent clients, each client its own account (signed up through the API), p50/p99
latency and requests/s; beside them the floor measured in the same run (one PostgreSQL
debit + ledger transaction and one Redis XADD + XREAD round trip), and the ratios.
Then, in process, where the time of one build POST goes (token lookup, rate limit,
reservation, the edit classifier, enqueue ...).

Run: `.venv/bin/python -m bench.api_load [--clients 1,10,50] [--seconds 3] [--url URL]`.

Without `--url` it starts the app as the README says (`autowebiq run --port P --workers 1`,
run from a copy of the checkout in /tmp/benchcopy so the shared `.web` is not rebuilt) on
its own database `autowebiq_bench` and Redis dbs 8 (cache, streams) and 9 (broker), with the
limits raised so that they never answer instead of the code under test, and the worker's
browser QA off (`--qa-browser` to change it). Everything it started is stopped, and its
database dropped, at the end. With `--url` it uses a running app as it is configured (its
limits may answer 429; they are counted), skips the in-process profile and the server's CPU
columns, and only adds (and removes) the floor's scratch tables in `autowebiq_bench`.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

from bench import harness
from bench.harness import percentile, summary

SITE_PROMPTS = None


def prompts() -> list[str]:
    global SITE_PROMPTS
    if SITE_PROMPTS is None:
        from tests.engine.corpus import CORPUS

        SITE_PROMPTS = [case.prompt for case in CORPUS]
    return SITE_PROMPTS


@dataclass
class Client:
    http: object  # httpx.AsyncClient
    token: str
    user_id: str
    project: str | None = None  # a project with a version (for /versions)
    fresh: list[str] = field(default_factory=list)  # projects with no build yet, for build POSTs

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass
class Result:
    endpoint: str
    clients: int
    latencies: list[float]
    elapsed: float
    errors: Counter
    cores: dict[str, float]

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0


async def gather_limited(coros, limit: int = 10):
    semaphore = asyncio.Semaphore(limit)

    async def run(coro):
        async with semaphore:
            return await coro

    return await asyncio.gather(*(run(c) for c in coros))


async def sign_up(base: str, index: int) -> Client:
    import httpx

    http = httpx.AsyncClient(base_url=base, timeout=60, limits=httpx.Limits(max_connections=4))
    email = f"load-{index}-{uuid.uuid4().hex[:8]}@example.com"
    reply = await http.post("/api/auth/register", json={"email": email, "password": harness.PASSWORD})
    if reply.status_code == 429:
        raise SystemExit(
            "sign-up refused with 429: the app's SIGNUPS_PER_IP_PER_HOUR (or the request rate) limit answered;"
            " raise it for the run, or use fewer --clients"
        )
    if reply.status_code != 200:
        raise SystemExit(f"sign-up failed: {reply.status_code} {reply.text[:200]}")
    body = reply.json()
    return Client(http=http, token=body["access_token"], user_id=body["user"]["id"])


async def new_project(client: Client, name: str) -> str:
    reply = await client.http.post("/api/v2/projects", json={"name": name}, headers=client.headers)
    reply.raise_for_status()
    return reply.json()["id"]


async def build_versions_projects(clients: list[Client], timeout: float = 240) -> float:
    """Every client's project with one version (built by the worker), for `GET …/versions`."""
    started = time.perf_counter()

    async def start(client: Client, index: int) -> None:
        client.project = await new_project(client, "With a version")
        prompt = prompts()[index % len(prompts())]
        reply = await client.http.post(
            f"/api/v2/projects/{client.project}/build", json={"prompt": prompt}, headers=client.headers
        )
        if reply.status_code != 200:
            raise SystemExit(f"setup build refused: {reply.status_code} {reply.text[:200]}")

    await gather_limited([start(c, i) for i, c in enumerate(clients)])
    pending = list(clients)
    deadline = time.perf_counter() + timeout
    while pending and time.perf_counter() < deadline:
        await asyncio.sleep(0.5)
        counts = await asyncio.gather(
            *(c.http.get(f"/api/v2/projects/{c.project}/versions", headers=c.headers) for c in pending)
        )
        pending = [c for c, r in zip(pending, counts) if r.status_code != 200 or r.json()["total"] < 1]
    if pending:
        print(f"  note: {len(pending)} setup builds not done in {timeout:.0f} s; their /versions lists are empty")
    return time.perf_counter() - started


# --- load ------------------------------------------------------------------------------


class CpuWatch:
    """Cores used during a phase (CPU seconds per second): the web process, the worker(s),
    the PostgreSQL backends serving our database, this load generator, and everything else
    on the machine (other work, Redis, the kernel)."""

    def __init__(self, app: harness.App | None) -> None:
        self.local = app is not None
        self.groups: dict[str, list[int]] = {}
        if app is not None and app.process is not None:
            for pid in _descendants(app.process.pid):
                command = _cmdline(pid)
                if "dramatiq" in command:
                    self.groups.setdefault("worker", []).append(pid)
                elif "reflex" in command:
                    self.groups.setdefault("web", []).append(pid)

    def snapshot(self) -> dict:
        taken: dict = {name: harness.process_cpu_seconds(pids[:1]) for name, pids in self.groups.items()}
        taken["pg"] = harness.cpu_of(harness.postgres_backends()) if self.local else {}
        taken["sessions"] = harness.postgres_sessions() if self.local else 0
        taken["client"] = time.process_time()
        taken["machine"] = harness.machine_busy_seconds()
        taken["wall"] = time.perf_counter()
        return taken

    @staticmethod
    def cores(before: dict, after: dict) -> dict[str, float]:
        wall = after["wall"] - before["wall"]
        out = {k: (after[k] - before[k]) / wall for k in before if k not in ("wall", "pg", "sessions")}
        out["pg"] = sum(cpu - before["pg"].get(pid, 0.0) for pid, cpu in after["pg"].items()) / wall
        out["other"] = max(0.0, out.pop("machine") - sum(out.values()))
        out["new_connections"] = after["sessions"] - before["sessions"]
        return out


def _descendants(pid: int) -> list[int]:
    tree, out, todo = harness._children(), [], [pid]
    while todo:
        current = todo.pop(0)
        out.append(current)
        todo.extend(tree.get(current, []))
    return out


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


async def timed_phase(label: str, clients: list[Client], request, seconds: float, cpu: CpuWatch) -> Result:
    """Every client sends `request` back to back for `seconds` (after two untimed ones)."""
    for _ in range(2):
        await asyncio.gather(*(request(c) for c in clients))
    latencies: list[float] = []
    errors: Counter = Counter()
    before = cpu.snapshot()
    began = time.perf_counter()
    stop_at = began + seconds

    async def loop(client: Client) -> None:
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            reply = await request(client)
            if reply.status_code == 200:
                latencies.append((time.perf_counter() - started) * 1000)
            else:
                errors[reply.status_code] += 1

    await asyncio.gather(*(loop(c) for c in clients))
    elapsed = time.perf_counter() - began
    return Result(label, len(clients), latencies, elapsed, errors, CpuWatch.cores(before, cpu.snapshot()))


async def build_phase(
    clients: list[Client], per_client: int, cpu: CpuWatch, *, cancel_each: bool = False
) -> tuple[Result, list[tuple]]:
    """Each client POSTs `per_client` builds, back to back, each on a project of its own
    (with `cancel_each`, cancelling each one before the next POST, untimed: the worker stays idle)."""
    latencies: list[float] = []
    errors: Counter = Counter()
    started_builds: list[tuple] = []
    corpus = prompts()
    before = cpu.snapshot()
    began = time.perf_counter()

    async def loop(index: int, client: Client) -> None:
        for n in range(per_client):
            project = client.fresh.pop()
            prompt = corpus[(index * per_client + n) % len(corpus)]
            started = time.perf_counter()
            reply = await client.http.post(
                f"/api/v2/projects/{project}/build", json={"prompt": prompt}, headers=client.headers
            )
            if reply.status_code == 200:
                latencies.append((time.perf_counter() - started) * 1000)
                started_builds.append((client, project, reply.json()["task_id"]))
                if cancel_each:
                    await cancel_all(started_builds[-1:])
            else:
                errors[reply.status_code] += 1

    await asyncio.gather(*(loop(i, c) for i, c in enumerate(clients)))
    elapsed = time.perf_counter() - began
    cores = CpuWatch.cores(before, cpu.snapshot())
    label = "POST …/build, each then cancelled" if cancel_each else "POST /api/v2/projects/{id}/build"
    return Result(label, len(clients), latencies, elapsed, errors, cores), started_builds


async def cancel_all(started_builds: list[tuple]) -> Counter:
    """Stop (and refund) what is still queued, so the next phase starts with an idle worker."""
    outcomes: Counter = Counter()

    async def cancel(client: Client, project: str, task_id: str) -> None:
        reply = await client.http.post(f"/api/v2/projects/{project}/build/{task_id}/cancel", headers=client.headers)
        outcomes["cancelled" if reply.status_code == 200 else "already finished"] += 1

    await gather_limited([cancel(*b) for b in started_builds], limit=10)
    return outcomes


def wait_for_idle_queue(local: bool, timeout: float = 60) -> None:
    """Until the broker holds no build message (cancelled builds are skipped at once)."""
    if not local:
        time.sleep(2)
        return
    import redis

    broker = redis.Redis.from_url(harness.broker_url())
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        waiting = sum(broker.llen(f"autowebiq:{q}") for q in ("builds", "images"))
        if waiting == 0:
            time.sleep(0.3)
            return
        time.sleep(0.2)


# --- report ----------------------------------------------------------------------------


def print_results(results: list[Result], floor: harness.Floor, floors_at: dict[int, tuple]) -> None:
    print(
        f"\n{'request':<36}{'clients':>7}{'n':>7}{'p50 ms':>9}{'p99 ms':>9}{'req/s':>8}"
        f"{'p50/floor':>10}{'p99/floor':>10}{'req/s/floor':>12}"
        "  cores: web worker  pg client other  new PG conns  errors"
    )
    for r in results:
        if not r.latencies:
            print(f"{r.endpoint:<36}{r.clients:>7}{0:>7}   (no successful request) errors {dict(r.errors)}")
            continue
        p50, p99 = summary(r.latencies)
        floor_ops = floors_at[r.clients][0]
        cores = r.cores
        if "web" in cores:
            server = f"{cores['web']:>10.2f}{cores.get('worker', 0):>7.2f}{cores['pg']:>5.2f}"
        else:  # --url: the server's processes are not ours to watch
            server = f"{'-':>10}{'-':>7}{'-':>5}"
        conns = f"{max(0, cores['new_connections']):>14.0f}" if "web" in cores else f"{'-':>14}"
        errors = ", ".join(f"{k}: {v}" for k, v in sorted(r.errors.items())) or "-"
        print(
            f"{r.endpoint:<36}{r.clients:>7}{len(r.latencies):>7}{p50:>9.1f}{p99:>9.1f}{r.rps:>8.0f}"
            f"{p50 / floor.p50:>9.1f}x{p99 / floor.p99:>9.1f}x{r.rps / floor_ops:>12.3f}"
            f"  {server}{cores['client']:>7.2f}{cores['other']:>6.2f}{conns}  {errors}"
        )
    print(
        "\n  p50/floor and p99/floor: the request's latency over the floor's (the transaction + the Redis round trip,"
        "\n  one client); req/s / floor: the requests per second over the floor's operations per second at the same"
        "\n  concurrency (capped at 10 connections). cores: CPU seconds per second used by the web process, the worker"
        "\n  (building the accepted builds in the background during the POST phases), the PostgreSQL backends of our"
        "\n  database, this load generator, and everything else on the machine (Redis, other work, the kernel)."
        "\n  pg counts only backends alive at the phase's end; new PG conns: connections the app opened during the"
        "\n  phase (its pool keeps 10; beyond that each checkout connects and disconnects; their CPU is lost to pg)."
        "\n  GET /api/v2/models does no database work in its handler: it is the stack's own cost (server, Reflex/ASGI,"
        "\n  token lookup, rate limit, thread pool, JSON)."
    )


def print_floor(floor: harness.Floor, floors_at: dict[int, tuple]) -> None:
    print("\nfloor, measured in this run (one client, one after another):")
    print(
        f"  PostgreSQL: UPDATE … RETURNING + INSERT ledger row, one transaction   p50 {floor.pg_ms[0]:6.2f} ms"
        f"   p99 {floor.pg_ms[1]:6.2f} ms"
    )
    print(
        f"  Redis: XADD + XREAD                                                 p50 {floor.redis_ms[0]:6.2f} ms"
        f"   p99 {floor.redis_ms[1]:6.2f} ms"
    )
    both = f"p50 {floor.p50:6.2f} ms   p99 {floor.p99:6.2f} ms"
    print(f"  floor = both{'':<56}{both}")
    for concurrency, (ops, p50, p99) in sorted(floors_at.items()):
        threads = min(concurrency, 10)
        print(
            f"  floor at {concurrency:>2} clients ({threads:>2} threads, own connections): {ops:7.0f} ops/s"
            f"   p50 {p50:6.2f} ms   p99 {p99:6.2f} ms"
        )


# --- main -------------------------------------------------------------------------------


async def run_load(args, app: harness.App | None) -> tuple[list[Result], list[Client]]:
    base = args.url or app.url
    levels = sorted(args.levels)
    top = max(levels)
    cpu = CpuWatch(app)
    started = time.perf_counter()
    clients = await gather_limited([sign_up(base, i) for i in range(top)], limit=10)
    took = time.perf_counter() - started
    print(f"  signed up {len(clients)} accounts through POST /api/auth/register in {took:.1f} s")
    setup = await build_versions_projects(clients)
    print(f"  built one project per account (for GET …/versions) in {setup:.1f} s")
    builds_per_client = {c: max(args.min_builds_per_client, math.ceil(args.builds / c)) for c in levels}
    needed = {id(c): builds_per_client[levels[0]] for c in clients[: levels[0]]}  # the worker-idle phase
    for level in levels:
        for client in clients[:level]:
            needed[id(client)] = needed.get(id(client), 0) + builds_per_client[level]
    started = time.perf_counter()

    async def fresh(client: Client, count: int) -> None:
        client.fresh = [await new_project(client, f"Load {n}") for n in range(count)]

    await gather_limited([fresh(c, needed.get(id(c), 0)) for c in clients], limit=10)
    took = time.perf_counter() - started
    print(f"  created {sum(needed.values())} empty projects for the build POSTs in {took:.1f} s")

    gets = [
        ("GET /api/v2/models", lambda c: c.http.get("/api/v2/models", headers=c.headers)),
        ("GET /api/v2/projects", lambda c: c.http.get("/api/v2/projects", headers=c.headers)),
        ("GET /api/v2/user/credits", lambda c: c.http.get("/api/v2/user/credits", headers=c.headers)),
        (
            "GET /api/v2/projects/{id}/versions",
            lambda c: c.http.get(f"/api/v2/projects/{c.project}/versions", headers=c.headers),
        ),
    ]
    results: list[Result] = []
    for level in levels:
        for label, request in gets:
            results.append(await timed_phase(label, clients[:level], request, args.seconds, cpu))
            print(f"  {label} at {level}: {results[-1].rps:.0f} req/s", flush=True)
    # At the lowest level, the same POSTs with the worker idle (each build cancelled before the
    # next POST): the request alone, without the worker's builds competing for the 2 cores.
    idle, _ = await build_phase(clients[: levels[0]], builds_per_client[levels[0]], cpu, cancel_each=True)
    wait_for_idle_queue(app is not None)
    print(f"  build POSTs at {levels[0]}, each then cancelled: {idle.rps:.0f} req/s (cancels untimed)", flush=True)
    for level in levels:
        result, started_builds = await build_phase(clients[:level], builds_per_client[level], cpu)
        results.append(result)
        if level == levels[0]:
            results.append(idle)
        outcome = await cancel_all(started_builds)
        wait_for_idle_queue(app is not None)
        print(
            f"  build POSTs at {level}: {result.rps:.0f} req/s; then cancelled the rest: {dict(outcome)}", flush=True
        )
    return results, clients


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="a running app (else one is started)")
    parser.add_argument("--clients", default="1,10,50", help="concurrency levels, comma-separated")
    parser.add_argument("--seconds", type=float, default=3.0, help="length of each GET phase")
    parser.add_argument("--builds", type=int, default=60, help="build POSTs per level (at least 4 per client)")
    parser.add_argument("--min-builds-per-client", type=int, default=4)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--qa-browser", choices=("off", "auto", "on"), default="off", help="the worker's browser QA")
    parser.add_argument("--profile-builds", type=int, default=80, help="build POSTs timed in process (0: skip)")
    parser.add_argument("--keep", action="store_true", help="keep the database and Redis dbs afterwards")
    args = parser.parse_args()
    args.levels = [int(x) for x in args.clients.split(",") if x.strip()]

    print(f"AutoWebIQ API under load; {os.cpu_count()} cores; Python {sys.version.split()[0]}")
    print(f"  before: {harness.load_average()}")
    if args.url:
        print(f"  app: {args.url} (as it runs: its own limits apply, and answer as errors below if they do)")
        with harness.scratch_only():
            asyncio.run(_run(args, None))
        return
    env = harness.service_env(QA_BROWSER=args.qa_browser)
    with harness.own_services(keep=args.keep):
        port = args.port or harness.free_port()
        print(f"  starting `autowebiq run --port {port} --workers 1` in {harness.COPY_DIR} ...", flush=True)
        app = harness.start_app(env, port=port, workers=1)
        try:
            where = f"database {harness.DATABASE}, Redis {harness.REDIS_BASE} (+ broker db)"
            print(f"  up in {app.started_seconds:.0f} s: {where}")
            print(
                "  limits raised for the run (so they never answer instead of the code): "
                + ", ".join(f"{k}={v}" for k, v in harness.UNLIMITED.items() if k != "STARTING_CREDITS")
                + f"; STARTING_CREDITS={harness.UNLIMITED['STARTING_CREDITS']}; QA_BROWSER={args.qa_browser}"
            )
            asyncio.run(_run(args, app))
        finally:
            harness.stop(app.process)


async def _run(args, app: harness.App | None) -> None:
    results, clients = await run_load(args, app)
    # The floor after the load, on the same (now quiet) machine.
    floor = harness.measure_floor()
    floors_at = {level: harness.floor_throughput(min(level, 10)) for level in sorted(set(args.levels))}
    print_floor(floor, floors_at)
    print_results(results, floor, floors_at)
    ones = {r.endpoint: statistics_median(r.latencies) for r in results if r.clients == min(args.levels)}
    if app is not None and args.profile_builds:
        from bench.build_profile import profile_build_post, time_gets

        time_gets(app.env, token=clients[0].token, project=clients[0].project, http_p50=ones)
        profile_build_post(
            app.env,
            token=clients[0].token,
            versioned_project=clients[0].project,
            rounds=args.profile_builds,
            http_p50=ones.get("POST …/build, each then cancelled") or ones.get("POST /api/v2/projects/{id}/build"),
        )
    for client in clients:
        await client.http.aclose()
    print(f"\nafter: {harness.load_average()}")


def statistics_median(samples: list[float]) -> float | None:
    return percentile(samples, 0.5) if samples else None


if __name__ == "__main__":
    main()
