"""The offline planner: template choice, sections asked for or forbidden, explicit colours
and fonts honoured and kept readable, copy written for the business, deterministic."""

from __future__ import annotations

import re

import pytest

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.colour import contrast
from autowebiq_app.engine.pipeline import SilentReporter, produce
from autowebiq_app.engine.planner import plan_site
from devtools.catalog_gates import check_sites

CATALOG = bundled_catalog()
PROMPTS = {
    "luxury": "Build a luxury e-commerce website for a jewellery brand called Aurum Atelier with a navy background "
    "and buttons in gold, no testimonials",
    "bakery": "A bakery called Rye and Shine, dark mode, serif fonts, add pricing and a booking form",
    "gym": "crossfit gym called Iron Fist, no pricing, with a faq and a map",
    "hostile": 'A cafe called <script>alert(1)</script> with text colour #ffff00 "quoted" & more',
}


def site(prompt: str, seed: int = 0) -> dict[str, str]:
    plan = plan_site(prompt, CATALOG, seed=seed)
    return produce(plan, catalog=CATALOG, reporter=SilentReporter(), summary="").files


def visible_text(html: str) -> list[str]:
    """The page's text nodes (headings, paragraphs, labels), whitespace collapsed."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return [" ".join(t.split()) for t in re.split(r"<[^>]+>", body) if len(" ".join(t.split())) > 25]


def test_sections_forbidden_are_gone_and_wanted_are_added_before_the_footer():
    plan = plan_site(PROMPTS["gym"], CATALOG)
    components = [s.component for s in plan.sections]
    assert plan.template == "fitness-gym"
    assert "pricing-tiers" not in components and "pricing-table" not in components
    assert {"faq-accordion", "map-placeholder"} <= set(components)
    assert components[-1] == "footer-simple"
    nav = plan.sections[0].content["links"]
    assert {"#faq", "#map"} <= {link["href"] for link in nav}, "new sections get a menu link"
    assert "#pricing" not in {link["href"] for link in nav}, "links to removed sections are dropped"


def test_explicit_colours_and_fonts_are_honoured_and_stay_readable():
    plan = plan_site(PROMPTS["luxury"], CATALOG)
    assert (plan.name, plan.template) == ("Aurum Atelier", "luxury-boutique")
    assert plan.palette.background == "#000080" and plan.palette.primary == "#ffd700"
    assert contrast(plan.palette.text, plan.palette.background) >= 4.5
    assert contrast(plan.palette.on_primary, plan.palette.primary) >= 4.5
    css = site(PROMPTS["luxury"])["styles.css"]
    assert "--bg: #000080" in css and "--primary: #ffd700" in css

    bakery = plan_site(PROMPTS["bakery"], CATALOG)
    assert bakery.template == "cafe-bistro" and bakery.variant == "dark"
    assert "Georgia" in bakery.fonts.heading
    assert {"pricing-tiers", "booking-form"} <= {s.component for s in bakery.sections}


def test_unreadable_text_colour_is_nudged_and_said():
    plan = plan_site(PROMPTS["hostile"], CATALOG)
    assert contrast(plan.palette.text, plan.palette.background) >= 4.5
    assert any("text colour #ffff00" in note for note in plan.adjustments)


def test_same_prompt_and_seed_same_site_and_another_seed_other_words():
    assert site(PROMPTS["bakery"]) == site(PROMPTS["bakery"])
    assert plan_site(PROMPTS["bakery"], CATALOG) == plan_site(PROMPTS["bakery"], CATALOG)
    texts = {tuple(visible_text(site(PROMPTS["gym"], seed)["index.html"])) for seed in range(4)}
    assert len(texts) > 1


def test_user_text_is_escaped_and_the_sample_business_is_gone():
    html = site(PROMPTS["hostile"])["index.html"]
    assert "<script>alert(" not in html
    assert "Hazel &amp; Rye" not in html and "Hazel & Rye" not in html
    named = site('A café called "<script>alert(1)</script> & Co" <img src=x onerror=alert(2)>')
    assert "<script>alert(" not in named["index.html"] and "<img src=x" not in named["index.html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in named["index.html"]
    assert "<script>" not in named["assets/favicon.svg"] + named["assets/social-preview.svg"]


def test_copy_is_written_for_the_business():
    plan = plan_site(
        "Build a luxury e-commerce website for Aurum, a jewellery boutique in Milan selling rings, necklaces and "
        "earrings",
        CATALOG,
    )
    assert (plan.subject, plan.place, plan.offerings) == (
        "jewellery boutique",
        "Milan",
        ["rings", "necklaces", "earrings"],
    )
    html = site(plan_prompt := "A jewellery boutique called Aurum in Milan selling rings and necklaces")["index.html"]
    assert "Aurum" in html and "Maison Vérène" not in html
    products = next(s for s in plan_site(plan_prompt, CATALOG).sections if s.component == "product-grid")
    assert {p["category"] for p in products.content["products"]} == {"Rings", "Necklaces"}
    assert "lorem" not in html.lower()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("A bakery called Rye and Shine in Leeds", "A coffee shop called Bean There in Bristol serving espresso"),
        ("A dental clinic called Bright Smiles", "A family dental practice called Millpond Dental in York"),
        ("A SaaS landing page for Ledgerly, an invoicing tool", "A SaaS website for Tasko, a to-do app for teams"),
    ],
)
def test_two_businesses_on_one_template_do_not_share_headline_copy(first, second):
    a, b = plan_site(first, CATALOG), plan_site(second, CATALOG)
    assert a.template == b.template
    text_a, text_b = visible_text(site(first)["index.html"]), visible_text(site(second)["index.html"])
    hero_a, hero_b = text_a[:4], text_b[:4]
    assert not set(hero_a) & set(hero_b), (hero_a, hero_b)
    assert len(set(text_a) & set(text_b)) < 0.8 * len(text_a)


@pytest.mark.browser
def test_planned_sites_pass_every_gate():
    report = check_sites({name: site(prompt) for name, prompt in PROMPTS.items()})
    assert report.ok, report.summary()
