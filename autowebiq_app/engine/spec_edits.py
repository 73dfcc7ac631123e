"""Chat edits on an app spec: add a page, a field or a feature, rename an entity, change the
currency or the words of the home page.

`read_clause` recognises these in one clause of a message without the plan (so the cost of
a message is known when it is sent); `apply` changes the spec, touching only what the
operation names.
"""

from __future__ import annotations

import re

from autowebiq_app.catalog.app_spec import AppSpec, FeatureUse, FieldSpec, PageSpec, slug_key
from autowebiq_app.engine.reading.entities import generic_entity
from autowebiq_app.engine.reading.facts import CURRENCIES
from autowebiq_app.engine.reading.pages import collection_page, dashboard_page, report_page
from autowebiq_app.engine.reading.phrases import field_type, plural_of, singular

SPEC_ACTIONS = ("field", "page", "entity", "currency", "feature", "copy")
_FEATURE_PAGES = {
    "dashboard": ("dashboard", "Dashboard"),
    "statistics": ("dashboard", "Dashboard"),
    "stats": ("dashboard", "Dashboard"),
    "report": ("report", "Report"),
    "calendar": ("calendar", "Calendar"),
    "contact": ("contact", "Contact"),
    "account": ("account", "Account"),
    "login": ("account", "Account"),
    "sign in": ("account", "Account"),
    "booking": ("booking", "Book"),
    "bookings": ("booking", "Book"),
}
_OPTIONS = {"comments": "comments", "comment": "comments", "likes": "likes", "like": "likes", "a like button": "likes"}


def read_clause(clause: str) -> list[tuple[str, dict]]:
    """Spec operations in one clause, as (action, arguments)."""
    lowered = clause.lower().strip()
    match = re.search(
        r"\badd (?:an? |the )?(?:field |column )?[\"“']?([a-z][a-z ]{1,30}?)[\"”']? (?:field|column)?\s*(?:to|for|on) (?:the |each |every )?([a-z][a-z ]{1,30})$",
        lowered,
    )
    if match and not re.search(r"\bsection\b", lowered):
        return [("field", {"label": match.group(1).strip(), "entity": match.group(2).strip()})]
    match = re.search(r"\badd (?:an? |the )?([a-z][a-z ]{1,30}?) page$", lowered) or re.search(
        r"\badd (?:an? |the )?page (?:for|of|with|listing) ([a-z][a-z ]{1,30})$", lowered
    )
    if match:
        return [("page", {"what": match.group(1).strip()})]
    match = re.search(r"\brename (?:the )?([a-z][a-z ]{1,30}) (?:to|as) ([A-Za-z][\w ]{1,30})$", clause.strip(), re.I)
    naming_the_business = (
        "shop",
        "site",
        "store",
        "business",
        "brand",
        "company",
        "website",
        "app",
        "it",
        "this",
        "us",
    )
    if match and match.group(1).lower().split()[-1] not in naming_the_business:
        return [("entity", {"old": match.group(1).strip(), "new": match.group(2).strip()})]
    match = re.search(r"\b(?:prices?|amounts?|currency)\b.*\b(?:in|to)\b\s+(.+)$", lowered) or re.search(
        r"\buse (.+?) (?:as the currency|for prices)$", lowered
    )
    if match:
        code = next((c for c, pattern in CURRENCIES if re.search(pattern, match.group(1))), None)
        if code is None and re.fullmatch(r"[a-z]{3}", match.group(1).strip()):
            code = match.group(1).strip().upper()
        if code:
            return [("currency", {"code": code})]
    match = re.search(r"\b(?:add|allow|enable|turn on)\s+(comments?|likes?|a like button)\b", lowered)
    if match:
        return [("feature", {"option": _OPTIONS[match.group(1)]})]
    match = re.search(
        r"\b(?:change|set|make) the (tagline|headline|intro|description) to [\"“']?(.+?)[\"”']?$", clause.strip(), re.I
    )
    if match:
        slot = {"headline": "tagline", "intro": "description"}.get(match.group(1).lower(), match.group(1).lower())
        return [("copy", {"slot": slot, "text": match.group(2).strip()})]
    return []


class SpecEditError(ValueError):
    """A spec edit that names something the app does not have; the message says what."""


