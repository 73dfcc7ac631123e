"""The frontend agent: renders a `SitePlan` with the catalog into a complete static site."""

from __future__ import annotations

from autowebiq_app.catalog.render import Theme, palette_variables
from autowebiq_app.catalog.schema import TemplateDoc
from autowebiq_app.catalog.site import render_site
from autowebiq_app.engine.appsite import render_app
from autowebiq_app.engine.images import FAVICON, SOCIAL_PREVIEW, image_path
from autowebiq_app.engine.interfaces import CatalogView
from autowebiq_app.engine.plan import SitePlan

REGIONS = {
    "header": "body > header[data-component], body > .aw-header",
    "footer": "body > footer[data-component], body > .aw-footer",
}


def render_pages(plan: SitePlan, catalog: CatalogView, images: dict[str, str]) -> dict[str, str]:
    """The pages, styles and scripts; `images` are the image agent's files."""
    template = catalog.templates[plan.template]
    if plan.app is not None:
        theme = Theme(palette=plan.palette, fonts=plan.fonts, layout=template.layout, css=region_css(plan, template))
        features = plan.app.modules(catalog.features)
        return render_app(plan.app, theme=theme, template=template, features=features, images=images)

    def resolve(subject: str, alt: str, width: int, height: int, key: str) -> str:
        path = image_path(key)
        if path not in images:
            raise KeyError(f"the plan has no image {path}")
        return path

    theme = Theme(
        palette=plan.palette,
        fonts=plan.fonts,
        layout=template.layout,
        css="\n".join(part for part in (template.css.strip(), region_css(plan, template)) if part),
    )
    return render_site(
        title=f"{plan.name} | {plan.filled(plan.tagline)}",
        description=plan.filled(plan.description),
        site_name=plan.name,
        sections=plan.sections,
        components=catalog.components,
        theme=theme,
        images=resolve,
        favicon=FAVICON,
        og_image=SOCIAL_PREVIEW,
    )


def region_css(plan: SitePlan, template: TemplateDoc) -> str:
    """A dark or light header or footer: the template's palette of that variant, scoped."""
    rules = []
    for region, selector in REGIONS.items():
        style = getattr(plan, region)
        if style == "auto" or style == plan.variant:
            continue
        palette = template.palettes[style]
        rules.append(
            f"{selector} {{ {palette_variables(palette)} background: {palette.background}; color: {palette.text}; }}"
        )
    return "\n".join(rules)
