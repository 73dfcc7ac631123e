"""The app on a phone (390 px) and the workspace's preview: no page scrolls sideways, the
navigation folds into a menu, the preview comes before the chat on a phone and stays pinned
beside it on a desktop, with device widths and open-in-a-new-tab; a styled 404. Screenshots
of each page go to tests/e2e/screenshots/ (untracked) for a person to look at."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.flows import build, create_project, sign_up

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).parent / "screenshots"
PHONE = {"width": 390, "height": 844}
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
TOO_WIDE = """[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right >
  document.documentElement.clientWidth + 1).slice(-5).map(e => e.tagName + '#' + e.id + '.' +
  String(e.className).slice(0, 40) + ' ' + (e.textContent || '').slice(0, 30))"""


def _look(page, name: str) -> None:
    """No sideways scroll, and a screenshot to look at."""
    page.evaluate("document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => r())))")
    sideways = page.evaluate(SIDEWAYS)
    assert sideways <= 0, f"{name} scrolls sideways by {sideways}px: {page.evaluate(TOO_WIDE)}"
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_every_page_fits_a_phone_and_the_navigation_folds_into_a_menu(app_url, browser_page):
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(app_url + "/")
    expect(page.locator("#landing-prompt")).to_be_visible(timeout=30_000)
    _look(page, "phone-landing")
    page.goto(app_url + "/auth")
    expect(page.locator("#auth-submit")).to_be_visible(timeout=30_000)
    _look(page, "phone-auth")

    sign_up(page, app_url)
    expect(page.get_by_role("button", name="Sign out")).to_be_hidden()
    _look(page, "phone-dashboard")
    create_project(page, "Petal")
    build(page, "A florist called Petal & Stem in Bath")
    preview = page.locator("#site-preview").bounding_box()
    assert preview["y"] < page.locator("#prompt").bounding_box()["y"]  # the site first, then the chat
    assert preview["width"] <= PHONE["width"]
    _look(page, "phone-workspace")

    page.goto(app_url + "/dashboard")
    expect(page.locator(".project-thumb")).to_have_count(1, timeout=30_000)
    _look(page, "phone-dashboard-with-a-project")
    page.click("#nav-menu")
    page.get_by_role("menuitem", name="Credits").click()
    page.wait_for_url(re.compile(r"/credits/?$"), timeout=30_000)
    expect(page.locator("#credits-balance-stat")).to_have_text("90", timeout=30_000)
    _look(page, "phone-credits")
    page.goto(app_url + "/templates")
    expect(page.get_by_role("heading").first).to_be_visible(timeout=30_000)
    _look(page, "phone-templates")
    # A template's preview opens inside the screen, its controls reachable.
    page.locator(".template-card").first.get_by_role("button", name="Preview").click()
    dialog = page.get_by_role("dialog")
    expect(page.frame_locator("#template-preview").locator("body")).not_to_be_empty(timeout=15_000)
    for box in (dialog.bounding_box(), page.locator("#template-preview").bounding_box()):
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    close = dialog.get_by_role("button", name="Close").bounding_box()
    assert 0 <= close["x"] and close["x"] + close["width"] <= PHONE["width"] and close["y"] >= 0, close
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _look(page, "phone-template-preview")
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_have_count(0)

    page.goto(app_url + "/no-such-page")
    expect(page.get_by_role("heading", name="This page does not exist")).to_be_visible(timeout=30_000)
    _look(page, "phone-404")
    page.get_by_role("link", name="Your projects").click()
    page.wait_for_url(re.compile(r"/dashboard/?$"), timeout=30_000)

    page.click("#nav-menu")
    page.get_by_role("menuitem", name="Sign out").click()
    page.wait_for_url(re.compile(r"/auth/?$"), timeout=30_000)


def test_the_preview_stays_beside_the_chat_with_device_widths_and_a_new_tab(app_url, browser_page):
    page = browser_page
    sign_up(page, app_url)
    create_project(page, "Crumb")
    build(page, "A neighbourhood bakery called Crumb & Co in York")
    for change in ("Make the accent teal", "Use serif fonts", "Make the tone more playful"):
        build(page, change)
    frame = page.locator("#site-preview")
    page.mouse.wheel(0, 5000)
    page.wait_for_timeout(200)
    box = frame.bounding_box()
    assert 0 <= box["y"] < 900 and box["x"] > 600  # still in view, on the right, after scrolling the chat

    page.locator("#preview-device").get_by_role("radio", name="Phone").click()
    expect(frame).to_have_css("width", "390px")
    page.locator("#preview-device").get_by_role("radio", name="Desktop").click()
    expect(frame).not_to_have_css("width", "390px")  # the device switch is a round trip to the state
    assert frame.bounding_box()["width"] > 390
    src = frame.get_attribute("src")
    page.get_by_role("button", name="Reload").click()
    expect(frame).not_to_have_attribute("src", src)
    href = page.locator("#preview-open").get_attribute("href")
    assert page.request.get(app_url + href).status == 200 and src.startswith(href)
    _look(page, "desktop-workspace")


def test_the_split_between_chat_and_preview_is_resizable_and_remembered(app_url, browser_page):
    page = browser_page
    sign_up(page, app_url)
    create_project(page, "Split")
    chat, preview, handle = (
        page.locator("#workspace-chat"),
        page.locator("#preview-panel"),
        page.locator("#workspace-split"),
    )
    expect(handle).to_be_visible(timeout=30_000)
    before, preview_before = chat.bounding_box()["width"], preview.bounding_box()["width"]

    grip = handle.bounding_box()
    page.mouse.move(grip["x"] + 6, grip["y"] + 40)
    page.mouse.down()
    page.mouse.move(grip["x"] - 194, grip["y"] + 40, steps=5)
    page.mouse.up()
    dragged = chat.bounding_box()["width"]
    assert abs(dragged - (before - 200)) <= 4, (before, dragged)
    assert abs(preview.bounding_box()["width"] - (preview_before + 200)) <= 4

    handle.focus()
    page.keyboard.press("ArrowRight")
    assert abs(chat.bounding_box()["width"] - (dragged + 40)) <= 2
    assert 0 < int(handle.get_attribute("aria-valuenow")) < 100  # the chat's share, for assistive technology

    page.reload()
    expect(handle).to_be_visible(timeout=30_000)
    expect(chat).to_have_js_property("offsetWidth", round(dragged + 40), timeout=15_000)
    # Never narrower than the chat's minimum, however far it is dragged.
    grip = handle.bounding_box()
    page.mouse.move(grip["x"] + 6, grip["y"] + 40)
    page.mouse.down()
    page.mouse.move(5, grip["y"] + 40, steps=5)
    page.mouse.up()
    assert chat.bounding_box()["width"] >= 319
