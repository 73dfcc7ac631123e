"""Worker throughput: builds finished per second with 50 builds queued at once, drained by
1 and by 2 worker processes (each `autowebiq_app.cli.worker_command(1, 2)`: one Dramatiq
process of two threads, as `autowebiq run` starts each worker), and the 2-vs-1 ratio.
Floor, measured in the same run: one offline build's CPU time in process (plan -> files ->
QA, `bench.build_time`'s in-process path) over the same prompts; N processes cannot beat
N / that time (on N free cores).

Run: `.venv/bin/python -m bench.worker_scaling [--builds 50] [--workers 1,2] [--qa-browser]`.

It uses its own database `autowebiq_bench` and Redis dbs 8/9 (created, emptied and dropped
here), starts the workers itself (from this checkout: they do not touch `.web`) and stops
them. The browser QA is off (QA_BROWSER=off); `--qa-browser` adds runs with it on (when
Chromium is at /usr/bin/chromium), over `--qa-builds` builds.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import time
import uuid
from pathlib import Path

from bench import harness

CHROMIUM = Path("/usr/bin/chromium")


def floor_cpu(prompts: list[str]) -> list[float]:
    """CPU seconds of each build in this process (catalog loaded and templates compiled first)."""
    from autowebiq_app.catalog.files import bundled_catalog
    from autowebiq_app.engine.pipeline import SilentReporter, build_site
    from autowebiq_app.engine.providers import OfflinePlanner

    catalog, planner, reporter = bundled_catalog(), OfflinePlanner(), SilentReporter()
    build_site(prompts[0], reporter=reporter, catalog=catalog, planner=planner)
    samples = []
    for prompt in prompts:
        started = time.process_time()
        build_site(prompt, reporter=reporter, catalog=catalog, planner=planner)
        samples.append(time.process_time() - started)
    return samples


class Queue:
    """Builds created (credits reserved, rows committed) with their Dramatiq messages held
    back, then sent all at once: the queue holds them all when the clock starts."""

    def __init__(self, user_id: str) -> None:
        self.user_id = user_id

    def prepare(self, prompts: list[str]) -> list[tuple[str, object]]:
        from autowebiq_app.core.db import session_scope
        from autowebiq_app.services import builds, projects
        from workers.builds import build_site

        held: list[tuple[str, object]] = []
        for index, prompt in enumerate(prompts):
            messages = []

            def hold(build_id: str, messages=messages) -> str:
                messages.append(build_site.message(build_id))
                return messages[-1].message_id

            with session_scope() as session:
                project = projects.create_project(session=session, user_id=self.user_id, name=f"Scaling {index}")
                build = builds.start_build(
                    session=session, user_id=self.user_id, project_id=project.id, prompt=prompt, enqueue=hold
                )
                held.append((build.id, messages[0]))
        return held

    @staticmethod
    def send(held: list[tuple[str, object]]) -> float:
        from workers.builds import broker

        began = time.time()
        for _build_id, message in held:
            broker.enqueue(message)
        return began

    @staticmethod
    def wait(build_ids: list[str], timeout: float) -> tuple[int, int, float | None]:
        """Until every build ended: (succeeded, failed, the last one's finished_at as epoch seconds)."""
        import psycopg

        deadline = time.monotonic() + timeout
        with psycopg.connect(harness.database_url(), autocommit=True) as conn:
            while True:
                ok, failed, last = conn.execute(
                    "SELECT count(*) FILTER (WHERE status = 'succeeded'), count(*) FILTER (WHERE status = 'failed'),"
                    " max(finished_at) FROM builds WHERE id = ANY(%s)",
                    (build_ids,),
                ).fetchone()
                if ok + failed == len(build_ids) or time.monotonic() > deadline:
                    return ok, failed, last.timestamp() if last else None
                time.sleep(0.1)


def start_workers(count: int, threads: int, env: dict[str, str], qa: str) -> list:
    from autowebiq_app.cli import worker_command
    from autowebiq_app.services import worker_heartbeats

    full_env = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    full_env.update(env, QA_BROWSER=qa)
    processes = [
        harness.start(
            worker_command(1, threads), env=full_env, cwd=harness.ROOT, log=Path(f"/tmp/bench-worker-{n}.log")
        )
        for n in range(count)
    ]
    deadline = time.monotonic() + 90
    while worker_heartbeats.live_workers() < count:
        if time.monotonic() > deadline or any(p.poll() is not None for p in processes):
            raise SystemExit("the workers did not start; see /tmp/bench-worker-*.log")
        time.sleep(0.2)
    return processes


def one_run(queue: Queue, prompts: list[str], workers: int, threads: int, env: dict, qa: str) -> dict:
    processes = start_workers(workers, threads, env, qa)
    try:
        warm = queue.prepare(prompts[: 2 * workers])  # each process seeds its catalog, compiles templates
        Queue.send(warm)
        Queue.wait([b for b, _ in warm], timeout=300)
        held = queue.prepare(prompts)
        roots = [p.pid for p in processes]
        ours_before = harness.process_cpu_seconds(roots)
        machine_before, pg_before = harness.machine_busy_seconds(), harness.cpu_of(harness.postgres_backends())
        me_before, wall_before = time.process_time(), time.perf_counter()
        began = Queue.send(held)
        ok, failed, last = Queue.wait([b for b, _ in held], timeout=900)
        wall = time.perf_counter() - wall_before
        worker_cpu = harness.process_cpu_seconds(roots) - ours_before
        pg_cpu = sum(c - pg_before.get(pid, 0.0) for pid, c in harness.cpu_of(harness.postgres_backends()).items())
        mine = worker_cpu + pg_cpu + (time.process_time() - me_before)
        other = harness.machine_busy_seconds() - machine_before - mine
    finally:
        for process in processes:
            harness.stop(process, grace=30)
        harness.flush_redis()  # heartbeats and leftovers of these workers; only our dbs
    elapsed = (last - began) if last else float("nan")
    return {
        "workers": workers,
        "qa": qa,
        "builds": len(held),
        "ok": ok,
        "failed": failed,
        "elapsed": elapsed,
        "rate": ok / elapsed if elapsed else 0.0,
        "worker_cores": worker_cpu / wall,
        "cpu_per_build": worker_cpu / max(1, ok + failed),
        "pg_cores": pg_cpu / wall,
        "other_cores": max(0.0, other / wall),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--builds", type=int, default=50, help="builds queued at once")
    parser.add_argument("--workers", default="1,2", help="worker processes, comma-separated")
    parser.add_argument("--threads", type=int, default=2, help="threads per worker process")
    parser.add_argument("--qa-browser", action="store_true", help="also measure with QA_BROWSER=on")
    parser.add_argument("--qa-builds", type=int, default=20, help="builds queued at once for the browser runs")
    args = parser.parse_args()
    counts = [int(x) for x in args.workers.split(",") if x.strip()]

    print(f"AutoWebIQ worker scaling; {os.cpu_count()} cores")
    print(f"  before: {harness.load_average()}")
    env = harness.service_env()
    with harness.own_services():
        harness.use_in_this_process({**env, "QA_BROWSER": "off"})
        from autowebiq_app.cli import migrate
        from autowebiq_app.core.db import session_scope
        from autowebiq_app.services import accounts
        from tests.engine.corpus import CORPUS

        logging.disable(logging.INFO)  # alembic's progress lines
        migrate()
        logging.disable(logging.NOTSET)
        corpus = [case.prompt for case in CORPUS]
        prompts = [corpus[i % len(corpus)] for i in range(args.builds)]
        cpu = floor_cpu(prompts)
        mean_cpu = statistics.mean(cpu)
        print(
            f"  floor: one offline build in process, CPU {mean_cpu * 1000:.0f} ms mean "
            f"(p50 {statistics.median(cpu) * 1000:.0f}, p99 {harness.percentile(cpu, 0.99) * 1000:.0f}) over"
            f" {len(cpu)} prompts -> at most {1 / mean_cpu:.1f} builds/s per busy core"
        )
        with session_scope() as session:
            user, _ = accounts.register(
                session=session, email=f"scaling-{uuid.uuid4().hex[:8]}@example.com", password=harness.PASSWORD
            )
            session.commit()
        queue = Queue(user.id)
        runs = []
        plan = [("off", n, prompts) for n in counts]
        if args.qa_browser:
            if CHROMIUM.exists():
                qa_prompts = prompts[: args.qa_builds]
                plan += [("on", n, qa_prompts) for n in counts]
            else:
                print(f"  --qa-browser: no Chromium at {CHROMIUM}; skipped")
        for qa, workers, batch in plan:
            run = one_run(queue, batch, workers, args.threads, env, qa)
            runs.append(run)
            print(
                f"  {workers} worker(s), QA_BROWSER={qa}: {run['ok']}/{run['builds']} built in {run['elapsed']:.1f} s",
                flush=True,
            )
    report(runs, mean_cpu)
    print(f"\nafter: {harness.load_average()}")


def report(runs: list[dict], mean_cpu: float) -> None:
    cores = os.cpu_count() or 1
    print(
        f"\n{'workers':>7}{'QA browser':>11}{'builds':>7}{'failed':>7}{'seconds':>9}{'builds/s':>10}"
        f"{'floor/s':>9}{'of floor':>9}{'CPU ms/build':>14}{'/floor':>8}   cores: workers    pg  other"
    )
    for run in runs:
        floor = min(run["workers"], cores) / mean_cpu
        print(
            f"{run['workers']:>7}{run['qa']:>11}{run['builds']:>7}{run['failed']:>7}{run['elapsed']:>9.1f}"
            f"{run['rate']:>10.2f}{floor:>9.1f}{run['rate'] / floor:>9.0%}"
            f"{run['cpu_per_build'] * 1000:>14.0f}{run['cpu_per_build'] / mean_cpu:>7.1f}x"
            f"   {run['worker_cores']:>13.2f}{run['pg_cores']:>6.2f}{run['other_cores']:>7.2f}"
        )
    for qa in ("off", "on"):
        by = {r["workers"]: r["rate"] for r in runs if r["qa"] == qa}
        if 1 in by and 2 in by and by[1]:
            ratio = by[2] / by[1]
            print(f"\n  QA browser {qa}: 2 workers / 1 worker = {ratio:.2f}x (the floor allows {min(2, cores)}x)")
    print(
        "\n  builds/s: builds finished / (the last one's finished_at - the moment all were sent); floor/s: worker"
        "\n  processes (at most the cores) / one build's CPU seconds in process (the browser's work not included)."
        "\n  CPU ms/build: the worker processes' CPU (Chromium's included when on) per build finished, /floor: over"
        "\n  the in-process build's CPU (what the queue, database and event stream add; unaffected by other load)."
        "\n  cores: CPU seconds per second of the worker processes, the PostgreSQL backends of our database, and"
        "\n  everything else on the machine (Redis, other work, the kernel) during the drain."
    )


if __name__ == "__main__":
    main()
