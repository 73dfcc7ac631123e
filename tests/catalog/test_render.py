"""Rendering: typed slots, escaping, safe URLs, anchors, complete sites."""

from __future__ import annotations

import pytest

from autowebiq_app.catalog.render import CatalogContentError, render_section, validate_content
from autowebiq_app.catalog.samples import PREVIEW_THEME, data_uri_images
from autowebiq_app.engine.pipeline import SilentReporter, produce
from autowebiq_app.engine.planner import template_plan
from autowebiq_app.engine.qa import check_site

IMAGES = data_uri_images(PREVIEW_THEME.palette)


def test_user_text_is_escaped(loaded):
    hero = loaded.components["hero-split"]
    content = dict(hero.sample, heading="<script>alert(1)</script>", text='Tom & Jerry\'s "best"')
    html = render_section(hero, content, anchor="top", images=IMAGES)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Tom &amp; Jerry&#39;s &#34;best&#34;" in html


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "data:text/html,hi", "http://plain.example", " #x", "vbscript:x"]
)
def test_unsafe_links_are_refused(loaded, href):
    hero = loaded.components["hero-split"]
    with pytest.raises(CatalogContentError, match="primary_href"):
        validate_content(hero, dict(hero.sample, primary_href=href))


@pytest.mark.parametrize(
    "href", ["#pricing", "about.html", "mailto:a@b.co", "tel:+44 20 7946 0000", "https://example.com/x"]
)
def test_safe_links_pass(loaded, href):
    hero = loaded.components["hero-split"]
    assert validate_content(hero, dict(hero.sample, primary_href=href))["primary_href"] == href


def test_missing_required_unknown_and_oversized_slots_are_named(loaded):
    hero = loaded.components["hero-split"]
    without = {k: v for k, v in hero.sample.items() if k != "heading"}
    with pytest.raises(CatalogContentError, match="hero-split.heading: required"):
        validate_content(hero, without)
    with pytest.raises(CatalogContentError, match="unknown slots"):
        validate_content(hero, dict(hero.sample, colour="red"))
    with pytest.raises(CatalogContentError, match="at most 90"):
        validate_content(hero, dict(hero.sample, heading="x" * 91))
    with pytest.raises(CatalogContentError, match="alt text"):
        validate_content(hero, dict(hero.sample, image={"subject": "x", "alt": " "}))


def template_site(loaded, slug, variant="light"):
    """The template as a project starts from it: its own sample copy, as a site."""
    plan = template_plan(loaded.templates[slug], loaded.components, variant=variant)
    return produce(plan, catalog=loaded, reporter=SilentReporter(), summary="").files


def test_template_site_is_complete_and_checks_clean(loaded):
    files = template_site(loaded, "minimal-launch")
    assert {"index.html", "styles.css", "script.js", "assets/favicon.svg"} <= set(files)
    assert any(path.startswith("assets/") and path != "assets/favicon.svg" for path in files)
    report = check_site(files)
    assert report["score"] == 100, [c for c in report["checks"] if not c["passed"]]
    assert 'id="features"' in files["index.html"] and '<main id="main">' in files["index.html"]
    assert "--bg: #fbfbf9" in files["styles.css"]
    dark = template_site(loaded, "minimal-launch", variant="dark")
    assert "--bg: #111114" in dark["styles.css"]
