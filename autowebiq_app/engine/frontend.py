"""The frontend agent: renders a `SitePlan` into a complete static site."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from autowebiq_app.engine.plan import SitePlan

_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html", "html.j2"], default=True),
    undefined=StrictUndefined,
    trim_blocks=False,
    keep_trailing_newline=True,
)
_css_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=False,
    undefined=StrictUndefined,
    keep_trailing_newline=True,
)


def render_site(plan: SitePlan) -> dict[str, str]:
    """`index.html`, `styles.css` and `script.js` for the plan (images come separately)."""
    alts = {spec.name: spec.alt for spec in plan.images}
    return {
        "index.html": _env.get_template("index.html.j2").render(plan=plan, images=alts),
        "styles.css": _css_env.get_template("styles.css.j2").render(p=plan.palette, fonts=plan.fonts),
        "script.js": (Path(__file__).parent / "templates" / "script.js").read_text(),
    }
