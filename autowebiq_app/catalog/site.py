"""A complete static site (files) from a template and the content of its sections."""

from __future__ import annotations

from autowebiq_app.catalog.render import (
    ImageResolver,
    Theme,
    component_assets,
    page_css,
    render_document,
    render_sections,
)
from autowebiq_app.catalog.samples import template_theme
from autowebiq_app.catalog.schema import ComponentDoc, Section, TemplateDoc
from autowebiq_app.engine.images import FAVICON, favicon_svg, illustration, image_path


class AssetImages:
    """Image resolver that writes each picture to `assets/<key>.svg` in the site's files."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.files: dict[str, str] = {}

    def __call__(self, subject: str, alt: str, width: int, height: int, key: str) -> str:
        path = image_path(key)
        self.files[path] = illustration(alt=subject, palette=self.theme.palette, key=key, width=width, height=height)
        return path


def render_site(
    *,
    title: str,
    description: str,
    site_name: str,
    sections: list[Section],
    components: dict[str, ComponentDoc],
    theme: Theme,
    images: ImageResolver | None = None,
    og_image: str | None = None,
) -> dict[str, str]:
    """`index.html`, `styles.css` and `script.js` for the given sections.

    With no `images` resolver, pictures are drawn here into `assets/*` (with a favicon);
    a caller that passes one supplies those files itself.
    """
    drawn = AssetImages(theme) if images is None else None
    docs = [components[s.component] for s in sections]
    rendered = render_sections(sections, components, site_name=site_name, images=images or drawn)
    _, js = component_assets(docs)
    files: dict[str, str] = {}
    if drawn is not None:
        files.update(drawn.files)
        og_image = og_image or next(iter(drawn.files), None)
        files[FAVICON] = favicon_svg(site_name, theme.palette)
    files["index.html"] = render_document(
        title=title,
        description=description,
        sections=rendered,
        css="",
        js=js,
        inline=False,
        favicon=FAVICON,
        og_image=og_image,
    )
    files["styles.css"] = page_css(theme, docs)
    files["script.js"] = js + "\n"
    return files


def template_site(
    template: TemplateDoc, components: dict[str, ComponentDoc], *, variant: str = "light"
) -> dict[str, str]:
    """The template as a site, with its own sample copy."""
    return render_site(
        title=f"{template.site_name} | {template.tagline}",
        description=template.description,
        site_name=template.site_name,
        sections=template.sections,
        components=components,
        theme=template_theme(template, variant),
    )
