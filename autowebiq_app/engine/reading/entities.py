"""Entities for a request: from the domain, borrowed from another, described by the brief or
made generic, with sample records; fields added, renamed, filled."""

from __future__ import annotations

import re

from autowebiq_app.catalog.app_spec import Entity, FieldSpec, PageSpec, slug_key
from autowebiq_app.catalog.schema import DomainDoc
from autowebiq_app.engine.reading.phrases import plural_of, singular, tracked_nouns


def same_thing(noun: str, entity: Entity) -> bool:
    """Whether the brief's word names this entity (or what names its records: "stock codes")."""
    words = {entity.name, singular(entity.label.lower()), singular(entity.plural.lower())}
    words |= {singular(w) for w in entity.plural.lower().split()}
    title = entity.field(entity.title)
    if title is not None:
        words.add(singular(title.label.lower().split()[0]))
    return noun in words or noun.replace("-", "_") == entity.name


_VAGUE_NOUNS = {"item", "thing", "entry", "record", "post", "note", "list", "detail", "lost", "found", "event"}


def borrowed_entity(
    noun: str, domains: dict[str, DomainDoc], present: list[Entity], *, vague: bool = False
) -> Entity | None:
    """The entity another domain has for this noun ("invoice" from the invoicing domain), its
    links to entities this app lacks kept as plain text. A vague noun ("post") is borrowed
    only when the caller chose the domains (`vague`)."""
    names = {e.name for e in present}
    if noun in _VAGUE_NOUNS and not vague:
        return None
    for slug in sorted(domains, key=lambda slug: (not domains[slug].generic, slug)):
        for raw in domains[slug].entities:
            entity = Entity.model_validate(raw)
            if not same_thing(noun, entity) or entity.name in names:
                continue
            fields = [
                f.model_copy(update={"type": "text", "ref": None}) if f.type == "ref" and f.ref not in names else f
                for f in entity.fields
            ]
            return entity.model_copy(update={"fields": fields})
    return None


def generic_entity(noun: str, asked: list[FieldSpec] | None = None) -> Entity:
    """An entity for something the domains do not know: a name, a status, a date and notes,
    with the fields asked for in place of the general ones of the same kind."""
    entity = _generic(noun)
    if not asked:
        return entity
    kinds = {f.type for f in asked}
    keep = [f for f in entity.fields if f.key == entity.title or f.type not in kinds]
    records = [{k: v for k, v in r.items() if k in {f.key for f in keep}} for r in entity.records]
    return with_fields(entity.model_copy(update={"fields": keep, "records": records}), asked)


def _generic(noun: str) -> Entity:
    label = noun.replace("-", " ").capitalize()
    if noun in _SHORT_POSTS:
        # A confession or a tweet has no title: its words are the record.
        return Entity(
            name=slug_key(noun),
            label=label,
            plural=plural_of(label),
            title="text",
            fields=[
                FieldSpec(key="text", label=f"Your {noun.replace('-', ' ')}", type="longtext", required=True),
                FieldSpec(key="date", label="Date", type="date"),
            ],
            records=[
                {"text": f"My first {noun.replace('-', ' ')} here. Hello, everyone!", "date": "2026-11-20"},
                {"text": "Does anyone else study better with rain sounds on?", "date": "2026-11-24"},
                {"text": "Whoever left the kind note on my door this morning: thank you.", "date": "2026-11-28"},
            ],
        )
    if noun in _WRITTEN:
        return Entity(
            name=slug_key(noun),
            label=label,
            plural=plural_of(label),
            title="title",
            fields=[
                FieldSpec(key="title", label="Title", type="text", required=True),
                FieldSpec(key="details", label="Details", type="longtext"),
                FieldSpec(key="author", label="Your name", type="text"),
                FieldSpec(key="date", label="Date", type="date"),
            ],
            records=[
                {
                    "title": f"Welcome: the first {noun}",
                    "details": "Say hello here and tell us what you would like to see.",
                    "author": "Sam",
                    "date": "2026-11-20",
                },
                {
                    "title": f"A {noun} about getting started",
                    "details": "Tips for newcomers, collected by the community.",
                    "author": "Priya",
                    "date": "2026-11-24",
                },
                {
                    "title": f"Your favourite {noun} this month",
                    "details": "Share the one that stayed with you.",
                    "author": "Jonas",
                    "date": "2026-11-28",
                },
            ],
        )
    return Entity(
        name=slug_key(noun),
        label=label,
        plural=plural_of(label),
        title="name",
        fields=[
            FieldSpec(key="name", label="Name", type="text", required=True),
            FieldSpec(key="category", label="Category", type="text"),
            FieldSpec(key="date", label="Date", type="date"),
            FieldSpec(key="status", label="Status", type="select", options=["New", "In progress", "Done"]),
            FieldSpec(key="notes", label="Notes", type="longtext"),
        ],
        records=[
            {"name": f"First {noun.replace('-', ' ')}", "category": "General", "date": "2026-12-01", "status": "New"},
            {
                "name": f"Second {noun.replace('-', ' ')}",
                "category": "General",
                "date": "2026-12-03",
                "status": "In progress",
            },
            {"name": f"Third {noun.replace('-', ' ')}", "category": "Other", "date": "2026-12-07", "status": "Done"},
        ],
    )


