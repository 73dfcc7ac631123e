"""The workspace's Data tab shows the records the preview keeps, live: the samples first, then
what the person adds in the preview. Only the preview shares them, only with the builder."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.flows import build, create_project, sign_up

pytestmark = pytest.mark.browser


def test_the_data_tab_shows_the_previews_records_as_they_change(app_url, browser_page):
    page = browser_page
    sign_up(page, app_url)
    create_project(page, "Chores")
    build(page, "A to-do app: tasks with a title and a due date")

    page.get_by_role("tab", name="Data").click()
    data = page.locator("#preview-data")
    heading = data.locator(".data-entity").first
    expect(heading).to_have_text(re.compile(r"^task \(\d+\)$"), timeout=15_000)
    samples = int(re.search(r"\d+", heading.inner_text()).group())
    assert samples > 0
    expect(data.locator(".data-row")).to_have_count(samples)

    frame = page.frame_locator("#site-preview")
    frame.locator("nav a[href='tasks.html']").first.click()
    form = frame.locator(".aw-collection__side form")
    title = form.get_by_role("textbox").first  # the task's title, its first field
    title.fill("Water the ferns")
    form.get_by_role("button", name="Add task").click()
    page.wait_for_timeout(2000)
    expect(heading).to_have_text(f"task ({samples + 1})", timeout=15_000)
    expect(data.locator(".data-row").filter(has_text="Water the ferns")).to_have_count(1)
    # Drawn as text: a record's markup is not markup in the builder.
    title.fill("<b id='injected'>bold</b>")
    form.get_by_role("button", name="Add task").click()
    expect(data.locator(".data-row").filter(has_text="<b id='injected'>bold</b>")).to_have_count(1)
    expect(page.locator("#injected")).to_have_count(0)


def test_a_published_sites_forms_work_and_it_shares_nothing_with_a_page_around_it(app_url, browser_page):
    """Published, the site runs in the same sandbox as its preview, forms included (without
    them, no record could be added: the fault this test was written for); its runtime sends
    records from the builder's preview only (an address under /preview/)."""
    page = browser_page
    sign_up(page, app_url)
    create_project(page, "Quiet")
    build(page, "A to-do app: tasks with a title and a due date")
    page.get_by_role("tab", name="Versions").click()
    page.locator(".version-row").first.get_by_role("button", name="Publish").click()
    link = page.locator("#published-link")
    expect(link).to_be_visible(timeout=15_000)
    site = f"{app_url}{link.get_attribute('href')}"
    # A page of the builder's own origin embeds the published site: the origin the preview
    # would send to, so only the runtime's own rule keeps it quiet.
    page.goto(f"{app_url}/no-such-page")
    page.evaluate(
        """site => {
          window.got = [];
          addEventListener("message", e => window.got.push(e.data));
          const frame = document.createElement("iframe");
          frame.id = "outside";
          frame.sandbox = "allow-scripts allow-forms";
          frame.src = site;
          document.body.appendChild(frame);
        }""",
        site,
    )
    expect(page.frame_locator("#outside").locator("header").first).to_be_visible(timeout=15_000)
    page.wait_for_timeout(1000)
    assert page.evaluate("window.got") == []

    page.goto(f"{site}tasks.html")
    form = page.locator(".aw-collection__side form")
    form.get_by_role("textbox").first.fill("Post the parcel")
    form.get_by_role("button", name="Add task").click()
    expect(page.locator(".aw-card").filter(has_text="Post the parcel")).to_have_count(1)
