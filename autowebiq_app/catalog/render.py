"""Render catalog components and templates to HTML, CSS and JS.

Component markup is Jinja2 with autoescaping always on; content is validated against the
component's typed slots first, so a page never renders half-filled or with unsafe URLs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from autowebiq_app.catalog.schema import ComponentDoc, Fonts, Layout, Palette, Section, SlotSpec
from autowebiq_app.colour import contrast, luminance, readable

BASE_CSS = (Path(__file__).parent / "base.css").read_text()
ASPECTS = {
    "1:1": (800, 800),
    "4:3": (800, 600),
    "3:2": (900, 600),
    "16:9": (1280, 720),
    "3:4": (600, 800),
    "2:1": (1200, 600),
}
LIMITS = {"text": 160, "longtext": 1200, "url": 300}
_SAFE_URL = re.compile(r"^(#[\w-]*|mailto:[^\s<>\"']+|tel:[+\d\s().-]+|https://[^\s<>\"']+|(?!\w+:)[\w./?=&%#-]+)$")
_FENCED_PROPS = re.compile(r"\b(?:@import|url\s*\(\s*['\"]?(?:https?:)?//)", re.I)

ImageResolver = Callable[[str, str, int, int, str], str]
"""(subject, alt, width, height, key) -> src for an image slot."""


class CatalogContentError(ValueError):
    """Content that does not fit a component's slots; the message names the slot."""


_env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@dataclass(frozen=True)
class Theme:
    palette: Palette
    fonts: Fonts
    layout: Layout = field(default_factory=Layout)
    css: str = ""

    def variables(self) -> str:
        f, lay = self.fonts, self.layout
        return (
            f":root {{ {palette_variables(self.palette)}"
            f" --font-heading: {f.heading}; --font-body: {f.body};"
            f" --maxw: {lay.max_width}; --radius: {lay.radius}; --btn-radius: {lay.button_radius};"
            f" --section-space: clamp(2.75rem, 7vw, {lay.section_space}); --body-size: {lay.body_size};"
            f" --heading-weight: {lay.heading_weight}; --heading-tracking: {lay.heading_tracking};"
            f" --heading-transform: {lay.heading_transform};"
            " }\n"
        )


def css_variable(role: str) -> str:
    """The custom property a palette role is written to: "on_primary" -> "on-primary"."""
    return "bg" if role == "background" else role.replace("_", "-")


def palette_variables(p: Palette) -> str:
    """The CSS custom properties of a palette, including the colours derived from it."""
    error = "#b42318" if contrast("#b42318", p.background) >= 4.5 else "#ff8a80"
    focus = p.primary if contrast(p.primary, p.background) >= 3 else p.text
    # A dark panel with light text in both variants (photo scrims, lightboxes).
    ink, on_ink = (p.text, p.background) if luminance(p.text) < luminance(p.background) else (p.background, p.text)
    return (
        f"--bg: {p.background}; --surface: {p.surface}; --text: {p.text}; --muted: {p.muted};"
        f" --primary: {p.primary}; --on-primary: {p.on_primary}; --accent: {p.accent};"
        f" --border: color-mix(in srgb, {p.text} 14%, transparent); --error: {error}; --focus: {focus};"
        f" --ink: {ink}; --on-ink: {on_ink};"
        # Primary and accent as text colours: the same hues, as far from the page as AA needs.
        f" --primary-text: {readable(p.primary, p.background, 4.5, p.surface)};"
        f" --accent-text: {readable(p.accent, p.background, 4.5, p.surface)};"
    )


@dataclass
class RenderedPage:
    html: str
    css: str
    js: str


def validate_content(component: ComponentDoc, content: dict) -> dict:
    """Content checked against the component's slots (unknown keys are an error too)."""
    unknown = set(content) - set(component.slots)
    if unknown:
        raise CatalogContentError(f"{component.slug}: unknown slots {sorted(unknown)}")
    clean: dict = {}
    for name, spec in component.slots.items():
        value = content.get(name)
        if value in (None, "", []):
            if spec.required:
                raise CatalogContentError(f"{component.slug}.{name}: required")
            clean[name] = [] if spec.type == "list" else None
            continue
        clean[name] = _check_slot(f"{component.slug}.{name}", spec, value)
    return clean


def _check_slot(path: str, spec: SlotSpec, value):
    if spec.type == "list":
        if not isinstance(value, list) or not (spec.min_items <= len(value) <= spec.max_items):
            raise CatalogContentError(f"{path}: a list of {spec.min_items}-{spec.max_items} items")
        items = []
        for index, item in enumerate(value):
            if not isinstance(item, dict) or set(item) - set(spec.fields):
                raise CatalogContentError(f"{path}[{index}]: fields must be among {sorted(spec.fields)}")
            items.append(
                {
                    key: (
                        _check_value(f"{path}[{index}].{key}", kind, item[key], None)
                        if item.get(key) not in (None, "")
                        else None
                    )
                    for key, kind in spec.fields.items()
                }
            )
        return items
    return _check_value(path, spec.type, value, spec.max_length)


def _check_value(path: str, kind: str, value, max_length: int | None):
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise CatalogContentError(f"{path}: a number")
        return value
    if kind == "image":
        if not isinstance(value, dict) or not str(value.get("alt", "")).strip() or not value.get("subject"):
            raise CatalogContentError(f"{path}: an image needs a subject and alt text")
        return {"subject": str(value["subject"])[:120], "alt": str(value["alt"]).strip()[:200]}
    if not isinstance(value, str):
        raise CatalogContentError(f"{path}: text")
    limit = max_length or LIMITS[kind]
    if len(value) > limit:
        raise CatalogContentError(f"{path}: at most {limit} characters")
    if kind == "url" and not _SAFE_URL.match(value):
        raise CatalogContentError(f"{path}: not an allowed link ({value[:40]!r})")
    return value


