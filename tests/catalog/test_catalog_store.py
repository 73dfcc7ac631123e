"""Seeding, cache-aside reads, invalidation and the Redis-down fallback."""

from __future__ import annotations

import logging

import pytest
import redis
from pymongo.errors import DuplicateKeyError

from autowebiq_app.catalog.cache import Catalog
from autowebiq_app.catalog.files import CatalogFileError, load_catalog
from autowebiq_app.catalog.seed import seed
from autowebiq_app.catalog.store import COMPONENTS, TEMPLATES, CatalogStore
from autowebiq_app.core.redis_client import get_redis


def test_seeding_twice_changes_nothing(catalog, loaded):
    first = seed(catalog, loaded)
    assert sorted(first.components.inserted) == sorted(loaded.components)
    second = seed(catalog, loaded)
    assert second.templates.changed == [] and second.components.changed == []
    assert sorted(second.components.unchanged) == sorted(loaded.components)
    assert catalog.store.get(TEMPLATES, "minimal-launch")["version"] == 1


def test_a_changed_file_updates_its_document_bumps_its_version_and_invalidates(catalog, data_dir):
    seed(catalog, load_catalog(data_dir))
    assert catalog.template("minimal-launch")["tagline"] == "Writing notes that organise themselves"
    listed = catalog.templates()
    assert get_redis().exists("template:minimal-launch")

    path = data_dir / "templates" / "minimal-launch.toml"
    path.write_text(path.read_text().replace("Writing notes that organise themselves", "Notes, sorted"))
    report = seed(catalog, load_catalog(data_dir))

    assert report.templates.updated == ["minimal-launch"] and report.components.changed == []
    assert not get_redis().exists("template:minimal-launch")
    document = catalog.template("minimal-launch")
    assert document["tagline"] == "Notes, sorted" and document["version"] == 2
    assert catalog.templates()[0]["tagline"] == "Notes, sorted" != listed[0]["tagline"]


def test_a_removed_file_removes_its_document(catalog, data_dir):
    seed(catalog, load_catalog(data_dir))
    (data_dir / "templates" / "minimal-launch.toml").unlink()
    report = seed(catalog, load_catalog(data_dir))
    assert report.templates.removed == ["minimal-launch"]
    assert catalog.template("minimal-launch") is None


def test_reads_are_cache_aside_with_a_two_hour_ttl(catalog, loaded):
    seed(catalog, loaded)
    assert catalog.component("hero-split")["name"] == "Split hero"
    assert 7000 < get_redis().ttl("component:hero-split") <= 7200
    catalog.store.db[COMPONENTS].delete_one({"slug": "hero-split"})
    assert catalog.component("hero-split")["name"] == "Split hero"  # served from Redis


def test_many_components_at_once_mixes_cache_and_store(catalog, loaded):
    seed(catalog, loaded)
    catalog.component("nav-bar")
    found = catalog.components(["nav-bar", "feature-grid", "no-such-thing"])
    assert sorted(found) == ["feature-grid", "nav-bar"]
    assert get_redis().exists("component:feature-grid")


def test_queries_by_category_and_words(catalog, loaded):
    seed(catalog, loaded)
    assert [c["slug"] for c in catalog.component_list(category="hero")] == ["hero-split"]
    assert [t["slug"] for t in catalog.templates(words="coming soon launch")] == ["minimal-launch"]
    assert catalog.templates(words="launch nonexistentword") == []
    assert {"category": "navigation", "count": 1} in catalog.categories(COMPONENTS)


def test_slugs_are_unique_in_mongodb(catalog, loaded):
    seed(catalog, loaded)
    with pytest.raises(DuplicateKeyError):
        catalog.store.db[TEMPLATES].insert_one({"slug": "minimal-launch"})


def test_redis_down_falls_back_to_mongodb(mongo_db, loaded, caplog):
    dead = redis.Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.2)
    catalog = Catalog(CatalogStore(mongo_db), dead)
    with caplog.at_level(logging.WARNING):
        seed(catalog, loaded)
        assert catalog.template("minimal-launch")["name"] == "Minimal one-page launch"
        assert [t["slug"] for t in catalog.templates()] == ["minimal-launch"]
        assert sorted(catalog.components(["nav-bar", "hero-split"])) == ["hero-split", "nav-bar"]
    assert any("catalog cache unavailable" in r.message for r in caplog.records)


def test_warm_cache_loads_everything(catalog, loaded):
    seed(catalog, loaded)
    get_redis().flushdb()
    report = catalog.warm()
    assert (report.templates, report.components) == (1, 4)
    assert report.lists >= 2
    assert all(get_redis().exists(f"component:{slug}") for slug in loaded.components)


def test_a_broken_file_is_reported_by_name(data_dir):
    (data_dir / "components" / "hero-split.toml").write_text('slug = "hero-split"\nname = 3\n')
    with pytest.raises(CatalogFileError, match="hero-split.toml"):
        load_catalog(data_dir)


def test_a_template_using_an_unknown_component_is_refused(data_dir):
    (data_dir / "components" / "feature-grid.toml").unlink()
    with pytest.raises(CatalogFileError, match="unknown component 'feature-grid'"):
        load_catalog(data_dir)
