"""Run the catalog's quality gates: `python scripts/check_catalog.py [slug ...]` (all by default)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from autowebiq_app.catalog.files import load_catalog  # noqa: E402
from autowebiq_app.catalog.samples import render_component_sample, render_template_sample  # noqa: E402
from devtools.catalog_gates import check_pages  # noqa: E402


def main(slugs: list[str]) -> int:
    started = time.monotonic()
    catalog = load_catalog()
    pages = {}
    for slug, template in catalog.templates.items():
        if not slugs or slug in slugs:
            for variant in ("light", "dark"):
                pages[f"template-{slug}-{variant}"] = render_template_sample(
                    template, catalog.components, variant=variant
                ).html
    for slug, component in catalog.components.items():
        if not slugs or slug in slugs:
            pages[f"component-{slug}"] = render_component_sample(component).html
    report = check_pages(pages, whole_sites=frozenset(n for n in pages if n.startswith("template-")))
    print(f"checked {len(pages)} pages in {time.monotonic() - started:.1f}s")
    if report.ok:
        print("all gates pass")
        return 0
    print(report.summary())
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
