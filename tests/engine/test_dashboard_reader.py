"""Reading what a dashboard must show: the figures a brief names, in its order, and the
sections a news site is split into."""

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
