"""Template thumbnails: real screenshots of each template, kept in `assets/catalog/thumbnails/`.

A manifest records the content hash each thumbnail was taken from, so a test can tell
when a template (or a component it uses) changed and its thumbnail is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from autowebiq_app.catalog.files import Loaded, content_hash

THUMBNAIL_DIR = Path(__file__).resolve().parents[1] / "assets" / "catalog" / "thumbnails"
MANIFEST = THUMBNAIL_DIR / "manifest.json"
VIEWPORT = {"width": 1280, "height": 800}
SCALE = 0.5


NOT_SEEN = {"keywords", "tags", "description", "name", "category", "thumbnail"}
"""Template fields that do not change how it looks (so editing them keeps its thumbnail)."""
COMPONENT_NOT_SEEN = {"tags", "description", "name", "a11y", "serves", "serves_rank", "nav_label"}
"""Component fields that do not change how a template using it looks."""


def look_hash(loaded: Loaded, slug: str) -> str:
    """What a template looks like: its own content plus every component it uses."""
    template = loaded.templates[slug]
    used = sorted({s.component for s in template.sections})
    return content_hash(
        {
            "template": template.model_dump(mode="json", exclude=NOT_SEEN),
            "components": {c: loaded.components[c].model_dump(mode="json", exclude=COMPONENT_NOT_SEEN) for c in used},
        }
    )


def read_manifest() -> dict[str, str]:
    return json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {}


def stale(loaded: Loaded) -> list[str]:
    """Templates whose thumbnail is missing or was taken from other content."""
    manifest = read_manifest()
    return [
        slug
        for slug in loaded.templates
        if manifest.get(slug) != look_hash(loaded, slug) or not (THUMBNAIL_DIR / f"{slug}.png").exists()
    ]


def render(loaded: Loaded, slugs: list[str]) -> None:
    """Screenshot each template's light variant at 1280x800 into a 640x400 PNG."""
    from playwright.sync_api import sync_playwright

    from autowebiq_app.catalog.samples import render_template_sample
    from devtools.catalog_gates import CHROMIUM, CHROMIUM_ARGS

    THUMBNAIL_DIR.mkdir(parents=True, exist_ok=True)
    manifest = read_manifest()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # Reduced motion: charts and reveals are drawn in their final state.
        page = browser.new_page(viewport=VIEWPORT, device_scale_factor=SCALE, reduced_motion="reduce")
        for slug in slugs:
            html = render_template_sample(loaded.templates[slug], loaded.components).html
            page.set_content(html, wait_until="load")
            page.screenshot(path=str(THUMBNAIL_DIR / f"{slug}.png"))
            manifest[slug] = look_hash(loaded, slug)
        browser.close()
    for slug in set(manifest) - set(loaded.templates):
        manifest.pop(slug)
        (THUMBNAIL_DIR / f"{slug}.png").unlink(missing_ok=True)
    MANIFEST.write_text(json.dumps(dict(sorted(manifest.items())), indent=2) + "\n")
