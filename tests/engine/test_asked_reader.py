"""Reading what a brief asks its pages to show: a dashboard's figures in its order, a metrics
dashboard's cards, periods and tables, a report's totals, a news site's sections, a travel
agency's packages and a flight site's search."""

from __future__ import annotations

from autowebiq_app.catalog.app_spec import AppSpec
from autowebiq_app.engine.reading.counts import asked_figures
from tests.engine.reading import spec


def figures(found: AppSpec) -> list[dict]:
    page = next(p for p in found.pages if any(u.feature == "dashboard" for u in p.features))
    return next(u for u in page.features if u.feature == "dashboard").config()["stats"]


def test_the_numbers_a_brief_asks_for_lead_the_dashboard_in_its_order():
    found = spec("School admin dashboard showing the number of students, teachers and classes, with pages to add them")
    stats = figures(found)
    assert [s["label"] for s in stats[:3]] == ["Students", "Teachers", "Classes"]
    assert stats[0] == {"label": "Students", "entity": "student", "agg": "count"}
    # A class is what each student has: the figure counts the different classes, not records.
    assert stats[2] == {"label": "Classes", "entity": "student", "agg": "distinct", "field": "class"}


def test_counts_of_values_count_the_records_with_each_value_and_the_list_ends_with_its_clause():
    found = spec(
        "Support ticket dashboard for our helpdesk - counts of open, in progress and closed tickets at the top, "
        "and a list of tickets below that I can add to and close."
    )
    stats = figures(found)
    assert [(s["label"], s.get("where")) for s in stats[:3]] == [
        ("Open", {"status": "Open"}),
        ("In progress", {"status": "In progress"}),
        ("Closed", {"status": "Closed"}),
    ]
    assert "Tickets" not in [s["label"] for s in stats]  # "a list of tickets" is not a figure asked for


def test_a_brief_that_names_no_figures_keeps_the_domains_own():
    found = spec("A school gradebook for my class")
    assert asked_figures("A school gradebook for my class", found.entities) == []
    assert [s["label"] for s in figures(found)][:2] == ["Students", "Teachers"]


def test_a_teacher_can_teach_a_subject_the_list_does_not_suggest():
    subject = spec("School admin dashboard with pages to add students and teachers").entity("teacher").field("subject")
    assert subject.type == "text" and "Maths" in subject.options  # suggested, not imposed


def test_named_sections_are_the_choices_of_the_section_field_not_fields_of_their_own():
    found = spec("A news site for a small town, the Millbrook Gazette, with sections Local, Sports and Business")
    article = found.entity("article")
    assert article.field("section").options == ["Local", "Sports", "Business"]
    assert not {"sports", "business", "sections_local"} & {f.key for f in article.fields}
    assert {r["section"] for r in article.records} <= {"Local", "Sports", "Business"}


SAAS = (
    "An analytics dashboard for a SaaS startup called Orbitly. Show MRR, active users and churn rate as cards, "
    "and a table of recent signups."
)
TRAFFIC = (
    "Website traffic dashboard with page views, unique visitors, bounce rate and a top pages table. "
    "Add a range switch for last 7 days and last 30 days."
)


def test_the_figures_named_become_the_cards_kept_per_period():
    found = spec(SAAS)
    assert found.domain == "metrics-dashboard"
    stats = figures(found)
    assert [s["label"] for s in stats] == ["MRR", "Active users", "Churn rate"]
    assert all(s["agg"] == "latest" and s["switched"] for s in stats)
    records = found.entity("metric").records
    assert {(r["name"], r["period"]) for r in records} == {
        (name, period) for name in ("MRR", "Active users", "Churn rate") for period in ("Last 7 days", "Last 30 days")
    }
    churn = next(r for r in records if r["name"] == "Churn rate")
    mrr = next(r for r in records if r["name"] == "MRR")
    assert churn["unit"] == "%" and 0 < churn["value"] < 20 and mrr["unit"] == "$"
    assert not {"card", "rate"} & {e.name for e in found.entities}  # "churn rate as cards" names no thing to keep


def test_the_tables_named_are_on_the_dashboard_and_each_has_a_page_to_add_to():
    found = spec(SAAS)
    dashboard = next(p for p in found.pages if p.slug == "dashboard")
    signups = next(u for u in dashboard.features if u.feature == "collection")
    assert signups.config()["heading"] == "Recent signups" and signups.config()["entity"] == "signup"
    assert {"Name", "Email", "Plan", "Date"} <= {f.label for f in found.entity("signup").fields}
    assert any(p.title == "Signups" for p in found.pages)


