"""The running app (Reflex prod, single port) plus a real worker, for browser tests."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import ROOT, dramatiq_worker, free_port, stop_group, wait_for

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@dataclass
class RunningApp:
    url: str
    worker: subprocess.Popen


@pytest.fixture(scope="module")
def app_url(running_app: RunningApp) -> str:
    return running_app.url


@pytest.fixture(scope="module")
def running_app(tmp_path_factory):
    """Start `reflex run --env prod --single-port` and a worker process group."""
    port = free_port()
    base = f"http://localhost:{port}"
    os.environ["PUBLIC_URL"] = base
    logs = tmp_path_factory.mktemp("app-logs")
    env = {**os.environ, "REFLEX_USE_SYSTEM_BUN": "1", "PUBLIC_URL": base}
    web_log = open(logs / "web.log", "wb")
    web = subprocess.Popen(
        [sys.executable, "-m", "reflex", "run", "--env", "prod", "--single-port",
         "--frontend-port", str(port), "--backend-port", str(port)],
        cwd=ROOT, env=env, stdout=web_log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        with dramatiq_worker(log_path=logs / "worker.log") as worker:
            try:
                wait_for(lambda: web.poll() is not None or _up(f"{base}/api/health"), timeout=600, interval=1,
                         what="the app to start")
            except TimeoutError:
                pytest.fail(f"app did not start:\n{Path(logs / 'web.log').read_text()[-4000:]}")
            if web.poll() is not None:
                pytest.fail(f"app exited:\n{Path(logs / 'web.log').read_text()[-4000:]}")
            yield RunningApp(url=base, worker=worker)
    finally:
        stop_group(web)
        web_log.close()


@pytest.fixture
def browser_page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        try:
            yield page
        finally:
            context.close()
            browser.close()
