"""A list kept for each of something: "keep a packing list per trip", "a shopping list for
each party". Each becomes a checklist of its own entity, linked to the thing it belongs to
and shown (and added to) on that thing's page."""

from __future__ import annotations

import re

from autowebiq_app.catalog.app_spec import Entity, FeatureUse, FieldSpec, PageSpec, slug_key
from autowebiq_app.engine.reading.entities import same_thing
from autowebiq_app.engine.reading.phrases import singular

_ASKED = re.compile(
    r"\b(?:a|an)\s+([a-z]+(?:\s+[a-z]+)?)\s+list\s+(?:per|for each|for every|on each|with each)\s+([a-z]+)"
)
_TICKED = {"packing": "Packed", "shopping": "Bought", "grocery": "Bought", "reading": "Read", "gift": "Bought"}


def with_checklists(text: str, pages: list[PageSpec], entities: list[Entity]) -> tuple[list, list]:
    """Each list asked for, on the page of the thing it belongs to (unchanged otherwise)."""
    for kind, owner_word in _ASKED.findall(text.lower()):
        owner = next((e for e in entities if same_thing(singular(owner_word), e)), None)
        name = slug_key(kind) + "_item"
        if owner is None or name in {e.name for e in entities}:
            continue
        label = kind.capitalize() + " item"
        item = Entity(
            name=name,
            label=label,
            plural=label + "s",
            title="item",
            fields=[
                FieldSpec(key="item", label="Item", type="text", required=True),
                FieldSpec(key=owner.name, label=owner.label, type="ref", ref=owner.name),
                FieldSpec(key="done", label=_TICKED.get(kind.split()[-1], "Done"), type="bool"),
            ],
            records=[],
        )
        child = {"entity": name, "via": owner.name, "add_label": "Add item", "heading": f"{kind.capitalize()} list"}
        for index, page in enumerate(pages):
            use = next(
                (u for u in page.features if u.feature == "collection" and u.config().get("entity") == owner.name),
                None,
            )
            if use is None:
                continue
            config = use.config()
            grown = FeatureUse(feature="collection", **(config | {"children": [*config.get("children", []), child]}))
            features = [grown if u is use else u for u in page.features]
            pages = [*pages[:index], page.model_copy(update={"features": features}), *pages[index + 1 :]]
            entities = [*entities, item]
            break
    return pages, entities
