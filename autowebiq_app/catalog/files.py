"""Load catalog documents from the TOML files in `catalog/data/`."""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from autowebiq_app.catalog.schema import ComponentDoc, DomainDoc, FeatureDoc, TemplateDoc

DATA_DIR = Path(__file__).parent / "data"


class CatalogFileError(ValueError):
    """A catalog file that does not parse or validate; the message names the file."""


@dataclass(frozen=True)
class Loaded:
    templates: dict[str, TemplateDoc]
    components: dict[str, ComponentDoc]
    features: dict[str, FeatureDoc] = field(default_factory=dict)
    domains: dict[str, DomainDoc] = field(default_factory=dict)


def content_hash(document: dict) -> str:
    return hashlib.sha256(json.dumps(document, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def _load(path: Path, model):
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        doc = model.model_validate(raw)
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise CatalogFileError(f"{path.name}: {exc}") from exc
    if doc.slug != path.stem:
        raise CatalogFileError(f"{path.name}: slug {doc.slug!r} must match the file name")
    return doc


def _load_feature(path: Path) -> FeatureDoc:
    """A feature's metadata (TOML) with its script and styles from the files beside it."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        raw["js"] = path.with_suffix(".js").read_text(encoding="utf-8")
        css = path.with_suffix(".css")
        raw["css"] = css.read_text(encoding="utf-8") if css.exists() else ""
        doc = FeatureDoc.model_validate(raw)
    except (OSError, tomllib.TOMLDecodeError, ValidationError) as exc:
        raise CatalogFileError(f"{path.name}: {exc}") from exc
    if doc.slug != path.stem:
        raise CatalogFileError(f"{path.name}: slug {doc.slug!r} must match the file name")
    return doc


def load_catalog(data_dir: Path = DATA_DIR) -> Loaded:
    """Every template, component, feature and domain, validated and cross-checked."""
    components = {p.stem: _load(p, ComponentDoc) for p in sorted((data_dir / "components").glob("*.toml"))}
    templates = {p.stem: _load(p, TemplateDoc) for p in sorted((data_dir / "templates").glob("*.toml"))}
    features = {p.stem: _load_feature(p) for p in sorted((data_dir / "features").glob("*.toml"))}
    domains = {p.stem: _load(p, DomainDoc) for p in sorted((data_dir / "domains").glob("*.toml"))}
    for template in templates.values():
        for section in template.sections:
            if section.component not in components:
                raise CatalogFileError(f"{template.slug}.toml: unknown component {section.component!r}")
    for domain in domains.values():
        if domain.template not in templates:
            raise CatalogFileError(f"{domain.slug}.toml: unknown template {domain.template!r}")
        for page in domain.pages:
            for use in page.get("features", []):
                if use["feature"] not in features:
                    raise CatalogFileError(f"{domain.slug}.toml: unknown feature {use['feature']!r}")
    return Loaded(templates=templates, components=components, features=features, domains=domains)


RUNTIME_JS = DATA_DIR / "features" / "runtime.js"
RUNTIME_CSS = DATA_DIR / "features" / "runtime.css"


@lru_cache
def bundled_catalog() -> Loaded:
    """The catalog shipped in the repository (read once per process)."""
    return load_catalog()
