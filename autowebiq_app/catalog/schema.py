"""Typed shapes of catalog documents, validated when files are loaded and seeded."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from autowebiq_app.colour import contrast

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)]
HexColour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-f]{6}$")]
FontStack = Annotated[str, StringConstraints(pattern=r"^[\w\s,'\"-]{1,200}$")]
CssLength = Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+)?(px|rem|em|%|ch|vw)?$")]

SlotType = Literal["text", "longtext", "url", "image", "number", "list"]
FieldType = Literal["text", "longtext", "url", "image", "number"]
Aspect = Literal["1:1", "4:3", "3:2", "16:9", "3:4", "2:1"]

COMPONENT_CATEGORIES = (
    "navigation",
    "hero",
    "features",
    "pricing",
    "testimonials",
    "logos",
    "gallery",
    "commerce",
    "menu",
    "forms",
    "content",
    "faq",
    "tabs",
    "team",
    "stats",
    "timeline",
    "blog",
    "search",
    "data",
    "charts",
    "countdown",
    "map",
    "cta",
    "footer",
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SlotSpec(_Strict):
    """One typed slot of a component: what content it takes and its limits."""

    type: SlotType
    required: bool = True
    max_length: int | None = Field(None, gt=0)
    min_items: int = 0
    max_items: int = 24
    aspect: Aspect = "4:3"
    fields: dict[str, FieldType] = Field(default_factory=dict, description="for lists: field -> type")
    description: str = ""

    @model_validator(mode="after")
    def _list_has_fields(self) -> SlotSpec:
        if (self.type == "list") != bool(self.fields):
            raise ValueError("list slots, and only list slots, declare fields")
        return self


class ComponentDoc(_Strict):
    slug: Slug
    name: str = Field(max_length=80)
    category: Literal[COMPONENT_CATEGORIES]  # type: ignore[valid-type]
    description: str = Field(max_length=400)
    tags: list[str] = Field(min_length=1)
    a11y: str = Field(min_length=10, description="accessibility notes")
    serves: Slug | None = Field(None, description='the kind of section it stands for ("pricing", "faq")')
    serves_rank: int = Field(1, ge=1, description="1 = the kind's default component, then 2, 3…")
    nav_label: str | None = Field(None, max_length=24, description="a menu link's label; default the kind")
    slots: dict[str, SlotSpec]
    sample: dict = Field(description="sample content, valid against the slots")
    template: str = Field(min_length=20, description="Jinja2 markup; autoescaped")
    css: str = ""
    js: str = ""


TEXT_PAIRS = (
    ("text", "background"),
    ("text", "surface"),
    ("muted", "background"),
    ("muted", "surface"),
    ("on_primary", "primary"),
)
"""Palette roles used as text on another role: each pair must reach 4.5:1."""


class Palette(_Strict):
    background: HexColour
    surface: HexColour
    text: HexColour
    muted: HexColour
    primary: HexColour
    on_primary: HexColour
    accent: HexColour

    def contrast_problems(self) -> list[str]:
        """The WCAG AA pairs this palette fails (4.5:1 for text, 3:1 for UI parts)."""
        pairs = [*((a, b, 4.5) for a, b in TEXT_PAIRS), ("primary", "background", 3.0), ("accent", "background", 3.0)]
        return [
            f"{a} on {b}: {contrast(getattr(self, a), getattr(self, b)):.2f} < {need}"
            for a, b, need in pairs
            if contrast(getattr(self, a), getattr(self, b)) < need
        ]


class Fonts(_Strict):
    heading: FontStack
    body: FontStack


class Layout(_Strict):
    max_width: CssLength = "1160px"
    radius: CssLength = "12px"
    button_radius: CssLength = "999px"
    section_space: CssLength = "5rem"
    heading_weight: int = Field(700, ge=300, le=900)
    heading_tracking: Annotated[str, StringConstraints(pattern=r"^-?\d*\.?\d+em$|^normal$")] = "normal"
    heading_transform: Literal["none", "uppercase"] = "none"
    body_size: CssLength = "1.0625rem"


class Section(_Strict):
    component: Slug
    anchor: Slug | None = Field(None, description="the section's id; default: the component's category")
    content: dict = Field(default_factory=dict)


class TemplateDoc(_Strict):
    slug: Slug
    name: str = Field(max_length=80)
    category: str = Field(max_length=40)
    description: str = Field(max_length=400)
    tags: list[str] = Field(min_length=1)
    keywords: list[str] = Field(min_length=3, description="words the planner matches prompts on")
    thumbnail: str = ""
    site_name: str = Field(max_length=60, description="the sample business the copy is written for")
    tagline: str = Field(max_length=140)
    fonts: Fonts
    palettes: dict[Literal["light", "dark"], Palette]
    layout: Layout = Field(default_factory=Layout)
    sections: list[Section] = Field(min_length=3)
    css: str = ""

    @model_validator(mode="after")
    def _accessible_palettes(self) -> TemplateDoc:
        if set(self.palettes) != {"light", "dark"}:
            raise ValueError("a template has a light and a dark palette")
        problems = [f"{name}: {p}" for name, pal in self.palettes.items() for p in pal.contrast_problems()]
        if problems:
            raise ValueError("palette contrast below WCAG AA: " + "; ".join(problems))
        return self


class Highlight(_Strict):
    title: str = Field(max_length=60)
    text: str = Field(max_length=200)


class DomainDoc(_Strict):
    """A kind of site or app people ask for: its data, pages and features, and its look.

    The offline planner matches prompts on `keywords`; the spec it builds takes the
    entities (with sample records), pages and features from here, never from a template.
    """

    slug: Slug
    name: str = Field(max_length=80)
    kind: str = Field(max_length=40, description="the corpus kind: crm-erp, games, shops, ...")
    keywords: list[str] = Field(min_length=3)
    template: Slug = Field(description="the template whose look (palette, fonts, layout) it uses")
    subject: str = Field(max_length=80, description="what such a site is, e.g. 'client manager'")
    names: list[str] = Field(min_length=3, description="names to choose from when the prompt gives none")
    tagline: str = Field(max_length=140, description="may use {name}, {place}")
    description: str = Field(max_length=300)
    highlights: list[Highlight] = Field(min_length=3, max_length=4)
    roles: list[Literal["visitor", "member", "admin"]] = Field(default_factory=lambda: ["visitor"])
    currency: str | None = Field(None, pattern=r"^[A-Z]{3}$", description="the usual currency, if any")
    generic: bool = Field(False, description="lend its entities first when a brief names them without a domain")
    entities: list[dict] = Field(default_factory=list, description="app_spec.Entity documents")
    pages: list[dict] = Field(min_length=2, description="app_spec.PageSpec documents; the first is home")

    @model_validator(mode="after")
    def _valid_spec_parts(self) -> DomainDoc:
        from autowebiq_app.catalog.app_spec import Entity, PageSpec

        entities = {e.name: e for e in (Entity.model_validate(raw) for raw in self.entities)}
        pages = [PageSpec.model_validate(raw) for raw in self.pages]
        if pages[0].slug != "home":
            raise ValueError("the first page is home")
        for page in pages:
            for use in page.features:
                entity = use.config().get("entity")
                if entity is not None and entity not in entities:
                    raise ValueError(f"page {page.slug}: unknown entity {entity!r}")
        for entity in entities.values():
            keys = {f.key for f in entity.fields}
            for record in entity.records:
                if not set(record) <= keys:
                    raise ValueError(f"{entity.name}: record has unknown fields {sorted(set(record) - keys)}")
                if not record.get(entity.title):
                    raise ValueError(f"{entity.name}: every record has a {entity.title}")
        return self


class FeaturePage(_Strict):
    slug: Slug
    title: str = Field(max_length=60)
    nav: str | None = Field(None, max_length=30)


class FeatureDoc(_Strict):
    """One module of the feature library: plain JS on the shared runtime, with its own CSS
    and a browser self-test (`AW.selftest`), read from `features/<slug>.{toml,js,css}`."""

    slug: Slug
    name: str = Field(max_length=80)
    verbs: list[str] = Field(min_length=1)
    entity: bool = Field(description="whether its config names an entity")
    keywords: list[str] = Field(default_factory=list, description="phrases in a request that ask for it")
    description: str = Field(max_length=400)
    page: FeaturePage | None = None
    options: dict = Field(default_factory=dict, description="default config")
    js: str = Field(min_length=20)
    css: str = ""

    @model_validator(mode="after")
    def _registers_itself(self) -> FeatureDoc:
        if f'AW.feature("{self.slug}"' not in self.js or f'AW.selftest("{self.slug}"' not in self.js:
            raise ValueError(f"{self.slug}.js registers AW.feature and AW.selftest under its slug")
        return self
