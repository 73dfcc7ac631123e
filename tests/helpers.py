"""Helpers shared by the test tiers: start real processes and wait for them."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from autowebiq_app.cli import sites_command, web_command, worker_command

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def dramatiq_worker(
    *, processes: int = 1, threads: int = 2, log_path: Path | None = None, queues: tuple[str, ...] = ()
):
    """A real `dramatiq workers.builds` process group (of every queue, or of `queues`), stopped at exit."""
    log = open(log_path or os.devnull, "wb")
    proc = subprocess.Popen(
        worker_command(processes, threads, queues),
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield proc
    finally:
        stop_group(proc)
        log.close()


def stop_group(proc: subprocess.Popen, timeout: float = 15) -> None:
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, *, timeout: float, interval: float = 0.2, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    raise TimeoutError(f"timed out after {timeout}s waiting for {what}")


def url_up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def live_workers(base: str) -> int:
    try:
        with urllib.request.urlopen(f"{base}/api/health", timeout=5) as response:
            return json.loads(response.read())["services"]["dramatiq_workers"]
    except OSError:
        return 0


@dataclass
class RunningApp:
    url: str
    worker: subprocess.Popen
    web: subprocess.Popen


@contextmanager
def start_app(logs: Path, **overrides: str):
    """`reflex run --env prod --single-port`, the published sites' server (SITES_URL on a port
    of its own) and a worker process group, stopped at exit."""
    port, sites = free_port(), free_port()
    base = f"http://localhost:{port}"
    os.environ["PUBLIC_URL"] = base
    env = {
        **os.environ,
        "REFLEX_USE_SYSTEM_BUN": "1",
        "PUBLIC_URL": base,
        "SITES_URL": f"http://localhost:{sites}",
        **overrides,
    }
    web_log, sites_log = open(logs / "web.log", "wb"), open(logs / "sites.log", "wb")
    web = subprocess.Popen(
        web_command(port),
        cwd=ROOT,
        env=env,
        stdout=web_log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    sites_server = subprocess.Popen(
        sites_command(sites), cwd=ROOT, env=env, stdout=sites_log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        with dramatiq_worker(log_path=logs / "worker.log") as worker:
            try:
                wait_for(
                    lambda: web.poll() is not None or url_up(f"{base}/api/health"),
                    timeout=600,
                    interval=1,
                    what="the app to start",
                )
            except TimeoutError:
                pytest.fail(f"app did not start:\n{Path(logs / 'web.log').read_text()[-4000:]}")
            if web.poll() is not None:
                pytest.fail(f"app exited:\n{Path(logs / 'web.log').read_text()[-4000:]}")
            # Up three times in a row: a first answer can come from a server that is restarting.
            wait_for(
                lambda: all(url_up(f"{base}/api/health") and not time.sleep(1) for _ in range(3)),
                timeout=120,
                interval=1,
                what="the app to stay up",
            )
            # Builds are refused (503) until a worker has announced itself.
            wait_for(lambda: live_workers(base) >= 1, timeout=120, interval=0.5, what="a live build worker")
            yield RunningApp(url=base, worker=worker, web=web)
    finally:
        stop_group(web)
        stop_group(sites_server)
        web_log.close()
        sites_log.close()


def package_app_fixtures():
    """`running_app` and `app_url` fixtures with one app per test folder.

    Per folder, not per run: an app start compiles the frontend with its own port baked in,
    so a later start elsewhere must not rebuild it under a running one that is still in use.
    """

    @pytest.fixture(scope="package")
    def running_app(tmp_path_factory):
        with start_app(tmp_path_factory.mktemp("app-logs")) as app:
            yield app

    @pytest.fixture(scope="package")
    def app_url(running_app) -> str:
        return running_app.url

    return running_app, app_url


def run_build_now(session, project, prompt: str):
    """Start a build of `project` for `prompt` and run it in this process (no queue); the
    finished `Build`, read afresh."""
    from autowebiq_app.models import Build
    from autowebiq_app.services import build_runner, builds

    build = builds.start_build(
        session=session, user_id=project.user_id, project_id=project.id, prompt=prompt, enqueue=lambda b: "task"
    )
    build_runner.run_build(build.id)
    session.expire_all()
    return session.get(Build, build.id)


def api_error(response, status: int, code: str) -> str:
    """The API's error answer: `status`, the error `code`, and `detail` repeating its message
    (where the original's clients read it); returns the message."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "detail"} and body["error"]["code"] == code, body
    assert body["detail"] == body["error"]["message"]
    return body["error"]["message"]
