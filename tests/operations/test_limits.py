"""Each worker limit, made to happen with a real worker: the soft limit stops a build cleanly,
the hard limit kills a stuck worker process (it is replaced; the sweeper fails and refunds
its build), and a worker process is replaced after WORKER_MAX_TASKS messages."""

from __future__ import annotations

import os
import subprocess
import sys

import psutil
import pytest

from autowebiq_app.models import BuildStatus
from autowebiq_app.services import build_runner, credits
from tests.fakes.openai_server import FakeOpenAI, Hang
from tests.helpers import ROOT, dramatiq_worker, stop_group, wait_for
from tests.operations.helpers import slow_plan, start_build, use_fake_model, wait_finished
from tests.reliability.workers import forget_heartbeats, live_worker_pids
from workers.builds import build_queue

pytestmark = pytest.mark.worker


@pytest.fixture
def fast_heartbeats(settings_override):
    settings_override(WORKER_HEARTBEAT_SECONDS="1")
    forget_heartbeats()
    yield
    forget_heartbeats()


def test_the_soft_limit_stops_the_build_cleanly_fails_and_refunds_it(
    fast_heartbeats, settings_override, session, make_user, tmp_path
):
    settings_override(BUILD_SOFT_LIMIT_SECONDS="3", BUILD_HARD_LIMIT_SECONDS="120")
    user, _ = make_user()
    with FakeOpenAI() as server:
        use_fake_model(settings_override, server)
        server.script(slow_plan(60))  # a model that keeps talking, slowly
        with dramatiq_worker(log_path=tmp_path / "worker.log"):
            (pid,) = wait_for(live_worker_pids, timeout=120, interval=0.5, what="a worker")
            build = start_build(session, user.id)
            done = wait_finished(session, build.id, timeout=60)
            # The same worker process carries on.
            assert live_worker_pids() == [pid]
    assert done.status == BuildStatus.FAILED
    assert done.error == build_runner.overtime_reason(3) == (
        "The build took longer than 3 seconds and was stopped. Your credits were refunded."
    )
    session.expire_all()
    assert credits.balance(session=session, user_id=user.id) == 100 == credits.ledger_sum(session=session, user_id=user.id)


def test_the_hard_limit_kills_a_stuck_worker_which_is_replaced_and_the_sweeper_refunds_its_build(
    fast_heartbeats, settings_override, session, make_user, tmp_path
):
    settings_override(BUILD_SOFT_LIMIT_SECONDS="2", BUILD_HARD_LIMIT_SECONDS="4", LLM_RETRIES="0")
    user, _ = make_user()
    with FakeOpenAI() as server:
        use_fake_model(settings_override, server)
        settings_override(LLM_TIMEOUT_SECONDS="600")
        server.script(Hang(600))  # a blocking read the soft limit cannot interrupt
        log = open(tmp_path / "run.log", "wb")
        run = subprocess.Popen(
            [sys.executable, "-m", "autowebiq_app.cli", "run", "--no-web", "--workers", "1"],
            cwd=ROOT,
            env=os.environ.copy(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            (first,) = wait_for(live_worker_pids, timeout=120, interval=0.5, what="a worker")
            build = start_build(session, user.id)
            wait_for(lambda: not psutil.pid_exists(first), timeout=60, what="the stuck worker to be killed")
            wait_for(
                lambda: [pid for pid in live_worker_pids() if pid != first],
                timeout=120,
                interval=0.5,
                what=f"a replacement worker\n{(tmp_path / 'run.log').read_text()[-3000:]}",
            )
            assert build.id in build_runner.sweep_stale_builds(build_queue)
            done = wait_finished(session, build.id, timeout=10)
        finally:
            stop_group(run, timeout=30)
            log.close()
    assert "ran past the hard limit of 4 s" in (tmp_path / "run.log").read_text()
    assert done.status == BuildStatus.FAILED and done.error == build_runner.overtime_reason(4)
    session.expire_all()
    assert credits.balance(session=session, user_id=user.id) == 100 == credits.ledger_sum(session=session, user_id=user.id)


def test_a_worker_process_is_replaced_after_max_tasks(fast_heartbeats, settings_override, session, make_user, tmp_path):
    from workers.broker import broker

    def build_one(n: int) -> None:
        build = start_build(session, user.id, name=f"Shop {n}")
        assert wait_finished(session, build.id).status == BuildStatus.SUCCEEDED

    def replaced(pid: int) -> int:
        wait_for(lambda: not psutil.pid_exists(pid), timeout=60, what=f"worker process {pid} to exit after 3 messages")
        others = wait_for(
            lambda: [p for p in live_worker_pids() if p != pid and psutil.pid_exists(p)],
            timeout=120,
            interval=0.5,
            what="a fresh worker process",
        )
        return others[0]

    for queue in ("builds", "images", "default"):
        broker.flush(queue)  # messages earlier tests left would count towards the limit
    settings_override(WORKER_MAX_TASKS="3")
    user, _ = make_user()
    with dramatiq_worker(threads=1, log_path=tmp_path / "worker.log") as master:
        (first,) = wait_for(live_worker_pids, timeout=120, interval=0.5, what="a worker")
        build_one(1)  # three messages: its plan, its images, its pages and QA
        fresh = replaced(first)
        # The same master replaced its worker process in place, and the fresh one builds.
        assert master.poll() is None and psutil.Process(fresh).ppid() == master.pid
        build_one(2)
        replaced(fresh)
        assert master.poll() is None