def apply(spec: AppSpec, action: str, args: dict) -> AppSpec:
    """The spec with one operation applied."""
    if action == "field":
        entity = _entity(spec, args["entity"])
        label = args["label"][:1].upper() + args["label"][1:]
        field = FieldSpec(key=slug_key(label), label=label, type=field_type(label))
        if entity.field(field.key):
            raise SpecEditError(f"{entity.plural} already have a {label} field.")
        grown = entity.model_copy(update={"fields": [*entity.fields, field]})
        return _replace_entity(spec, grown)
    if action == "page":
        return _add_page(spec, args["what"])
    if action == "entity":
        entity = _entity(spec, args["old"])
        new = singular(args["new"].lower())
        label = new[:1].upper() + new[1:]
        renamed = entity.model_copy(update={"label": label, "plural": plural_of(label)})
        pages = [
            p.model_copy(update={"title": renamed.plural, "nav": None})
            if p.title.lower() == entity.plural.lower()
            else p
            for p in spec.pages
        ]
        return _replace_entity(spec, renamed).model_copy(update={"pages": pages})
    if action == "currency":
        return spec.model_copy(update={"facts": spec.facts.model_copy(update={"currency": args["code"]})})
    if action == "feature":
        option = args["option"]
        pages = []
        for page in spec.pages:
            uses = [
                FeatureUse(feature=u.feature, **(u.config() | {option: True})) if u.feature == "collection" else u
                for u in page.features
            ]
            pages.append(page.model_copy(update={"features": uses}))
        return spec.model_copy(update={"pages": pages})
    if action == "copy":
        limit = 160 if args["slot"] == "tagline" else 300
        facts = spec.facts.model_copy(update={args["slot"]: args["text"][:limit]})
        return spec.model_copy(update={"facts": facts})
    raise SpecEditError(f"unknown spec edit {action!r}")


def describe(action: str, args: dict) -> str:
    return {
        "field": "{label} field added to {entity}",
        "page": "{what} page added",
        "entity": "{old} renamed to {new}",
        "currency": "prices in {code}",
        "feature": "{option} turned on",
        "copy": "{slot} changed",
    }[action].format(**args)


def _entity(spec: AppSpec, words: str):
    wanted = singular(words.lower().split()[-1])
    for entity in spec.entities:
        if wanted in (entity.name, singular(entity.label.lower()), singular(entity.plural.lower().split()[-1])):
            return entity
    names = ", ".join(e.plural.lower() for e in spec.entities) or "nothing yet"
    raise SpecEditError(f"This app has no {words}; it keeps {names}.")


def _replace_entity(spec: AppSpec, entity) -> AppSpec:
    return spec.model_copy(update={"entities": [entity if e.name == entity.name else e for e in spec.entities]})


def _add_page(spec: AppSpec, what: str) -> AppSpec:
    if len(spec.pages) >= 12:
        raise SpecEditError("An app has at most 12 pages.")
    known = _FEATURE_PAGES.get(what)
    if known and known[0] == "dashboard":
        page = dashboard_page(spec.entities)
    elif known and known[0] == "report" and spec.entities:
        page = report_page(spec.entities[0])
    elif known and known[0] in ("contact", "account"):
        page = PageSpec(slug=known[0], title=known[1], features=[FeatureUse(feature=known[0])])
    elif known and known[0] == "booking":
        page = PageSpec(slug="book", title="Book", features=[FeatureUse(feature="booking")])
    elif known and known[0] == "calendar":
        dated = next((e for e in spec.entities for f in e.fields if f.type == "date"), None)
        if dated is None:
            raise SpecEditError("A calendar needs something with a date.")
        date_field = next(f.key for f in dated.fields if f.type == "date")
        page = PageSpec(
            slug="calendar",
            title="Calendar",
            features=[
                FeatureUse(feature="calendar", entity=dated.name, date_field=date_field, title_field=dated.title)
            ],
        )
    else:
        noun = singular(what.split()[-1])
        existing = next((e for e in spec.entities if noun in (e.name, singular(e.label.lower()))), None)
        entity = existing or generic_entity(noun)
        page = collection_page(entity)
        if existing is None:
            spec = spec.model_copy(update={"entities": [*spec.entities, entity]})
    if any(p.slug == page.slug for p in spec.pages):
        raise SpecEditError(f"There is already a {page.title} page.")
    return spec.model_copy(update={"pages": [*spec.pages, page]})
