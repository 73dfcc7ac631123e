"""The total a brief asks its report for: "a report of total invested per stock", "total
amount per client". The report groups by what follows "per" and sums the field named; a
total no field holds ("invested", "value", "cost") is worked out on save as price × quantity."""

from __future__ import annotations

import re

from autowebiq_app.catalog.app_spec import Entity, FeatureUse, FieldSpec, PageSpec
from autowebiq_app.engine.reading.phrases import singular

_ASKED = re.compile(
    r"\btotals?\s+(?:of\s+)?(?:the\s+)?([a-z]+(?:\s+[a-z]+)?)\s+(?:per|by|for each|for every|of each)\s+([a-z]+)", re.I
)
_PRICE_TIMES_QUANTITY = {"invested", "investment", "value", "cost", "costs", "spent", "spend", "worth", "paid"}


def with_asked_totals(text: str, pages: list[PageSpec], entities: list[Entity]) -> tuple[list, list]:
    """The report that sums what the brief asks, grouped as it asks (unchanged otherwise)."""
    asked = _ASKED.search(text)
    if asked is None:
        return pages, entities
    what, per = asked.group(1).lower(), singular(asked.group(2).lower())
    for index, page in enumerate(pages):
        use = next((u for u in page.features if u.feature == "report"), None)
        entity = next((e for e in entities if use and e.name == use.config().get("entity")), None)
        if entity is None:
            continue
        by = _group(entity, per)
        summed, entity = _summed(entity, what)
        if by is None or summed is None:
            return pages, entities
        title = f"Total {what} per {per}"
        config = use.config() | {"group_by": by, "sum": summed, "title": title}
        features = [FeatureUse(feature="report", **config) if u is use else u for u in page.features]
        report = page.model_copy(
            update={"title": "Report", "intro": f"{title}, ready to export or print.", "features": features}
        )
        pages = [*pages[:index], report, *pages[index + 1 :]]
        entities = [entity if e.name == entity.name else e for e in entities]
        return pages, entities
    return pages, entities


def _group(entity: Entity, per: str) -> str | None:
    if per in {entity.name, singular(entity.label.lower())}:
        return entity.title  # "per stock": each stock is a row
    field = next((f for f in entity.fields if singular(f.label.lower()) == per or f.key == per), None)
    return field.key if field else None


def _summed(entity: Entity, what: str) -> tuple[str | None, Entity]:
    field = next(
        (f for f in entity.fields if f.type in ("money", "number") and what in (f.key, f.label.lower())), None
    )
    if field is not None:
        return field.key, entity
    if what.split()[-1] not in _PRICE_TIMES_QUANTITY:
        return None, entity
    money = [f for f in entity.fields if f.type == "money"]
    price = next((f for f in money if re.search(r"purchase|paid|cost|buy", f.label, re.I)), money[0] if money else None)
    quantity = next(
        (f for f in entity.fields if f.type == "number" and re.search(r"quantit|qty|shares|units", f.label, re.I)), None
    )
    if price is None or quantity is None:
        return None, entity
    key = "total_" + re.sub(r"\W+", "_", what)
    total = FieldSpec(key=key, label=what.capitalize(), type="money", compute=f"product:{price.key},{quantity.key}")
    records = [
        r | {key: round(float(r[price.key]) * float(r[quantity.key]), 2)}
        if r.get(price.key) not in (None, "") and r.get(quantity.key) not in (None, "")
        else r
        for r in entity.records
    ]
    return key, entity.model_copy(update={"fields": [*entity.fields, total], "records": records})
