"""The workspace's controls: Enter sends (Shift+Enter breaks the line), the build's stages are
shown as it runs and its time when it ends, a queued build can be cancelled for a refund, and
the Code and Spec tabs show what the latest version is made of."""

from __future__ import annotations

import os
import signal

import pytest
from playwright.sync_api import expect

from tests.e2e.flows import BUILD_COMPLETE, build, create_project, sign_up

pytestmark = pytest.mark.browser

WATCH_STATUS = """
window.awStatuses = [];
new MutationObserver(function () {
  var text = document.getElementById("build-status").textContent;
  if (window.awStatuses[window.awStatuses.length - 1] !== text) window.awStatuses.push(text);
}).observe(document.getElementById("build-status"), {childList: true, characterData: true, subtree: true});
"""

STAGE_ORDER = ["🚀 Starting…", "🧠 Planner…", "🖼️ Image…", "🎨 Frontend…", "🔍 QA…"]


def test_enter_sends_and_the_stages_show_as_the_build_runs(app_url, browser_page):
    page = browser_page
    sign_up(page, app_url)
    create_project(page, "Stages")
    messages = page.locator(".chat-message")
    prompt = page.locator("#prompt")

    prompt.fill("A florist called Petal & Stem")
    prompt.press("Shift+Enter")
    prompt.press_sequentially("in Bath")
    assert prompt.input_value() == "A florist called Petal & Stem\nin Bath"
    expect(messages).to_have_count(0)

    page.evaluate(WATCH_STATUS)
    prompt.press("Enter")
    expect(messages).to_have_count(2, timeout=90_000)
    expect(page.locator("#build-status")).to_have_text(BUILD_COMPLETE, timeout=30_000)
    assert prompt.input_value() == ""
    seen = page.evaluate("window.awStatuses")
    # Updates that arrive within one tick reach the page together, so a fast build may skip a
    # stage on screen; what is shown comes in the agents' order, and the feed keeps every stage.
    stages = [s for s in seen if s.endswith("…") and s in STAGE_ORDER]
    assert stages, seen
    assert stages == sorted(stages, key=STAGE_ORDER.index), seen
    agents = page.locator("#build-feed .feed-item .rt-Badge").all_inner_texts()
    assert [a for a in dict.fromkeys(agents) if a != "system"][:4] == ["planner", "image", "frontend", "qa"], agents
    expect(page.locator("#build-progress")).to_have_text("100%")


def test_a_queued_build_is_cancelled_and_refunded(running_app, browser_page):
    page = browser_page
    sign_up(page, running_app.url)
    create_project(page, "Cancelled")
    os.killpg(running_app.worker.pid, signal.SIGSTOP)
    try:
        page.fill("#prompt", "A jazz trio called Blue Hours")
        page.click("#build-button")
        expect(page.locator("#build-status")).to_have_text("Queued: waiting for a builder…", timeout=30_000)
        expect(page.locator("#credit-balance")).to_have_text("90", timeout=15_000)
        page.click("#cancel-button")
        expect(page.locator("#build-notice")).to_have_text("Cancelled: 10 credits refunded.", timeout=15_000)
        expect(page.locator("#build-status")).to_have_text("❌ Build failed", timeout=15_000)
        expect(page.get_by_role("alert")).to_contain_text("Cancelled before it finished.")
        expect(page.locator("#credit-balance")).to_have_text("100", timeout=15_000)
        expect(page.locator("#cancel-button")).to_have_count(0)
    finally:
        os.killpg(running_app.worker.pid, signal.SIGCONT)
    # The worker, once back, leaves the cancelled build alone: no version, no charge.
    page.reload()
    expect(page.locator("#build-status")).to_have_text("❌ Build failed", timeout=30_000)
    expect(page.locator("#credit-balance")).to_have_text("100", timeout=15_000)


def test_the_code_and_spec_tabs_show_the_latest_versions_files_and_plan(app_url, browser_page):
    page = browser_page
    sign_up(page, app_url)
    create_project(page, "Code")
    page.get_by_role("tab", name="Code").click()
    expect(page.get_by_text("The files appear here after the first build.")).to_be_visible()
    page.get_by_role("tab", name="Activity").click()
    build(page, "A CRM for Harbour Roofing in Leeds where we add clients and log calls with them")

    page.get_by_role("tab", name="Code").click()
    files = page.locator(".code-file")
    expect(files.first).to_have_text("index.html", timeout=15_000)
    expect(page.locator("#code-source")).to_contain_text("<!doctype html>")
    files.filter(has_text="styles.css").click()
    expect(page.locator("#code-path")).to_have_text("styles.css")
    expect(page.locator("#code-source")).to_contain_text(":root")
    files.filter(has_text="data.js").click()
    expect(page.locator("#code-source")).to_contain_text("window.AW_SPEC")

    page.get_by_role("tab", name="Spec").click()
    expect(page.locator("#spec-source")).to_contain_text('"entities"')
    expect(page.locator("#spec-source")).to_contain_text('"Harbour Roofing"')
