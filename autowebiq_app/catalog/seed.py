"""Seed MongoDB from the catalog files: idempotent, versioned, cache-invalidating."""

from __future__ import annotations

from dataclasses import dataclass

from autowebiq_app.catalog.cache import Catalog
from autowebiq_app.catalog.files import Loaded, content_hash
from autowebiq_app.catalog.store import COMPONENTS, DOMAINS, FEATURES, TEMPLATES, UpsertReport

THUMBNAIL_URL = "/catalog/thumbnails/{slug}.png"


@dataclass(frozen=True)
class SeedReport:
    templates: UpsertReport
    components: UpsertReport
    features: UpsertReport
    domains: UpsertReport

    def summary(self) -> str:
        def line(name: str, r: UpsertReport) -> str:
            return (
                f"{name}: {len(r.inserted)} inserted, {len(r.updated)} updated, "
                f"{len(r.unchanged)} unchanged, {len(r.removed)} removed"
            )

        parts = (
            ("templates", self.templates),
            ("components", self.components),
            ("features", self.features),
            ("domains", self.domains),
        )
        return "; ".join(line(name, report) for name, report in parts)


def seed(catalog: Catalog, loaded: Loaded) -> SeedReport:
    """Upsert every template, component, feature and domain; re-running with the same files changes nothing."""
    catalog.store.ensure_indexes()
    templates = {}
    for slug, doc in loaded.templates.items():
        templates[slug] = {**doc.model_dump(mode="json"), "thumbnail": THUMBNAIL_URL.format(slug=slug)}
    components = {slug: doc.model_dump(mode="json") for slug, doc in loaded.components.items()}
    features = {slug: doc.model_dump(mode="json") for slug, doc in loaded.features.items()}
    domains = {slug: doc.model_dump(mode="json") for slug, doc in loaded.domains.items()}
    reports = {}
    for collection, documents in (
        (TEMPLATES, templates),
        (COMPONENTS, components),
        (FEATURES, features),
        (DOMAINS, domains),
    ):
        hashes = {slug: content_hash(document) for slug, document in documents.items()}
        report = catalog.store.sync(collection, documents, hashes)
        catalog.invalidate(collection, report)
        reports[collection] = report
    return SeedReport(
        templates=reports[TEMPLATES],
        components=reports[COMPONENTS],
        features=reports[FEATURES],
        domains=reports[DOMAINS],
    )
