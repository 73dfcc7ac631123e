"""Seed MongoDB from the catalog files: idempotent, versioned, cache-invalidating."""

from __future__ import annotations

from dataclasses import dataclass

from autowebiq_app.catalog.cache import Catalog
from autowebiq_app.catalog.files import Loaded, content_hash
from autowebiq_app.catalog.store import COMPONENTS, TEMPLATES, UpsertReport

THUMBNAIL_URL = "/catalog/thumbnails/{slug}.png"


@dataclass(frozen=True)
class SeedReport:
    templates: UpsertReport
    components: UpsertReport

    def summary(self) -> str:
        def line(name: str, r: UpsertReport) -> str:
            return (
                f"{name}: {len(r.inserted)} inserted, {len(r.updated)} updated, "
                f"{len(r.unchanged)} unchanged, {len(r.removed)} removed"
            )

        return f"{line('templates', self.templates)}; {line('components', self.components)}"


def seed(catalog: Catalog, loaded: Loaded) -> SeedReport:
    """Upsert every template and component; re-running with the same files changes nothing."""
    catalog.store.ensure_indexes()
    templates = {}
    for slug, doc in loaded.templates.items():
        templates[slug] = {**doc.model_dump(mode="json"), "thumbnail": THUMBNAIL_URL.format(slug=slug)}
    components = {slug: doc.model_dump(mode="json") for slug, doc in loaded.components.items()}
    reports = {}
    for collection, documents in ((TEMPLATES, templates), (COMPONENTS, components)):
        hashes = {slug: content_hash(document) for slug, document in documents.items()}
        report = catalog.store.sync(collection, documents, hashes)
        catalog.invalidate(collection, report)
        reports[collection] = report
    return SeedReport(templates=reports[TEMPLATES], components=reports[COMPONENTS])
