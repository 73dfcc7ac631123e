"""Offline build time over the prompt corpus and the app corpus (with and without the QA
agent's browser pass): plan -> files in process, and enqueue ->
`build_complete` through a real Dramatiq worker. Prints median and p99 (goal: a median
under 1 s for a one-page site on a 2-core machine).

Run: `.venv/bin/python -m bench.build_time [--rounds 3] [--worker-builds 30] [--no-worker]`.
The worker part uses DATABASE_URL/REDIS_URL when set, else the same local-or-embedded
services as `autowebiq run`, with a throwaway account.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import time
import uuid

from bench.catalog_lookup import percentile


def report(label: str, samples: list[float]) -> None:
    print(
        f"{label:<44}{len(samples):>6}{statistics.median(samples):>11.1f}{percentile(samples, 0.99):>10.1f}"
        f"{max(samples):>10.1f}"
    )


def in_process(
    prompts: list[str], rounds: int, *, label: str = "plan -> files -> QA, in process (ms)", browser=None
) -> None:
    from autowebiq_app.catalog.files import bundled_catalog
    from autowebiq_app.engine.pipeline import SilentReporter, build_site
    from autowebiq_app.engine.providers import OfflinePlanner

    catalog = bundled_catalog()
    planner, reporter = OfflinePlanner(), SilentReporter()
    build_site(prompts[0], reporter=reporter, catalog=catalog, planner=planner)  # templates compiled once
    samples, sizes = [], []
    for _ in range(rounds):
        for prompt in prompts:
            started = time.perf_counter()
            out = build_site(prompt, reporter=reporter, catalog=catalog, planner=planner, browser=browser)
            samples.append((time.perf_counter() - started) * 1000)
            sizes.append(len(out.files))
    report(label, samples)
    print(f"  {len(prompts)} prompts x {rounds} rounds; sites of {min(sizes)}-{max(sizes)} files each")


def through_worker(prompts: list[str], count: int) -> None:
    from autowebiq_app import embedded

    services = embedded.resolve()
    os.environ.update(services.env)
    worker = None
    try:
        from autowebiq_app import events
        from autowebiq_app.cli import migrate, worker_command
        from autowebiq_app.core.db import session_scope
        from autowebiq_app.services import accounts, builds, credits, projects
        from workers.builds import enqueue_build

        migrate()
        worker = subprocess.Popen(worker_command(1, 2), env={**os.environ}, start_new_session=True)
        with session_scope() as session:
            user, _ = accounts.register(
                session=session, email=f"bench-{uuid.uuid4().hex[:8]}@example.com", password="bench password 42"
            )
            credits.grant(
                session=session,
                user_id=user.id,
                amount=count * 10,
                idempotency_key=f"bench:{user.id}",
                description="benchmark",
            )
            session.commit()
        samples = []
        for index in range(count + 1):
            prompt = prompts[index % len(prompts)]
            with session_scope() as session:
                project = projects.create_project(session=session, user_id=user.id, name=f"Benchmark {index}")
                started = time.perf_counter()
                build = builds.start_build(
                    session=session, user_id=user.id, project_id=project.id, prompt=prompt, enqueue=enqueue_build
                )
                build_id = build.id
            finished = _wait_for_end(events, build_id)
            if finished.type != events.BUILD_COMPLETE:
                raise SystemExit(f"build failed: {finished.message}")
            if index:  # the first one waits for the worker to start
                samples.append((time.perf_counter() - started) * 1000)
        report("enqueue -> build_complete, real worker (ms)", samples)
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)
        services.close()


def _wait_for_end(events, build_id: str):
    after = "0"
    while True:
        for event in events.read(build_id, after=after, block_ms=5000):
            after = event.id
            if event.terminal:
                return event


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the corpus in process")
    parser.add_argument("--worker-builds", type=int, default=30)
    parser.add_argument("--no-worker", action="store_true", help="skip the real-worker measurement")
    parser.add_argument("--browser-every", type=int, default=4, help="app prompts measured with the browser QA")
    args = parser.parse_args()

    from autowebiq_app.engine.browser import browser_available, run_selftests
    from bench.functional import load_corpus
    from tests.engine.corpus import CORPUS

    prompts = [case.prompt for case in CORPUS]
    apps = [request["prompt"] for request in load_corpus()]
    print(f"{'measure':<44}{'n':>6}{'median':>11}{'p99':>10}{'max':>10}")
    in_process(prompts, args.rounds)
    in_process(apps, args.rounds, label="apps: plan -> files -> QA (ms)")
    if browser_available():
        in_process(apps[:: args.browser_every], 1, label="apps: ... + features in Chromium (ms)", browser=run_selftests)
    if not args.no_worker:
        through_worker(prompts, args.worker_builds)


if __name__ == "__main__":
    main()
