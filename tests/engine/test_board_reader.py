"""Boards read from the brief: the brief's verb on the add button, renamed things renamed on
their buttons too, and "marked as resolved" on a board whose threads can be solved."""

from __future__ import annotations

from tests.engine.reading import spec


def _add_label(found, entity: str) -> str:
    return next(
        u.config()["add_label"]
        for p in found.pages
        for u in p.features
        if u.feature == "collection" and u.config().get("entity") == entity and u.config().get("add_label")
    )


def test_people_who_post_get_a_post_button():
    board = spec("Neighbourhood noticeboard for Maple Street where neighbours post lost & found and items for sale.")
    assert board.domain == "forum" and _add_label(board, "thread") == "Post"
    # "like posts" is the noun: the domain's own button stays.
    assert _add_label(spec("A forum for cyclists where members like posts"), "thread") == "Start thread"


def test_the_domain_verb_stays_when_the_brief_uses_it():
    club = spec("Discussion board for our book club. Members start discussions about the monthly book and reply.")
    assert _add_label(club, "thread") == "Start discussion"  # the thread, renamed, on its button too
    assert _add_label(spec("A site where people post and comment on poems"), "poem") == "Post poem"


def test_marked_as_resolved_names_the_solved_field():
    board = spec("Neighbourhood noticeboard where neighbours post lost & found. A post can be marked as resolved.")
    thread = next(e for e in board.entities if e.name == "thread")
    flags = [(f.key, f.label) for f in thread.fields if f.type == "bool"]
    assert flags == [("solved", "Resolved")]
    todo = spec("A to-do list where tasks are ticked off when finished")
    assert [(f.key, f.label) for f in todo.entities[0].fields if f.type == "bool"] == [("done", "Finished")]


def test_browse_by_a_field_links_its_values_and_filters_by_it():
    journal = spec(
        "Travel journal where I log places I've visited with the country, a note and a rating from 1 to 5, "
        "and browse them by country"
    )
    place = next(e for e in journal.entities if e.label == "Place")
    title = next(f for f in place.fields if f.key == place.title)
    assert title.label == "Place"  # the renamed thing's name field says its new name
    assert not [f.key for f in place.fields if f.required and f.key != place.title and f.type == "date"]
    config = next(u.config() for p in journal.pages for u in p.features if u.config().get("entity") == place.name)
    assert config["browse"] == "country" and config["filters"][0] == "country"
