"""`autowebiq supervise`: supervisord runs the web app and the workers and brings a killed
worker back, and the new one runs the next build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest
from supervisor.options import ServerOptions

from autowebiq_app.cli import supervisord_programs
from autowebiq_app.models import BuildStatus
from autowebiq_app.supervisord import render
from tests.helpers import ROOT, stop_group, wait_for
from tests.operations.helpers import start_build, wait_finished
from tests.reliability.workers import forget_heartbeats, live_worker_pids


def _supervisord_reads(config: str, tmp_path) -> dict:
    """The processes supervisord itself makes of `config`, by name."""
    path = tmp_path / "supervisord.conf"
    path.write_text(config)
    options = ServerOptions()
    options.realize(args=["--configuration", str(path)])
    return {process.name: process for group in options.process_group_configs for process in group.process_configs}


def _cmdline(process: psutil.Process) -> str:
    try:
        return " ".join(process.cmdline())
    except psutil.Error:  # it ended meanwhile
        return ""


def _supervisorctl_status(config: Path) -> dict[str, str]:
    done = subprocess.run(
        [str(Path(sys.executable).parent / "supervisorctl"), "-c", str(config), "status"],
        capture_output=True,
        text=True,
    )
    return {line.split()[0]: line.split()[1] for line in done.stdout.splitlines() if line.strip()}


def test_the_configuration_runs_each_worker_as_its_own_restarted_logged_process_group(tmp_path):
    (tmp_path / "logs").mkdir()
    config = render(
        programs=supervisord_programs(3000, 2, 3, web=True), root=ROOT, run_dir=tmp_path, log_dir=tmp_path / "logs"
    )
    processes = _supervisord_reads(config, tmp_path)

    # No sweeper process: the workers run it as a periodic job (tests/operations/test_periodic.py).
    assert sorted(processes) == ["sites", "web", "worker-1", "worker-2"]
    for name, process in processes.items():
        assert process.autorestart is not False, name
        assert process.stopasgroup and process.killasgroup, name
        assert process.redirect_stderr and process.stdout_logfile == str(tmp_path / "logs" / f"{name}.log")
    assert processes["worker-1"].command.endswith("dramatiq workers.builds --processes 1 --threads 3")
    assert "reflex run --env prod --single-port --frontend-port 3000" in processes["web"].command
    assert processes["sites"].command.endswith("--port 3001 --no-access-log autowebiq_app.api.published_sites:app")


def test_image_workers_take_only_the_images_queue(tmp_path):
    (tmp_path / "logs").mkdir()
    programs = supervisord_programs(3000, 1, 2, web=False, image_workers=2)
    processes = _supervisord_reads(
        render(programs=programs, root=ROOT, run_dir=tmp_path, log_dir=tmp_path / "logs"), tmp_path
    )
    assert sorted(processes) == ["images-1", "images-2", "worker-1"]
    assert processes["images-2"].command.endswith("dramatiq workers.builds --processes 1 --threads 2 --queues images")
    assert processes["worker-1"].command.endswith("--threads 2")  # every queue


@pytest.fixture
def supervised_workers(settings_override, tmp_path):
    """`autowebiq supervise --no-web --workers 1`, stopped at the end with everything it started."""
    settings_override(WORKER_HEARTBEAT_SECONDS="1")
    forget_heartbeats()
    log = open(tmp_path / "supervise.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "autowebiq_app.cli", "supervise", "--no-web", "--workers", "1"],
        cwd=ROOT,
        env={**os.environ, "AUTOWEBIQ_RUN_DIR": str(tmp_path)},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    started: set[int] = set()

    def descendants() -> list[psutil.Process]:
        try:
            found = psutil.Process(proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        started.update(p.pid for p in found)
        return found

    try:
        yield proc, tmp_path / "supervisor" / "logs", descendants
    finally:
        descendants()
        stop_group(proc, timeout=60)
        log.close()
        # supervisord puts each program in its own process group: make sure none outlived it.
        for pid in started:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        forget_heartbeats()


@pytest.mark.worker
def test_supervisord_restarts_a_killed_worker_which_runs_the_next_build(supervised_workers, session, make_user):
    proc, logs, descendants = supervised_workers
    (first,) = wait_for(
        live_worker_pids,
        timeout=180,
        interval=0.5,
        what=f"a worker\n{(logs.parent.parent / 'supervise.log').read_text()}",
    )
    supervisord_pid = next(p.pid for p in descendants() if "supervisord --configuration" in _cmdline(p))

    os.kill(first, signal.SIGKILL)
    (second,) = wait_for(
        lambda: [pid for pid in live_worker_pids() if pid != first],
        timeout=120,
        interval=0.5,
        what=f"a restarted worker\n{(logs / 'supervisord.log').read_text()}",
    )
    events = (logs / "supervisord.log").read_text()
    assert "exited: worker-1 (exit status" in events and "not expected" in events, events
    assert events.count("spawned: 'worker-1'") == 2, events
    # The same supervisord brought it back.
    assert psutil.Process(second).parent().parent().pid == supervisord_pid
    assert proc.poll() is None
    # supervisord's own view, through supervisorctl on its socket (a restart is STARTING at first).
    expected = {"worker:worker-1": "RUNNING"}
    wait_for(lambda: _supervisorctl_status(logs.parent / "supervisord.conf") == expected, timeout=60, what="RUNNING")

    user, _ = make_user()
    session.commit()
    build = start_build(session, user.id)
    assert wait_finished(session, build.id).status == BuildStatus.SUCCEEDED
    # Both runs of the worker wrote to its log file.
    assert (logs / "worker-1.log").read_text().count("is booting up") == 2
