"""Learning requests read well: lists of things are not fields, a mark on a lesson does not
land on courses, "details (…)" lists facts rather than choices, and a periodic table."""

from __future__ import annotations

from autowebiq_app.engine.reading.phrases import (
    fields_asked,
    listed_things,
    mark_fields,
    parenthesised_choices,
)
from tests.engine.reading import spec

BRIGHTPATH = (
    "An online course website for Brightpath Academy with courses and lessons. Students enroll in a course, "
    "mark lessons as complete, and see their progress as a percentage."
)


def test_a_list_of_plural_things_is_what_the_site_holds_not_fields():
    assert listed_things(BRIGHTPATH) == ["course", "lesson"]
    assert fields_asked(BRIGHTPATH) == []
    # fields stay fields: singular, or typed plurals (notes, photos)
    assert [f.label for f in fields_asked("a contacts app with name, phone, birthday and notes")] == [
        "Name", "Phone", "Birthday", "Notes",
    ]  # fmt: skip
    assert [f.label for f in fields_asked("a plant journal with photos and notes")] == ["Photos", "Notes"]


def test_a_mark_on_the_second_thing_held_is_not_a_field_of_the_first():
    assert mark_fields(BRIGHTPATH) == []
    assert [f.key for f in mark_fields("An invoices app: mark invoices as paid")] == ["paid"]
    assert [f.key for f in mark_fields("a to-do list with tasks and projects where I mark tasks done")] == ["done"]


def test_the_brightpath_courses_get_no_made_up_fields():
    found = spec(BRIGHTPATH)
    assert found.domain == "online-course"
    assert {"courses", "lessons", "complete"}.isdisjoint(f.key for f in found.entity("course").fields)


def test_details_in_brackets_are_facts_not_choices():
    assert parenthesised_choices("click an element to see its details (atomic number, mass, group)") == []
    assert [f.key for f in parenthesised_choices("choose a service (cut, colour, blow-dry)")] == ["service"]


def test_a_periodic_table_explorer_lists_the_elements_with_their_facts():
    found = spec(
        "Interactive periodic table explorer for chemistry students: click an element to see its details "
        "(atomic number, mass, group), and search by name or symbol."
    )
    assert found.domain == "periodic-table"
    element = found.entity("element")
    assert [f.label for f in element.fields] == [
        "Element", "Symbol", "Atomic number", "Atomic mass", "Group", "Period", "Category",
    ]  # fmt: skip
    by_symbol = {r["symbol"]: r for r in element.records}
    assert len(by_symbol) == 60 and set(range(1, 55)) <= {r["atomic_number"] for r in element.records}
    assert by_symbol["C"]["atomic_mass"] == 12.011 and by_symbol["Fe"]["name"] == "Iron"
    assert by_symbol["O"]["atomic_number"] == 8 and by_symbol["Au"]["atomic_number"] == 79
    assert element.records[-1]["name"] == "Hydrogen", "newest first shows Hydrogen first"
    listing = found.pages[1].features[0].config()
    assert listing["entity"] == "element" and listing["filters"] == ["category"]


def test_the_courses_page_enrols_and_tracks_progress_and_teachers_still_manage_courses():
    found = spec(BRIGHTPATH)
    courses = found.pages[1]
    assert courses.title == "Courses" and courses.features[0].feature == "course-progress"
    assert courses.features[0].config()["lessons"] == "lesson"
    assert any(u.feature == "collection" and u.config().get("entity") == "course" for p in found.pages for u in p.features)


def test_the_learning_features_speak_every_language_the_engine_does():
    from autowebiq_app.engine.words import LANGUAGES, LEARNING_ENGLISH, QUIZ_ENGLISH, words_for

    for language in LANGUAGES:
        words = words_for(language)
        assert set(QUIZ_ENGLISH) | set(LEARNING_ENGLISH) <= set(words)
        if language != "en":
            assert words["quiz.restart"] != "Restart" and words["course.enroll"] != "Enroll", language
    assert words_for("fr")["quiz.restart"] == "Recommencer" and words_for("fr")["quiz.next"] == "Question suivante"
