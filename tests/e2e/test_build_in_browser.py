"""What a person does: sign up, create a project, build it, see the site in the preview."""

from __future__ import annotations

import re
import uuid

import pytest

pytestmark = pytest.mark.browser


def test_sign_up_create_build_and_preview(app_url, browser_page):
    from playwright.sync_api import expect

    page = browser_page
    page.goto(f"{app_url}/dashboard")
    page.wait_for_url(re.compile(r"/auth/?$"), timeout=60_000)

    page.get_by_role("radio", name="Create account").click()
    page.fill("#display_name", "Ada")
    page.fill("#email", f"ada-{uuid.uuid4().hex[:8]}@example.com")
    page.fill("#password", "analytical 1843")
    page.click("#auth-submit")
    page.wait_for_url(re.compile(r"/dashboard/?$"), timeout=30_000)
    expect(page.locator("#credit-balance")).to_have_text("100", timeout=15_000)

    page.fill("#project-name", "Aurum")
    page.click("#create-project")
    page.wait_for_url(re.compile(r"/workspace/[0-9a-f]{32}/?$"), timeout=30_000)

    page.fill("#prompt", "Build a luxury e-commerce website for a jewellery brand called Aurum Atelier")
    page.click("#build-button")
    expect(page.locator("#build-status")).to_have_text("Build complete", timeout=90_000)
    expect(page.locator("#build-progress")).to_have_text("100%")
    feed = page.locator("#build-feed .feed-item")
    assert feed.count() >= 8
    for agent in ("planner", "image", "frontend", "qa"):
        expect(feed.filter(has_text=agent).first).to_be_visible()

    frame = page.frame_locator("#site-preview")
    expect(frame.locator("h1")).to_have_text("Aurum Atelier", timeout=30_000)
    assert page.locator("#site-preview").get_attribute("sandbox") == "allow-scripts"
    expect(page.locator("#credit-balance")).to_have_text("90", timeout=15_000)

    # Reloading replays the build's history from its stream.
    count = feed.count()
    page.reload()
    expect(page.locator("#build-status")).to_have_text("Build complete", timeout=30_000)
    expect(feed).to_have_count(count, timeout=15_000)


def test_signed_out_visitor_is_sent_to_sign_in(app_url, browser_page):
    browser_page.goto(f"{app_url}/workspace/{uuid.uuid4().hex}")
    browser_page.wait_for_url(re.compile(r"/auth/?$"), timeout=60_000)


def test_wrong_password_shows_one_message(app_url, browser_page):
    from playwright.sync_api import expect

    page = browser_page
    page.goto(f"{app_url}/auth")
    page.fill("#email", "nobody@example.com")
    page.fill("#password", "whatever 123")
    page.click("#auth-submit")
    expect(page.get_by_role("alert")).to_contain_text("Email or password is incorrect.", timeout=15_000)
