"""Features the library lacks, written by a model and proven in a browser before a version has them.

A model's app spec may describe a feature none of the library's modules does
(`AppSpec.custom_features`). The model then writes it in the library's own format: a JS
module on the shared runtime that registers itself and a browser self-test, and styles
from the palette's variables. The QA agent serves the site with it and runs it in headless
Chromium: a self-test that fails, makes fewer than two checks or also passes where the
feature never started; script errors; any request off the site; axe-core's serious or
critical findings inside it; the HTML validator's errors in the page it built. The evidence
goes back to the model, at most `repairs` times. A module that is still not proven is
replaced by the library feature closest to it, and the build says so. A custom module
never reaches a version unverified.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from autowebiq_app.catalog.app_spec import AppSpec, CustomFeature, FeatureUse
from autowebiq_app.catalog.schema import FeatureDoc
from autowebiq_app.engine import frontend, images
from autowebiq_app.engine.interfaces import EngineError
from autowebiq_app.engine.llm import ModelUnavailable
from autowebiq_app.engine.model_spec import read_json
from autowebiq_app.engine.plan import SitePlan

logger = logging.getLogger(__name__)

MIN_CHECKS = 2
MAX_EVIDENCE = 12
MAX_JS = 24_000
EXAMPLE = "text-stats"
"""The library module shown to the model as the format to follow."""
VNU_JAR = Path(__file__).resolve().parents[2] / "tools/node_modules/vnu-jar/build/dist/vnu.jar"
FRAGMENT_PAGE = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Check</title></head><body><main>\n'
"""A module's markup is checked inside this page; line 3 is the markup's first line."""
_OFF_SITE = re.compile(
    r"\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|navigator\.sendBeacon|\bimport\s*\(|"
    r"https?://|\beval\s*\(|new\s+Function\b|document\.write\b|@import"
)
RUNTIME_GUIDE = """\
The shared runtime (already on every page) gives:
- AW.feature(slug, function (root, config) {...}): registers the module; it builds its interface inside `root`
  (an element already on the page) from `config` (the options the page gives it).
- AW.selftest(slug, async function (root, t, config) {...}): the browser self-test. It uses the feature as a person
  would (clicks buttons with el.click(), types with t.fill(input, value), waits with await t.wait(ms)) and asserts
  with t.ok(condition, "what should have happened"). It must make at least two checks of what the feature
  shows after it is used, and it must fail where the feature is missing (root is then an empty element).
- AW.h(tag, attrs, ...children): creates an element; attrs: text, class, onclick/oninput/..., any attribute.
- AW.uid(prefix): a unique id for label/for pairs. AW.t(key, fallback): an interface word (use the fallback text).
- AW.db.kv(key) / AW.db.kv(key, value): keeps a JSON value in this browser (localStorage); AW.db.list(entity),
  AW.db.add(entity, record), AW.db.update(entity, id, patch), AW.db.remove(entity, id) for the app's records;
  AW.entity(name) describes an entity (label, plural, title, fields).
- AW.money(n), AW.number(n), AW.date(iso), AW.today(offsetDays), AW.toast(text), AW.confirm(text, action).
- Classes from the site's stylesheet: btn btn-primary, btn btn-outline, btn-row, card, field, input, muted.
- CSS variables from the palette: --bg, --surface, --text, --muted, --primary, --on-primary, --accent, --border,
  --radius, --font-heading, --font-body.
Rules: plain ES5-style JavaScript in one file, no modules or imports, no network (no fetch, no URLs, no web
fonts), no eval. Every input has a visible <label>; buttons are <button type="button">; text keeps WCAG AA
contrast by using the palette's variables. Prefix CSS classes with aw-<slug>__. Keep what people enter with
AW.db.kv so it survives a reload. Write every visible word in the site's language."""
MODULE_SYSTEM_PROMPT = (
    "You write one feature module for a website's feature library. Reply with one JSON object with the module's "
    "JavaScript ('js') and CSS ('css') and nothing else.\n\n" + RUNTIME_GUIDE
)


class Module(BaseModel):
    """What the model writes for a custom feature."""

    model_config = ConfigDict(extra="forbid")

    js: str = Field(min_length=40, max_length=MAX_JS)
    css: str = Field("", max_length=8000)


class ModuleWriter(Protocol):
    """A model that writes (and repairs) a custom feature's module: `ModelPlanner`."""

    repairs: int

    def write_module(self, messages: list[dict], slug: str, reporter) -> Module: ...


class FeatureProbe(Protocol):
    """`engine.browser.run_selftests` with `probe`: the harder checks for modules not yet trusted."""

    def __call__(self, files: dict[str, str], pages: list[str], *, probe: list[str]) -> dict: ...


def module_schema() -> dict:
    return Module.model_json_schema()