# Things people write, named by a title and told in details.
_WRITTEN = {
    "question",
    "post",
    "article",
    "thread",
    "discussion",
    "topic",
    "story",
    "idea",
    "ticket",
    "issue",
    "poem",
    "review",
    "entry",
}

# Things posted without a title: the text is the record.
_SHORT_POSTS = {"confession", "tweet", "update", "shout-out", "secret", "compliment", "rant", "message"}

_TITLE_WORDS = ("title", "name", "subject", "headline", "summary", "description", "code")


def described_entity(noun: str, fields: list[FieldSpec]) -> Entity:
    """An entity made of the fields the prompt lists, with a name first if it lists none,
    and a few sample records so lists, search and filters have something to show."""
    fields = list(fields)
    title = next((f for w in _TITLE_WORDS for f in fields if f.type == "text" and w in f.label.lower()), None)
    if title is None and fields and fields[0].type == "date":
        # A log led by its date is named by what happened: "a game night (date, game, winner)".
        title = next((f for f in fields if f.type == "text"), None)
    if title is None:
        written = noun in _WRITTEN
        title = (
            FieldSpec(key="title", label="Title", type="text")
            if written
            else FieldSpec(key="name", label="Name", type="text")
        )
        fields.insert(0, title)
        if written and not any(f.type == "longtext" for f in fields):
            fields.insert(1, FieldSpec(key="details", label="Details", type="longtext"))
    fields = [f.model_copy(update={"required": True}) if f.key == title.key else f for f in fields]
    label = noun.replace("-", " ").capitalize()
    return Entity(
        name=slug_key(noun),
        label=label,
        plural=plural_of(label),
        title=title.key,
        fields=fields,
        records=[_sample(fields, title.key, label, n) for n in range(1, 4)],
    )


def _sample(fields: list[FieldSpec], title: str, label: str, n: int) -> dict:
    values: dict = {}
    for f in fields:
        if f.key == title:
            values[f.key] = f"{label} {n}"
        elif f.type == "money":
            values[f.key] = [120, 45, 980][n - 1]
        elif f.type == "number":
            values[f.key] = [3, 12, 7][n - 1]
        elif f.type == "date":
            values[f.key] = ["2026-12-04", "2026-12-11", "2026-12-18"][n - 1]
        elif f.type == "select" and f.options:
            values[f.key] = f.options[(n - 1) % len(f.options)]
        elif f.type == "bool":
            values[f.key] = n == 2
    return values


def renamed_entity(entity: Entity, noun: str) -> Entity:
    """The domain's main entity called what the prompt calls it ("track products"): its
    name field too when that says the old name ("Trip" becomes "Place"), and the domain's
    other required fields become optional (the prompt did not ask for them)."""
    label = noun.replace("-", " ").capitalize()
    fields = [
        f.model_copy(update={"label": label})
        if f.key == entity.title and f.label.lower() == entity.label.lower()
        else f
        for f in optional_except(entity, set()).fields
    ]
    return entity.model_copy(update={"label": label, "plural": plural_of(label), "fields": fields})


