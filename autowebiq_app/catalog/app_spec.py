"""The typed app spec: what a site is for (pages, entities, features, roles, the brief's facts).

The planner reads it from the prompt (offline by rules over the catalog's domains, or
through a model); the frontend renders it into pages wired to the feature library; the QA
agent checks every page and feature it names in a browser. It is stored with every version.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from autowebiq_app.catalog.schema import FeatureDoc

Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
PageSlug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=40)]
FieldType = Literal[
    "text", "longtext", "number", "money", "date", "time", "email", "phone", "url", "select", "bool", "rating", "image", "ref"
]  # fmt: skip
Verb = Literal[
    "list", "create", "edit", "delete", "detail", "search", "filter", "sort", "book", "buy", "rate", "comment",
    "upload", "report", "chart", "export", "play", "quiz", "calculate", "plan", "schedule", "message", "account",
]  # fmt: skip
Role = Literal["visitor", "member", "admin"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FieldSpec(_Strict):
    key: Key
    label: str = Field(min_length=1, max_length=60)
    type: FieldType = "text"
    required: bool = False
    options: list[str] = Field(default_factory=list, max_length=30)
    ref: Key | None = Field(None, description="for ref fields: the entity it points at")
    max: int | None = Field(None, ge=1, le=10000, description="for text: the most characters it may hold")
    buttons: bool = Field(False, description="for select: the choices shown as buttons to press (a mood picker)")
    compute: str | None = Field(
        None,
        pattern=r"^(?:hours|product):[a-z][a-z0-9_]*,[a-z][a-z0-9_]*$",
        description="worked out on save, not typed: 'hours:start,end' is the hours between two times, "
        "'product:price,quantity' the one times the other",
    )

    @model_validator(mode="after")
    def _consistent(self) -> FieldSpec:
        if self.type == "select" and not self.options:
            raise ValueError(f"select field {self.key!r} needs options")
        if (self.type == "ref") != bool(self.ref):
            raise ValueError(f"field {self.key!r}: ref fields, and only they, name an entity")
        return self


class Entity(_Strict):
    name: Key
    label: str = Field(min_length=1, max_length=40)
    plural: str = Field(min_length=1, max_length=40)
    title: Key = Field(description="the field that names a record")
    fields: list[FieldSpec] = Field(min_length=1, max_length=20)
    records: list[dict] = Field(default_factory=list, max_length=60)

    @model_validator(mode="after")
    def _title_is_a_field(self) -> Entity:
        keys = [f.key for f in self.fields]
        if self.title not in keys:
            raise ValueError(f"entity {self.name!r}: title {self.title!r} is not one of its fields")
        if len(set(keys)) != len(keys):
            raise ValueError(f"entity {self.name!r}: field keys repeat")
        return self

    def field(self, key: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.key == key), None)


class FeatureUse(BaseModel):
    """One feature of the library on a page, with its configuration (entity, options)."""

    model_config = ConfigDict(extra="allow")

    feature: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    heading: str | None = None

    def config(self) -> dict:
        return {k: v for k, v in self.model_dump().items() if k != "feature"}


class PageSpec(_Strict):
    slug: PageSlug
    title: str = Field(min_length=1, max_length=60)
    nav: str | None = Field(None, max_length=30, description="the navigation label; default the title")
    intro: str = Field("", max_length=300)
    features: list[FeatureUse] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=lambda: ["visitor"])

    @property
    def path(self) -> str:
        return "index.html" if self.slug == "home" else f"{self.slug}.html"


class Facts(_Strict):
    """What the brief states about the business, used word for word."""

    name: str = Field(min_length=1, max_length=80)
    named_by_user: bool = False
    subject: str = Field("", max_length=80)
    place: str | None = Field(None, max_length=80)
    language: str = Field("en", pattern=r"^[a-z]{2}$")
    currency: str = Field("USD", pattern=r"^[A-Z]{3}$")
    products: list[str] = Field(default_factory=list, max_length=12)
    hours: str | None = Field(None, max_length=160)
    contact: str | None = Field(None, max_length=160)
    tagline: str = Field("", max_length=160)
    description: str = Field("", max_length=300)


class Highlight(_Strict):
    title: str = Field(max_length=60)
    text: str = Field(max_length=200)


CUSTOM_PREFIX = "custom-"
CustomSlug = Annotated[str, StringConstraints(pattern=r"^custom-[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=40)]


class CustomFeature(_Strict):
    """A feature the library lacks, written for this app by a model in the library's format
    (a JS module on the shared runtime with a browser self-test, and styles). It reaches a
    version only once its self-test and the browser checks passed (`verified`)."""

    slug: CustomSlug
    name: str = Field(min_length=1, max_length=60)
    description: str = Field(min_length=10, max_length=600, description="what it does, for whom, and how it is used")
    fallback: str | None = Field(None, description="the library feature closest to it, used if it cannot be verified")
    js: str = ""
    css: str = ""
    verified: bool = False

    def as_module(self, js: str | None = None, css: str | None = None) -> FeatureDoc:
        """This feature as a library module (with its code, or with `js` and `css`)."""
        return FeatureDoc(
            slug=self.slug,
            name=self.name,
            verbs=["custom"],
            entity=False,
            description=self.description[:400],
            js=self.js if js is None else js,
            css=self.css if css is None else css,
        )


class AppSpec(_Strict):
    format: Literal[1] = 1
    domain: str = Field(description="the catalog domain it was read from, or 'custom'")
    kind: str = Field(description="the kind of app, e.g. crm-erp, games, shops")
    facts: Facts
    roles: list[Role] = Field(default_factory=lambda: ["visitor"])
    highlights: list[Highlight] = Field(default_factory=list, max_length=4)
    entities: list[Entity] = Field(default_factory=list, max_length=12)
    pages: list[PageSpec] = Field(min_length=1, max_length=12)
    custom_features: list[CustomFeature] = Field(default_factory=list, max_length=3)

    @model_validator(mode="after")
    def _references_resolve(self) -> AppSpec:
        names = {e.name for e in self.entities}
        for entity in self.entities:
            for f in entity.fields:
                if f.ref and f.ref not in names:
                    raise ValueError(f"{entity.name}.{f.key} points at unknown entity {f.ref!r}")
        slugs = [p.slug for p in self.pages]
        if slugs[0] != "home" or len(set(slugs)) != len(slugs):
            raise ValueError("pages start with 'home' and their slugs are unique")
        custom = {c.slug for c in self.custom_features}
        for page in self.pages:
            for use in page.features:
                entity = use.config().get("entity")
                if entity is not None and entity not in names:
                    raise ValueError(f"page {page.slug!r}: feature {use.feature!r} uses unknown entity {entity!r}")
                if use.feature.startswith(CUSTOM_PREFIX) and use.feature not in custom:
                    raise ValueError(f"page {page.slug!r}: {use.feature!r} is not described in custom_features")
        return self

    def modules(self, library: dict[str, FeatureDoc]) -> dict[str, FeatureDoc]:
        """The library's modules and this app's written custom features, by slug."""
        return {**library, **{c.slug: c.as_module() for c in self.custom_features if c.js}}

    def entity(self, name: str) -> Entity | None:
        return next((e for e in self.entities if e.name == name), None)

    def features(self) -> list[tuple[PageSpec, FeatureUse]]:
        return [(page, use) for page in self.pages for use in page.features]

    def summary(self) -> str:
        """One line for the build feed: pages and what they do."""
        parts = []
        for page in self.pages:
            kinds = sorted({use.feature for use in page.features})
            parts.append(page.title + (f" ({', '.join(kinds)})" if kinds else ""))
        return "; ".join(parts)


def slug_key(text: str) -> str:
    """'Last call' -> 'last_call' (a field or entity key)."""
    key = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    if not key or not key[0].isalpha():
        key = "f_" + key
    return key[:40]


def map_uses(pages: list[PageSpec], change: Callable[[FeatureUse], FeatureUse]) -> list[PageSpec]:
    """The pages with every feature use passed through `change` (which returns it unchanged
    or a new one): the one loop the readers use to reconfigure the features on pages."""
    return [page.model_copy(update={"features": [change(use) for use in page.features]}) for page in pages]
