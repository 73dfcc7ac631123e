"""Colour instructions as people write them: roles by many names, multi-word names, names
that differ between CSS and X11, and a colour tied to its role by "for the" / "as the"."""

from __future__ import annotations

import pytest

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.colour import contrast
from autowebiq_app.engine.brief import colours_by_role
from autowebiq_app.engine.pipeline import SilentReporter, build_site
from autowebiq_app.engine.planner import plan_site
from autowebiq_app.engine.providers import OfflinePlanner

CATALOG = bundled_catalog()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Use navy as the base color", {"background": "#000080"}),
        ("base colour: teal", {"background": "#008080"}),
        (
            "navy blue for the outer layout and light gray for UI blocks",
            {"background": "#000080", "surface": "#d3d3d3"},
        ),
        ("forest green for all components", {"primary": "#228b22"}),
        (
            "Use sky blue for the background and dark orange for buttons",
            {"background": "#87ceeb", "primary": "#ff8c00"},
        ),
        ("dark slate gray background with gold buttons", {"background": "#2f4f4f", "primary": "#ffd700"}),
        ("web gray for the page and maroon for buttons", {"background": "#808080", "primary": "#800000"}),
        ("x11 gray background", {"background": "#bebebe"}),
        ("gray background", {"background": "#808080"}),
        ("light steel blue background, tomato accents", {"background": "#b0c4de", "accent": "#ff6347"}),
        ("Use midnight blue as the main colour and coral as the accent", {"primary": "#191970", "accent": "#ff7f50"}),
        ("cards in cream and buttons in burgundy", {"surface": "#fffdd0", "primary": "#800020"}),
        ("text in dark slate grey, links in rebecca purple", {"text": "#2f4f4f", "primary": "#663399"}),
    ],
)
def test_colour_phrasings(text, expected):
    assert colours_by_role(text) == expected


def test_a_colour_for_blocks_reaches_the_palette_and_text_stays_readable():
    prompt = "A CRM where I add clients. Navy for the outer layout and light gray for UI blocks."
    plan = plan_site(prompt, CATALOG)
    assert plan.palette.background == "#000080"
    assert contrast(plan.palette.text, plan.palette.surface) >= 4.5
    assert plan.palette.surface != plan.palette.background and any("shaded" in a for a in plan.adjustments)
    light = plan_site("A CRM where I add clients. White for the outer layout and light gray for UI blocks.", CATALOG)
    assert light.palette.surface == "#d3d3d3", "a block colour that reads is kept exactly"
    out = build_site(prompt, reporter=SilentReporter(), catalog=CATALOG, planner=OfflinePlanner())
    assert out.qa_report["score"] == 100, [c for c in out.qa_report["checks"] if not c["passed"]]
