"""A complete static site's pages from catalog sections; the images come from the caller."""

from __future__ import annotations

from autowebiq_app.catalog.render import (
    ImageResolver,
    Theme,
    component_assets,
    page_css,
    render_document,
    render_sections,
)
from autowebiq_app.catalog.schema import ComponentDoc, Section


def render_site(
    *,
    title: str,
    description: str,
    site_name: str,
    sections: list[Section],
    components: dict[str, ComponentDoc],
    theme: Theme,
    images: ImageResolver,
    favicon: str,
    og_image: str | None = None,
) -> dict[str, str]:
    """`index.html`, `styles.css` and `script.js` for the given sections; `images` gives
    each picture's path (the caller writes the image files, favicon included)."""
    docs = [components[s.component] for s in sections]
    rendered = render_sections(sections, components, site_name=site_name, images=images)
    _, js = component_assets(docs)
    return {
        "index.html": render_document(
            title=title,
            description=description,
            sections=rendered,
            css="",
            js=js,
            inline=False,
            favicon=favicon,
            og_image=og_image,
        ),
        "styles.css": page_css(theme, docs),
        "script.js": js + "\n",
    }