def validate_module(text: str, slug: str) -> Module:
    """The model's reply as a module that registers `slug` and its self-test and asks nothing
    of the network, or ValueError saying what is wrong."""
    try:
        module = Module.model_validate(read_json(text))
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ValueError(f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}") from None
    missing = [call for call in (f'AW.feature("{slug}"', f'AW.selftest("{slug}"') if call not in module.js]
    if missing:
        raise ValueError(f"the module must call {' and '.join(missing)}, …) with its slug in double quotes")
    found = sorted({m.group(0) for m in _OFF_SITE.finditer(module.js + "\n" + module.css)})
    if found:
        raise ValueError(f"the module may not use {', '.join(found)}: sites work with no network and no eval")
    return module


def module_messages(feature: CustomFeature, spec: AppSpec, example: FeatureDoc) -> list[dict]:
    """The request for one module: what it must do, where it goes, and a library module to follow."""
    uses = [
        {"page": page.title, **use.config()}
        for page in spec.pages
        for use in page.features
        if use.feature == feature.slug
    ]
    entities = {e.name: [f.key for f in e.fields] for e in spec.entities}
    brief = {
        "slug": feature.slug,
        "name": feature.name,
        "what it does": feature.description,
        "site": spec.facts.name,
        "about": spec.facts.subject or spec.kind,
        "language": spec.facts.language,
        "currency": spec.facts.currency,
        "placed on pages with config": uses,
        "the app's entities and their fields": entities,
    }
    sample = json.dumps({"js": example.js, "css": example.css}, ensure_ascii=False)
    return [
        {"role": "system", "content": MODULE_SYSTEM_PROMPT},
        {
            "role": "user",
            "content": f"A library module to follow (slug {example.slug!r}):\n{sample}\n\n"
            f"Write this module:\n{json.dumps(brief, ensure_ascii=False, indent=1)}",
        },
    ]


def repair_messages(messages: list[dict], module: Module, evidence: list[str]) -> list[dict]:
    """The conversation so far and what the browser found, asking for the whole module again."""
    found = "\n".join(f"- {item}" for item in evidence)
    return [
        *messages[:2],
        {"role": "assistant", "content": module.model_dump_json()},
        {
            "role": "user",
            "content": "The QA agent ran it with the site in headless Chromium and found:\n"
            f"{found}\nFix every problem and reply with the whole module again (js and css) as one JSON object.",
        },
    ]


def settle(
    plan: SitePlan,
    *,
    catalog: frontend.CatalogView,
    writer: ModuleWriter | None,
    probe: FeatureProbe | None,
    reporter,
) -> SitePlan:
    """The plan with every custom feature its pages use written and proven in a browser, or
    replaced by its fallback (with a note in `plan.adjustments`); unused ones are dropped."""
    spec = plan.app
    if spec is None or not spec.custom_features:
        return plan
    used = {use.feature for _, use in spec.features()}
    spec = spec.model_copy(update={"custom_features": [c for c in spec.custom_features if c.slug in used]})
    notes: list[str] = []
    for custom in list(spec.custom_features):
        if custom.verified:
            continue
        if probe is None or (writer is None and not custom.js):
            reason = "no browser here to prove it" if probe is None else "no model to write it"
            spec, note = fall_back(spec, custom, catalog, reason)
        else:
            spec, note = _write_and_prove(plan, spec, custom, catalog, writer, probe, reporter)
        if note:
            notes.append(note)
            reporter.agent("qa", note, 48)
    return plan.model_copy(update={"app": spec, "adjustments": [*plan.adjustments, *notes]})


def _write_and_prove(
    plan: SitePlan,
    spec: AppSpec,
    custom: CustomFeature,
    catalog: frontend.CatalogView,
    writer: ModuleWriter | None,
    probe: FeatureProbe,
    reporter,
) -> tuple[AppSpec, str | None]:
    """Prove the module `custom` has (a chat edit rewrote it) or one the model writes, and
    send what the browser found back to the model until it passes or the repairs run out."""
    module = Module(js=custom.js, css=custom.css) if custom.js else None
    if module is None:
        reporter.agent("frontend", f"Writing “{custom.name}”, a feature the library does not have…", 46)
    messages = module_messages(custom, spec, catalog.features[EXAMPLE])
    repairs = writer.repairs if writer is not None else 0
    evidence: list[str] = []
    for attempt in range(repairs + 1):
        if module is None:
            try:
                module = writer.write_module(messages, custom.slug, reporter)
            except ModelUnavailable:
                raise
            except EngineError as exc:  # the model gave no usable module at all
                return fall_back(spec, custom, catalog, str(exc).rstrip("."))
        candidate = _with_module(spec, custom, module)
        evidence = prove(plan.model_copy(update={"app": candidate}), custom.slug, catalog, probe)
        if not evidence:
            reporter.agent("qa", f"“{custom.name}” works in a browser: its self-test passed, no errors.", 47)
            return _with_module(spec, custom, module, verified=True), None
        shown = "; ".join(evidence[:3]) + (f" (and {len(evidence) - 3} more)" if len(evidence) > 3 else "")
        if attempt < repairs:
            reporter.agent(
                "qa",
                f"“{custom.name}” failed in the browser: {shown}. Asking for a fix ({attempt + 1} of {repairs})…",
                47,
            )
            messages, module = repair_messages(messages, module, evidence), None
    return fall_back(spec, custom, catalog, f"it still failed in the browser: {evidence[0]}")


