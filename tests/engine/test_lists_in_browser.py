"""Lists people keep, in Chromium: a helpdesk's add button that is not the list's "New ticket"
link to the form, a reading list browsed by the topics typed into it, and a newsletter's
archive with a subscribe form instead of a marketing page."""

from __future__ import annotations

import pytest

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.engine.browser import serve_files
from autowebiq_app.engine.pipeline import SilentReporter, build_site
from autowebiq_app.engine.providers import OfflinePlanner

pytestmark = pytest.mark.browser


def built(prompt: str) -> dict[str, str]:
    return build_site(prompt, reporter=SilentReporter(), catalog=bundled_catalog(), planner=OfflinePlanner()).files


def ready(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("html[data-app-ready]", state="attached")


def test_the_form_button_adds_and_the_new_button_only_leads_to_the_form(browser_page):
    page = browser_page
    files = built("Support ticket dashboard for our helpdesk with a list of tickets I can add to and close")
    with serve_files(files) as base:
        ready(page, base + "tickets.html")
        collection = page.locator('[data-feature="collection"]')
        names = collection.get_by_role("button").all_inner_texts()
        assert names.count("New ticket") == 1, names  # one button of that name, not two doing different things
        assert collection.get_by_role("button", name="Cancel").count() == 0  # nothing to cancel outside an edit
        collection.get_by_role("button", name="New ticket").click()
        assert page.evaluate("document.activeElement.name") == "subject"  # it leads to the form's first field
        page.get_by_label("Subject").fill("Printer on floor 7 hums Mozart")
        collection.get_by_role("button", name="Add ticket").click()
        page.reload()
        page.wait_for_selector("html[data-app-ready]", state="attached")
        assert collection.get_by_text("Printer on floor 7 hums Mozart").count() == 1
        collection.get_by_role("button", name="Edit Printer on floor 7 hums Mozart").click()
        assert page.get_by_label("Subject").input_value() == "Printer on floor 7 hums Mozart"
        collection.get_by_role("button", name="New ticket").click()  # leaves the edit for an empty form
        assert page.get_by_label("Subject").input_value() == ""
        assert collection.get_by_role("button", name="Add ticket").count() == 1


def test_a_reading_list_is_browsed_by_the_topics_typed_into_it(browser_page):
    page = browser_page
    files = built("A read-later reading list: I paste article links with a title and a topic, and mark them as read")
    assert "Crumb" not in "".join(files.values())
    with serve_files(files) as base:
        ready(page, base + "articles.html")
        saved = (("Brindlewick bridge engineering", "Engineering"), ("Marmalade in twelve steps", "Cooking"))
        for title, topic in saved:
            form = page.locator("form.aw-form")
            form.locator("[name=title]").fill(title)
            form.get_by_label("Link").fill("https://example.com/" + topic.lower())
            form.locator("[name=topic]").fill(topic)
            form.get_by_role("button", name="Save article").click()
        page.locator("nav.aw-browse").get_by_role("link", name="Cooking").click()
        page.wait_for_selector("html[data-app-ready]", state="attached")
        cards = page.locator(".aw-card")
        assert "Marmalade in twelve steps" in cards.all_inner_texts()[0]
        assert not any("Brindlewick" in text for text in cards.all_inner_texts())
        assert cards.first.get_by_role("button", name="Mark as read").count() == 1
        cards.first.get_by_role("button", name="Mark as read").click()
        assert cards.first.get_by_role("button", name="Mark as read").count() == 0
        assert cards.first.get_by_role("checkbox", name="Read").is_checked()


def test_a_newsletter_has_an_archive_of_issues_and_a_subscribe_form(browser_page):
    page = browser_page
    files = built(
        "Newsletter archive for 'The Friday Fern', a weekly gardening newsletter: past issues and a subscribe form."
    )
    assert {"archive.html", "subscribe.html"} <= set(files)
    with serve_files(files) as base:
        ready(page, base)
        assert "The Friday Fern" in page.locator("h1").first.inner_text()
        page.get_by_label("Email").first.fill("fern.lover42@example.com")
        page.get_by_role("button", name="Subscribe").first.click()
        page.get_by_text("Thank", exact=False).first.wait_for()
        ready(page, base + "archive.html")
        assert page.locator('[data-feature="collection"] form').count() == 0  # readers read; publishing is its own page
        page.locator(".aw-card").first.get_by_role("link").first.click()
        page.wait_for_selector("html[data-app-ready]", state="attached")
        assert "Issue" in page.locator(".aw-collection__detail").inner_text()


def test_a_school_dashboard_counts_different_classes_and_a_teacher_takes_any_subject(browser_page):
    page = browser_page
    files = built("School admin dashboard showing the number of students, teachers and classes, with pages to add them")
    with serve_files(files) as base:
        ready(page, base + "dashboard.html")
        figure = page.locator(".aw-stat", has_text="Classes")
        classes = page.evaluate(
            "new Set(AW.db.list('student').map(function (s) { return s['class']; }).filter(Boolean)).size"
        )
        assert classes >= 2 and figure.locator(".aw-stat__value").inner_text() == str(classes)
        page.evaluate("AW.db.add('student', {name: 'New pupil', 'class': 'Year 12 Z'})")
        page.wait_for_function(
            "document.querySelector('.aw-stat:nth-child(3) .aw-stat__value').textContent === String(%d)" % (classes + 1)
        )
        ready(page, base + "teachers.html")
        form = page.locator("form.aw-form")
        form.locator("[name=name]").fill("Ignatius Bellweather")
        subject = form.locator("[name=subject]")
        assert subject.evaluate("el => el.list && el.list.options.length") >= 5  # the usual subjects suggested
        subject.fill("Astronomy")
        form.get_by_role("button", name="Add teacher").click()
        card = page.locator(".aw-card", has_text="Ignatius Bellweather")
        assert "Astronomy" in card.inner_text()


def test_a_metrics_dashboard_switches_period_and_lists_top_pages_largest_first(browser_page):
    page = browser_page
    files = built(
        "Website traffic dashboard with page views, unique visitors, bounce rate and a top pages table. "
        "Add a range switch for last 7 days and last 30 days."
    )
    with serve_files(files) as base:
        ready(page, base + "dashboard.html")
        views = page.locator(".aw-stat", has_text="Page views").locator(".aw-stat__value")
        week = int(views.inner_text().replace(",", ""))
        page.get_by_role("button", name="Last 30 days").click()
        assert page.get_by_role("button", name="Last 30 days").get_attribute("aria-pressed") == "true"
        month = int(views.inner_text().replace(",", ""))
        assert month > week > 0
        # The owner's new figure for the period is what the card shows.
        page.evaluate("AW.db.add('metric', {name: 'Page views', period: 'Last 30 days', value: 123456, unit: 'count'})")
        page.wait_for_function(
            "[...document.querySelectorAll('.aw-stat__value')].some(e => e.textContent === '123,456')"
        )
        page.get_by_role("button", name="Last 7 days").click()
        assert int(views.inner_text().replace(",", "")) == week
        top = page.locator('[data-feature="report"] table').first
        rows = top.locator("tbody tr").filter(has_not_text="Total")
        totals = [int(t.replace(",", "")) for t in rows.locator("td:last-child").all_inner_texts()]
        assert len(totals) >= 3 and totals == sorted(totals, reverse=True)


def test_a_watchlist_report_totals_what_was_invested_in_each_stock(browser_page):
    page = browser_page
    files = built(
        "A tool where I keep a watchlist of stock codes with purchase price and quantity, "
        "and generate a report of total invested per stock."
    )
    with serve_files(files) as base:
        ready(page, base + "watchlist.html")
        form = page.locator("form.aw-form").first
        for price, quantity in (("12.5", "8"), ("10", "3")):
            form.locator("[name=code]").fill("KSTL")
            form.get_by_label("Purchase price").fill(price)
            form.get_by_label("Quantity").fill(quantity)
            form.get_by_role("button", name="Add stock").click()
        ready(page, base + "report.html")
        row = page.locator('[data-feature="report"] table').first.locator("tr", has_text="KSTL")
        assert row.locator("td").all_inner_texts()[-2:] == ["2", "$130.00"]  # 12.5 × 8 + 10 × 3


def test_a_packing_list_on_each_trip_keeps_its_items_and_ticks(browser_page):
    page = browser_page
    files = built("Trip planner app: create a trip with a destination and dates, and keep a packing list per trip.")
    with serve_files(files) as base:
        ready(page, base + "trips.html")
        page.locator(".aw-card h3 a").first.click()
        packing = page.locator(".aw-children", has_text="Packing list")
        # The field is called "item", a name a form's list of controls also has as a method.
        packing.locator("[name=item]").fill("Quill 42 star chart")
        packing.get_by_role("button", name="Add item").click()
        assert packing.locator(".aw-card", has_text="Quill 42 star chart").count() == 1
        page.reload()
        page.wait_for_selector("html[data-app-ready]", state="attached")
        assert page.locator(".aw-children", has_text="Packing list").get_by_text("Quill 42 star chart").count() == 1
        ready(page, base + "trips.html")
        page.locator(".aw-card h3 a").nth(1).click()
        assert page.locator(".aw-children", has_text="Packing list").get_by_text("Quill 42 star chart").count() == 0