def optional_except(entity: Entity, asked: set[str]) -> Entity:
    """The entity with only its name and the fields the brief asked for required: a form
    asks for what the customer said they will enter ("stock codes with purchase price and
    quantity" does not need a company). Choices keep their rule (they always have a value)."""
    fields = [
        f.model_copy(update={"required": False})
        if f.required and f.key != entity.title and f.key not in asked and f.type not in ("select", "ref")
        else f
        for f in entity.fields
    ]
    return entity.model_copy(update={"fields": fields})


def overlap(entity: Entity, fields: list[FieldSpec]) -> int:
    """How many of `fields` the entity already has (by key or label)."""
    have = {f.key for f in entity.fields} | {slug_key(f.label) for f in entity.fields}
    return sum(1 for f in fields if f.key in have)


def mentioned(entity: Entity, text: str) -> bool:
    lowered = text.lower()
    words = {entity.label.lower(), entity.plural.lower(), entity.name.replace("_", " ")}
    return any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in words)


def with_fields(entity: Entity, asked: list[FieldSpec]) -> Entity:
    """The entity with the fields asked for: new ones added, listed choices replacing a
    select's options (records keep only values still allowed)."""
    by_key = {f.key: f for f in entity.fields} | {slug_key(f.label): f for f in entity.fields}
    fields = list(entity.fields)
    records = [dict(r) for r in entity.records]
    added: list[FieldSpec] = []
    for wanted in asked:
        same = by_key.get(wanted.key) or next((f for f in fields if f.label.lower() == wanted.label.lower()), None)
        alike = _alike_mark(wanted, fields) if same is None else None
        if alike is not None:
            # "marked as resolved" on a forum whose threads are "Solved": the brief's word.
            fields = [alike.model_copy(update={"label": wanted.label}) if f is alike else f for f in fields]
        elif same is None:
            # What the prompt asks for comes first after the name, so cards show it.
            at = next((i + 1 for i, f in enumerate(fields) if f.key == entity.title), len(fields))
            at += sum(1 for f in fields[at:] if f in added)
            fields.insert(at, wanted)
            added.append(wanted)
        elif wanted.type == "select" and same.type == "select" and wanted.options != same.options:
            fields = [same.model_copy(update={"options": wanted.options}) if f is same else f for f in fields]
            for index, record in enumerate(records):
                if record.get(same.key) not in wanted.options:
                    record[same.key] = wanted.options[index % len(wanted.options)]
    return entity.model_copy(update={"fields": fields[:20], "records": records})


_ALIKE_MARKS = ({"done", "complete", "completed", "finished"}, {"resolved", "solved", "closed"}, {"read", "seen"})


def _alike_mark(wanted: FieldSpec, fields: list[FieldSpec]) -> FieldSpec | None:
    """The yes/no field that already means what a "mark as …" asks for, under another word."""
    if wanted.type != "bool":
        return None
    group = next((g for g in _ALIKE_MARKS if wanted.label.lower() in g), set())
    return next((f for f in fields if f.type == "bool" and f.label.lower() in group), None)


def main_entity(entities: list[Entity], pages: list[PageSpec]) -> Entity | None:
    for page in pages:
        for use in page.features:
            name = use.config().get("entity")
            if name:
                return next((e for e in entities if e.name == name), None)
    return entities[0] if entities else None


def is_product(entity: Entity) -> bool:
    return entity.name in ("product", "item", "menu_item", "dish") and any(f.type == "money" for f in entity.fields)


