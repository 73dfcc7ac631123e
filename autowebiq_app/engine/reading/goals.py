"""Goals read from the brief: "a daily goal of 8 glasses", "today's total against a 2000 kcal
daily goal and how many are left", "I set a total budget ... and see the remaining budget".

A goal becomes the `goal` feature at the top of the main thing's list (so it opens the
site): the running total of a field (or a count), what is left, and the goal to change."""

from __future__ import annotations

import re

from autowebiq_app.catalog.app_spec import Entity, FeatureUse, PageSpec
from autowebiq_app.engine.reading.phrases import singular

_NUMBER = r"(\d{1,3}(?:[,.\s]\d{3})+|\d+)"
_GOAL = (
    rf"\b(?:goal|target|limit)\s+(?:of\s+)?{_NUMBER}\s*([a-z]+)?",
    rf"{_NUMBER}\s*([a-z]+)?\s+(?:daily\s+|a day\s+|weekly\s+)?(?:goal|target|limit)\b",
)
_BUDGET = r"\b(?:set|sets|enter|choose)\s+(?:a|the|my|their)?\s*(?:total\s+|trip\s+|monthly\s+)?budget\b|\bremaining budget\b|\bbudget (?:left|remaining)\b"
# Units and the fields that hold them.
_UNIT_FIELDS = {"kcal": "calorie", "cal": "calorie", "calories": "calorie", "km": "distance", "kilometres": "distance"}


def goal_asked(text: str, entity: Entity) -> dict | None:
    """The goal feature's config for the main thing, or None when the brief sets no goal."""
    lowered = text.lower()
    if re.search(_BUDGET, lowered):
        money = next((f for f in entity.fields if f.type == "money"), None)
        if money is None:
            return None
        return {
            "entity": entity.name,
            "field": money.key,
            "period": "all",
            "goal": _amount(lowered) or 1000,
            "goal_label": "Total budget",
            "label": "Spent so far",
            "own": True,
        }
    for pattern in _GOAL:
        found = re.search(pattern, lowered)
        if not found:
            continue
        target = _whole(found.group(1))
        unit = (found.group(2) or "").strip()
        if unit in ("a", "per", "each", "every", "daily", "and", "of", "for", "to", "is"):
            unit = ""
        field = _field_for(entity, unit)
        daily = bool(re.search(r"\bdaily\b|\ba day\b|\bper day\b|\btoday\b|\bthrough the day\b|\beach day\b", lowered))
        config = {
            "entity": entity.name,
            "period": "today" if daily else "all",
            "goal": target,
            "unit": unit,
            "goal_label": "Daily goal" if daily else "Goal",
            "label": "Today" if daily else "Total",
        }
        if field is not None:
            config["field"] = field
        elif unit:
            # Counting things one at a time: a button adds one ("Add glass").
            config["quick_add"] = f"Add {singular(unit)}"
            config["quick_title"] = singular(unit).capitalize()
        return config
    return None


def _field_for(entity: Entity, unit: str) -> str | None:
    """The number field the unit measures ("kcal" -> calories), if the entity has one."""
    if not unit:
        return next((f.key for f in entity.fields if f.type in ("number", "money")), None)
    stem = _UNIT_FIELDS.get(unit, singular(unit))
    return next(
        (f.key for f in entity.fields if f.type in ("number", "money") and stem in (f.key + " " + f.label.lower())),
        None,
    )


def _amount(text: str) -> int | None:
    found = re.search(rf"\bbudget\s+(?:of\s+)?{_NUMBER}", text)
    return _whole(found.group(1)) if found else None


def _whole(written: str) -> int:
    """ "2,000", "2 000" or "2000" -> 2000."""
    return int(re.sub(r"\D", "", written))


def with_goal(text: str, pages: list[PageSpec], main: Entity | None) -> list[PageSpec]:
    """The goal goes first on the main thing's page; a "history" asked for becomes a page of
    totals by day."""
    if main is None:
        return pages
    config = goal_asked(text, main)
    out = list(pages)
    if config is not None and not any(u.feature == "goal" for p in pages for u in p.features):
        at = next(
            (
                i
                for i, p in enumerate(out)
                if p.features
                and p.features[0].feature == "collection"
                and p.features[0].config().get("entity") == main.name
            ),
            None,
        )
        if at is not None:
            page = out[at]
            out[at] = page.model_copy(update={"features": [FeatureUse(feature="goal", **config), *page.features]})
    date = next((f.key for f in main.fields if f.type == "date"), None)
    if re.search(r"\bhistory\b|\bpast days\b", text.lower()) and date and not any(p.slug == "history" for p in out):
        out.append(
            PageSpec(
                slug="history",
                title="History",
                intro="Day by day, what you logged.",
                features=[FeatureUse(feature="report", entity=main.name, group_by=date, title="By day")],
            )
        )
    return out
