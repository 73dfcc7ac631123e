"""Load catalog documents from the TOML files in `catalog/data/`."""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from autowebiq_app.catalog.schema import ComponentDoc, TemplateDoc

DATA_DIR = Path(__file__).parent / "data"


class CatalogFileError(ValueError):
    """A catalog file that does not parse or validate; the message names the file."""


@dataclass(frozen=True)
class Loaded:
    templates: dict[str, TemplateDoc]
    components: dict[str, ComponentDoc]


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


def load_catalog(data_dir: Path = DATA_DIR) -> Loaded:
    """Every template and component, validated, with templates checked against components."""
    components = {p.stem: _load(p, ComponentDoc) for p in sorted((data_dir / "components").glob("*.toml"))}
    templates = {p.stem: _load(p, TemplateDoc) for p in sorted((data_dir / "templates").glob("*.toml"))}
    for template in templates.values():
        for section in template.sections:
            if section.component not in components:
                raise CatalogFileError(f"{template.slug}.toml: unknown component {section.component!r}")
    return Loaded(templates=templates, components=components)


@lru_cache
def bundled_catalog() -> Loaded:
    """The catalog shipped in the repository (read once per process)."""
    return load_catalog()
