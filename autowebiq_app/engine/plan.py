"""The typed `SitePlan` every agent reads: what to build, in what order, with what words.

Sections are catalog components with their content (the copy for every slot, images as
subject + alt); the frontend renders nothing that is not in the plan, so the same plan
always gives the same files, and an edit is a change to the plan.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from autowebiq_app.catalog.app_spec import AppSpec
from autowebiq_app.catalog.schema import Fonts, Palette, Section

__all__ = ["Fonts", "ImageWanted", "Palette", "Section", "SitePlan", "Tone"]

Tone = Literal["refined", "warm", "playful", "professional", "bold", "calm"]
RegionStyle = Literal["auto", "dark", "light"]


class ImageWanted(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str = Field(description="where the image is written, e.g. assets/top-image.svg")
    subject: str
    alt: str
    width: int = Field(gt=0, le=4000)
    height: int = Field(gt=0, le=4000)


class SitePlan(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal[2] = 2
    name: str = Field(min_length=1, max_length=80, description="the business or site name")
    kind: str = Field(description="the kind of site, e.g. ecommerce, restaurant")
    subject: str = Field(description="what the business is, e.g. jewellery boutique")
    place: str | None = None
    offerings: list[str] = Field(default_factory=list)
    audience: str
    tone: Tone
    tagline: str = Field(max_length=160)
    description: str = Field(max_length=300)
    template: str
    variant: Literal["light", "dark"] = "light"
    header: RegionStyle = "auto"
    footer: RegionStyle = "auto"
    pages: list[str] = Field(default_factory=lambda: ["index.html"])
    palette: Palette
    fonts: Fonts
    sections: list[Section] = Field(default_factory=list, description="marketing sites: catalog sections")
    images: list[ImageWanted] = Field(default_factory=list)
    adjustments: list[str] = Field(default_factory=list, description="what was changed to keep the site readable")
    seed: int = 0
    app: AppSpec | None = Field(None, description="apps and multi-page sites: what the site is for")

    @model_validator(mode="after")
    def _has_content(self) -> SitePlan:
        if not self.sections and self.app is None:
            raise ValueError("a plan has sections or an app spec")
        return self

    def filled(self, text: str) -> str:
        """`text` with the `{site_name}` placeholder replaced by the plan's name."""
        return text.replace("{site_name}", self.name)
