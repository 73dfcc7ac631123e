"""The parsed catalog the engine plans with is kept until seeding changes the catalog."""

from __future__ import annotations

from autowebiq_app.catalog.cache import GENERATION_KEY
from autowebiq_app.catalog.service import engine_catalog
from autowebiq_app.core.redis_client import get_redis


def test_kept_while_the_generation_stands_and_reloaded_when_it_moves():
    first = engine_catalog()
    assert engine_catalog() is first
    assert "luxury-boutique" in first.templates and "nav-bar" in first.components
    get_redis().incr(GENERATION_KEY)
    reloaded = engine_catalog()
    assert reloaded is not first and reloaded.templates == first.templates
