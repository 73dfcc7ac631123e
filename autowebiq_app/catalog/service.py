"""The process-wide catalog, seeded on first use when it lives in-process (mongomock)."""

from __future__ import annotations

import logging
import threading
from functools import lru_cache

from autowebiq_app.catalog.cache import Catalog
from autowebiq_app.catalog.files import Loaded, bundled_catalog
from autowebiq_app.catalog.schema import ComponentDoc, DomainDoc, FeatureDoc, TemplateDoc
from autowebiq_app.catalog.seed import seed
from autowebiq_app.catalog.store import CatalogStore
from autowebiq_app.core.mongo import get_mongo_db, using_mongomock
from autowebiq_app.core.redis_client import get_redis

logger = logging.getLogger(__name__)
_seed_lock = threading.Lock()


@lru_cache
def get_catalog() -> Catalog:
    catalog = Catalog(CatalogStore(get_mongo_db()), get_redis())
    if using_mongomock():
        with _seed_lock:
            report = seed(catalog, bundled_catalog())
            logger.info("seeded the in-process catalog: %s", report.summary())
    return catalog


_parsed: dict[int, Loaded] = {}


def engine_catalog() -> Loaded:
    """Every template, component, feature and domain, parsed, as the engine plans with them; kept in
    process until seeding changes the catalog (one Redis GET per call while it has not)."""
    catalog = get_catalog()
    generation = catalog.generation()
    if generation is not None and generation in _parsed:
        return _parsed[generation]
    everything = catalog.everything()
    loaded = Loaded(
        templates={d["slug"]: as_template(d) for d in everything["templates"]},
        components={d["slug"]: as_component(d) for d in everything["components"]},
        features={d["slug"]: _as(FeatureDoc, d) for d in everything["features"]},
        domains={d["slug"]: _as(DomainDoc, d) for d in everything["domains"]},
    )
    if generation is not None:
        _parsed.clear()
        _parsed[generation] = loaded
    return loaded


def as_template(document: dict) -> TemplateDoc:
    return _as(TemplateDoc, document)


def as_component(document: dict) -> ComponentDoc:
    return _as(ComponentDoc, document)


def _as(model, document: dict):
    """A catalog document as its model, MongoDB's bookkeeping fields dropped."""
    return model.model_validate({k: v for k, v in document.items() if k in model.model_fields})
