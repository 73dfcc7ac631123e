"""The web tier scales out: two Reflex backend processes serve one port, each browser's state
lives in Redis, and killing a process while a person watches a build loses nothing: Granian
starts a new one, the page reconnects to whichever process answers, and the build it was
watching is shown finished."""

from __future__ import annotations

import os
import signal

import psutil
import pytest
from playwright.sync_api import expect

from tests.e2e.flows import BUILD_COMPLETE, SITE_BRAND, create_project, sign_up
from tests.helpers import wait_for

pytestmark = pytest.mark.browser


def _backend_processes(app) -> list[int]:
    """The processes that serve the app's port (Granian's workers)."""
    port = int(app.url.rsplit(":", 1)[1])
    found = []
    for child in psutil.Process(app.web.pid).children(recursive=True):
        try:
            if any(c.laddr and c.laddr.port == port for c in child.net_connections(kind="tcp")):
                found.append(child.pid)
        except psutil.Error:
            continue
    return sorted(found)


def test_killing_a_web_process_while_a_build_is_watched_loses_nothing(two_process_app, browser_page):
    app, page = two_process_app, browser_page
    first = wait_for(lambda: len(_backend_processes(app)) == 2 and _backend_processes(app), timeout=60, what="two")
    sign_up(page, app.url)
    create_project(page, "Relay")
    status = page.locator("#connection-status")
    expect(status).to_have_text("● Connected", timeout=15_000)

    os.killpg(app.worker.pid, signal.SIGSTOP)  # the build waits in the queue while processes die
    try:
        page.fill("#prompt", "A jazz trio called Blue Hours")
        page.click("#build-button")
        expect(page.locator("#build-status")).to_have_text("Queued: waiting for a builder…", timeout=30_000)
        # Each process in turn, so the one holding this page's socket is certainly among them.
        for pid in first:
            os.kill(pid, signal.SIGKILL)
            wait_for(
                lambda pid=pid: pid not in _backend_processes(app) and len(_backend_processes(app)) == 2,
                timeout=60,
                what=f"a new process in place of {pid}",
            )
            expect(status).to_have_text("● Connected", timeout=30_000)
    finally:
        os.killpg(app.worker.pid, signal.SIGCONT)

    assert not set(first) & set(_backend_processes(app))
    expect(page.locator("#build-status")).to_have_text(BUILD_COMPLETE, timeout=60_000)
    expect(page.frame_locator("#site-preview").locator(SITE_BRAND)).to_have_text("Blue Hours", timeout=30_000)
