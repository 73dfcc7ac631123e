"""A worker killed with SIGKILL comes back; with no live worker a build is refused, not charged."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from tests.helpers import ROOT, stop_group, wait_for
from tests.reliability.workers import build_and_wait, forget_heartbeats, live_worker_pids

pytestmark = pytest.mark.worker


@pytest.fixture
def fast_heartbeats(settings_override):
    """Workers (and this process) beat every second, so a dead one is noticed in 3 s."""
    settings_override(WORKER_HEARTBEAT_SECONDS="1")
    forget_heartbeats()
    yield
    forget_heartbeats()


@pytest.fixture
def autowebiq_workers(fast_heartbeats, tmp_path):
    """`autowebiq run --no-web`: the supervised workers, as `autowebiq run` starts them."""
    log = open(tmp_path / "run.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "autowebiq_app.cli", "run", "--no-web", "--workers", "1"],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield proc, tmp_path / "run.log"
    finally:
        stop_group(proc, timeout=30)
        log.close()


def test_a_killed_worker_is_restarted_and_builds_still_run(autowebiq_workers, api, sign_up):
    run, log = autowebiq_workers
    (first,) = wait_for(live_worker_pids, timeout=120, interval=0.5, what=f"a worker\n{log.read_text()[-3000:]}")

    os.kill(first, signal.SIGKILL)
    wait_for(
        lambda: [pid for pid in live_worker_pids() if pid != first],
        timeout=120,
        interval=0.5,
        what=f"a restarted worker\n{log.read_text()[-3000:]}",
    )
    assert run.poll() is None

    status = build_and_wait(api, sign_up(), prompt="A bakery called Crumb")
    assert status["state"] == "succeeded", status


def test_a_build_is_refused_with_503_when_no_worker_is_alive(fast_heartbeats, api, sign_up):
    headers = sign_up()
    project = api.post("/api/v2/projects", json={"name": "Nobody home"}, headers=headers).json()
    response = api.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": "A cafe"}, headers=headers)
    assert response.status_code == 503, response.text
    assert response.json()["error"]["code"] == "no_build_workers"
    assert int(response.headers["retry-after"]) > 0
    assert api.get("/api/v2/user/credits", headers=headers).json()["balance"] == 100
    assert api.get(f"/api/v2/projects/{project['id']}", headers=headers).json()["latest_build"] is None


def test_health_counts_only_live_worker_processes(fast_heartbeats, api, tmp_path):
    from tests.helpers import dramatiq_worker
    from workers.builds import sweep_stale_builds

    # The web process talking to the broker is not a worker.
    sweep_stale_builds.send()
    report = api.get("/api/health").json()
    assert report["services"]["dramatiq_workers"] == 0 and report["status"] == "degraded", report

    with dramatiq_worker(log_path=tmp_path / "worker.log"):
        (pid,) = wait_for(live_worker_pids, timeout=120, interval=0.5, what="a worker")
        assert api.get("/api/health").json()["services"]["dramatiq_workers"] == 1
        os.kill(pid, signal.SIGKILL)

        wait_for(
            lambda: api.get("/api/health").json()["services"]["dramatiq_workers"] == 0,
            timeout=10,
            what="health to stop counting the killed worker",
        )
