"""The whole app spec from a model: a schema from `AppSpec`'s types, the offline draft, validation.

The offline reader's spec goes to the model as the starting draft; the model improves its
copy, fields, sample records and pages within the catalog's features. Its reply must be a
valid `AppSpec` whose features exist and are configured for what they do; then what the
prompt says outright (`prompt_wins`) is put back over it.
"""

from __future__ import annotations

import json

from pydantic import ValidationError

from autowebiq_app.catalog.app_spec import CUSTOM_PREFIX, AppSpec
from autowebiq_app.engine.frontend import CatalogView

SPEC_MIN_TOKENS = 4000
"""A whole app spec runs to 2,000–3,500 tokens; with a smaller budget (`LLM_SPEC_MAX_TOKENS`,
6000 by default; 0 for small local models) the reply would be cut short every time, so the
model is asked for the small `ModelPlan` instead."""
MAX_ERRORS = 12
CUSTOM_SLUG_PATTERN = "^custom-[a-z0-9]+(?:-[a-z0-9]+)*$"
FIELD_OPTIONS = {"field", "by"}
"""Config options that name a field of the entity they apply to (as do `*_field` and `filters`)."""
SPEC_SYSTEM_PROMPT = (
    "You design small web apps. Reply with one JSON object that follows the given schema and nothing else. "
    "You are given the request and a draft app spec for it. Improve the draft: copy written for this business "
    "(tagline, description, highlights, page titles and intros), the fields and sample records people would "
    "really keep, and pages that do what the request asks. Keep the first page's slug 'home'. Use only the "
    "schema's features; a feature that works on records names one of the spec's entities in 'entity', and "
    "fields it names exist on that entity. Write every visible word in the language of facts.language. "
    "Only when the request needs something none of the library's features does, describe it in custom_features "
    "(slug 'custom-…', what it shows and how people use it, the closest library feature as fallback) and put it on "
    "a page by that slug: it is written and tested in a browser separately."
)


def spec_schema(catalog: CatalogView) -> dict:
    """`AppSpec`'s JSON schema with the feature of each use limited to the catalog's slugs.

    Feature configs (`FeatureUse`, extra keys) and sample records are open objects, which
    OpenAI's strict mode cannot express, so the schema is sent non-strict and the reply is
    validated with pydantic (`validate_spec`)."""
    schema = AppSpec.model_json_schema()
    library = sorted(catalog.features)
    use = schema["$defs"]["FeatureUse"]
    use["properties"]["feature"] = {
        "anyOf": [{"type": "string", "enum": library}, {"type": "string", "pattern": CUSTOM_SLUG_PATTERN}]
    }
    use["properties"]["entity"] = {"type": "string", "description": "for features that work on records"}
    custom = schema["$defs"]["CustomFeature"]
    for written_later in ("js", "css", "verified"):
        custom["properties"].pop(written_later)
    custom["properties"]["fallback"] = {"anyOf": [{"type": "string", "enum": library}, {"type": "null"}]}
    return schema


def spec_messages(prompt: str, draft: AppSpec) -> list[dict]:
    """The system message and the user message: the request, then the offline draft as JSON."""
    text = json.dumps(draft.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False, separators=(",", ":"))
    return [
        {"role": "system", "content": SPEC_SYSTEM_PROMPT},
        {"role": "user", "content": f"Request: {prompt}\n\nDraft app spec (improve it):\n{text}"},
    ]


def read_json(text: str) -> object:
    """A reply's JSON (a fenced code block is unwrapped), or ValueError saying where it broke."""
    text = text.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[-1].rsplit("```", 1)[0]
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg} at character {exc.pos})") from None


def validate_spec(text: str, catalog: CatalogView) -> AppSpec:
    """The model's reply as an `AppSpec` that the catalog can build, or ValueError listing every
    problem found: the spec's own rules, then features the library lacks or configs that do
    not fit them."""
    raw = read_json(text)
    problems: list[str] = []
    spec = None
    try:
        spec = AppSpec.model_validate(raw)
    except ValidationError as exc:
        for error in exc.errors():
            where = ".".join(str(p) for p in error["loc"])
            message = error["msg"].removeprefix("Value error, ")
            problems.append(f"{where}: {message}" if where else message)
    problems += catalog_problems(raw, catalog)
    problems = list(dict.fromkeys(problems))
    if spec is None or problems:
        shown = "; ".join(problems[:MAX_ERRORS])
        more = len(problems) - MAX_ERRORS
        raise ValueError(shown + (f"; and {more} more" if more > 0 else ""))
    return spec


