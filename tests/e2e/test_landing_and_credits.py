"""A visitor types a prompt on the landing page, signs up, and lands in a first build of it;
the credits page shows the balance, the prices, the ledger with links to builds, and usage
per day, at desktop and phone widths."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.flows import BUILD_COMPLETE, SITE_BRAND, build, create_project, sign_up

pytestmark = pytest.mark.browser

PROMPT = "A neighbourhood bakery called Crumb & Co in York"


def test_a_prompt_on_the_landing_page_is_carried_through_sign_up_into_its_first_build(app_url, browser_page):
    page = browser_page
    page.goto(app_url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Describe a website. Watch it get built.")
    expect(page.locator("#pricing")).to_contain_text("A new site or app costs 10, a change by chat 2")
    page.locator(".example").first.click()
    expect(page.locator("#landing-prompt")).to_have_value(re.compile("^Build a luxury e-commerce website"))
    page.fill("#landing-prompt", PROMPT)
    page.click("#landing-build")

    page.wait_for_url(re.compile(r"/auth/?$"), timeout=30_000)
    expect(page.locator("#display_name")).to_be_visible()  # sign-up is chosen for a newcomer
    page.fill("#display_name", "Ada")
    page.fill("#email", f"ada-{uuid.uuid4().hex[:8]}@example.com")
    page.fill("#password", "analytical 1843")
    page.click("#auth-submit")

    page.wait_for_url(re.compile(r"/workspace/[0-9a-f]{32}/?$"), timeout=60_000)
    expect(page.get_by_role("heading", name="Crumb & Co")).to_be_visible(timeout=30_000)
    expect(page.locator("#build-status")).to_have_text(BUILD_COMPLETE, timeout=90_000)
    expect(page.locator(".chat-message").first).to_have_text(PROMPT)
    expect(page.frame_locator("#site-preview").locator(SITE_BRAND)).to_have_text("Crumb & Co", timeout=30_000)
    expect(page.locator("#credit-balance")).to_have_text("90", timeout=15_000)

    # The prompt was used once: going back to the dashboard does not build it again.
    page.goto(app_url + "/dashboard")
    expect(page.locator(".project-card")).to_have_count(1, timeout=30_000)


def test_a_signed_in_visitor_builds_from_the_landing_page_at_once(app_url, browser_page):
    page = browser_page
    sign_up(page, app_url)
    page.goto(app_url + "/")
    page.fill("#landing-prompt", "A snake game with a high score")
    page.click("#landing-build")
    page.wait_for_url(re.compile(r"/workspace/[0-9a-f]{32}/?$"), timeout=60_000)
    expect(page.locator("#build-status")).to_have_text(BUILD_COMPLETE, timeout=90_000)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_credits_page_shows_prices_the_ledger_and_usage(app_url, browser_page, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    sign_up(page, app_url)
    create_project(page, "Crumb")
    build(page, PROMPT)
    build(page, "Make the accent teal")

    page.goto(app_url + "/credits")
    expect(page.locator("#credits-balance-stat")).to_have_text("88", timeout=30_000)
    expect(page.locator("#build-cost")).to_have_text("10")
    expect(page.locator("#edit-cost")).to_have_text("2")
    rows = page.locator(".ledger-row")
    expect(rows).to_have_count(3)  # the edit, the build, the starting credits; newest first
    expect(rows.nth(0).locator(".ledger-amount")).to_have_text("-2")
    expect(rows.nth(1).locator(".ledger-amount")).to_have_text("-10")
    expect(rows.nth(2).locator(".ledger-amount")).to_have_text("+100")
    expect(page.locator("#ledger-showing")).to_have_text("1–3 of 3")
    expect(page.locator("#usage-chart .recharts-bar-rectangle")).not_to_have_count(0)

    page.locator("#ledger-filter").click()
    page.get_by_role("option", name="Added").click()
    expect(rows).to_have_count(1)
    expect(rows.first.locator(".ledger-amount")).to_have_text("+100")

    page.locator("#ledger-filter").click()
    page.get_by_role("option", name="Spent").click()
    expect(rows).to_have_count(2)
    rows.first.get_by_role("link", name="Open project").click()
    page.wait_for_url(re.compile(r"/workspace/[0-9a-f]{32}/?$"), timeout=30_000)
    expect(page.get_by_role("heading", name="Crumb", exact=True)).to_be_visible(timeout=30_000)
