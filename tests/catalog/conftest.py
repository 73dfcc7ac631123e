"""A small, stable copy of the catalog and a fresh in-process MongoDB per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import mongomock
import pytest

from autowebiq_app.catalog.cache import Catalog
from autowebiq_app.catalog.files import DATA_DIR, load_catalog
from autowebiq_app.catalog.store import CatalogStore
from autowebiq_app.core.redis_client import get_redis

REFERENCE_COMPONENTS = ("nav-bar", "hero-split", "feature-grid", "footer-columns")
REFERENCE_TEMPLATES = ("minimal-launch",)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    for kind, slugs in (("components", REFERENCE_COMPONENTS), ("templates", REFERENCE_TEMPLATES)):
        (tmp_path / kind).mkdir()
        for slug in slugs:
            shutil.copy(DATA_DIR / kind / f"{slug}.toml", tmp_path / kind / f"{slug}.toml")
    return tmp_path


@pytest.fixture
def mongo_db():
    return mongomock.MongoClient(tz_aware=True)["autowebiq_test"]


@pytest.fixture
def catalog(mongo_db) -> Catalog:
    return Catalog(CatalogStore(mongo_db), get_redis())


@pytest.fixture
def loaded(data_dir):
    return load_catalog(data_dir)
