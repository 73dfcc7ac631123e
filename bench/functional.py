"""The functional corpus: build each app request offline and run a customer's checks on it
in headless Chromium. Prints the score (pass 1, partial 0.5, else 0, averaged over checks)
per kind and overall.

Run: `.venv/bin/python -m bench.functional [--kind games] [--id crm-clients-calls] [-v]`.
The format of the corpus and of its steps is in docs/functional.md.
"""

from __future__ import annotations

import argparse
import glob
import re
import statistics
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

CORPUS_DIR = Path(__file__).parent / "functional_corpus"
VERBS = ("go", "fill", "choose", "tick", "click", "press", "see", "not_see", "see_field", "reload", "home")
WAIT_MS = 2000

# Finds the element a step names, the way a person reads the page: by its label or text.
# Marks it with data-aw-target so Playwright can act on it. Tiers: exact, starts-with, contains.
_FIND_JS = r"""
([kind, alternatives]) => {
  const norm = (s) => (s || "").replace(/\s+/g, " ").replace(/[*:]/g, "").trim().toLowerCase();
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none" && !el.closest("[hidden]"); };
  const nameOf = (el) => {
    const names = [];
    if (el.labels) for (const l of el.labels) names.push(l.innerText || l.textContent);
    if (el.getAttribute("aria-label")) names.push(el.getAttribute("aria-label"));
    const by = el.getAttribute("aria-labelledby");
    if (by) for (const id of by.split(" ")) { const n = document.getElementById(id); if (n) names.push(n.textContent); }
    if (el.placeholder) names.push(el.placeholder);
    if (el.title) names.push(el.title);
    if (el.name) names.push(el.name.replace(/_/g, " "));
    const fs = el.closest("fieldset"); if (fs && fs.querySelector("legend") && el.type === "radio") names.push(fs.querySelector("legend").textContent);
    return names.map(norm).filter(Boolean);
  };
  const textOf = (el) => [norm(el.innerText || el.textContent), norm(el.getAttribute("aria-label")), norm(el.value && el.tagName === "INPUT" ? el.value : "")].filter(Boolean);
  let pool, pools;
  if (kind === "field") pool = [...document.querySelectorAll("input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=checkbox]):not([type=radio]):not([type=file]), textarea, [contenteditable=true]")];
  else if (kind === "select") pool = [...document.querySelectorAll("select, input[list]"), ...document.querySelectorAll("input[type=radio]")];
  else if (kind === "checkbox") pool = [...document.querySelectorAll("input[type=checkbox], [role=checkbox], [role=switch]")];
  else if (kind === "anyfield") pool = [...document.querySelectorAll("input, textarea, select, label, th, dt, output, legend")];
  else if (kind === "nav") pool = [...document.querySelectorAll("nav a, header a"), ...document.querySelectorAll("a, [role=tab], button")];
  else {
    // A click is on the page's content first (main), then anywhere (navigation is "go").
    const clickable = "button, a, input[type=submit], input[type=button], [role=button], [role=tab], [role=menuitem]";
    const main = document.querySelector("main");
    const inside = main ? [...main.querySelectorAll(clickable)] : [];
    pool = [...document.querySelectorAll(clickable)].filter((el) => !inside.includes(el));
    pools = [inside.filter(visible), pool.filter(visible)];
  }
  if (!pools) pools = [pool.filter(visible)];
  const names = (el) => (kind === "field" || kind === "select" || kind === "checkbox") ? nameOf(el) : kind === "anyfield" ? [...nameOf(el), ...textOf(el)] : textOf(el);
  const tiers = [(n, a) => n === a, (n, a) => n.startsWith(a), (n, a) => n.includes(a)];
  document.querySelectorAll("[data-aw-target]").forEach((el) => el.removeAttribute("data-aw-target"));
  for (const candidates of pools) for (const tier of tiers) for (const alt of alternatives) {
    const a = norm(alt);
    const hit = candidates.find((el) => names(el).some((n) => tier(n, a)));
    if (hit) { hit.setAttribute("data-aw-target", "1"); return true; }
  }
  return false;
}
"""