def with_products(entity: Entity, offerings: tuple[str, ...]) -> Entity:
    """The brief's own products first, priced like the domain's samples."""
    offerings = tuple(
        o for o in offerings if o.split()[0].lower() not in ("prices", "price", "delivery", "shipping", "free")
    )
    if not offerings:
        return entity
    prices = sorted(
        r.get(f.key)
        for r in entity.records
        for f in entity.fields
        if f.type == "money" and isinstance(r.get(f.key), int | float)
    )
    price = prices[len(prices) // 2] if prices else 10
    money = next(f.key for f in entity.fields if f.type == "money")
    template = entity.records[0] if entity.records else {}
    named = [
        {
            **{k: v for k, v in template.items() if k not in (entity.title, money)},
            entity.title: offering.capitalize(),
            money: price,
        }
        for offering in offerings
    ]
    known = {o.lower() for o in offerings}
    rest = [r for r in entity.records if str(r.get(entity.title, "")).lower() not in known]
    return entity.model_copy(update={"records": (named + rest)[:60]})


def without_field(entity: Entity, key: str) -> Entity:
    """The entity without one field, in its records too (the entity's title is kept)."""
    if key == entity.title:
        return entity
    fields = [f for f in entity.fields if f.key != key]
    records = [{k: v for k, v in r.items() if k != key} for r in entity.records]
    return entity.model_copy(update={"fields": fields, "records": records})


def named_records(entity: Entity, names: list[str]) -> Entity:
    """The entity's records renamed to the names the brief gives, other values kept."""
    samples = entity.records or [{}]
    records = [{**samples[i % len(samples)], entity.title: name} for i, name in enumerate(names)]
    return entity.model_copy(update={"records": records})


_FILL_VALUES = {
    "brand": ["Northpeak", "Solstice", "Kestrel", "Harbor"], "size": ["38", "39", "40", "41", "42", "43", "44"],
    "colour": ["Black", "White", "Green", "Navy"], "color": ["Black", "White", "Green", "Navy"],
    "material": ["Cotton", "Leather", "Wool", "Linen"], "origin": ["Local", "Imported"],
}  # fmt: skip


def filled(entity: Entity, keys: list[str]) -> Entity:
    """Sample records given values for fields they lack, so filters on them find something."""
    records = []
    for index, record in enumerate(entity.records):
        record = dict(record)
        for key in keys:
            if record.get(key) in (None, ""):
                values = _FILL_VALUES.get(key, ["A", "B", "C"])
                record[key] = values[index % len(values)]
        records.append(record)
    return entity.model_copy(update={"records": records})


PRODUCT_NAMES = ("product", "item", "dish", "menu_item", "pastry", "plant", "tea")


def generic_product(text: str) -> Entity:
    """Products for a shop the domains do not know, named after what the brief sells."""
    sold = re.search(r"\b([a-z][a-z-]{2,20})\s+(?:shop|store|boutique|stall|seller)\b", text.lower())
    noun = (
        next(iter(tracked_nouns(text)), None)
        or (
            singular(sold.group(1))
            if sold
            and sold.group(1)
            not in ("online", "small", "little", "web", "e-commerce", "ecommerce", "my", "our", "a", "an")
            else None
        )
        or "product"
    )
    label = noun.replace("-", " ").capitalize()
    return Entity(
        name="product",
        label=label,
        plural=plural_of(label),
        title="name",
        fields=[
            FieldSpec(key="name", label="Name", type="text", required=True),
            FieldSpec(
                key="category", label="Category", type="select", options=["Classic", "Seasonal", "Gifts"], required=True
            ),
            FieldSpec(key="price", label="Price", type="money", required=True),
            FieldSpec(key="stock", label="Stock", type="number"),
            FieldSpec(key="description", label="Description", type="longtext"),
        ],
        records=noun_records(label),
    )


def noun_records(label: str) -> list[dict]:
    """Plausible products of any kind: "Tea" -> Classic tea, Premium tea, a gift set…"""
    word = label.lower()
    rows = [
        ("Classic " + word, "Classic", 12, 40), ("Premium " + word, "Classic", 24, 18), ("Seasonal " + word, "Seasonal", 16, 25),
        (label + " sampler", "Gifts", 29, 12), (label + " gift set", "Gifts", 45, 8), ("Small-batch " + word, "Seasonal", 19, 15),
    ]  # fmt: skip
    return [
        {
            "name": name,
            "category": cat,
            "price": price,
            "stock": stock,
            "description": f"Our {name.lower()}, ready to ship.",
        }
        for name, cat, price, stock in rows
    ]
