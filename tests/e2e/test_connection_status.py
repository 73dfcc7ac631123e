"""The connection to the server, always shown: cut the socket in the browser and the page says
it is reconnecting (and which attempt), then offline; let it through again and it says connected,
and a build that finished meanwhile is shown finished."""

from __future__ import annotations

import os
import re
import signal

import pytest
from playwright.sync_api import expect

from tests.e2e.flows import BUILD_COMPLETE, SITE_BRAND, create_project, sign_up

pytestmark = pytest.mark.browser

EVENTS = re.compile(r"/_event")


class SocketSwitch:
    """Every socket to the app's event endpoint goes through here; `cut()` closes them and
    refuses new ones until `restore()`."""

    def __init__(self) -> None:
        self.open: list = []
        self.cut_off = False

    def route(self, ws) -> None:
        if self.cut_off:
            ws.close()
            return
        ws.connect_to_server()
        self.open.append(ws)

    def cut(self) -> None:
        self.cut_off = True
        for ws in self.open:
            ws.close()
        self.open.clear()

    def restore(self) -> None:
        self.cut_off = False


def test_the_page_says_when_it_is_reconnecting_or_offline_and_carries_on_after(running_app, browser_page):
    page = browser_page
    switch = SocketSwitch()
    page.route_web_socket(EVENTS, switch.route)
    sign_up(page, running_app.url)
    create_project(page, "Wire")
    status = page.locator("#connection-status")
    expect(status).to_have_text("● Connected", timeout=15_000)

    os.killpg(running_app.worker.pid, signal.SIGSTOP)
    try:
        page.fill("#prompt", "A jazz trio called Blue Hours")
        page.click("#build-button")
        expect(page.locator("#build-status")).to_have_text("Queued: waiting for a builder…", timeout=30_000)
        switch.cut()
        expect(status).to_have_text(re.compile(r"^Reconnecting… attempt [1-4]$"), timeout=30_000)
        expect(status).to_have_text("Offline", timeout=90_000)
    finally:
        os.killpg(running_app.worker.pid, signal.SIGCONT)
    # The build finishes while the page is cut off; once the socket is back the page shows it.
    switch.restore()
    expect(status).to_have_text("● Connected", timeout=90_000)
    expect(page.locator("#build-status")).to_have_text(BUILD_COMPLETE, timeout=60_000)
    expect(page.frame_locator("#site-preview").locator(SITE_BRAND)).to_have_text("Blue Hours", timeout=30_000)
