"""Free-form chat edits by a model: a JSON Patch (RFC 6902: add, remove, replace) on the plan.

A message the rule reader does not understand goes to the model with the plan as JSON; the
model answers with the operations that make the change and a sentence for the chat. The
patch may touch only what a person can change (copy, colours, fonts, sections, the app's
pages, entities, records, features, and a custom feature's module); the result must be a
valid plan whose features and components exist. Everything the patch did not touch stays
as it was, so the files it does not affect render byte for byte the same.
"""

from __future__ import annotations

import copy
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from autowebiq_app.catalog.app_spec import CUSTOM_PREFIX
from autowebiq_app.engine.interfaces import CatalogView
from autowebiq_app.engine.model_spec import catalog_problems, read_json
from autowebiq_app.engine.plan import SitePlan

EDITABLE = ("name", "tagline", "description", "audience", "tone", "variant", "palette", "fonts", "sections", "app")
"""The plan's top-level keys a patch may change; the rest (template, seed, images…) follow from them."""
FIXED = ("/app/format", "/app/domain")
MAX_OPERATIONS = 40
EDIT_SYSTEM_PROMPT = (
    "You change a website by editing its plan. You get the plan as JSON and a request. Reply with one JSON object: "
    "'summary' (one sentence for the person, saying what you changed) and 'patch' (a JSON Patch, RFC 6902: "
    "operations 'add', 'remove' or 'replace' with a JSON Pointer 'path' and, except for remove, a 'value'). "
    "Change only what the request asks and leave everything else exactly as it is. Paths start with one of /"
    + ", /".join(EDITABLE)
    + ". An app's features come from the library (the names already in the plan, or others the schema allows); "
    "a feature the library lacks is described in /app/custom_features/- (slug 'custom-…', name, description, "
    "fallback) without code, and is written and tested separately. To change a custom feature's code, replace its "
    "'js' and 'css'. Write in the site's language."
)


class Operation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    op: Literal["add", "remove", "replace"]
    path: str = Field(pattern=r"^/")
    value: object = None


class PlanEdit(BaseModel):
    """What the model replies to a free-form edit."""

    model_config = ConfigDict(extra="forbid")

    summary: str = Field(min_length=3, max_length=300)
    patch: list[Operation] = Field(min_length=1, max_length=MAX_OPERATIONS)


class PatchError(ValueError):
    """A patch that cannot be applied, or whose result is not a valid plan; says why."""


def edit_schema() -> dict:
    return PlanEdit.model_json_schema()


def edit_messages(plan: SitePlan, message: str) -> list[dict]:
    """The system message and the user message: the plan as JSON (its editable part), then the request."""
    shown = {key: value for key, value in plan.model_dump(mode="json").items() if key in EDITABLE}
    return [
        {"role": "system", "content": EDIT_SYSTEM_PROMPT},
        {
            "role": "user",
            "content": f"The plan:\n{json.dumps(shown, ensure_ascii=False, separators=(',', ':'))}\n\n"
            f"Request: {message}",
        },
    ]


def read_edit_reply(text: str, plan: SitePlan, catalog: CatalogView) -> tuple[SitePlan, str]:
    """The plan with the model's patch applied and the model's summary, or ValueError saying
    what is wrong (the reply, an operation, or the plan it would make)."""
    try:
        edit = PlanEdit.model_validate(read_json(text))
    except ValidationError as exc:
        first = exc.errors()[0]
        raise PatchError(f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}") from None
    return apply_patch(plan, edit.patch, catalog), edit.summary


def apply_patch(plan: SitePlan, operations: list[Operation], catalog: CatalogView) -> SitePlan:
    """`plan` with `operations` applied, checked as a whole; PatchError when it cannot be."""
    document = plan.model_dump(mode="json")
    before = copy.deepcopy(document)
    for index, operation in enumerate(operations):
        _apply(document, operation, f"operation {index + 1}")
    problems = catalog_problems(document.get("app"), catalog) if document.get("app") else []
    problems += [
        f"sections: component {s.get('component')!r} is not in the catalog"
        for s in document.get("sections") or []
        if isinstance(s, dict) and s.get("component") not in catalog.components
    ]
    if problems:
        raise PatchError("; ".join(problems[:8]))
    _reset_changed_modules(before, document)
    try:
        changed = SitePlan.model_validate(document)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "/" + "/".join(str(p) for p in first["loc"])
        raise PatchError(f"the patched plan is not valid at {where}: {first['msg']}") from None
    if changed.app is not None:
        changed = changed.model_copy(update={"pages": [page.path for page in changed.app.pages]})
    return changed


def _apply(document: dict, operation: Operation, where: str) -> None:
    parts = [p.replace("~1", "/").replace("~0", "~") for p in operation.path.split("/")[1:]]
    if not parts or parts[0] not in EDITABLE or operation.path.startswith(FIXED) or parts[-1] == "verified":
        raise PatchError(f"{where}: {operation.path!r} cannot be changed")
    parent = document
    for part in parts[:-1]:
        parent = _child(parent, part, where, operation.path)
    last = parts[-1]
    if isinstance(parent, list):
        if operation.op == "add" and last == "-":
            parent.append(operation.value)
            return
        if not last.isdigit() or int(last) > len(parent) - (operation.op != "add"):
            raise PatchError(f"{where}: {operation.path!r}: no item {last} in a list of {len(parent)}")
        index = int(last)
        if operation.op == "add":
            parent.insert(index, operation.value)
        elif operation.op == "remove":
            parent.pop(index)
        else:
            parent[index] = operation.value
    elif isinstance(parent, dict):
        if operation.op != "add" and last not in parent:
            raise PatchError(f"{where}: {operation.path!r} does not exist")
        if operation.op == "remove":
            del parent[last]
        else:
            parent[last] = operation.value
    else:
        raise PatchError(f"{where}: {operation.path!r} goes inside a value that has no parts")


def _child(node: object, part: str, where: str, path: str) -> object:
    if isinstance(node, dict) and part in node:
        return node[part]
    if isinstance(node, list) and part.isdigit() and int(part) < len(node):
        return node[int(part)]
    raise PatchError(f"{where}: {path!r} does not exist")


def _reset_changed_modules(before: dict, after: dict) -> None:
    """A custom feature whose code the patch changed (or that it added) must be proven again."""
    old = {c.get("slug"): c for c in (before.get("app") or {}).get("custom_features", [])}
    for custom in (after.get("app") or {}).get("custom_features", []):
        if not isinstance(custom, dict) or not str(custom.get("slug", "")).startswith(CUSTOM_PREFIX):
            continue
        was = old.get(custom["slug"], {})
        if (custom.get("js", ""), custom.get("css", "")) != (was.get("js", ""), was.get("css", "")) or not was:
            custom["verified"] = False
