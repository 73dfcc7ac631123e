"""Reading prompts: names, explicit colours by role, fonts, light/dark, sections, template choice."""

from __future__ import annotations

import pytest

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.engine.brief import choose_template, read_brief

TEMPLATES = [t.model_dump() for t in bundled_catalog().templates.values()]


@pytest.mark.parametrize(
    ("prompt", "name"),
    [
        ("Build a luxury e-commerce website for a jewellery brand called Aurum Atelier", "Aurum Atelier"),
        ("A bakery called Rye and Shine in Leeds", "Rye and Shine"),
        ('A site for my café "Bean & Gone"', "Bean & Gone"),
        ("portfolio for Jane Doe", "Jane Doe"),
        ("build me a website", None),
    ],
)
def test_business_name(prompt, name):
    assert read_brief(prompt).name == name


def test_colours_are_assigned_to_the_role_they_are_named_with():
    brief = read_brief("A shop with a navy background and buttons in forest green, text colour #333")
    assert brief.colours == {"background": "#000080", "primary": "#228b22", "text": "#333333"}


def test_hex_and_rgb_and_multiword_names():
    brief = read_brief("Use #FF6600 for buttons and rgb(20, 20, 20) for the text. Mint cream background.")
    assert brief.colours == {"primary": "#ff6600", "text": "#141414", "background": "#f5fffa"}


def test_colours_without_a_role_become_primary_then_accent():
    assert read_brief("A gym site, use teal and coral").colours == {"primary": "#008080", "accent": "#ff7f50"}


def test_a_product_colour_is_not_a_style_instruction():
    assert read_brief("A shop selling silver and gold jewellery").colours == {}


@pytest.mark.parametrize(
    ("prompt", "variant", "font"),
    [
        ("A bakery, dark mode, serif fonts", "dark", "serif"),
        ("A studio site with a light theme in a sans-serif font", "light", "sans"),
        ("Developer docs in a monospace font", None, "mono"),
        ("A dark chocolate shop", None, None),
    ],
)
def test_variant_and_font_style(prompt, variant, font):
    brief = read_brief(prompt)
    assert (brief.variant, brief.font_style) == (variant, font)


def test_sections_asked_for_and_forbidden():
    brief = read_brief(
        "A restaurant with a booking form and a menu, add pricing, no testimonials or FAQ, without a blog"
    )
    assert set(brief.wanted) == {"booking", "menu", "pricing"}
    assert set(brief.forbidden) == {"testimonials", "faq", "blog"}


@pytest.mark.parametrize(
    ("prompt", "slug"),
    [
        ("Build a luxury e-commerce website", "luxury-boutique"),
        ("an online grocery shop with delivery", "everyday-store"),
        ("a cafe in Bristol", "cafe-bistro"),
        ("saas landing page for an analytics tool", "saas-product"),
        ("launch page for our iPhone app", "app-launch"),
        ("a creative agency site", "agency-studio"),
        ("my design portfolio", "portfolio-personal"),
        ("wedding photographer website", "photographer"),
        ("my resume", "resume-cv"),
        ("a food blog", "blog-magazine"),
        ("local news website", "news-daily"),
        ("estate agent listing homes for sale", "real-estate"),
        ("crossfit gym", "fitness-gym"),
        ("dental practice", "dental-clinic"),
        ("law firm", "law-firm"),
        ("online course on UX", "online-course"),
        ("tech conference", "event-conference"),
        ("charity fundraising", "nonprofit-charity"),
        ("boutique hotel by the sea", "hotel-travel"),
        ("our wedding invitation", "wedding-invitation"),
        ("indie band website", "music-band"),
        ("plumber in Leeds", "local-services"),
        ("analytics dashboard", "dashboard-app"),
        ("a forum for bakers", "community-forum"),
        ("coming soon page", "minimal-launch"),
    ],
)
def test_the_best_matching_template_is_chosen(prompt, slug):
    chosen, score = choose_template(read_brief(prompt), TEMPLATES)
    assert (chosen, score > 0) == (slug, True)


def test_nothing_matching_scores_zero():
    assert choose_template(read_brief("qwerty zxcvb"), TEMPLATES) == ("", 0)


@pytest.mark.parametrize(
    ("prompt", "subject", "place", "offerings", "tone"),
    [
        (
            "Build a luxury e-commerce website for Aurum, a jewellery boutique in Milan selling rings, necklaces and "
            "earrings",
            "jewellery boutique",
            "Milan",
            ("rings", "necklaces", "earrings"),
            "refined",
        ),
        ("Build a luxury e-commerce website", "luxury online store", None, (), "refined"),
        ("bakery website", "bakery", None, (), None),
        ("crossfit gym called Iron Fist", "crossfit gym", None, (), None),
        ("Make me something for my pottery classes in Lisbon", "pottery classes", "Lisbon", (), None),
        ("A playful site for a dog grooming salon serving poodles and terriers", "dog grooming salon", None,
         ("poodles", "terriers"), "playful"),
        ("Build me a website", None, None, (), None),
    ],
)  # fmt: skip
def test_what_the_business_is_where_and_what_it_offers(prompt, subject, place, offerings, tone):
    brief = read_brief(prompt)
    assert (brief.subject, brief.place, brief.offerings, brief.tone) == (subject, place, offerings, tone)
