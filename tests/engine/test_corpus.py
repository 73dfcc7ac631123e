"""Every prompt of the corpus builds, honours what it says, checks clean and is reproducible."""

from __future__ import annotations

from functools import lru_cache

import pytest

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.engine.pipeline import SilentReporter, build_site
from autowebiq_app.engine.providers import OfflinePlanner
from autowebiq_app.engine.sections import kind_components
from devtools.catalog_gates import check_sites
from tests.engine.corpus import CORPUS, Case

CATALOG = bundled_catalog()
COLOUR_VARIABLE = {"background": "--bg", "primary": "--primary", "text": "--text", "accent": "--accent"}


@lru_cache(maxsize=None)
def built(prompt: str):
    return build_site(prompt, reporter=SilentReporter(), catalog=CATALOG, planner=OfflinePlanner())


def test_the_corpus_is_varied():
    assert len(CORPUS) >= 60
    assert len({c.prompt for c in CORPUS}) == len(CORPUS)
    templates = {built(c.prompt).plan.template for c in CORPUS}
    assert templates == set(CATALOG.templates), set(CATALOG.templates) - templates


@pytest.mark.parametrize("case", CORPUS, ids=lambda c: c.prompt[:40])
def test_every_prompt_builds_and_honours_what_it_asks(case: Case):
    out = built(case.prompt)
    assert out.qa_report["score"] == 100, [c for c in out.qa_report["checks"] if not c["passed"]]
    if case.template:
        assert out.plan.template == case.template
    css = out.files["styles.css"]
    for role, colour in case.colours.items():
        assert f"{COLOUR_VARIABLE[role]}: {colour};" in css, (role, colour)
    components = {s.component for s in out.plan.sections}
    kinds = kind_components(CATALOG.components)
    for kind in case.wanted:
        assert components & set(kinds[kind]), kind
    for kind in case.forbidden:
        assert not components & set(kinds[kind]), kind
    html = out.files["index.html"]
    for hostile in ("<script>alert", "<img src=x", "<b>bold</b>", 'href="javascript:'):
        assert hostile not in html


@pytest.mark.parametrize("case", CORPUS[::7], ids=lambda c: c.prompt[:40])
def test_the_same_prompt_twice_gives_the_same_site(case: Case):
    first = build_site(case.prompt, reporter=SilentReporter(), catalog=CATALOG, planner=OfflinePlanner())
    again = build_site(case.prompt, reporter=SilentReporter(), catalog=CATALOG, planner=OfflinePlanner())
    assert first.files == again.files and first.plan == again.plan


@pytest.mark.browser
def test_every_corpus_site_passes_the_validator_and_axe():
    sites = {f"case-{index:02d}": built(case.prompt).files for index, case in enumerate(CORPUS)}
    report = check_sites(sites, widths=(375, 1280), axe_widths=(1280,))
    assert report.ok, report.summary()