@dataclass
class CheckResult:
    name: str
    steps: int
    passed_steps: int
    error: str | None = None

    @property
    def score(self) -> float:
        if self.passed_steps == self.steps:
            return 1.0
        return 0.5 if self.passed_steps > self.steps / 2 else 0.0


@dataclass
class RequestResult:
    id: str
    kind: str
    checks: list[CheckResult] = field(default_factory=list)
    build_error: str | None = None


class StepFailed(Exception):
    pass


def load_corpus(directory: Path = CORPUS_DIR) -> list[dict]:
    """Every request of every corpus file, validated: unique ids, known verbs."""
    requests: list[dict] = []
    for path in sorted(glob.glob(str(directory / "*.toml"))):
        with open(path, "rb") as handle:
            requests.extend(tomllib.load(handle)["requests"])
    ids = [r["id"] for r in requests]
    if len(set(ids)) != len(ids):
        raise ValueError("corpus ids repeat")
    for request in requests:
        for check in request["checks"]:
            for step in check["steps"]:
                verbs = [k for k in step if k in VERBS]
                if len(verbs) != 1:
                    raise ValueError(f"{request['id']}: a step has one verb: {step}")
    return requests


def _alternatives(text: str) -> list[str]:
    return [part.strip() for part in str(text).split("|") if part.strip()]


def _settle(page) -> None:
    try:
        page.wait_for_load_state("load", timeout=5000)
        page.wait_for_selector("html[data-app-ready]", state="attached", timeout=3000)
    except Exception:  # noqa: BLE001 (a page without the runtime is still a page)
        pass
    page.wait_for_timeout(60)


def _find(page, kind: str, text: str) -> object:
    alternatives = _alternatives(text)
    deadline = time.monotonic() + WAIT_MS / 1000
    while True:
        if page.evaluate(_FIND_JS, [kind, alternatives]):
            return page.locator("[data-aw-target]").first
        if time.monotonic() > deadline:
            raise StepFailed(f"no {kind} matching {text!r}")
        page.wait_for_timeout(100)


def _visible_text(page) -> str:
    return re.sub(r"\s+", " ", page.evaluate("document.body ? document.body.innerText : ''")).lower()


def run_step(page, base: str, step: dict) -> None:
    if "go" in step:
        _find(page, "nav", step["go"]).click()
        _settle(page)
    elif "fill" in step:
        _find(page, "field", step["fill"]).fill(str(step.get("with", "")))
    elif "choose" in step:
        target = _find(page, "select", step["choose"])
        wanted = str(step.get("option", "")).lower()
        if target.evaluate("el => el.tagName === 'INPUT' && !!el.list"):
            # A combo box (an input with a list of suggestions): pick one of its options.
            options = target.evaluate("el => [...el.list.options].map(o => o.value)")
            choices = [a.lower() for a in _alternatives(wanted)]
            match = next((v for c in choices for v in options if v.lower() == c), None) or next(
                (v for c in choices for v in options if c in v.lower()), None
            )
            if match is None:
                raise StepFailed(f"no option {wanted!r} in {step['choose']!r}")
            target.fill(match)
        elif target.evaluate("el => el.tagName") == "SELECT":
            options = target.evaluate("el => [...el.options].map(o => [o.value, o.textContent.trim()])")
            choices = [a.lower() for a in _alternatives(wanted)]
            match = next((v for c in choices for v, t in options if t.lower() == c), None) or next(
                (v for c in choices for v, t in options if c in t.lower()), None
            )
            if match is None:
                raise StepFailed(f"no option {wanted!r} in {step['choose']!r}")
            target.select_option(match)
        else:
            _find(page, "select", step["option"]).check()
    elif "tick" in step:
        _find(page, "checkbox", step["tick"]).check()
        page.wait_for_timeout(60)
    elif "click" in step:
        _find(page, "button", step["click"]).click()
        page.wait_for_timeout(120)
        _settle(page)
    elif "press" in step:
        page.keyboard.press(str(step["press"]))
        page.wait_for_timeout(80)
    elif "see" in step:
        wanted = [a.lower() for a in _alternatives(step["see"])]
        deadline = time.monotonic() + WAIT_MS / 1000
        while not any(w in _visible_text(page) for w in wanted):
            if time.monotonic() > deadline:
                raise StepFailed(f"did not see {step['see']!r}")
            page.wait_for_timeout(100)
    elif "not_see" in step:
        unwanted = [a.lower() for a in _alternatives(step["not_see"])]
        deadline = time.monotonic() + WAIT_MS / 1000
        while any(w in _visible_text(page) for w in unwanted):
            if time.monotonic() > deadline:
                raise StepFailed(f"still saw {step['not_see']!r}")
            page.wait_for_timeout(100)
    elif "see_field" in step:
        _find(page, "anyfield", step["see_field"])
    elif "reload" in step:
        page.reload()
        _settle(page)
    elif "home" in step:
        page.goto(base)
        _settle(page)


