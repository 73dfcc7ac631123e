"""What a person does: sign up, create a project, build it, see the site in the preview."""

from __future__ import annotations

import os
import re
import signal
import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.flows import BUILD_COMPLETE, SITE_BRAND, build, create_project, sign_up

pytestmark = pytest.mark.browser


def test_sign_up_create_build_and_preview(app_url, browser_page):
    page = browser_page
    page.goto(f"{app_url}/dashboard")
    page.wait_for_url(re.compile(r"/auth/?$"), timeout=60_000)

    sign_up(page, app_url)
    expect(page.locator("#credit-balance")).to_have_text("100", timeout=15_000)
    workspace_url = create_project(page, "Aurum")
    build(page, "Build a luxury e-commerce website for a jewellery brand called Aurum Atelier")

    expect(page.locator("#build-progress")).to_have_text("100%")
    feed = page.locator("#build-feed .feed-item")
    assert feed.count() >= 8
    for agent in ("planner", "image", "frontend", "qa"):
        expect(feed.filter(has_text=agent).first).to_be_visible()
    frame = page.frame_locator("#site-preview")
    expect(frame.locator(SITE_BRAND)).to_have_text("Aurum Atelier", timeout=30_000)
    assert page.locator("#site-preview").get_attribute("sandbox") == "allow-scripts allow-forms"
    expect(page.locator("#credit-balance")).to_have_text("90", timeout=15_000)

    # Reloading replays the build's history from its stream.
    count = feed.count()
    page.reload()
    expect(page.locator("#build-status")).to_have_text(BUILD_COMPLETE, timeout=30_000)
    expect(feed).to_have_count(count, timeout=15_000)

    # Another account cannot see this project.
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r"/auth/?$"), timeout=30_000)
    sign_up(page, app_url, name="Eve")
    page.goto(workspace_url)
    expect(page.get_by_role("heading", name="Project not found")).to_be_visible(timeout=30_000)
    expect(page.locator("#site-preview")).to_have_count(0)


def test_reload_while_queued_then_continues_live(running_app, browser_page):
    page = browser_page
    sign_up(page, running_app.url)
    create_project(page, "Paused")
    os.killpg(running_app.worker.pid, signal.SIGSTOP)
    try:
        page.fill("#prompt", "A jazz trio called Blue Hours")
        page.click("#build-button")
        expect(page.locator("#build-status")).to_have_text("Queued: waiting for a builder…", timeout=30_000)
        expect(page.locator("#credit-balance")).to_have_text("90", timeout=15_000)
        page.reload()
        expect(page.locator("#build-status")).to_have_text("Queued: waiting for a builder…", timeout=30_000)
        expect(page.locator("#build-button")).to_be_disabled()
    finally:
        os.killpg(running_app.worker.pid, signal.SIGCONT)
    expect(page.locator("#build-status")).to_have_text(BUILD_COMPLETE, timeout=60_000)
    expect(page.frame_locator("#site-preview").locator(SITE_BRAND)).to_have_text("Blue Hours", timeout=30_000)


def test_preview_is_served_with_a_sandbox_policy(app_url, browser_page):
    page = browser_page
    sign_up(page, app_url)
    create_project(page, "Bakery")
    build(page, "A neighbourhood bakery called Crumb & Co")
    src = page.locator("#site-preview").get_attribute("src")
    response = page.request.get(f"{app_url}{src}")
    assert response.status == 200
    assert response.headers["content-security-policy"] == "sandbox allow-scripts allow-forms"
    forged = page.request.get(f"{app_url}{src.replace('/preview/', '/preview/x')}")
    assert forged.status == 404


def test_signed_out_visitor_is_sent_to_sign_in(app_url, browser_page):
    browser_page.goto(f"{app_url}/workspace/{uuid.uuid4().hex}")
    browser_page.wait_for_url(re.compile(r"/auth/?$"), timeout=60_000)


def test_wrong_password_shows_one_message(app_url, browser_page):
    page = browser_page
    page.goto(f"{app_url}/auth")
    page.fill("#email", "nobody@example.com")
    page.fill("#password", "whatever 123")
    page.click("#auth-submit")
    expect(page.get_by_role("alert")).to_contain_text("Email or password is incorrect.", timeout=15_000)
