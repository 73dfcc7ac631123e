"""One person's slow database call holds up nobody else: the app's handlers do their database
work in threads, so the one event loop that serves every connected browser stays free.

Ada renames a project whose row another transaction holds locked, so her handler waits in the
database; meanwhile Grace, in another browser, sends a prompt and watches her build finish.
With the work on the event loop, Grace's page would freeze until Ada's query returned."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from autowebiq_app.core.db import session_scope
from autowebiq_app.models import Project
from tests.e2e.flows import BUILD_COMPLETE, create_project, sign_up

pytestmark = pytest.mark.browser


def test_a_handler_waiting_on_the_database_does_not_hold_up_another_users_build(app_url, browser_page):
    ada = browser_page
    sign_up(ada, app_url, name="Ada")
    project_url = create_project(ada, "Locked")
    project_id = re.search(r"/workspace/([0-9a-f]{32})", project_url).group(1)
    ada.goto(f"{app_url}/dashboard")
    card = ada.locator(".project-card").filter(has_text="Locked")
    expect(card).to_have_count(1, timeout=30_000)

    grace_context = ada.context.browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        grace = grace_context.new_page()
        sign_up(grace, app_url, name="Grace")
        create_project(grace, "Quick")

        with session_scope() as lock:
            lock.exec(select(Project).where(Project.id == project_id).with_for_update()).one()
            card.locator(".rename-project").click()
            dialog = ada.get_by_role("dialog")
            dialog.get_by_label("Name").fill("Renamed")
            dialog.get_by_role("button", name="Save").click()
            ada.wait_for_timeout(500)  # Ada's handler is now waiting for the row

            grace.fill("#prompt", "A bakery called Crumb & Co")
            grace.click("#build-button")
            expect(grace.locator("#build-status")).to_have_text(BUILD_COMPLETE, timeout=60_000)
            expect(card).to_contain_text("Locked")  # Ada's rename is still waiting
            lock.rollback()

        expect(ada.locator(".project-card").filter(has_text="Renamed")).to_have_count(1, timeout=15_000)
    finally:
        grace_context.close()
