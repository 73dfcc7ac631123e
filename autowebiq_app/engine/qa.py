"""The QA agent: checks a generated site and scores it 0-100."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser

from autowebiq_app.catalog.render import css_variable
from autowebiq_app.catalog.schema import TEXT_PAIRS
from autowebiq_app.colour import contrast

_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


class _Scan(HTMLParser):
    """Collects what the checks need in one pass over a page."""

    _VOID = frozenset(
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images_without_alt: list[str] = []
        self.references: list[str] = []
        self.links: list[str] = []
        self.landmarks: set[str] = set()
        self.has_h1 = False
        self.errors: list[str] = []
        self.open_tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("main", "header", "footer", "nav"):
            self.landmarks.add(tag)
        if tag == "h1":
            self.has_h1 = True
        if tag == "img" and not (attributes.get("alt") or "").strip():
            self.images_without_alt.append(attributes.get("src") or "?")
        for name in ("src", "href"):
            value = attributes.get(name)
            if not value or (tag == "a" and value.startswith(("#", "mailto:", "tel:"))):
                continue
            # A link to another site is a navigation; anything else with a URL is fetched.
            (self.links if tag == "a" else self.references).append(value)
        if tag not in self._VOID:
            self.open_tags.append(tag)

    def handle_endtag(self, tag):
        if tag in self._VOID:
            return
        if tag in self.open_tags:
            while self.open_tags and self.open_tags.pop() != tag:
                pass
        else:
            self.errors.append(f"stray </{tag}>")


def check_site(files: dict[str, str]) -> dict:
    """A report of every check, with the problems found and a 0-100 score."""
    checks: list[dict] = []
    for path, text in sorted(files.items()):
        if path.endswith(".html"):
            checks.extend(_check_page(path, text, files))
        elif path.endswith(".css"):
            refs = _CSS_URL.findall(text)
            checks.append(_result(f"{path}: no external requests", [r for r in refs if _EXTERNAL.match(r)]))
            checks.append(_result(f"{path}: {CONTRAST_CHECK}", contrast_problems(text)))
    passed = sum(1 for check in checks if check["passed"])
    score = round(100 * passed / len(checks)) if checks else 0
    return {"score": score, "passed": passed, "total": len(checks), "checks": checks}


CONTRAST_CHECK = "text colours meet WCAG AA contrast"
_PALETTE_BLOCK = re.compile(r"([^{}]+)\{([^{}]*--bg:[^{}]*)\}")
_VARIABLE = re.compile(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})\b")
_PAIRS = (
    *((css_variable(a), css_variable(b)) for a, b in TEXT_PAIRS),
    ("primary-text", "bg"),
    ("accent-text", "bg"),
)


def contrast_problems(css: str) -> list[str]:
    """Text/background pairs below WCAG AA in every palette the stylesheet declares."""
    problems = []
    for selector, block in _PALETTE_BLOCK.findall(css):
        colours = dict(_VARIABLE.findall(block))
        for fg, bg in _PAIRS:
            if fg in colours and bg in colours:
                ratio = contrast(colours[fg], colours[bg])
                if ratio < 4.5:
                    problems.append(f"{selector.strip()}: --{fg} on --{bg} is {ratio:.2f}:1 (needs 4.5:1)")
    return problems


def failed(report: dict, check: str) -> bool:
    """Whether any check whose name ends with `check` failed."""
    return any(not c["passed"] and c["name"].endswith(check) for c in report["checks"])


def _check_page(path: str, text: str, files: dict[str, str]) -> list[dict]:
    scan = _Scan()
    scan.feed(text)
    scan.close()
    base = posixpath.dirname(path)
    external = [ref for ref in scan.references if _EXTERNAL.match(ref)]
    missing = [
        ref
        for ref in scan.references + scan.links
        if not _EXTERNAL.match(ref)
        and not ref.startswith(("#", "data:", "mailto:", "tel:"))
        and posixpath.normpath(posixpath.join(base, ref.split("#")[0].split("?")[0])) not in files
    ]
    unclosed = [tag for tag in scan.open_tags if tag not in ("html", "body", "head")]
    return [
        _result(f"{path}: HTML is well formed", scan.errors + [f"unclosed <{t}>" for t in unclosed]),
        _result(f"{path}: every image has alt text", scan.images_without_alt),
        _result(f"{path}: has one main heading", [] if scan.has_h1 else ["no <h1>"]),
        _result(
            f"{path}: has header, nav, main and footer landmarks",
            sorted({"main", "header", "footer", "nav"} - scan.landmarks),
        ),
        _result(f"{path}: internal links and assets resolve", missing),
        _result(f"{path}: no external requests", external),
    ]


def _result(name: str, problems: list[str]) -> dict:
    return {"name": name, "passed": not problems, "problems": problems[:20]}


def with_browser_checks(report: dict, spec, results: dict) -> dict:
    """The report with one check per feature the spec puts on a page (its browser self-test
    passed), and checks for script errors and requests leaving the site; score recomputed.

    A feature the spec asks for that did not start on its page fails like a failing one.
    """
    found: dict[tuple[str, str], list[dict]] = {}
    for result in results["features"]:
        found.setdefault((result["page"], result["feature"]), []).append(result)
    checks = list(report["checks"])
    verified = total = 0
    for page, use in spec.features():
        total += 1
        runs = found.get((page.path, use.feature), [])
        run = runs.pop(0) if runs else None
        problems = ["the feature did not start on the page"] if run is None else run["problems"]
        passed = run is not None and run["passed"]
        verified += passed
        label = use.config().get("entity") or use.feature
        checks.append(
            _result(
                f"{page.path}: {use.feature} ({label}) works in a browser", [] if passed else problems or ["failed"]
            )
        )
    checks.append(_result("no script errors in the browser", results["errors"]))
    checks.append(_result("no network requests in the browser", results["external"]))
    passed = sum(1 for check in checks if check["passed"])
    return {
        **report,
        "checks": checks,
        "passed": passed,
        "total": len(checks),
        "score": round(100 * passed / len(checks)),
        "features_verified": verified,
        "features_total": total,
    }
