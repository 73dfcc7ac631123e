"""Plan a site from the catalog: the best template for the brief, its sections adjusted to
what was asked for or forbidden, its palette and fonts adjusted to explicit instructions.

Not yet wired into builds (see docs/engine.md): the copy is still the template's own,
renamed; a copy writer comes next.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from autowebiq_app.catalog.files import Loaded
from autowebiq_app.catalog.render import Theme, map_strings, section_anchors
from autowebiq_app.catalog.schema import Fonts, Palette, Section, TemplateDoc
from autowebiq_app.catalog.site import render_site
from autowebiq_app.colour import contrast, mix
from autowebiq_app.engine.brief import Brief, choose_template, read_brief

FALLBACK_TEMPLATE = "minimal-launch"
KIND_COMPONENTS: dict[str, tuple[str, ...]] = {
    "pricing": ("pricing-tiers", "pricing-table"),
    "booking": ("booking-form", "rsvp-form"),
    "contact": ("contact-form",),
    "newsletter": ("newsletter-signup",),
    "faq": ("faq-accordion",),
    "testimonials": ("testimonial-cards", "testimonial-quote"),
    "gallery": ("gallery-lightbox", "gallery-masonry"),
    "team": ("team-grid",),
    "blog": ("blog-list", "blog-featured", "article-layout"),
    "map": ("map-placeholder",),
    "menu": ("menu-list",),
    "products": ("product-grid", "product-feature", "cart-drawer"),
    "countdown": ("countdown-timer",),
    "stats": ("stats-band",),
    "timeline": ("timeline-vertical",),
    "schedule": ("event-schedule",),
    "hours": ("opening-hours",),
    "search": ("search-filter",),
    "charts": ("chart-bars", "chart-line"),
    "table": ("data-table",),
    "tabs": ("tabs-panel",),
    "features": ("feature-grid", "feature-alternating", "feature-list-icons"),
    "services": ("services-list",),
    "logos": ("logo-strip",),
}
FONT_STACKS = {
    "serif": "'Iowan Old Style', 'Palatino Linotype', Palatino, Georgia, 'Times New Roman', serif",
    "sans": "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    "mono": "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
    "rounded": "ui-rounded, 'Arial Rounded MT Bold', 'Nunito', system-ui, sans-serif",
    "slab": "Rockwell, 'Roboto Slab', 'DejaVu Serif', Georgia, serif",
}
_TRAILING = ("cta", "footer")


@dataclass
class CatalogPlan:
    template: str
    variant: str
    site_name: str
    palette: Palette
    fonts: Fonts
    sections: list[Section]
    adjustments: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "template": self.template,
            "variant": self.variant,
            "site_name": self.site_name,
            "palette": self.palette.model_dump(),
            "fonts": self.fonts.model_dump(),
            "sections": [s.model_dump(mode="json") for s in self.sections],
            "adjustments": self.adjustments,
        }


def plan_from_catalog(prompt: str, catalog: Loaded) -> CatalogPlan:
    """A deterministic plan: same prompt and catalog, same plan."""
    brief = read_brief(prompt)
    slug, _score = choose_template(brief, [t.model_dump() for t in catalog.templates.values()])
    template = catalog.templates[slug or FALLBACK_TEMPLATE]
    variant = brief.variant or "light"
    adjustments: list[str] = []
    palette = apply_colours(template.palettes[variant], brief, adjustments)
    fonts = template.fonts
    if brief.font_style:
        stack = FONT_STACKS[brief.font_style]
        fonts = Fonts(heading=stack, body=stack if brief.font_style != "mono" else template.fonts.body)
    sections = adjust_sections(template, brief, catalog)
    return CatalogPlan(
        template=template.slug,
        variant=variant,
        site_name=brief.name or template.site_name,
        palette=palette,
        fonts=fonts,
        sections=sections,
        adjustments=adjustments,
    )


def render_plan(plan: CatalogPlan, catalog: Loaded) -> dict[str, str]:
    template = catalog.templates[plan.template]
    theme = Theme(palette=plan.palette, fonts=plan.fonts, layout=template.layout, css=template.css)
    return render_site(
        title=f"{plan.site_name} | {template.tagline}",
        description=f"{plan.site_name}: {template.tagline}",
        site_name=plan.site_name,
        sections=[_renamed(s, template) for s in plan.sections],
        components=catalog.components,
        theme=theme,
    )


def _renamed(section: Section, template: TemplateDoc) -> Section:
    """The template's sample business name becomes {site_name}, so the plan's name is used."""
    return Section(
        component=section.component,
        anchor=section.anchor,
        content=map_strings(section.content, lambda text: text.replace(template.site_name, "{site_name}")),
    )


def apply_colours(base: Palette, brief: Brief, adjustments: list[str]) -> Palette:
    """The template palette with the brief's colours by role, kept readable (WCAG AA)."""
    values = base.model_dump()
    colours = brief.colours
    if "background" in colours:
        bg = colours["background"]
        values["background"] = bg
        values["surface"] = mix(bg, "#ffffff" if _is_dark(bg) else "#000000", 0.94)
        if contrast(values["text"], bg) < 4.5:
            values["text"] = _readable_on(bg)
            adjustments.append("text colour changed to stay readable on the new background")
        values["muted"] = _muted(values["text"], bg, values["surface"])
    if "text" in colours:
        wanted = colours["text"]
        fixed = _nudge(wanted, values["background"], 4.5, values["surface"])
        values["text"] = fixed
        if fixed != wanted:
            adjustments.append(f"text colour {wanted} darkened/lightened to {fixed} for contrast")
        values["muted"] = _muted(values["text"], values["background"], values["surface"])
    if "primary" in colours:
        values["primary"] = colours["primary"]
        values["on_primary"] = _readable_on(colours["primary"])
    if "accent" in colours:
        values["accent"] = _nudge(colours["accent"], values["background"], 3.0)
    if contrast(values["primary"], values["background"]) < 3.0:
        adjustments.append("buttons keep the asked colour; their outline style may be faint on this background")
    if contrast(values["accent"], values["background"]) < 3.0:
        values["accent"] = _nudge(values["accent"], values["background"], 3.0)
    return Palette(**values)


