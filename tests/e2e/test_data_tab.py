"""The workspace's Data tab shows the records the preview keeps, live: the samples first, then
what the person adds in the preview. Only the preview shares them, only with the builder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.flows import build, create_project, sign_up

SCREENSHOTS = Path(__file__).parent / "screenshots"

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
    """Published, the site runs on an origin of its own, forms and storage included (sandboxed
    without forms, no record could be added: the fault this test was written for); its
    runtime sends records from the builder's preview only (an address under /preview/)."""
    page = browser_page
    sign_up(page, app_url)
    create_project(page, "Quiet")
    build(page, "A to-do app: tasks with a title and a due date")
    page.get_by_role("tab", name="Versions").click()
    page.locator(".version-row").first.get_by_role("button", name="Publish").click()
    link = page.locator("#published-link")
    expect(link).to_be_visible(timeout=15_000)
    site = link.get_attribute("href")
    assert re.fullmatch(r"http://[a-z0-9-]+\.localhost:\d+/", site), site  # an origin of its own
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


@pytest.mark.parametrize("width", [1280, 390])
def test_a_visitors_message_on_the_published_site_reaches_the_owners_data_tab_and_csv(app_url, browser_page, width):
    page = browser_page
    sign_up(page, app_url)
    create_project(page, "Bean")
    build(page, "A cafe called Bean")
    page.get_by_role("tab", name="Data").click()
    expect(page.locator("#submissions-empty")).to_be_visible()
    page.get_by_role("tab", name="Versions").click()
    page.locator(".version-row").first.get_by_role("button", name="Publish").click()
    site = page.locator("#published-link").get_attribute("href", timeout=15_000)

    visitor = page.context.browser.new_context(viewport={"width": width, "height": 844})
    try:
        visit = visitor.new_page()
        visit.goto(f"{site}contact.html")
        # Its own origin: storage works, and the builder's origin is another one.
        stored = visit.evaluate("() => { localStorage.setItem('probe', '1'); return localStorage.getItem('probe'); }")
        assert stored == "1"
        assert visit.evaluate("location.origin") != app_url
        form = visit.locator("form[data-aw-deliver='contact']")
        form.locator("[name='name']").fill("Grace")
        form.locator("[name='email']").fill("not an email")
        form.locator("[name='message']").fill("Do you have oat milk?")
        form.get_by_role("button", name="Send").click()
        visit.wait_for_timeout(500)
        expect(form).not_to_have_attribute("data-aw-delivered", "yes")  # the site refused it: nothing sent
        form.locator("[name='email']").fill("grace@example.com")
        form.get_by_role("button", name="Send").click()
        expect(form).to_have_attribute("data-aw-delivered", "yes", timeout=10_000)
        expect(visit.get_by_text("Thank you, your message has been sent.")).to_be_visible()
        assert visit.evaluate("document.documentElement.scrollWidth") <= width

        # A bot fills every field, the hidden one too: it is told the same, and nothing is kept.
        visit.evaluate("document.querySelector('[name=aw_hp]').value = 'http://spam.example'")
        for name, value in (("name", "Bot"), ("email", "bot@example.com"), ("message", "Cheap pills")):
            form.locator(f"[name='{name}']").fill(value)
        form.evaluate("f => f.removeAttribute('data-aw-delivered')")
        form.get_by_role("button", name="Send").click()
        expect(form).to_have_attribute("data-aw-delivered", "yes", timeout=10_000)
        visit.screenshot(path=str(SCREENSHOTS / f"published-contact-{width}.png"), full_page=True)
    finally:
        visitor.close()

    page.get_by_role("tab", name="Data").click()
    page.locator("#submissions-refresh").click()
    rows = page.locator(".submission-row")
    expect(rows).to_have_count(1, timeout=10_000)
    expect(rows.first).to_contain_text("contact")
    expect(rows.first).to_contain_text("name: Grace · email: grace@example.com")
    expect(rows.first).to_contain_text("Do you have oat milk?")
    with page.expect_download() as info:
        page.locator("#submissions-csv").click()
    lines = open(info.value.path(), encoding="utf-8").read().splitlines()
    assert lines[0] == "received,form,page,name,email,subject,message"
    assert lines[1].endswith(",contact,/contact.html,Grace,grace@example.com,,Do you have oat milk?")
    assert len(lines) == 2
