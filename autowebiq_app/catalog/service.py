"""The process-wide catalog, seeded on first use when it lives in-process (mongomock)."""

from __future__ import annotations

import logging
import threading
from functools import lru_cache

from autowebiq_app.catalog.cache import Catalog
from autowebiq_app.catalog.files import Loaded, bundled_catalog
from autowebiq_app.catalog.schema import ComponentDoc, TemplateDoc
from autowebiq_app.catalog.seed import seed
from autowebiq_app.catalog.store import CatalogStore
from autowebiq_app.mongo import get_mongo_db, using_mongomock
from autowebiq_app.redis_client import get_redis

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
    """Every template and component, parsed, as the engine plans with them; kept in
    process until seeding changes the catalog (one Redis GET per call while it has not)."""
    catalog = get_catalog()
    generation = catalog.generation()
    if generation is not None and generation in _parsed:
        return _parsed[generation]
    templates, components = catalog.everything()
    loaded = Loaded(
        templates={d["slug"]: as_template(d) for d in templates},
        components={d["slug"]: as_component(d) for d in components},
    )
    if generation is not None:
        _parsed.clear()
        _parsed[generation] = loaded
    return loaded


def as_template(document: dict) -> TemplateDoc:
    fields = TemplateDoc.model_fields
    return TemplateDoc.model_validate({k: v for k, v in document.items() if k in fields})


def as_component(document: dict) -> ComponentDoc:
    fields = ComponentDoc.model_fields
    return ComponentDoc.model_validate({k: v for k, v in document.items() if k in fields})
