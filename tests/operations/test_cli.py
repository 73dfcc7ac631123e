"""`autowebiq health` and `autowebiq workers` against the real services and a real worker."""

from __future__ import annotations

import pytest

from autowebiq_app.models import BuildStatus
from tests.fakes.openai_server import FakeOpenAI
from tests.helpers import dramatiq_worker, free_port, wait_for
from tests.operations.helpers import autowebiq, autowebiq_json, slow_plan, start_build, use_fake_model, wait_finished
from tests.reliability.workers import forget_heartbeats, live_worker_pids

pytestmark = pytest.mark.worker


@pytest.fixture
def fast_heartbeats(settings_override):
    settings_override(WORKER_HEARTBEAT_SECONDS="1")
    forget_heartbeats()
    yield
    forget_heartbeats()


def test_health_is_degraded_without_a_worker_and_healthy_with_one(fast_heartbeats, tmp_path):
    code, report = autowebiq_json("health")
    assert code == 1, report
    assert report["status"] == "degraded" and report["services"]["dramatiq_workers"] == 0
    assert report["databases"]["postgresql"] == "connected" and report["services"]["redis"] == "connected"

    with dramatiq_worker(log_path=tmp_path / "worker.log"):
        wait_for(live_worker_pids, timeout=120, interval=0.5, what="a worker")
        done = autowebiq("health")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[0] == "AutoWebIQ: healthy"
    assert "dramatiq     healthy (1 live worker)" in done.stdout


def test_health_is_unhealthy_with_exit_2_when_the_database_is_down():
    code, report = autowebiq_json("health", DATABASE_URL=f"postgresql://postgres@127.0.0.1:{free_port()}/gone")
    assert code == 2
    assert report["status"] == "unhealthy" and report["checks"]["postgresql"] == "unhealthy"


def test_health_of_an_app_that_does_not_answer_is_unhealthy():
    done = autowebiq("health", "--url", f"http://127.0.0.1:{free_port()}")
    assert done.returncode == 2
    assert done.stdout.startswith("AutoWebIQ: unhealthy") and "did not answer" in done.stdout


def test_workers_lists_each_live_worker_and_the_build_it_is_running(
    fast_heartbeats, session, make_user, settings_override, tmp_path
):
    code, report = autowebiq_json("workers")
    assert code == 1 and report["workers"] == []

    with FakeOpenAI() as server:
        use_fake_model(settings_override, server)
        server.script(slow_plan(6))
        user, _ = make_user()
        with dramatiq_worker(log_path=tmp_path / "worker.log"):
            (pid,) = wait_for(live_worker_pids, timeout=120, interval=0.5, what="a worker")
            build = start_build(session, user.id)

            def busy():
                code, report = autowebiq_json("workers")
                workers = report["workers"]
                return (code, report) if workers and workers[0]["active"] else None

            code, report = wait_for(busy, timeout=60, interval=0.5, what="the worker to take the build")
            assert code == 0
            (worker,) = report["workers"]
            assert worker["pid"] == pid
            (task,) = worker["active"]
            assert task["actor"] == "builds.build_site" and task["args"] == [build.id] and task["queue"] == "builds"
            assert f"builds.build_site({build.id})" in autowebiq("workers").stdout

            assert wait_finished(session, build.id).status == BuildStatus.SUCCEEDED
            code, report = wait_for(
                # A build is three messages: its plan, its images, its pages and QA.
                lambda: (r := autowebiq_json("workers"))[1]["workers"][0]["processed"] == 3 and r,
                timeout=30,
                what="the worker to count the build",
            )
            assert report["workers"][0]["active"] == []
    assert [q["queue"] for q in report["queues"]] == ["builds", "images", "default"]
