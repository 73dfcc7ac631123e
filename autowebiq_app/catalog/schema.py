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
