"""Planning from the catalog: template choice, sections asked for or forbidden, explicit
colours and fonts honoured, readable output, deterministic, every gate passing."""

from __future__ import annotations

import pytest

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.catalog.gates import check_sites
from autowebiq_app.colour import contrast
from autowebiq_app.engine.catalog_planner import plan_from_catalog, render_plan

CATALOG = bundled_catalog()
PROMPTS = {
    "luxury": "Build a luxury e-commerce website for a jewellery brand called Aurum Atelier with a navy background "
    "and buttons in gold, no testimonials",
    "bakery": "A bakery called Rye and Shine, dark mode, serif fonts, add pricing and a booking form",
    "gym": "crossfit gym called Iron Fist, no pricing, with a faq and a map",
    "hostile": 'A cafe called <script>alert(1)</script> with text colour #ffff00 "quoted" & more',
}


def test_sections_forbidden_are_gone_and_wanted_are_added_before_the_footer():
    plan = plan_from_catalog(PROMPTS["gym"], CATALOG)
    components = [s.component for s in plan.sections]
    assert plan.template == "fitness-gym"
    assert "pricing-tiers" not in components and "pricing-table" not in components
    assert {"faq-accordion", "map-placeholder"} <= set(components)
    assert components[-1] == "footer-simple"


def test_explicit_colours_and_fonts_are_honoured_and_stay_readable():
    plan = plan_from_catalog(PROMPTS["luxury"], CATALOG)
    assert (plan.site_name, plan.template) == ("Aurum Atelier", "luxury-boutique")
    assert plan.palette.background == "#000080" and plan.palette.primary == "#ffd700"
    assert contrast(plan.palette.text, plan.palette.background) >= 4.5
    assert contrast(plan.palette.on_primary, plan.palette.primary) >= 4.5
    css = render_plan(plan, CATALOG)["styles.css"]
    assert "--bg: #000080" in css and "--primary: #ffd700" in css

    bakery = plan_from_catalog(PROMPTS["bakery"], CATALOG)
    assert bakery.template == "cafe-bistro" and bakery.variant == "dark"
    assert "Georgia" in bakery.fonts.heading
    assert {"pricing-tiers", "booking-form"} <= {s.component for s in bakery.sections}


def test_unreadable_text_colour_is_nudged_and_said():
    plan = plan_from_catalog(PROMPTS["hostile"], CATALOG)
    assert contrast(plan.palette.text, plan.palette.background) >= 4.5
    assert any("text colour #ffff00" in note for note in plan.adjustments)


def test_same_prompt_same_site():
    first = render_plan(plan_from_catalog(PROMPTS["bakery"], CATALOG), CATALOG)
    again = render_plan(plan_from_catalog(PROMPTS["bakery"], CATALOG), CATALOG)
    assert first == again


def test_the_name_replaces_the_sample_business_and_user_text_is_escaped():
    files = render_plan(plan_from_catalog(PROMPTS["hostile"], CATALOG), CATALOG)
    assert "<script>alert(1)</script>" not in files["index.html"]
    assert "Hazel &amp; Rye" not in files["index.html"] and "Hazel & Rye" not in files["index.html"]


@pytest.mark.browser
def test_planned_sites_pass_every_gate():
    sites = {name: render_plan(plan_from_catalog(prompt, CATALOG), CATALOG) for name, prompt in PROMPTS.items()}
    report = check_sites(sites)
    assert report.ok, report.summary()
