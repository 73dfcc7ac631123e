"""/admin/monitor in Chromium: a 404 for a signed-in user, the live monitor once they are an admin."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.flows import build, create_project, sign_up
from tests.operations.helpers import autowebiq


def test_the_monitor_is_a_404_until_make_admin_then_shows_workers_queues_and_builds(app_url, browser_page):
    page = browser_page
    email = sign_up(page, app_url, name="Ops")
    create_project(page, "Bakery")
    build(page, "A bakery called Crumb & Co")

    page.goto(f"{app_url}/admin/monitor")
    expect(page.get_by_role("heading", name="This page does not exist")).to_be_visible(timeout=30_000)
    expect(page.locator("#workers")).to_have_count(0)

    done = autowebiq("make-admin", email)
    assert done.returncode == 0, done.stdout + done.stderr
    page.goto(f"{app_url}/admin/monitor")
    expect(page.get_by_role("heading", name="Operations monitor")).to_be_visible(timeout=30_000)
    expect(page.locator(".worker-row").first).to_contain_text(re.compile(r"\d+ s ago"))
    expect(page.locator(".queue-row")).to_have_count(2)
    expect(page.locator(".queue-row").first).to_contain_text("builds")
    expect(page.locator(".active-row")).to_have_count(0)
    recent = page.locator(".recent-row")
    expect(recent).to_have_count(1)
    expect(recent.first).to_contain_text("succeeded")
    expect(recent.first).to_contain_text(email)
    figures = page.locator(".figure-row")
    expect(figures).to_have_count(1)
    expect(figures.first).to_have_text(re.compile(r"^build110100%\d+\.\d s\d+\.\d s$"))

    page.get_by_role("radio", name="Failed").click()
    expect(recent).to_have_count(0)
    page.get_by_role("radio", name="All").click()
    expect(recent).to_have_count(1)

    page.screenshot(path=str(Path(__file__).parent / "screenshots" / "admin-monitor.png"), full_page=True)

    # It refreshes itself: the time of the last reading moves on without a reload.
    first = page.locator("#monitor-updated").inner_text()
    expect(page.locator("#monitor-updated")).not_to_have_text(first, timeout=15_000)
