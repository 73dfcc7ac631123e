"""Versions in the workspace: compare, view, restore, download a zip, publish and unpublish."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from playwright.sync_api import expect

from tests.e2e.flows import SITE_BRAND, build, create_project, sign_up

pytestmark = pytest.mark.browser


def test_versions_compare_view_restore_zip_publish(app_url, browser_page):
    page = browser_page
    sign_up(page, app_url)
    create_project(page, "Bakery")
    build(page, "A neighbourhood bakery called Crumb Corner")
    build(page, "Build a website for a neighbourhood bakery called Golden Rye")
    preview = page.frame_locator("#site-preview")
    expect(preview.locator(SITE_BRAND)).to_have_text("Golden Rye", timeout=30_000)

    page.get_by_role("tab", name="Versions").click()
    rows = page.locator(".version-row")
    expect(rows).to_have_count(2, timeout=15_000)

    page.click("#compare-versions")
    diffs = page.locator(".version-diff")
    expect(diffs.first).to_be_visible(timeout=15_000)
    assert "Golden Rye" in page.locator("#versions-panel").inner_text()
    # Beside the code diff, the two versions drawn side by side: the old name, then the new.
    sides = page.locator("#visual-diff .compare-site")
    expect(sides).to_have_count(2)
    expect(page.frame_locator("#visual-diff .compare-site >> nth=0").locator(SITE_BRAND)).to_have_text(
        "Crumb Corner", timeout=30_000
    )
    expect(page.frame_locator("#visual-diff .compare-site >> nth=1").locator(SITE_BRAND)).to_have_text(
        "Golden Rye", timeout=30_000
    )

    page.locator('.version-row[data-number="1"]').get_by_role("button", name="View").click()
    expect(preview.locator(SITE_BRAND)).to_have_text("Crumb Corner", timeout=15_000)

    # Restore asks first; keeping the current version changes nothing.
    page.locator('.version-row[data-number="1"]').get_by_role("button", name="Restore").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Keep the current version").click()
    expect(page.get_by_role("alertdialog")).to_have_count(0)
    expect(rows).to_have_count(2)
    page.locator('.version-row[data-number="1"]').get_by_role("button", name="Restore").click()
    expect(page.get_by_role("alertdialog")).to_contain_text("Restore version 1?")
    page.click("#confirm-restore")
    expect(rows).to_have_count(3, timeout=15_000)
    expect(preview.locator(SITE_BRAND)).to_have_text("Crumb Corner", timeout=15_000)

    with page.expect_download() as info:
        page.locator('.version-row[data-number="3"]').get_by_role("button", name="Zip").click()
    with zipfile.ZipFile(io.BytesIO(open(info.value.path(), "rb").read())) as archive:
        names = archive.namelist()
        index = next(n for n in names if n.endswith("/index.html"))
        assert "Crumb Corner" in archive.read(index).decode()
        assert any(n.endswith("/styles.css") for n in names)

    page.locator('.version-row[data-number="3"]').get_by_role("button", name="Publish").click()
    link = page.locator("#published-link")
    expect(link).to_be_visible(timeout=15_000)
    href = link.get_attribute("href")
    assert re.fullmatch(r"http://[a-z0-9-]+\.localhost:\d+/", href), href  # an origin of its own
    visitor = page.context.new_page()  # Chromium resolves *.localhost to this machine
    assert visitor.goto(href).status == 200
    expect(visitor.locator(SITE_BRAND)).to_have_text("Crumb Corner")
    assert visitor.evaluate("document.querySelectorAll('script[src=\"/_aw/forms.js\"]').length") == 1

    page.get_by_role("button", name="Unpublish").click()
    expect(link).to_have_count(0, timeout=15_000)
    visitor.close()
    newcomer = page.context.browser.new_context()  # nothing cached (pages may be kept a minute)
    assert newcomer.new_page().goto(href).status == 404
    newcomer.close()
