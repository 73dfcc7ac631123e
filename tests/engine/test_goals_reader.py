"""Reading goals, worked-out fields, choices to press and currencies from trackers' briefs."""

from __future__ import annotations

from autowebiq_app.engine.reading.facts import currency_of
from autowebiq_app.engine.reading.phrases import field_type, tracked_nouns
from tests.engine.reading import spec


def goal_of(found) -> dict:
    return next(use.config() for _, use in found.features() if use.feature == "goal")


def test_a_daily_goal_in_units_the_records_hold_sums_that_field_for_today():
    found = spec("Calorie counter: add foods with their calories, and see today's total against a 2000 kcal daily goal and how many are left.")
    goal = goal_of(found)
    assert (goal["goal"], goal["field"], goal["period"], goal["unit"]) == (2000, "calories", "today", "kcal")
    assert found.pages[1].features[0].feature == "goal"  # it opens the site


def test_a_goal_in_things_counted_one_by_one_gets_a_button_that_adds_one_and_a_history():
    found = spec("Track my water intake: I add glasses through the day towards a daily goal of 8 glasses, and see a history of past days.")
    assert found.domain == "water-tracker"
    goal = goal_of(found)
    assert goal["goal"] == 8 and goal["quick_add"] == "Add glass" and "field" not in goal
    assert any(p.slug == "history" for p in found.pages)


def test_a_budget_set_by_the_visitor_counts_only_what_they_spend_in_the_currency_asked():
    found = spec(
        "Travel budget tracker for a 2-week trip to Thailand, amounts in Thai baht: I set a total budget, add "
        "expenses with a category, and see the total spent and the remaining budget."
    )
    goal = goal_of(found)
    assert goal["goal_label"] == "Total budget" and goal["own"] is True and goal["period"] == "all"
    assert found.facts.currency == "THB"


def test_hours_slept_are_worked_out_and_moods_are_pressed():
    sleep = spec("Sleep tracker: log the date, bedtime and wake-up time each night, show the hours slept per night and my weekly average.")
    assert sleep.entity("night").field("hours").compute == "hours:bedtime,wake"
    mood = spec("Mood journal: each day I pick a mood emoji (great, good, okay, bad, awful) and write a short note; show a weekly mood chart.")
    field = next(f for e in mood.entities for f in e.fields if f.key == "mood" and f.options)
    assert field.buttons and field.options == ["Great", "Good", "Okay", "Bad", "Awful"]


def test_words_that_looked_like_other_types_or_things():
    assert field_type("Country") == "text" and field_type("Image URL") == "url" and field_type("Age") == "number"
    assert field_type("Time of day") == "time"
    assert tracked_nouns("Travel journal where I log places I've visited with the country") == ["place"]
    assert currency_of("We try hard to keep prices low") is None
    meds = spec(
        "Medication reminder app for my grandmother, with big text: a list of her medicines with the dose and "
        "the time of day, and she ticks each one when taken."
    )
    labels = {f.label: f.type for f in meds.entity("medication").fields}
    assert labels["Time of day"] == "time" and labels["Taken"] == "bool"