def test_figures_of_one_kind_are_in_proportion_and_the_switch_has_the_periods_asked():
    found = spec(TRAFFIC)
    stats = figures(found)
    assert [s["label"] for s in stats] == ["Page views", "Unique visitors", "Bounce rate"]
    value = {(r["name"], r["period"]): r["value"] for r in found.entity("metric").records}
    for period in ("Last 7 days", "Last 30 days"):
        assert value["Page views", period] > value["Unique visitors", period]  # views outnumber visitors
    assert value["Page views", "Last 30 days"] > value["Page views", "Last 7 days"]
    assert 30 < value["Bounce rate", "Last 7 days"] < 70
    dashboard = next(p for p in found.pages if p.slug == "dashboard")
    use = next(u for u in dashboard.features if u.feature == "dashboard").config()
    assert use["switch"]["options"] == ["Last 7 days", "Last 30 days"]
    top = next(u for u in dashboard.features if u.feature == "report").config()
    assert top["title"] == "Top pages" and top["largest_first"] and top["sum"] == "views"


def test_other_periods_the_brief_names_are_the_switchs_choices():
    found = spec("A KPI dashboard showing revenue, orders and refund rate for the last 24 hours and last 7 days")
    use = next(u for p in found.pages for u in p.features if u.feature == "dashboard").config()
    assert use["switch"]["options"] == ["Last 24 hours", "Last 7 days"]
    assert [s["label"] for s in use["stats"]] == ["Revenue", "Orders", "Refund rate"]


def test_a_total_per_thing_is_the_reports_sum_worked_out_as_price_times_quantity():
    found = spec(
        "A tool where I keep a watchlist of stock codes with purchase price and quantity, search stock codes, "
        "and generate a report of total invested per stock."
    )
    stock = found.entity("stock")
    invested = stock.field("total_invested")
    assert invested.type == "money" and invested.compute == "product:purchase_price,quantity"
    report = next(u for p in found.pages for u in p.features if u.feature == "report").config()
    assert (report["group_by"], report["sum"]) == ("code", "total_invested")
    assert report["title"] == "Total invested per stock"
    # Two prices would be two boxes a customer cannot tell apart: the list's own is the current one.
    assert [f.label for f in stock.fields if "price" in f.label.lower()] == ["Purchase price", "Current price"]


def test_a_total_of_a_field_is_summed_as_it_is_and_an_unknown_total_changes_nothing():
    found = spec("An invoicing app for freelancers with a report of total amount per client")
    report = next(u for p in found.pages for u in p.features if u.feature == "report").config()
    assert report["sum"] == "amount" and report["group_by"] == "client"
    plain = spec("An invoicing app for freelancers with a report of total happiness per client")
    assert not any(f.compute for e in plain.entities for f in e.fields)


def test_a_translated_period_switch_names_the_periods_as_the_translated_records_do():
    from autowebiq_app.engine.brief import read_brief
    from autowebiq_app.engine.planner import app_draft
    from tests.engine.reading import CATALOG

    found = app_draft(read_brief("A KPI dashboard in German showing revenue, orders and refund rate"), CATALOG)
    use = next(u for p in found.pages for u in p.features if u.feature == "dashboard").config()
    periods = found.entity("metric").field("period").options
    assert use["switch"]["options"] == periods == ["Letzte 7 Tage", "Letzte 30 Tage"]
    assert {r["period"] for r in found.entity("metric").records} == set(periods)


def test_packages_named_in_a_travel_brief_are_the_tours_to_book_not_a_choice_on_each():
    found = spec(
        "Travel agency website for Azure Coast Tours in Croatia. Show tour packages (Dubrovnik, Split, Hvar) "
        "with prices in euros and a booking form for a chosen tour."
    )
    assert found.domain == "tour-agency" and found.facts.currency == "EUR"
    tour = found.entity("tour")
    assert [r["name"] for r in tour.records] == ["Dubrovnik", "Split", "Hvar"]
    # "prices in euros" and "a booking form" are not fields, and the packages are not a select on each.
    assert not {"package", "prices", "booking_form"} & {f.key for f in tour.fields}
    assert all("package" not in r for r in tour.records)


def test_a_flight_search_site_opens_on_the_search():
    found = spec("Flight search website: search flights by from, to and date, and see the trip under My trips.")
    assert found.pages[1].features[0].feature == "booking"


def test_a_list_per_thing_is_a_checklist_on_that_things_page():
    found = spec("Trip planner app: create a trip with a destination and dates, and keep a packing list per trip.")
    item = found.entity("packing_item")
    assert [(f.key, f.type) for f in item.fields] == [("item", "text"), ("trip", "ref"), ("done", "bool")]
    assert item.field("done").label == "Packed"
    trips = next(u for p in found.pages for u in p.features if u.config().get("entity") == "trip")
    child = trips.config()["children"][-1]
    assert (child["entity"], child["via"], child["heading"]) == ("packing_item", "trip", "Packing list")
