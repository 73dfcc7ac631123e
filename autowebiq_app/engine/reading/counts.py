"""Figures a brief asks its dashboard to show: "showing the number of students, teachers and
classes", "counts of open, in progress and closed tickets". Each becomes a figure of the
dashboard, first and in the brief's order: a count of an entity's records, of the records
with a value ("open" tickets), or of the different values a field holds ("classes", when a
class is what each student has)."""

from __future__ import annotations

import re

from autowebiq_app.catalog.app_spec import Entity, FeatureUse, PageSpec
from autowebiq_app.engine.reading.phrases import plural_of, singular

_ASKED = re.compile(
    r"\b(?:the\s+)?(?:number|numbers|counts?|totals?|how\s+many)\s+(?:of\s+)?"
    r"(?P<list>[a-z][a-z' -]*(?:,\s*[a-z][a-z' -]*)*(?:,?\s+and\s+[a-z][a-z' -]*)?)",
    re.I,
)
_STOP = re.compile(
    r"\s+(?:at|on|in|with|for|as|so|that|which|where|by|per|from|to|below|above|and\s+(?:a|an|the)\b).*$"
)
MAX_FIGURES = 4
"""A dashboard's figures when the brief asks for fewer: its own fill the rest."""


def asked_figures(text: str, entities: list[Entity]) -> list[dict]:
    """The dashboard figures the brief names, each one this app's data can answer."""
    figures: list[dict] = []
    for match in _ASKED.finditer(text):
        items = []
        for said in re.split(r",\s*(?:and\s+)?|\s+and\s+", match.group("list")):
            item = _STOP.sub("", said).strip()
            if not item or re.match(r"(?:a|an|the|i|we|you|it|let|with)\b", item):
                break  # a new clause: the list has ended
            items.append(item)
            if item != said.strip():
                break  # "closed tickets at the top": the list ends with this one
        # "open, in progress and closed tickets": the thing counted is named once, at the end.
        tail = items[-1].split()[-1] if items else ""
        owner = next((e for e in entities if _names(singular(tail.lower()), e)), None)
        for item in items:
            figure = _figure(item, entities, owner)
            if figure and figure not in figures:
                figures.append(figure)
    return figures


def _names(noun: str, entity: Entity) -> bool:
    return noun in {entity.name, singular(entity.label.lower()), singular(entity.plural.lower())}


def _figure(item: str, entities: list[Entity], owner: Entity | None) -> dict | None:
    words = item.lower().split()
    noun = singular(words[-1])
    entity = next((e for e in entities if _names(noun, e) or _names(singular(item.lower()), e)), None)
    if entity is not None and len(words) <= 2:
        if entity is owner and len(words) == 2:
            value = _option(entity, words[0])
            if value:
                return {"label": value[1], "entity": entity.name, "agg": "count", "where": {value[0]: value[1]}}
        return {"label": entity.plural, "entity": entity.name, "agg": "count"}
    for candidate in [owner] if owner else entities:
        value = _option(candidate, item.lower())
        if value:
            return {"label": value[1], "entity": candidate.name, "agg": "count", "where": {value[0]: value[1]}}
    for candidate in entities:
        field = next(
            (f for f in candidate.fields if f.type in ("select", "text") and singular(f.label.lower()) == noun), None
        )
        if field is not None and len(words) == 1:
            return {"label": plural_of(field.label), "entity": candidate.name, "agg": "distinct", "field": field.key}
    return None


def _option(entity: Entity, said: str) -> tuple[str, str] | None:
    """The select field and option a word names on this entity ("open" -> status Open)."""
    for field in entity.fields:
        if field.type != "select":
            continue
        option = next((o for o in field.options if o.lower() == said), None)
        if option:
            return field.key, option
    return None


def with_asked_figures(text: str, pages: list[PageSpec], entities: list[Entity]) -> list[PageSpec]:
    """The first dashboard's figures led by those the brief asks for (nothing changes when it
    asks for none, or has no dashboard)."""
    figures = asked_figures(text, entities)
    if not figures:
        return pages
    for index, page in enumerate(pages):
        use = next((u for u in page.features if u.feature == "dashboard"), None)
        if use is None:
            continue
        config = use.config()
        asked = {f["label"] for f in figures}
        rest = [s for s in config.get("stats", []) if s not in figures and s.get("label") not in asked]
        stats = (figures + rest)[: max(MAX_FIGURES, len(figures))]
        grown = FeatureUse(feature="dashboard", **(config | {"stats": stats}))
        features = [grown if u is use else u for u in page.features]
        return [*pages[:index], page.model_copy(update={"features": features}), *pages[index + 1 :]]
    return pages
