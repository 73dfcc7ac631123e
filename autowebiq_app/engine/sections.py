"""Sections of a plan: which components stand for a kind of section ("pricing", "faq"),
and adding, removing or finding them with in-page links kept working."""

from __future__ import annotations

from autowebiq_app.catalog.render import section_anchors
from autowebiq_app.catalog.schema import ComponentDoc, Section

Components = dict[str, ComponentDoc]

_TRAILING = ("cta", "footer")


def kind_components(components: Components) -> dict[str, tuple[str, ...]]:
    """Each section kind with the components that serve it, the default first (the
    components' own `serves` and `serves_rank`)."""
    kinds: dict[str, list[ComponentDoc]] = {}
    for component in components.values():
        if component.serves:
            kinds.setdefault(component.serves, []).append(component)
    return {
        kind: tuple(c.slug for c in sorted(serving, key=lambda c: (c.serves_rank, c.slug)))
        for kind, serving in sorted(kinds.items())
    }


def kind_of(section: Section, components: Components) -> str:
    """The section kind a section stands for ("pricing"), else its component's category."""
    component = components[section.component]
    return component.serves or component.category


def find(sections: list[Section], kind: str, components: Components) -> int | None:
    """Index of the first section of `kind` (or with that anchor or category), else None."""
    for index, section in enumerate(sections):
        if kind in (kind_of(section, components), section.anchor, components[section.component].category):
            return index
    return None


def remove_kind(sections: list[Section], kind: str, components: Components) -> list[Section]:
    """Every section of `kind` removed, with links to it mended; the nav loses its link too."""
    kept = [s for s in sections if find([s], kind, components) is None]
    return mend_links(kept, components)


def add_kind(sections: list[Section], kind: str, components: Components, *, after: str | None = None) -> list[Section]:
    """A `kind` section added after the section `after` (default: before the closing CTA and
    footer), with a navigation link to it when the menu has room. Unchanged if already there."""
    options = kind_components(components).get(kind, ())
    if not options or find(sections, kind, components) is not None:
        return list(sections)
    component = components[options[0]]
    sections = list(sections)
    position = find(sections, after, components) if after else None
    if position is not None:
        position += 1
    else:
        position = len(sections)
        while position > 0 and components[sections[position - 1].component].category in _TRAILING:
            position -= 1
    sections.insert(position, Section(component=component.slug, anchor=kind, content=dict(component.sample)))
    return mend_links(_link_in_nav(sections, kind, components), components)


def _link_in_nav(sections: list[Section], kind: str, components: Components) -> list[Section]:
    updated = []
    for section in sections:
        component = components[section.component]
        links = section.content.get("links")
        spec = component.slots.get("links")
        if (
            component.category == "navigation"
            and isinstance(links, list)
            and spec
            and len(links) < min(6, spec.max_items)
        ):
            label = _nav_label(kind, components)
            cta_position = next((i for i, link in enumerate(links) if link.get("href") in ("#book", "#contact")), None)
            links = list(links)
            links.insert(len(links) if cta_position is None else cta_position, {"label": label, "href": f"#{kind}"})
            section = Section(
                component=section.component, anchor=section.anchor, content={**section.content, "links": links}
            )
        updated.append(section)
    return updated


def _nav_label(kind: str, components: Components) -> str:
    default = components[kind_components(components)[kind][0]]
    return default.nav_label or kind.capitalize()


def mend_links(sections: list[Section], components: Components) -> list[Section]:
    """In-page links to sections that are gone: link-list items are dropped (while the list
    may shrink), every other such link points to #main instead."""
    anchors = set(section_anchors((components[s.component], s.anchor) for s in sections)) | {"main"}
    return [
        Section(
            component=s.component, anchor=s.anchor, content=_mend_links(s.content, anchors, components[s.component])
        )
        for s in sections
    ]


def _mend_links(content: dict, anchors: set[str], component: ComponentDoc) -> dict:
    slots = component.slots
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
