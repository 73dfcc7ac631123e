"""A built site in a real browser: serve its files on loopback, open them in headless
Chromium, and run every feature's self-test there.

The QA agent and the functional corpus both use it. Any request that leaves the loopback
server is refused and reported: a site must work with no network.
"""

from __future__ import annotations

import logging
import mimetypes
import os
import posixpath
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

logger = logging.getLogger(__name__)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
READY = "html[data-app-ready]"
AXE_JS = Path(__file__).resolve().parents[2] / "tools/node_modules/axe-core/axe.min.js"
"""axe-core from the test tools (`scripts/setup.sh --test`); without it the axe check is skipped."""


class BrowserUnavailable(RuntimeError):
    """Chromium or Playwright is not installed here."""


def browser_available() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return os.path.exists(CHROMIUM)


@contextmanager
def serve_files(files: dict[str, str | bytes]) -> Iterator[str]:
    """Serve `files` (path -> content) on 127.0.0.1 at a free port; yields the base URL.
    Unknown paths get `404.html` (when the site has one) with status 404."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            path = posixpath.normpath(unquote(urlsplit(self.path).path)).lstrip("/")
            if path in ("", "."):
                path = "index.html"
            status = 200
            if path not in files:
                status, path = 404, "404.html"
            body = files.get(path, "Not found")
            data = body.encode() if isinstance(body, str) else body
            kind = mimetypes.guess_type(path)[0] or "text/plain"
            self.send_response(status)
            self.send_header(
                "Content-Type",
                f"{kind}; charset=utf-8"
                if kind.startswith("text") or kind.endswith(("javascript", "svg+xml"))
                else kind,
            )
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class PageWatch:
    """What a page did that it should not: script errors and requests off the site."""

    base: str
    errors: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)

    def attach(self, context) -> None:
        def route(r):
            url = r.request.url
            if url.startswith(self.base) or url.startswith(("data:", "blob:")):
                r.continue_()
            else:
                self.external.append(url)
                r.abort()

        context.route("**/*", route)

    def watch(self, page) -> None:
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium (Playwright's sync API)."""
    if not browser_available():
        raise BrowserUnavailable(f"Playwright and Chromium ({CHROMIUM}) are needed for browser checks")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def run_selftests(files: dict[str, str], pages: list[str], *, browser=None, probe: Sequence[str] = ()) -> dict:
    """Open every page that has features and run their self-tests in a fresh context.

    Returns {"features": [{page, feature, passed, checks, problems}], "errors": [...], "external": [...]}.
    Features named in `probe` (a module not yet trusted) are also tried harder: their
    self-test run where they never started (`"blank"`: it must fail there), axe-core's
    serious and critical findings inside them (`"axe"`, when axe-core is installed) and
    the markup each built on its page (`"markup"`: {page: html}, for the HTML validator).
    """
    with serve_files(files) as base:
        if browser is None:
            with chromium() as own:
                return _selftests(own, base, pages, probe)
        return _selftests(browser, base, pages, probe)


def _selftests(browser, base: str, pages: list[str], probe: Sequence[str]) -> dict:
    results: list[dict] = []
    watch = PageWatch(base)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch.attach(context)
    probed: dict = {"blank": [], "axe": [], "markup": {}} if probe else {}
    try:
        page = context.new_page()
        watch.watch(page)
        for path in pages:
            page.goto(base + path)
            page.wait_for_selector(READY, state="attached", timeout=10_000)
            for result in page.evaluate("AW.runSelfTests()"):
                results.append({"page": path, **result})
            if probe:
                _probe(page, path, probe, probed)
    finally:
        context.close()
    return {"features": results, "errors": watch.errors, "external": watch.external, **probed}


def _probe(page, path: str, probe: Sequence[str], probed: dict) -> None:
    """The harder checks of `run_selftests` for the features in `probe` on this page."""
    on_page = [slug for slug in probe if page.query_selector(f'[data-feature="{slug}"]')]
    for slug in on_page:
        probed["blank"].append({"page": path, **page.evaluate("s => AW.runSelfTestBlank(s)", slug)})
    if on_page:
        probed["markup"][path] = "\n".join(
            page.evaluate('s => document.querySelector(`[data-feature="${s}"]`).outerHTML', slug) for slug in on_page
        )
    if on_page and AXE_JS.exists():
        page.add_script_tag(content=AXE_JS.read_text())
        for slug in on_page:
            found = page.evaluate(
                'async s => (await axe.run(document.querySelector(`[data-feature="${s}"]`),'
                " {resultTypes: ['violations']})).violations"
                ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                ".map(v => `${v.id}: ${v.help} (${v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(', ')})`)",
                slug,
            )
            probed["axe"] += [{"page": path, "feature": slug, "problem": problem} for problem in found]
