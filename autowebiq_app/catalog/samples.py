"""Standalone sample pages: a template or a component with its sample content, all inline."""

from __future__ import annotations

import base64

from autowebiq_app.catalog.illustrations import illustration
from autowebiq_app.catalog.render import (
    RenderedPage,
    Theme,
    component_assets,
    page_css,
    render_document,
    render_section,
    render_sections,
    section_anchors,
)
from autowebiq_app.catalog.schema import ComponentDoc, Fonts, Palette, TemplateDoc

PREVIEW_THEME = Theme(
    palette=Palette(
        background="#ffffff",
        surface="#f4f4f6",
        text="#16161d",
        muted="#52525e",
        primary="#3b3bd4",
        on_primary="#ffffff",
        accent="#b4235a",
    ),
    fonts=Fonts(
        heading="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
        body="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    ),
)


def data_uri_images(palette: Palette):
    def resolve(subject: str, alt: str, width: int, height: int, key: str) -> str:
        svg = illustration(alt=f"{subject}", palette=palette, key=key, width=width, height=height)
        return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()

    return resolve


def template_theme(template: TemplateDoc, variant: str = "light") -> Theme:
    return Theme(palette=template.palettes[variant], fonts=template.fonts, layout=template.layout, css=template.css)


def render_template_sample(
    template: TemplateDoc, components: dict[str, ComponentDoc], *, variant: str = "light"
) -> RenderedPage:
    """The template with its own sample copy, as one self-contained HTML page."""
    theme = template_theme(template, variant)
    used = [components[s.component] for s in template.sections]
    rendered = render_sections(
        template.sections, components, site_name=template.site_name, images=data_uri_images(theme.palette)
    )
    css = page_css(theme, used)
    _, js = component_assets(used)
    html = render_document(
        title=f"{template.site_name} | {template.tagline}",
        description=template.description,
        sections=rendered,
        css=css,
        js=js,
        inline=True,
    )
    return RenderedPage(html=html, css=css, js=js)


def render_component_sample(component: ComponentDoc, theme: Theme = PREVIEW_THEME) -> RenderedPage:
    """The component with its sample content, alone on a page."""
    images = data_uri_images(theme.palette)
    anchor = section_anchors([(component, None)])[0]
    markup = render_section(component, component.sample, anchor=anchor, images=images, site={"name": "Sample Co."})
    css = page_css(theme, [component])
    _, js = component_assets([component])
    html = render_document(
        title=f"{component.name} component",
        description=component.description,
        sections=[(component, markup)],
        css=css,
        js=js,
        inline=True,
    )
    return RenderedPage(html=html, css=css, js=js)