def run_check(page, base: str, check: dict) -> CheckResult:
    result = CheckResult(name=check["name"], steps=len(check["steps"]), passed_steps=0)
    page.goto(base)
    _settle(page)
    for step in check["steps"]:
        try:
            run_step(page, base, step)
        except Exception as exc:  # noqa: BLE001 (any failure fails the step, with its reason)
            result.error = f"{step}: {str(exc).splitlines()[0][:200]}"
            return result
        result.passed_steps += 1
    return result


def build_files(prompt: str) -> dict[str, str]:
    """The site the offline engine builds for `prompt`."""
    from autowebiq_app.catalog.files import bundled_catalog
    from autowebiq_app.engine.pipeline import SilentReporter, build_site
    from autowebiq_app.engine.providers import OfflinePlanner

    output = build_site(prompt, reporter=SilentReporter(), catalog=bundled_catalog(), planner=OfflinePlanner())
    return output.files


def run_request(browser, request: dict, files: dict[str, str] | None = None) -> RequestResult:
    from autowebiq_app.engine.browser import PageWatch, serve_files

    result = RequestResult(id=request["id"], kind=request["kind"])
    try:
        files = files if files is not None else build_files(request["prompt"])
    except Exception as exc:  # noqa: BLE001 (a build that fails scores 0 on every check)
        result.build_error = str(exc)[:300]
        result.checks = [CheckResult(c["name"], len(c["steps"]), 0, "build failed") for c in request["checks"]]
        return result
    with serve_files(files) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        PageWatch(base).attach(context)
        page = context.new_page()
        page.on("dialog", lambda dialog: dialog.accept())
        page.set_default_timeout(4000)
        try:
            for check in request["checks"]:
                result.checks.append(run_check(page, base, check))
        finally:
            context.close()
    return result


def score(results: list[RequestResult]) -> float:
    checks = [c.score for r in results for c in r.checks]
    return statistics.fmean(checks) if checks else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", action="append", help="only these kinds")
    parser.add_argument("--id", action="append", help="only these request ids")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every failing check")
    args = parser.parse_args(argv)
    from autowebiq_app.engine.browser import chromium

    requests = load_corpus()
    if args.kind:
        requests = [r for r in requests if r["kind"] in args.kind]
    if args.id:
        requests = [r for r in requests if r["id"] in args.id]
    results: list[RequestResult] = []
    started = time.perf_counter()
    with chromium() as browser:
        for request in requests:
            result = run_request(browser, request)
            results.append(result)
            if args.verbose:
                print(f"{result.id:<36} {score([result]):.2f}", file=sys.stderr)
                if result.build_error:
                    print(f"    build failed: {result.build_error}", file=sys.stderr)
                for check in result.checks:
                    if check.score < 1 and not result.build_error:
                        print(f"    {check.score:.1f} {check.name}: {check.error}", file=sys.stderr)
    kinds = sorted({r.kind for r in results})
    print(f"{'kind':<16}{'requests':>9}{'checks':>8}{'score':>8}")
    for kind in kinds:
        group = [r for r in results if r.kind == kind]
        print(f"{kind:<16}{len(group):>9}{sum(len(r.checks) for r in group):>8}{score(group):>8.1%}")
    total_checks = sum(len(r.checks) for r in results)
    print(f"{'overall':<16}{len(results):>9}{total_checks:>8}{score(results):>8.1%}")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