def render_section(
    component: ComponentDoc, content: dict, *, anchor: str, images: ImageResolver, site: dict | None = None
) -> str:
    """One component's markup, with images resolved to `src` + size."""
    values = validate_content(component, content)
    for key, holder, slot, aspect in list(image_slots(component, values, anchor)):
        holder[slot] = _image(holder[slot], aspect, images, key)
    template = _env.from_string(component.template)
    return template.render(**values, anchor=anchor, uid=anchor, site=site or {}).strip()


def image_slots(component: ComponentDoc, content: dict, anchor: str) -> Iterator[tuple[str, dict, str, str]]:
    """Every image in a section's content as (key, holder, field, aspect), `holder[field]`
    being the image; the key (`<anchor>-<slot>[-<item number>]`) names its file."""
    for name, spec in component.slots.items():
        value = content.get(name)
        if spec.type == "image" and value:
            yield f"{anchor}-{name}", content, name, spec.aspect
        elif spec.type == "list":
            for index, item in enumerate(value or []):
                for item_field, kind in spec.fields.items():
                    if kind == "image" and item.get(item_field):
                        yield f"{anchor}-{name}-{index + 1}", item, item_field, spec.aspect


def _image(value: dict, aspect: str, images: ImageResolver, key: str) -> dict:
    width, height = ASPECTS[aspect]
    return {
        **value,
        "src": images(value["subject"], value["alt"], width, height, key),
        "width": width,
        "height": height,
    }


def component_assets(components: Iterable[ComponentDoc]) -> tuple[str, str]:
    """The CSS and JS of each distinct component once, in first-use order."""
    seen: dict[str, ComponentDoc] = {}
    for component in components:
        seen.setdefault(component.slug, component)
    css = "\n".join(f"/* {c.slug} */\n{c.css.strip()}" for c in seen.values() if c.css.strip())
    js = "\n".join(f"/* {c.slug} */\n{c.js.strip()}" for c in seen.values() if c.js.strip())
    return css, js


def page_css(theme: Theme, components: Iterable[ComponentDoc]) -> str:
    css, _ = component_assets(components)
    full = f"{theme.variables()}{BASE_CSS}\n{css}\n{theme.css.strip()}\n"
    if _FENCED_PROPS.search(full):
        raise CatalogContentError("CSS may not import or load anything from another origin")
    return full


def render_document(
    *,
    title: str,
    description: str,
    sections: list[tuple[ComponentDoc, str]],
    css: str,
    js: str,
    inline: bool,
    favicon: str | None = None,
    og_image: str | None = None,
) -> str:
    """A complete HTML page: navigation before <main>, footers after, the rest inside."""
    head_assets = f"<style>\n{css}</style>" if inline else '<link rel="stylesheet" href="styles.css">'
    script = f"<script>\n{js}\n</script>" if inline else '<script src="script.js"></script>'
    if inline and not js.strip():
        script = ""
    before = [markup for comp, markup in sections if comp.category == "navigation"]
    after = [markup for comp, markup in sections if comp.category == "footer"]
    middle = [markup for comp, markup in sections if comp.category not in ("navigation", "footer")]
    if not any("<h1" in markup for markup in middle + before):
        middle.insert(0, f'<h1 class="visually-hidden">{html.escape(title)}</h1>')
    e = html.escape
    meta = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title>",
        f'<meta name="description" content="{e(description)}">',
        f'<meta property="og:title" content="{e(title)}">',
        f'<meta property="og:description" content="{e(description)}">',
        '<meta property="og:type" content="website">',
    ]
    if og_image:
        meta.append(f'<meta property="og:image" content="{e(og_image)}">')
    if favicon:
        meta.append(f'<link rel="icon" href="{e(favicon)}" type="image/svg+xml">')
    body = "\n".join(
        [
            '<a class="skip-link" href="#main">Skip to content</a>',
            *before,
            '<main id="main">',
            *middle,
            "</main>",
            *after,
        ]
    )
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n' + "\n".join(meta) + f"\n{head_assets}\n</head>\n"
        f"<body>\n{body}\n{script}\n</body>\n</html>\n"
    )


def map_strings(value, change: Callable[[str], str]):
    """`value` with `change` applied to every string inside it (lists and dicts walked)."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [map_strings(v, change) for v in value]
    if isinstance(value, dict):
        return {k: map_strings(v, change) for k, v in value.items()}
    return value


def render_sections(
    sections: list[Section], components: dict[str, ComponentDoc], *, site_name: str, images: ImageResolver
) -> list[tuple[ComponentDoc, str]]:
    """Each section's component and markup, with `{site_name}` filled in and unique anchors."""
    docs = [components[s.component] for s in sections]
    anchors = section_anchors(zip(docs, (s.anchor for s in sections), strict=True))
    site = {"name": site_name}
    return [
        (
            doc,
            render_section(
                doc,
                map_strings(s.content, lambda text: text.replace("{site_name}", site_name)),
                anchor=anchor,
                images=images,
                site=site,
            ),
        )
        for doc, s, anchor in zip(docs, sections, anchors, strict=True)
    ]


def section_anchors(sections: Iterable[tuple[ComponentDoc, str | None]]) -> list[str]:
    """Stable, unique ids: the given anchor or the component's category, numbered on repeats."""
    used: dict[str, int] = {}
    anchors = []
    for component, anchor in sections:
        base = anchor or component.category
        used[base] = used.get(base, 0) + 1
        anchors.append(base if used[base] == 1 else f"{base}-{used[base]}")
    return anchors
