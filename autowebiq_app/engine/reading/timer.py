"""A timer's lengths as the brief gives them: "50-minute focus sessions and 10-minute breaks",
"a 15 minute long break"."""

from __future__ import annotations

import re

from autowebiq_app.catalog.app_spec import FeatureUse, PageSpec, map_uses

_LENGTHS = {
    "long_break": r"(\d{1,3})[- ]?min(?:ute)?s?\s+long breaks?",
    "short_break": r"(\d{1,3})[- ]?min(?:ute)?s?\s+(?:short\s+)?breaks?",
    "focus": r"(\d{1,3})[- ]?min(?:ute)?s?\s+(?:focus|work|study|pomodoro|deep work)?\s*(?:sessions?|blocks?|intervals?|pomodoros?)",
}


def timer_lengths(text: str) -> dict[str, int]:
    """The minutes the brief names for each part of a timer (what it does not name keeps the default)."""
    lowered = text.lower()
    found: dict[str, int] = {}
    for part, pattern in _LENGTHS.items():
        match = re.search(pattern, lowered)
        if match and 1 <= int(match.group(1)) <= 180:
            found[part] = int(match.group(1))
    return found


def with_timer_lengths(text: str, pages: list[PageSpec]) -> list[PageSpec]:
    lengths = timer_lengths(text)
    if not lengths:
        return pages
    return map_uses(
        pages, lambda use: FeatureUse(feature="timer", **(use.config() | lengths)) if use.feature == "timer" else use
    )
