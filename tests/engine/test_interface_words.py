"""Every interface word of every feature, in every language a brief can ask for: the keys the
feature modules ask for with `AW.t` are in en.toml with the features' own English, every language
translates every key, and a German site carries its German words."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.engine import appsite
from autowebiq_app.engine.pipeline import SilentReporter, build_site
from autowebiq_app.engine.providers import OfflinePlanner
from autowebiq_app.engine.words import LANGUAGES, VARIES_IN_ENGLISH, WORDS_DIR, sections, words_for

FEATURES = Path(appsite.__file__).parent.parent / "catalog" / "data" / "features"
TRANSLATED = sorted(set(LANGUAGES) - {"en"})

_STRING = r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')"""


def _text(literal: str) -> str:
    if literal.startswith("'"):
        literal = '"' + literal[1:-1].replace('\\"', '"').replace("\\'", "'").replace('"', '\\"') + '"'
    return json.loads(literal)


def calls_in(source: str, where: str = "") -> list[tuple[str, str | None]]:
    """Each `AW.t("key", "English")` in `source` (or through an alias, `var say = AW.t;`) as
    (key, English); None for English the script builds (`"No " + plural + " yet."`)."""
    names = ["AW\\.t"] + [re.escape(a) for a in re.findall(r"\bvar\s+(\w+)\s*=\s*AW\.t\s*;", source)]
    callee = r"(?<![\w.$])(?:" + "|".join(names) + r")\s*\("
    found = list(re.finditer(callee + r"\s*" + _STRING + r"\s*,\s*" + _STRING + r"\s*(.)", source, re.S))
    # every call has a literal key and English: a key made at run time could not be translated
    assert len(found) == len(re.findall(callee, source)), where
    return [(_text(m.group(1)), _text(m.group(2)) if m.group(3) in ")," else None) for m in found]


def feature_calls() -> dict[str, dict[str, set[str | None]]]:
    """key → feature → the English it is asked for with."""
    calls: dict[str, dict[str, set[str | None]]] = defaultdict(lambda: defaultdict(set))
    for path in sorted(FEATURES.glob("*.js")):
        for key, english in calls_in(path.read_text(encoding="utf-8"), path.name):
            calls[key][path.stem].add(english)
    return calls


def python_keys() -> set[str]:
    """The keys the Python side reads from `words_for(...)` (the site around the features)."""
    source = Path(appsite.__file__).read_text(encoding="utf-8")
    return set(re.findall(r"""words(?:_for\([^)]*\))?\[["'](\w[\w.-]*)["']\]""", source))


def table(language: str) -> dict[str, str]:
    return {key: text for section in sections(language).values() for key, text in section.items()}


CALLS = feature_calls()
ENGLISH = table("en")


def test_every_key_a_feature_asks_for_is_in_english_with_the_features_own_words():
    assert len(CALLS) > 300  # the reading of the modules found their calls
    missing = sorted(set(CALLS) - set(ENGLISH))
    assert not missing, missing
    varies = sections("en")[VARIES_IN_ENGLISH]
    for key, by_feature in CALLS.items():
        fallbacks = set().union(*by_feature.values())
        if key in varies:
            continue
        assert fallbacks == {ENGLISH[key]}, (key, dict(by_feature))


def test_the_words_english_leaves_to_the_features_are_exactly_those_that_differ_between_calls():
    varies = {
        key
        for key, by_feature in CALLS.items()
        if None in set().union(*by_feature.values()) or len(set().union(*by_feature.values())) > 1
    }
    assert varies == set(sections("en")[VARIES_IN_ENGLISH])
    assert not varies & set(words_for("en"))


def test_every_key_the_site_around_the_features_reads_is_in_english():
    keys = python_keys()
    assert {"skip", "menu", "why", "not_found"} <= keys
    assert keys <= set(words_for("en"))


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_language_has_exactly_the_keys_of_english_in_the_same_sections(language):
    english = {name: set(words) for name, words in sections("en").items()}
    assert {name: set(words) for name, words in sections(language).items()} == english


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_a_key_is_in_one_section_and_no_text_is_empty_or_loses_a_placeholder(language):
    seen: list[str] = [key for words in sections(language).values() for key in words]
    assert len(seen) == len(set(seen))
    for key, text in table(language).items():
        assert isinstance(text, str) and text.strip() and text == text.strip(), (language, key)
        assert sorted(re.findall(r"\{\w+\}", text)) == sorted(re.findall(r"\{\w+\}", ENGLISH[key])), (language, key)


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_language_is_translated_not_copied(language):
    words = table(language)
    same = [key for key in ENGLISH if words[key] == ENGLISH[key]]
    assert len(same) < len(ENGLISH) / 20, same


@pytest.mark.parametrize("language", TRANSLATED)
def test_words_for_a_language_is_its_own_word_for_every_key(language):
    assert words_for(language) == table(language)


def test_english_and_a_language_without_a_file_get_the_english_the_features_do_not_write_themselves():
    base = {k: v for k, v in ENGLISH.items() if k not in sections("en")[VARIES_IN_ENGLISH]}
    assert words_for("en") == base == words_for("nl")
    assert sorted(path.stem for path in WORDS_DIR.glob("*.toml")) == sorted(LANGUAGES)


def test_the_words_keep_the_existing_translations():
    assert words_for("de")["no_comments"] == "Noch keine Kommentare. Schreiben Sie den ersten."
    assert words_for("fr")["quiz.restart"] == "Recommencer" and words_for("es")["read_more"] == "Leer más"
    assert words_for("pt")["save"] == "Guardar" and words_for("it")["explore"] == "Cosa puoi fare qui"


def test_a_german_site_carries_its_german_words():
    files = build_site(
        "Ein Blog auf Deutsch über Wandern in den Alpen namens Gipfelglück, mit Artikeln, Kategorien "
        "(Touren, Ausrüstung, Hütten) und Kommentaren.",
        reporter=SilentReporter(),
        catalog=bundled_catalog(),
        planner=OfflinePlanner(),
    ).files
    data = files["data.js"]
    spec = json.loads(data.removeprefix("window.AW_SPEC = ").rstrip().removesuffix(";"))
    assert spec["lang"] == "de"
    words = spec["words"]
    assert words == words_for("de")
    # the comments the brief asks for are in the site, and speak German
    assert 'AW.t("no_comments", "No comments yet. Be the first.")' in files["app.js"]
    assert words["no_comments"] == "Noch keine Kommentare. Schreiben Sie den ersten."
    assert words["comment"] == "Kommentieren" and words["back"] == "Zurück zur Liste der"
    assert "No comments yet. Be the first." not in data and '"Filter by"' not in data
    # every word the site's features ask for has its German
    asked = {key for key, _ in calls_in(files["app.js"], "app.js")}
    assert len(asked) > 50 and asked <= set(words)
    assert len([key for key in asked if words[key] == ENGLISH[key]]) < len(asked) / 20
    pages = [text for name, text in files.items() if name.endswith(".html")]
    assert all('lang="de"' in page and "Skip to content" not in page for page in pages)
    assert any("Zum Inhalt" in page for page in pages)
