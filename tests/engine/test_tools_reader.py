"""Tools read from the brief: a focus timer with its lengths as given, a word counter, and their words in every language."""

from __future__ import annotations

import pytest

from autowebiq_app.engine.reading.timer import timer_lengths
from autowebiq_app.engine.words import LANGUAGES, TIMER_ENGLISH, words_for
from tests.engine.reading import spec


def test_the_lengths_the_brief_gives():
    assert timer_lengths("Pomodoro timer tool: 25 minute focus sessions and 5 minute breaks") == {
        "focus": 25,
        "short_break": 5,
    }
    assert timer_lengths("a study timer with 50-minute sessions, 10-minute breaks and a 30 minute long break") == {
        "focus": 50,
        "short_break": 10,
        "long_break": 30,
    }
    assert timer_lengths("a pomodoro app") == {}


def test_a_pomodoro_brief_gets_the_timer_and_its_task_list_on_the_home_page():
    found = spec("a study timer with 50-minute sessions and 10-minute breaks, plus a small task list")
    assert found.domain == "focus-timer"
    home = found.pages[0]
    assert [u.feature for u in home.features] == ["timer", "collection"]
    config = home.features[0].config()
    assert (config["focus"], config["short_break"]) == (50, 10) and "long_break" not in config


@pytest.mark.parametrize("language", sorted(set(LANGUAGES) - {"en"}))
def test_the_timer_and_sign_up_words_are_translated(language):
    words = words_for(language)
    same = [
        k
        for k in TIMER_ENGLISH
        if words[k] == TIMER_ENGLISH[k] and k not in ("timer.pause", "timer.mode", "timer.start", "text.label")
    ]
    assert same == []


def test_a_word_counter_brief_gets_the_text_counter():
    found = spec("Word and character counter for text I paste in, also showing characters without spaces")
    assert found.domain == "word-counter" and [u.feature for u in found.pages[0].features] == ["text-stats"]
