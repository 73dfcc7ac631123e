"""Quality gates for rendered pages: Nu HTML validator, axe-core, overflow, alt text, network.

Needs the test tools: Java with `tools/node_modules/vnu-jar`, `tools/node_modules/axe-core`,
Playwright and Chromium (`scripts/setup.sh --test` installs them).
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from autowebiq_app.engine.browser import AXE_JS, CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
VNU_JAR = ROOT / "tools/node_modules/vnu-jar/build/dist/vnu.jar"
WIDTHS = (375, 768, 1280)
AXE_WIDTHS = (375, 1280)
BLOCKING_IMPACTS = {"serious", "critical"}


@dataclass
class GateReport:
    problems: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, problem: str) -> None:
        self.problems.setdefault(name, []).append(problem)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        return "\n".join(f"{name}:\n  " + "\n  ".join(items) for name, items in sorted(self.problems.items()))


def check_pages(
    pages: dict[str, str], *, whole_sites: frozenset[str] = frozenset(), widths=WIDTHS, axe_widths=AXE_WIDTHS
) -> GateReport:
    """Run every gate on each page (name -> complete HTML document).

    Pages named in `whole_sites` are complete sites, so their in-page links must resolve too
    (a component shown alone links to sections that are not on its page).
    """
    report = GateReport()
    with tempfile.TemporaryDirectory(prefix="autowebiq-gates-") as tmp:
        paths = {}
        for name, html in pages.items():
            path = Path(tmp) / f"{name}.html"
            path.write_text(html, encoding="utf-8")
            paths[name] = path
        validate_html(paths, report)
        check_in_browser(paths, report, whole_sites=whole_sites, widths=widths, axe_widths=axe_widths)
    return report


def check_sites(sites: dict[str, dict[str, str]], *, widths=WIDTHS, axe_widths=AXE_WIDTHS) -> GateReport:
    """Every gate on generated sites (name -> {path: content}), opened from disk as a visitor would."""
    report = GateReport()
    with tempfile.TemporaryDirectory(prefix="autowebiq-sites-") as tmp:
        paths = {}
        for name, files in sites.items():
            for path, content in files.items():
                target = Path(tmp) / name / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(content, encoding="utf-8")
            # vnu names files by their base name: give each site's page a unique one.
            page = Path(tmp) / name / f"{name}.html"
            page.write_text(files["index.html"], encoding="utf-8")
            paths[name] = page
        validate_html(paths, report)
        check_in_browser(paths, report, whole_sites=frozenset(sites), widths=widths, axe_widths=axe_widths)
    return report


def validate_html(paths: dict[str, Path], report: GateReport) -> None:
    """Nu HTML Checker errors, one JVM for all files."""
    result = subprocess.run(
        [
            "java",
            "-Xss4m",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--exit-zero-always",
            *[str(p) for p in paths.values()],
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    by_file = {p.name: name for name, p in paths.items()}
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    for message in messages:
        name = by_file.get(message.get("url", "").rsplit("/", 1)[-1], "?")
        report.add(name, f"html: line {message.get('lastLine')}: {message.get('message')}")


def check_in_browser(paths: dict[str, Path], report: GateReport, *, whole_sites, widths, axe_widths) -> None:
    from playwright.sync_api import sync_playwright

    axe_source = AXE_JS.read_text()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context()
        outside: list[str] = []

        def police(route):
            url = route.request.url
            if url.startswith(("file://", "data:", "about:")):
                route.continue_()
            else:
                outside.append(url)
                route.abort()

        context.route("**/*", police)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        for name, path in paths.items():
            outside.clear()
            errors.clear()
            for width in widths:
                page.set_viewport_size({"width": width, "height": 900})
                page.goto(path.as_uri(), wait_until="load")
                overflow = page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                if overflow > 0:
                    report.add(name, f"layout: scrolls horizontally by {overflow}px at {width}px")
                if width in axe_widths:
                    page.add_script_tag(content=axe_source)
                    violations = page.evaluate(
                        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
                    )
                    for violation in violations:
                        if violation["impact"] in BLOCKING_IMPACTS:
                            report.add(
                                name,
                                f"axe {violation['impact']} at {width}px: {violation['id']}: "
                                f"{violation['help']} {violation['nodes']}",
                            )
            missing_alt = page.evaluate(
                "() => [...document.images].filter(i => !(i.getAttribute('alt') || '').trim())"
                ".map(i => i.src.slice(0, 60))"
            )
            dangling = (
                []
                if name not in whole_sites
                else page.evaluate(
                    "() => [...document.querySelectorAll('a[href^=\"#\"]')].map(a => a.getAttribute('href'))"
                    # "#/client/1" is a route of the site's hash router, not an anchor.
                    ".filter(h => h.length > 1 && h[1] !== '/' && !document.getElementById(decodeURIComponent(h.slice(1))))"
                )
            )
            for href in sorted(set(dangling)):
                report.add(name, f"in-page link to a missing id: {href}")
            for src in missing_alt:
                report.add(name, f"image without alt text: {src}")
            for url in sorted(set(outside)):
                report.add(name, f"network request leaves the page: {url}")
            for error in errors:
                report.add(name, f"script error: {error}")
        browser.close()