def catalog_problems(raw: object, catalog: CatalogView) -> list[str]:
    """What in a spec (as raw JSON, so it is checked even when the spec itself is not valid) the
    catalog's features cannot do: an unknown feature, a feature that works on records with no
    entity, an entity named anywhere in a config (stats, charts, child lists) that the spec
    lacks, or a field named (`field`, `*_field`, `by`, `filters`) that its entity lacks."""
    if not isinstance(raw, dict):
        return []
    entities = {
        e["name"]: {f["key"] for f in _dicts(e.get("fields")) if isinstance(f.get("key"), str)}
        for e in _dicts(raw.get("entities"))
        if isinstance(e.get("name"), str)
    }
    problems: list[str] = []
    custom = {c.get("slug") for c in _dicts(raw.get("custom_features"))}
    for described in _dicts(raw.get("custom_features")):
        if described.get("fallback") is not None and described.get("fallback") not in catalog.features:
            problems.append(f"custom feature {described.get('slug')!r}: fallback is not one of the library's features")
    for page in _dicts(raw.get("pages")):
        if page.get("slug") == "index":
            problems.append("page 'index': index.html is the home page's file, so give the page another slug")
        for use in _dicts(page.get("features")):
            feature = use.get("feature")
            doc = catalog.features.get(feature) if isinstance(feature, str) else None
            where = f"page {page.get('slug')!r}: feature {feature!r}"
            if isinstance(feature, str) and feature.startswith(CUSTOM_PREFIX) and feature in custom:
                problems += _config_problems(use, None, entities, where)
            elif doc is None:
                problems.append(f"page {page.get('slug')!r}: {feature!r} is not one of the library's features")
            elif doc.entity and "entity" not in use:
                problems.append(f"{where} works on records and needs an 'entity'")
            else:
                problems += _config_problems(use, None, entities, where)
    return problems


def _dicts(value: object) -> list[dict]:
    """The objects in a JSON list (anything else in a garbled reply is left to pydantic to name)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _config_problems(config: object, entity: str | None, entities: dict[str, set], where: str) -> list[str]:
    """Entities and fields a (nested) feature config names that the spec does not have."""
    if isinstance(config, list):
        return [p for item in config for p in _config_problems(item, entity, entities, where)]
    if not isinstance(config, dict):
        return []
    problems: list[str] = []
    if "entity" in config:
        entity = config["entity"]
        if not isinstance(entity, str) or entity not in entities:
            return [f"{where} uses unknown entity {entity!r}"]
    for option, value in config.items():
        if option == "entity":
            continue
        names = value if option == "filters" and isinstance(value, list) else [value]
        if option in FIELD_OPTIONS or option.endswith("_field") or option == "filters":
            problems += [
                f"{where} {option} {name!r} is not a field of {entity!r}"
                for name in names
                if entity is not None and isinstance(name, str) and name not in entities[entity]
            ]
        else:
            problems += _config_problems(value, entity, entities, where)
    return problems


def prompt_wins(spec: AppSpec, draft: AppSpec) -> AppSpec:
    """The model's spec with what the prompt said outright put back from the offline draft: the
    name when the user gave one, place, language, currency, hours and contact; and every
    entity the reader found (with its pages, where there is room) if the model dropped it."""
    said = draft.facts
    facts = {"language": said.language, "currency": said.currency}
    if said.named_by_user:
        facts |= {"name": said.name, "named_by_user": True}
    facts |= {key: getattr(said, key) for key in ("place", "hours", "contact") if getattr(said, key)}
    names = {e.name for e in spec.entities}
    entities = [*spec.entities, *(e for e in draft.entities if e.name not in names)][:12]
    restored = {e.name for e in entities} - names
    kept = {e.name for e in entities}
    slugs = {p.slug for p in spec.pages}
    pages = [
        p
        for p in draft.pages
        if p.slug not in slugs
        and any(use.config().get("entity") in restored for use in p.features)
        and all(use.config().get("entity") in kept | {None} for use in p.features)
    ]
    merged = spec.model_copy(
        update={
            "facts": spec.facts.model_copy(update=facts),
            "entities": entities,
            "pages": [*spec.pages, *pages][:12],
        }
    )
    return AppSpec.model_validate(merged.model_dump())
