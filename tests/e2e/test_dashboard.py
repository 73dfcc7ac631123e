"""The dashboard: each project's latest version as a thumbnail, its last build, search, rename, and
delete with a confirmation and undo."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.flows import SITE_BRAND, build, create_project, sign_up

pytestmark = pytest.mark.browser


def test_search_rename_delete_and_undo(app_url, browser_page):
    page = browser_page
    sign_up(page, app_url)
    create_project(page, "Crumb")
    build(page, "A neighbourhood bakery called Crumb & Co in York")
    page.goto(app_url + "/dashboard")
    create_project(page, "Harbour")
    page.goto(app_url + "/dashboard")

    cards = page.locator(".project-card")
    expect(cards).to_have_count(2, timeout=30_000)
    crumb = cards.filter(has_text="Crumb")
    expect(crumb.locator(".project-status")).to_have_text("Built")
    expect(cards.filter(has_text="Harbour").locator(".project-status")).to_have_text("No build yet")
    # Each project shows its latest version, small; one not built yet says so.
    thumb = crumb.frame_locator(".project-thumb")
    expect(thumb.locator(SITE_BRAND)).to_have_text("Crumb & Co", timeout=30_000)
    expect(cards.filter(has_text="Harbour").locator(".project-thumb-empty")).to_have_text("No site yet")

    page.fill("#project-search", "harb")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Harbour")
    page.fill("#project-search", "nothing like this")
    expect(cards).to_have_count(0)
    expect(page.get_by_text("No project matches your search.")).to_be_visible()
    page.fill("#project-search", "")
    expect(cards).to_have_count(2)

    crumb.locator(".rename-project").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Name").fill("Crumb & Co")
    dialog.get_by_role("button", name="Save").click()
    expect(cards.filter(has_text="Crumb & Co")).to_have_count(1, timeout=15_000)

    harbour = cards.filter(has_text="Harbour")
    harbour.locator(".delete-project").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Keep it").click()
    expect(cards).to_have_count(2)
    harbour.locator(".delete-project").click()
    expect(page.get_by_role("alertdialog")).to_contain_text("Delete “Harbour”?")
    page.get_by_role("alertdialog").get_by_role("button", name="Delete").click()
    expect(cards).to_have_count(1, timeout=15_000)
    expect(page.locator("#deleted-notice")).to_contain_text("“Harbour” was deleted.")
    page.click("#undo-delete")
    expect(cards).to_have_count(2, timeout=15_000)
    expect(page.locator("#deleted-notice")).to_have_count(0)

    page.reload()
    expect(cards).to_have_count(2, timeout=30_000)
    expect(cards.filter(has_text="Crumb & Co")).to_have_count(1)
