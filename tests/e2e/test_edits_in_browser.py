"""Chat edits in the workspace: a targeted change, a free answer to what the engine cannot
do, the QA report, and duplicating a project."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.colour import rgb
from tests.e2e.flows import SITE_BRAND, build, create_project, sign_up

pytestmark = pytest.mark.browser


def test_edit_by_chat_quality_report_and_duplicate(app_url, browser_page):
    page = browser_page
    sign_up(page, app_url)
    create_project(page, "Aurum")
    build(page, "Build a luxury e-commerce website for Aurum, a jewellery boutique in Milan selling rings")
    expect(page.locator("#credit-balance")).to_have_text("90", timeout=15_000)

    page.get_by_role("tab", name="Quality").click()
    expect(page.locator("#qa-score")).to_have_text("100/100", timeout=15_000)
    assert page.locator(".qa-check").count() >= 8
    page.get_by_role("tab", name="Activity").click()

    build(page, "make the header dark")
    expect(page.locator("#credit-balance")).to_have_text("88", timeout=15_000)
    header = page.frame_locator("#site-preview").locator("body > header")
    dark = bundled_catalog().templates["luxury-boutique"].palettes["dark"].background
    expect(header).to_have_css("background-color", "rgb({}, {}, {})".format(*rgb(dark)), timeout=30_000)
    expect(page.frame_locator("#site-preview").locator(SITE_BRAND)).to_have_text("Aurum")

    messages = page.locator(".chat-message")
    before = messages.count()
    page.fill("#prompt", "paint it like van gogh")
    page.click("#build-button")
    expect(messages).to_have_count(before + 2, timeout=30_000)
    expect(messages.last).to_contain_text("make the header dark")
    assert messages.last.get_attribute("data-role") == "assistant"
    expect(page.locator("#credit-balance")).to_have_text("88")

    page.get_by_role("tab", name="Versions").click()
    expect(page.locator(".version-row")).to_have_count(2, timeout=15_000)

    original = page.url
    page.click("#duplicate-project")
    page.wait_for_url(lambda url: re.search(r"/workspace/[0-9a-f]{32}/?$", url) and url != original, timeout=30_000)
    expect(page.locator("#project-name")).to_have_text("Aurum (copy)", timeout=30_000)
    expect(page.frame_locator("#site-preview").locator(SITE_BRAND)).to_have_text("Aurum", timeout=30_000)
    expect(page.frame_locator("#site-preview").locator("body > header")).to_have_css(
        "background-color", "rgb({}, {}, {})".format(*rgb(dark))
    )