def _is_dark(colour: str) -> bool:
    return contrast(colour, "#ffffff") > contrast(colour, "#000000")


def _readable_on(colour: str) -> str:
    return "#ffffff" if contrast("#ffffff", colour) >= contrast("#111111", colour) else "#111111"


def _nudge(colour: str, background: str, ratio: float, *also: str) -> str:
    """`colour`, moved toward black or white only as far as needed for `ratio` on every background."""
    target = "#ffffff" if _is_dark(background) else "#000000"
    for step in range(0, 21):
        candidate = mix(target, colour, step / 20)
        if all(contrast(candidate, b) >= ratio for b in (background, *also)):
            return candidate
    return target


def _muted(text: str, background: str, surface: str) -> str:
    for weight in (0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0):
        candidate = mix(text, background, weight)
        if contrast(candidate, background) >= 4.5 and contrast(candidate, surface) >= 4.5:
            return candidate
    return text


def adjust_sections(template: TemplateDoc, brief: Brief, catalog: Loaded) -> list[Section]:
    """Drop forbidden kinds, add wanted ones (before the closing CTA/footer), mend links."""
    removed = {slug for kind in brief.forbidden for slug in KIND_COMPONENTS.get(kind, ())}
    sections = [s for s in template.sections if s.component not in removed]
    present = {s.component for s in sections}
    for kind in brief.wanted:
        options = KIND_COMPONENTS.get(kind, ())
        if not options or present & set(options):
            continue
        component = catalog.components[options[0]]
        position = len(sections)
        while position > 0 and catalog.components[sections[position - 1].component].category in _TRAILING:
            position -= 1
        sections.insert(position, Section(component=component.slug, anchor=kind, content=dict(component.sample)))
        present.add(component.slug)
    anchors = set(section_anchors((catalog.components[s.component], s.anchor) for s in sections)) | {"main"}
    return [
        Section(component=s.component, anchor=s.anchor, content=_mend_links(s.content, anchors, catalog, s.component))
        for s in sections
    ]


def _mend_links(content: dict, anchors: set[str], catalog: Loaded, component: str) -> dict:
    """In-page links to sections that are gone: link-list items are dropped (while the list
    may shrink), every other such link points to #main instead."""
    slots = catalog.components[component].slots
    mended = {}
    for name, value in content.items():
        spec = slots.get(name)
        if isinstance(value, list) and spec is not None and spec.type == "list":
            items = [item for item in value if not _dangling(item.get("href"), anchors)]
            if len(items) < max(spec.min_items, 1):
                items = list(value)
            url_fields = [field for field, kind in spec.fields.items() if kind == "url"]
            mended[name] = [
                {k: ("#main" if k in url_fields and _dangling(v, anchors) else v) for k, v in item.items()}
                for item in items
            ]
        elif spec is not None and spec.type == "url" and _dangling(value, anchors):
            mended[name] = "#main"
        else:
            mended[name] = value
    return mended


def _dangling(href, anchors: set[str]) -> bool:
    return isinstance(href, str) and href.startswith("#") and len(href) > 1 and href[1:] not in anchors
