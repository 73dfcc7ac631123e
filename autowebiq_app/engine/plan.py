"""The typed `SitePlan` every agent reads: what to build, in what order, with what words."""

from __future__ import annotations

from pydantic import BaseModel, Field

from autowebiq_app.catalog.schema import Fonts, Palette

__all__ = ["Fonts", "ImageSpec", "Item", "Palette", "Section", "SitePlan"]


class Item(BaseModel):
    title: str
    text: str = ""
    image: str | None = None
    price: str | None = None


class Section(BaseModel):
    kind: str = Field(description="hero, features, products, testimonials, about, contact")
    heading: str
    body: str = ""
    items: list[Item] = Field(default_factory=list)


class ImageSpec(BaseModel):
    name: str = Field(description="file name under assets/, e.g. hero.svg")
    subject: str
    alt: str


class SitePlan(BaseModel):
    name: str = Field(max_length=80)
    kind: str
    tagline: str
    description: str = Field(max_length=300)
    audience: str
    tone: str
    pages: list[str] = Field(default_factory=lambda: ["index.html"])
    palette: Palette
    fonts: Fonts
    sections: list[Section]
    images: list[ImageSpec]
    seed: int = 0
