"""The template gallery and the components page, in the browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from autowebiq_app.catalog.files import bundled_catalog
from tests.e2e.flows import sign_up

pytestmark = pytest.mark.browser
CATALOG = bundled_catalog()


def test_gallery_shows_every_template_with_a_rendered_thumbnail(app_url, browser_page):
    page = browser_page
    page.goto(f"{app_url}/templates")
    cards = page.locator(".template-card")
    expect(cards).to_have_count(len(CATALOG.templates), timeout=30_000)
    for index in range(cards.count()):
        image = cards.nth(index).locator("img")
        image.scroll_into_view_if_needed()
        expect(image).to_have_js_property("complete", True)
        assert image.evaluate("img => img.naturalWidth") == 640, image.get_attribute("src")


def test_filter_search_preview_and_start_from_template(app_url, browser_page):
    page = browser_page
    sign_up(page, app_url)
    page.goto(f"{app_url}/templates")
    expect(page.locator(".template-card")).to_have_count(len(CATALOG.templates), timeout=30_000)

    template = CATALOG.templates["minimal-launch"]
    page.get_by_label("Category").click()
    page.get_by_role("option", name=template.category, exact=True).click()
    in_category = [t for t in CATALOG.templates.values() if t.category == template.category]
    expect(page.locator(".template-card")).to_have_count(len(in_category), timeout=15_000)

    page.get_by_label("Category").click()
    page.get_by_role("option", name="all", exact=True).click()
    page.fill("#template-search", "coming soon")
    expect(page.locator(f'.template-card[data-slug="{template.slug}"]')).to_be_visible(timeout=15_000)
    page.fill("#template-search", "zzqx-no-such-template")
    expect(page.locator(".template-card")).to_have_count(0, timeout=15_000)
    page.fill("#template-search", "coming soon")

    card = page.locator(f'.template-card[data-slug="{template.slug}"]')
    card.get_by_role("button", name="Preview").click()
    frame = page.frame_locator("#template-preview")
    expect(frame.locator("h1")).to_be_visible(timeout=15_000)
    page.get_by_role("radio", name="Phone").click()
    expect(page.locator("#template-preview")).to_have_js_property("offsetWidth", 375)
    assert page.locator("#template-preview").get_attribute("sandbox") == "allow-scripts allow-forms"

    page.get_by_role("dialog").get_by_role("button", name="Start from this template").click()
    page.wait_for_url(re.compile(r"/workspace/[0-9a-f]{32}/?$"), timeout=30_000)
    expect(page.locator("#project-name")).to_have_text(template.site_name, timeout=15_000)
    expect(page.frame_locator("#site-preview").locator(".c-nav-bar__brand, header a").first).to_be_visible(
        timeout=30_000
    )
    expect(page.locator("#credit-balance")).to_have_text("100")


def test_components_page_renders_each_component(app_url, browser_page):
    page = browser_page
    page.goto(f"{app_url}/components")
    cards = page.locator(".component-card")
    expect(cards).to_have_count(len(CATALOG.components), timeout=30_000)
    first = cards.first
    expect(first.frame_locator("iframe").locator("[data-component]").first).to_be_attached(timeout=15_000)
