"""Chat edits: each changes the plan where asked and nothing else, byte for byte."""

from __future__ import annotations

import pytest

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.engine.edits import is_new_site, read_edit
from autowebiq_app.engine.pipeline import EngineError, SilentReporter, edit_site, produce
from autowebiq_app.engine.planner import plan_site

CATALOG = bundled_catalog()
TEMPLATES = list(CATALOG.templates.values())
PROMPT = (
    "Build a luxury e-commerce website for Aurum, a jewellery boutique in Milan selling rings and necklaces, "
    "with testimonials"
)


@pytest.fixture(scope="module")
def base():
    plan = plan_site(PROMPT, CATALOG)
    return produce(plan, catalog=CATALOG, reporter=SilentReporter(), summary="")


def edited(base, message: str):
    return edit_site(base.plan, message, reporter=SilentReporter(), catalog=CATALOG)


def changed_files(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def test_make_the_header_dark_changes_only_the_stylesheet(base):
    after = edited(base, "make the header dark")
    assert changed_files(base.files, after.files) == {"styles.css"}
    dark = CATALOG.templates[base.plan.template].palettes["dark"]
    assert f"body > header[data-component], body > .aw-header {{ --bg: {dark.background};" in after.files["styles.css"]
    assert after.plan.header == "dark" and after.qa_report["score"] == 100


def test_accent_colour_changes_the_palette_only(base):
    after = edited(base, "change the accent to teal")
    changed = changed_files(base.files, after.files)
    assert "index.html" not in changed and "script.js" not in changed
    assert "--accent: #008080" in after.files["styles.css"]
    assert changed - {"styles.css"} <= {p for p in base.files if p.startswith("assets/")}, "only palette art redraws"
    assert after.plan.palette.model_dump(exclude={"accent"}) == base.plan.palette.model_dump(exclude={"accent"})


def test_add_pricing_after_features_inserts_it_there(base):
    after = edited(base, "add a pricing section after features")
    components = [s.component for s in after.plan.sections]
    features = components.index("feature-alternating")
    assert components[features + 1] == "pricing-tiers"
    assert changed_files(base.files, after.files) <= {"index.html", "styles.css", "script.js"}
    assert 'id="pricing"' in after.files["index.html"]
    untouched = [s for s in base.plan.sections if s.component != base.plan.sections[0].component]
    assert all(s in after.plan.sections for s in untouched), "other sections keep their content"


def test_remove_testimonials_removes_the_section_and_its_picture(base):
    after = edited(base, "remove testimonials")
    assert "testimonial-quote" not in {s.component for s in after.plan.sections}
    assert changed_files(base.files, after.files) <= {"index.html", "styles.css", "script.js"} | {
        p for p in base.files if p.startswith("assets/clients")
    }
    assert 'data-component="testimonial-quote"' not in after.files["index.html"]


def test_rename_changes_the_name_everywhere_and_nothing_else(base):
    after = edited(base, "rename the shop to Orafo")
    assert after.plan.name == "Orafo"
    assert changed_files(base.files, after.files) == {"index.html", "assets/favicon.svg", "assets/social-preview.svg"}
    assert "Aurum" not in after.files["index.html"] and "Orafo" in after.files["index.html"]


def test_tone_rewrites_the_words_not_the_design(base):
    after = edited(base, "make the tone more playful")
    assert after.plan.tone == "playful"
    assert changed_files(base.files, after.files) <= {"index.html", "assets/social-preview.svg"}
    assert "index.html" in changed_files(base.files, after.files)


def test_switch_template_keeps_the_business(base):
    after = edited(base, "switch to the magazine template")
    assert after.plan.template == "blog-magazine"
    assert (after.plan.name, after.plan.subject) == ("Aurum", base.plan.subject)
    assert "Aurum" in after.files["index.html"]


def test_several_changes_in_one_message(base):
    after = edited(base, "make the footer dark and change the background to mint cream, then remove the newsletter")
    assert after.plan.footer == "dark" and after.plan.palette.background == "#f5fffa"
    assert "newsletter-signup" not in {s.component for s in after.plan.sections}


@pytest.mark.parametrize("message", ["paint it like van gogh", "hello?", "what can you do"])
def test_an_edit_the_engine_does_not_understand_says_what_it_can_do(base, message):
    assert read_edit(message, TEMPLATES) is None
    with pytest.raises(EngineError, match="make the header dark"):
        edited(base, message)


@pytest.mark.parametrize(
    ("message", "action", "value"),
    [
        ("Make it darker", "variant", "dark"),
        ("switch to light mode", "variant", "light"),
        ("use a serif font", "font", "serif"),
        ("make the buttons navy", "colour", "#000080"),
        ("add a faq before the footer", "add", "faq"),
        ("call it Juniper & Rye", "rename", "Juniper & Rye"),
        ("make the copy more professional", "tone", "professional"),
    ],
)
def test_messages_people_write_are_understood(message, action, value):
    ops = read_edit(message, TEMPLATES)
    assert ops and ops[0].action == action and ops[0].value == value


def test_new_site_or_edit():
    assert is_new_site("Build a website for a bakery called Crumbs")
    assert is_new_site("Create an online store selling candles")
    assert not is_new_site("make the header dark")
    assert not is_new_site("make the background of the site navy")
