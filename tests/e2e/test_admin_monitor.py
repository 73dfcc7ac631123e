"""/admin/monitor in Chromium: a 404 for a signed-in user, the live monitor once they are an admin."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect
from sqlmodel import select

from autowebiq_app.core.db import session_scope
from autowebiq_app.models import Build, BuildStatus, User
from autowebiq_app.services import builds, credits, projects
from tests.e2e.flows import build, create_project, sign_up
from tests.operations.helpers import autowebiq


def _queued_build(email: str) -> str:
    with session_scope() as session:
        user = session.exec(select(User).where(User.email == email)).one()
        project = projects.create_project(session=session, user_id=user.id, name="Queued")
        queued = builds.start_build(
            session=session, user_id=user.id, project_id=project.id, prompt="A bar", enqueue=lambda build_id: "held"
        )
        return queued.id


def test_the_monitor_is_a_404_until_make_admin_then_shows_workers_queues_and_builds(app_url, browser_page):
    page = browser_page
    email = sign_up(page, app_url, name="Ops")
    create_project(page, "Bakery")
    build(page, "A bakery called Crumb & Co")

    page.goto(f"{app_url}/admin/monitor")
    expect(page.get_by_role("heading", name="This page does not exist")).to_be_visible(timeout=30_000)
    expect(page.locator("#workers")).to_have_count(0)
    expect(page.locator("#monitor-link")).to_have_count(0)

    done = autowebiq("make-admin", email)
    assert done.returncode == 0, done.stdout + done.stderr
    page.goto(f"{app_url}/admin/monitor")
    expect(page.get_by_role("heading", name="Operations monitor")).to_be_visible(timeout=30_000)
    expect(page.locator("#monitor-link")).to_be_visible()  # the header shows admins the way here
    expect(page.locator(".worker-row").first).to_contain_text(re.compile(r"\d+ s ago"))
    expect(page.locator(".queue-row")).to_have_count(3)
    expect(page.locator(".queue-row").nth(0)).to_contain_text("builds")
    expect(page.locator(".queue-row").nth(1)).to_contain_text("images")
    expect(page.locator(".active-row")).to_have_count(0)
    recent = page.locator(".recent-row")
    expect(recent).to_have_count(1)
    expect(recent.first).to_contain_text("succeeded")
    expect(recent.first).to_contain_text(email)
    agents = page.locator(".agent-row")
    expect(agents).to_have_count(4)
    expect(agents.first).to_have_text(re.compile(r"^planner1\d+\.\d s\d+\.\d s$"))
    figures = page.locator(".figure-row")
    expect(figures).to_have_count(1)
    expect(figures.first).to_have_text(re.compile(r"^build110100%\d+\.\d s\d+\.\d s$"))

    # Builds per hour over the last day: this hour's bar.
    expect(page.locator("#builds-chart .recharts-bar-rectangle")).not_to_have_count(0)

    page.get_by_role("radio", name="Failed").click()
    expect(recent).to_have_count(0)
    page.get_by_role("radio", name="All").click()
    expect(recent).to_have_count(1)
    page.get_by_role("radio", name="Edits").click()
    expect(recent).to_have_count(0)
    page.get_by_role("radio", name="Any kind").click()
    page.get_by_label("Filter by user's email").fill("nobody-by-that-name")
    expect(recent).to_have_count(0)
    page.get_by_label("Filter by user's email").fill(email.split("@")[0].upper())
    expect(recent).to_have_count(1)

    page.screenshot(path=str(Path(__file__).parent / "screenshots" / "admin-monitor.png"), full_page=True)

    # It refreshes itself: a build queued meanwhile (its job never sent, so it stays queued)
    # appears without a reload, and Cancel stops and refunds it.
    build_id = _queued_build(email)
    active = page.locator(".active-row")
    expect(active).to_have_count(1, timeout=15_000)
    expect(active.first).to_contain_text("queued")
    active.first.get_by_role("button", name="Cancel").click()
    expect(page.locator("#monitor-notice")).to_have_text("Build cancelled and refunded.")
    expect(active).to_have_count(0)
    with session_scope() as session:
        cancelled = session.get(Build, build_id)
        assert cancelled.status == BuildStatus.FAILED
        assert credits.balance(session=session, user_id=cancelled.user_id) == 90  # the first build's 10 only

    # Retry runs the cancelled build again for its owner, through the real queue: the owner
    # pays for the new build (the cancelled one was refunded) and a second click changes nothing.
    expect(recent).to_have_count(2)
    expect(page.locator(".recent-row button")).to_have_count(1)  # only the failed build offers it
    page.get_by_role("radio", name="Failed").click()
    expect(recent).to_have_count(1)
    expect(recent.first).to_contain_text("Cancelled before it finished.")
    recent.first.get_by_role("button", name="Retry").click()
    expect(page.locator("#monitor-notice")).to_have_text("Build sent again; its owner was charged for the new build.")
    recent.first.get_by_role("button", name="Retry").click()
    page.get_by_role("radio", name="Succeeded").click()
    expect(recent).to_have_count(2, timeout=60_000)
    with session_scope() as session:
        retried = session.exec(select(Build).where(Build.request_key == f"retry:{build_id}")).one()
        assert (retried.status, retried.prompt, retried.project_id) == ("succeeded", "A bar", cancelled.project_id)
        assert credits.balance(session=session, user_id=retried.user_id) == 80
