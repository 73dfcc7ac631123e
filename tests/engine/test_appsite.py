"""App sites: one page per spec page in every navigation, a 404, the data in `data.js`,
every word from the brief or the domain, and the files byte for byte the same each time."""

from __future__ import annotations

import json
import re
from functools import lru_cache

import pytest

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.engine.pipeline import SilentReporter, build_site
from autowebiq_app.engine.providers import OfflinePlanner
from bench.functional import load_corpus

CATALOG = bundled_catalog()
CRM = "A CRM where users can add clients and log calls with them"


@lru_cache(maxsize=None)
def built(prompt: str):
    return build_site(prompt, reporter=SilentReporter(), catalog=CATALOG, planner=OfflinePlanner())


def spec_data(files: dict[str, str]) -> dict:
    text = files["data.js"]
    assert text.startswith("window.AW_SPEC = ") and text.endswith(";\n")
    return json.loads(text[len("window.AW_SPEC = ") : -2])


def test_every_page_is_a_file_linked_from_every_navigation_and_there_is_a_404():
    out = built(CRM)
    pages = [p.path for p in out.plan.app.pages]
    assert pages[0] == "index.html" and len(pages) >= 3
    for path in [*pages, "404.html"]:
        html = out.files[path]
        nav = re.search(r'<nav class="aw-nav"[^>]*>(.*?)</nav>', html, re.S).group(1)
        assert re.findall(r'href="([^"]+)"', nav) == pages, path
        assert html.count("<h1") == 1
    assert 'aria-current="page"' in out.files["clients.html"].split('href="clients.html"')[1][:30]
    assert out.qa_report["score"] == 100


def test_the_data_file_holds_the_entities_with_references_resolved_to_ids():
    data = spec_data(built(CRM).files)
    clients = {r["id"]: r for r in data["entities"]["client"]["records"]}
    for call in data["entities"]["call"]["records"]:
        assert call["client"] in clients, call
    assert data["pages"]["collection"] == "clients.html"
    assert data["currency"] == "USD" and data["lang"] == "en"


def test_the_home_page_opens_on_the_main_feature():
    files = built("a 2048 game").files
    assert 'data-feature="game-2048"' in files["index.html"]


def test_a_brief_in_spanish_gets_the_interface_in_spanish():
    files = built("Un foro de recetas in Spanish where members post recipes and comment on them").files
    assert '<html lang="es">' in files["index.html"]
    assert spec_data(files)["words"]["search"] == "Buscar"


def test_the_same_prompt_gives_the_same_files():
    first = build_site(CRM, reporter=SilentReporter(), catalog=CATALOG, planner=OfflinePlanner())
    assert first.files == built(CRM).files


def _words_in_data() -> set[str]:
    """Field labels and choices of the catalog's domains: ordinary words, not names."""
    words = set()
    for domain in CATALOG.domains.values():
        for entity in domain.entities:
            for field in entity["fields"]:
                words.add(field["label"].lower())
                words |= {o.lower() for o in field.get("options", [])}
    return words


def _other_businesses(own: str) -> set[str]:
    """Every sample business name in the catalog, but the one this site uses (or is part of)."""
    names = {t.site_name for t in CATALOG.templates.values()}
    names |= {n for d in CATALOG.domains.values() for n in d.names}
    ordinary = _words_in_data()
    return {n for n in names if n.lower() not in own.lower() and len(n) > 4 and n.lower() not in ordinary}


@pytest.mark.parametrize("request_", load_corpus(), ids=lambda r: r["id"])
def test_no_other_business_reaches_a_site(request_):
    out = built(request_["prompt"])
    text = "\n".join(v for k, v in out.files.items() if k.endswith((".html", ".js")))
    leaked = sorted(n for n in _other_businesses(out.plan.name) if re.search(rf"\b{re.escape(n)}\b", text))
    assert not leaked, leaked


GATED = (
    CRM,
    "book a bus ticket and see my bookings",
    "Online sneaker store with filters by brand and size, product pages, a cart and checkout",
    "a 2048 game",
    "A site where people post poems and comment on them",
    "Track employee attendance with statistics",
    "A tip calculator",
    "A kanban board for my team's tasks",
)


@pytest.mark.browser
def test_every_page_of_app_sites_passes_the_validator_axe_and_overflow_gates():
    from devtools.catalog_gates import check_sites

    sites = {}
    for index, prompt in enumerate(GATED):
        files = built(prompt).files
        for path in sorted(p for p in files if p.endswith(".html")):
            sites[f"app{index}-{path[:-5]}"] = {**files, "index.html": files[path]}
    report = check_sites(sites, widths=(375, 1280), axe_widths=(375, 1280))
    assert report.ok, report.summary()
