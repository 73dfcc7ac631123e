"""The catalog as the app reads it: cache-aside in Redis over MongoDB.

`template:{slug}` and `component:{slug}` live for 2 hours; list and query results are
cached under a generation number that seeding bumps, so one INCR invalidates them all.
If Redis is down, reads go straight to MongoDB and the app keeps working.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass

import redis

from autowebiq_app.catalog.store import COMPONENTS, DOMAINS, FEATURES, TEMPLATES, CatalogStore, UpsertReport

logger = logging.getLogger(__name__)

TTL_SECONDS = 2 * 3600
GENERATION_KEY = "catalog:generation"
_KIND_PREFIX = {TEMPLATES: "template", COMPONENTS: "component", FEATURES: "feature", DOMAINS: "domain"}


@dataclass(frozen=True)
class WarmReport:
    templates: int
    components: int
    lists: int
    seconds: float


class Catalog:
    """Read the catalog through the cache; every method works with Redis down."""

    def __init__(self, store: CatalogStore, cache: redis.Redis | None, *, ttl: int = TTL_SECONDS) -> None:
        self.store = store
        self.cache = cache
        self.ttl = ttl
        self._last_warning = 0.0

    def template(self, slug: str) -> dict | None:
        return self._one(TEMPLATES, slug)

    def component(self, slug: str) -> dict | None:
        return self._one(COMPONENTS, slug)

    def components(self, slugs: list[str]) -> dict[str, dict]:
        """Several components at once (one MGET, one `$in` query for the misses)."""
        keys = [self._key(COMPONENTS, s) for s in slugs]
        found: dict[str, dict] = {}
        cached = self._safe(lambda: self.cache.mget(keys), default=[None] * len(keys))
        for slug, raw in zip(slugs, cached, strict=True):
            if raw:
                found[slug] = json.loads(raw)
        missing = [s for s in slugs if s not in found]
        if missing:
            for document in self.store.get_many(COMPONENTS, missing):
                found[document["slug"]] = document
                self._store(self._key(COMPONENTS, document["slug"]), document)
        return found

    def templates(self, *, category: str | None = None, words: str = "") -> list[dict]:
        return self._query(TEMPLATES, category=category, words=words)

    def component_list(self, *, category: str | None = None, words: str = "", full: bool = False) -> list[dict]:
        return self._query(COMPONENTS, category=category, words=words, full=full)

    def everything(self) -> dict[str, list[dict]]:
        """Every template, component, feature and domain, in full: what the engine plans with."""
        return {
            collection: self._cached(
                self._list_key(collection, "everything"),
                lambda collection=collection: self.store.query(collection, limit=1000, full=True),
            )
            for collection in (TEMPLATES, COMPONENTS, FEATURES, DOMAINS)
        }

    def generation(self) -> int | None:
        """The number seeding bumps whenever it changes a document; None when there is no
        cache to keep it (then nothing derived from the catalog may be kept either)."""
        generation = self._safe(lambda: self.cache.get(GENERATION_KEY), default=None)
        if generation is None and self._cache_down():
            return None
        return int(generation or 0)

    def categories(self, collection: str) -> list[dict]:
        key = self._list_key(collection, "categories")
        return self._cached(key, lambda: self.store.categories(collection))

    def invalidate(self, collection: str, report: UpsertReport) -> None:
        """Drop what seeding changed: the documents' keys, and every list (new generation)."""
        if not report.changed:
            return
        keys = [self._key(collection, slug) for slug in report.changed]
        self._safe(lambda: (self.cache.delete(*keys), self.cache.incr(GENERATION_KEY)), default=None)

    def warm(self) -> WarmReport:
        """Load every document and the common lists into the cache."""
        started = time.perf_counter()
        counts = {}
        for collection in (TEMPLATES, COMPONENTS):
            documents = self.store.query(collection, limit=1000, full=True)
            for document in documents:
                self._store(self._key(collection, document["slug"]), document)
            counts[collection] = len(documents)
        lists = 0
        for collection in (TEMPLATES, COMPONENTS):
            self._query(collection, category=None, words="")
            lists += 1
            for row in self.categories(collection):
                self._query(collection, category=row["category"], words="")
                lists += 1
        return WarmReport(counts[TEMPLATES], counts[COMPONENTS], lists, time.perf_counter() - started)

    def _one(self, collection: str, slug: str) -> dict | None:
        key = self._key(collection, slug)
        raw = self._safe(lambda: self.cache.get(key), default=None)
        if raw:
            return json.loads(raw)
        document = self.store.get(collection, slug)
        if document is not None:
            self._store(key, document)
        return document

    def _query(self, collection: str, *, category: str | None, words: str, full: bool = False) -> list[dict]:
        words = " ".join(words.lower().split())[:200]
        digest = hashlib.sha1(f"{category}|{words}|{full}".encode()).hexdigest()[:16]
        key = self._list_key(collection, f"q:{digest}")
        return self._cached(key, lambda: self.store.query(collection, category=category, words=words, full=full))

    def _cached(self, key: str | None, load):
        raw = self._safe(lambda: self.cache.get(key), default=None) if key else None
        if raw:
            return json.loads(raw)
        value = load()
        if key:
            self._store(key, value)
        return value

    def _list_key(self, collection: str, suffix: str) -> str | None:
        generation = self.generation()
        return None if generation is None else f"catalog:{generation}:{collection}:{suffix}"

    def _store(self, key: str, value) -> None:
        payload = json.dumps(value, default=str, separators=(",", ":"))
        self._safe(lambda: self.cache.set(key, payload, ex=self.ttl), default=None)

    @staticmethod
    def _key(collection: str, slug: str) -> str:
        return f"{_KIND_PREFIX[collection]}:{slug}"

    def _cache_down(self) -> bool:
        return self.cache is None or self._down_until > time.monotonic()

    _down_until = 0.0

    def _safe(self, call, *, default):
        """Run a Redis call; on failure log (at most every 30 s), back off 5 s and return `default`."""
        if self._cache_down():
            return default
        try:
            return call()
        except redis.RedisError as exc:
            now = time.monotonic()
            self._down_until = now + 5
            if now - self._last_warning > 30:
                self._last_warning = now
                logger.warning("catalog cache unavailable, reading MongoDB directly: %r", exc)
            return default
