"""The QA agent: contrast found in every palette of the stylesheet, and fixed by the engine."""

from __future__ import annotations

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.colour import contrast
from autowebiq_app.engine import qa
from autowebiq_app.engine.pipeline import SilentReporter, produce
from autowebiq_app.engine.planner import plan_site

CATALOG = bundled_catalog()


def test_contrast_problems_are_found_in_each_palette_block():
    css = (
        ":root { --bg: #ffffff; --surface: #f5f5f5; --text: #111111; --muted: #555555;"
        " --primary: #0055aa; --on-primary: #ffffff; --primary-text: #0055aa; --accent-text: #886600; }\n"
        "body > header[data-component] { --bg: #111111; --surface: #222222; --text: #333333; --muted: #cccccc; }\n"
    )
    problems = qa.contrast_problems(css)
    assert problems == [
        "body > header[data-component]: --text on --bg is 1.49:1 (needs 4.5:1)",
        "body > header[data-component]: --text on --surface is 1.26:1 (needs 4.5:1)",
    ]


def test_an_unreadable_palette_is_fixed_and_checked_again():
    plan = plan_site("A bakery called Crumb Corner", CATALOG)
    unreadable = plan.palette.model_copy(update={"text": plan.palette.background, "muted": plan.palette.surface})
    out = produce(
        plan.model_copy(update={"palette": unreadable}), catalog=CATALOG, reporter=SilentReporter(), summary=""
    )
    assert out.qa_report["attempts"] == 2 and out.qa_report["score"] == 100
    assert contrast(out.plan.palette.text, out.plan.palette.background) >= 4.5
    assert any("text colour changed" in note for note in out.plan.adjustments)
    assert not qa.contrast_problems(out.files["styles.css"])