def _with_module(spec: AppSpec, custom: CustomFeature, module: Module, *, verified: bool = False) -> AppSpec:
    written = custom.model_copy(update={"js": module.js, "css": module.css, "verified": verified})
    written.as_module()  # the library's own rules for a module (it registers itself and its self-test)
    return spec.model_copy(
        update={"custom_features": [written if c.slug == custom.slug else c for c in spec.custom_features]}
    )


def prove(plan: SitePlan, slug: str, catalog: frontend.CatalogView, probe: FeatureProbe) -> list[str]:
    """What is wrong with custom feature `slug` in the built site, found in a browser ([] when
    it is proven)."""
    spec = plan.app
    files = images.render_images(plan)
    files.update(frontend.render_pages(plan, catalog, files))
    pages = [page.path for page in spec.pages if any(use.feature == slug for use in page.features)]
    results = probe(files, pages, probe=[slug])
    evidence: list[str] = []
    runs = [r for r in results["features"] if r["feature"] == slug]
    started = {r["page"] for r in runs}
    evidence += [f"it did not start on {page}" for page in pages if page not in started]
    for run in runs:
        evidence += [f"self-test on {run['page']}: {problem}" for problem in run["problems"]]
        if run["passed"] and run.get("checks", 0) < MIN_CHECKS:
            evidence.append(f"its self-test made {run.get('checks', 0)} checks; it must check at least {MIN_CHECKS}")
    if any(blank["passed"] for blank in results.get("blank", [])):
        evidence.append("its self-test also passes where the feature never started, so it proves nothing")
    evidence += [f"script error: {error}" for error in results["errors"]]
    evidence += [f"a request left the site: {url}" for url in results["external"]]
    evidence += [f"axe: {found['problem']}" for found in results.get("axe", [])]
    evidence += [f"HTML: {error}" for error in html_errors(results.get("markup", {}))]
    return list(dict.fromkeys(evidence))[:MAX_EVIDENCE]


def html_errors(markup: dict[str, str]) -> list[str]:
    """The Nu HTML Checker's errors in the markup a module built on each page, as the browser
    built it (none when Java or the checker is not installed here)."""
    if not markup or not VNU_JAR.exists() or shutil.which("java") is None:
        return []
    with tempfile.TemporaryDirectory(prefix="autowebiq-vnu-") as tmp:
        paths = []
        for index, (page, html) in enumerate(sorted(markup.items())):
            path = Path(tmp) / f"{index}-{page}"
            path.write_text(f"{FRAGMENT_PAGE}{html}\n</main></body></html>\n", encoding="utf-8")
            paths.append(path)
        result = subprocess.run(
            ["java", "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always"]
            + [str(p) for p in paths],
            capture_output=True,
            text=True,
            timeout=120,
        )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [
        f"{m.get('url', '').rsplit('/', 1)[-1].split('-', 1)[-1]} line {m.get('lastLine')}: {m.get('message')}"
        for m in messages
    ]


def fall_back(spec: AppSpec, custom: CustomFeature, catalog: frontend.CatalogView, reason: str) -> tuple[AppSpec, str]:
    """The spec with `custom` replaced on its pages by its fallback (or removed where the
    fallback cannot stand in), and the note that says so."""
    doc = catalog.features.get(custom.fallback or "")
    entity = next((e.name for e in spec.entities), None)

    def stand_in(use: FeatureUse) -> list[FeatureUse]:
        if use.feature != custom.slug:
            return [use]
        if doc is None or (doc.entity and not (use.config().get("entity") or entity)):
            return []
        config = {"heading": use.heading} if use.heading else {}
        if doc.entity:
            config["entity"] = use.config().get("entity") or entity
        return [FeatureUse(feature=doc.slug, **config)]

    pages = [p.model_copy(update={"features": [u for use in p.features for u in stand_in(use)]}) for p in spec.pages]
    kept = [c for c in spec.custom_features if c.slug != custom.slug]
    changed = AppSpec.model_validate(
        spec.model_copy(update={"pages": pages, "custom_features": kept}).model_dump(mode="json")
    )
    instead = f"the library's {doc.name} stands in for it" if doc else "it was left out"
    return changed, f"“{custom.name}” could not be verified ({reason}), so {instead}"
