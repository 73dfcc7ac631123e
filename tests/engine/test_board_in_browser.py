"""A forum's behaviour in Chromium: its categories as links to filtered lists, comments that
need no name, and the brief's own verb on the add button."""

from __future__ import annotations

import pytest

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.engine.browser import serve_files
from autowebiq_app.engine.pipeline import SilentReporter, build_site
from autowebiq_app.engine.providers import OfflinePlanner

pytestmark = pytest.mark.browser


def built(prompt: str) -> dict[str, str]:
    return build_site(prompt, reporter=SilentReporter(), catalog=bundled_catalog(), planner=OfflinePlanner()).files


def test_a_category_link_opens_the_list_of_that_category_only(browser_page):
    files = built("A community forum for gardeners with categories (Vegetables, Flowers, Pests), threads and replies.")
    with serve_files(files) as base:
        browser_page.goto(base)
        links = browser_page.locator("nav.aw-browse a")
        assert links.all_inner_texts()[:3] == ["Vegetables", "Flowers", "Pests"]
        browser_page.get_by_role("link", name="Flowers").first.click()
        browser_page.wait_for_selector("html[data-app-ready]", state="attached")
        cards = browser_page.locator(".aw-card")
        assert cards.count() >= 1
        for text in cards.all_inner_texts():
            assert "Flowers" in text and "Vegetables" not in text and "Pests" not in text
        assert "Flowers" in browser_page.locator(".aw-collection__head h2").first.inner_text()
        assert browser_page.locator("nav.aw-browse a[aria-current=page]").inner_text() == "Flowers"


def test_a_comment_needs_no_name_but_does_need_words(browser_page):
    files = built("A site where people post and comment on poems")
    with serve_files(files) as base:
        browser_page.goto(base)
        browser_page.wait_for_selector("html[data-app-ready]", state="attached")
        assert browser_page.get_by_role("button", name="Post poem", exact=True).count() == 1
        browser_page.locator(".aw-card h3 a").first.click()
        form = browser_page.locator(".aw-comments ~ form")
        form.get_by_role("button").click()
        assert browser_page.locator(".aw-comment").count() == 0
        form.get_by_label("Comment").fill("Lovely imagery")
        form.get_by_role("button").click()
        assert browser_page.locator(".aw-comment").first.inner_text().startswith("Guest")
        browser_page.reload()
        browser_page.wait_for_selector(".aw-comment")
        assert "Lovely imagery" in browser_page.locator(".aw-comment").first.inner_text()


def test_a_band_site_signs_fans_up_once_and_refuses_a_bad_address(browser_page):
    files = built(
        "Musician portfolio for the jazz trio Blue Juniper: upcoming gigs, a discography, and a mailing list signup"
    )
    with serve_files(files) as base:
        browser_page.goto(base)
        browser_page.wait_for_selector("html[data-app-ready]", state="attached")
        form = browser_page.locator("form.aw-subscribe")
        form.get_by_label("Email").fill("not-an-email")
        form.get_by_role("button", name="Subscribe").click()
        assert "Thanks for subscribing" not in browser_page.inner_text("main")
        form.get_by_label("Email").fill("fan@example.com")
        form.get_by_role("button", name="Subscribe").click()
        assert "Thanks for subscribing" in browser_page.inner_text("main")
        browser_page.reload()
        browser_page.wait_for_selector("html[data-app-ready]", state="attached")
        assert "Subscribed as fan@example.com" in browser_page.inner_text("main")
        form.get_by_label("Email").fill("FAN@example.com")
        form.get_by_role("button", name="Subscribe").click()
        assert "already on the list" in browser_page.inner_text("main")
        assert browser_page.evaluate("AW.db.list('_subscribers').length") == 1


def test_an_about_page_tells_who_and_where(browser_page):
    files = built(
        "Portfolio website for a photographer, Mira Solberg, based in Oslo. Pages: gallery, about, and a contact form."
    )
    assert "about.html" in files and 'href="about.html"' in files["index.html"]
    with serve_files(files) as base:
        browser_page.goto(base)
        assert browser_page.locator(".aw-hero .eyebrow").text_content() == "Photographer · Oslo"
        browser_page.get_by_role("link", name="About", exact=True).first.click()
        main = browser_page.inner_text("main")
        assert "Oslo" in main and "About" in main


def test_browsing_by_a_text_field_links_the_values_people_wrote(browser_page):
    files = built(
        "Travel journal where I log places I've visited with the country, a note and a rating from 1 to 5, "
        "and browse them by country"
    )
    with serve_files(files) as base:
        browser_page.goto(base)
        browser_page.wait_for_selector("html[data-app-ready]", state="attached")
        form = browser_page.locator("form.aw-form").first
        for place, country in (("Tsukiji outer market", "Atlantis"), ("Torres del Paine", "Chile")):
            form.get_by_label("Place").fill(place)
            form.get_by_label("Country").fill(country)
            form.get_by_role("button", name="Add place").click()
        chips = browser_page.locator("nav.aw-browse a")
        assert "Atlantis" in chips.all_inner_texts() and "Chile" in chips.all_inner_texts()
        chips.get_by_text("Atlantis", exact=True).click()
        browser_page.wait_for_selector("html[data-app-ready]", state="attached")
        listed = browser_page.locator(".aw-card").all_inner_texts()
        assert len(listed) == 1 and "Tsukiji outer market" in listed[0]
