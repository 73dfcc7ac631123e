"""The words of the interface (buttons, labels, messages) in the languages a brief can ask for.

The words live in `interface_words/<language>.toml`, one file per language in `LANGUAGES`.
`en.toml` has every key a feature module asks for (`AW.t("key", "English")` in
`catalog/data/features/*.js`) or the site around them uses, with the feature's own English;
every other language translates every key (tests/engine/test_interface_words.py keeps it so).
The runtime reads the same table (`AW.t`), which `appsite.data_js` writes into each site.

A file's sections only group the keys. The `varies_in_english` section holds the keys whose
English a feature writes itself ("No recipes yet.", with the list's name) or that differ from one
feature to another: an English site leaves them out, so each feature keeps its own English.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

WORDS_DIR = Path(__file__).parent / "interface_words"

LANGUAGES = {"en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese", "de": "German", "it": "Italian"}

# The section of English words a site in English leaves to the features themselves.
VARIES_IN_ENGLISH = "varies_in_english"


@cache
def sections(language: str) -> dict[str, dict[str, str]]:
    """The words of `language` as its file groups them: section name → key → text."""
    with (WORDS_DIR / f"{language}.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def _table(language: str) -> dict[str, str]:
    """Every key of `language`, as one table."""
    return {key: text for section in sections(language).values() for key, text in section.items()}


@cache
def _english_base() -> dict[str, str]:
    words = dict(sections("en"))
    del words[VARIES_IN_ENGLISH]
    return {key: text for section in words.values() for key, text in section.items()}


def words_for(language: str) -> dict[str, str]:
    """The interface words in `language`: English overlaid with the language's own (every key,
    for the languages in `LANGUAGES`); English for a language without a file."""
    english = _english_base()
    if language == "en" or language not in LANGUAGES:
        return dict(english)
    return english | _table(language)


# The English of the groups of words older code and tests name: the site and shared words, the quiz,
# the arithmetic drill and courses, and the timer, text counter and comment and sign-up forms.
ENGLISH = dict(sections("en")["common"])
QUIZ_ENGLISH = dict(sections("en")["quiz"])
LEARNING_ENGLISH = dict(sections("en")["learning"])
TIMER_ENGLISH = dict(sections("en")["tools"])
