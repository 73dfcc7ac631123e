"""Catalog documents in MongoDB: indexes, idempotent upserts, lookups and queries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pymongo import ASCENDING
from pymongo.database import Database

from autowebiq_app.db_types import utcnow

TEMPLATES = "templates"
COMPONENTS = "components"
FEATURES = "features"
DOMAINS = "domains"
COLLECTIONS = (TEMPLATES, COMPONENTS, FEATURES, DOMAINS)
_HIDDEN = {"_id": 0}
_SUMMARY = {
    "_id": 0,
    "slug": 1,
    "name": 1,
    "category": 1,
    "description": 1,
    "tags": 1,
    "thumbnail": 1,
    "keywords": 1,
    "version": 1,
    "site_name": 1,
    "tagline": 1,
}


@dataclass
class UpsertReport:
    inserted: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def changed(self) -> list[str]:
        return self.inserted + self.updated + self.removed


class CatalogStore:
    """Thin repository over the `templates` and `components` collections."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def ensure_indexes(self) -> None:
        for name in COLLECTIONS:
            self.db[name].create_index([("slug", ASCENDING)], unique=True, name="uq_slug")
        for name in (TEMPLATES, COMPONENTS):
            collection = self.db[name]
            collection.create_index([("category", ASCENDING), ("name", ASCENDING)], name="ix_category_name")
            collection.create_index([("tags", ASCENDING)], name="ix_tags")
        for name in (TEMPLATES, FEATURES, DOMAINS):
            self.db[name].create_index([("keywords", ASCENDING)], name="ix_keywords")

    def sync(self, collection: str, documents: dict[str, dict], hashes: dict[str, str]) -> UpsertReport:
        """Make the collection hold exactly `documents`; a changed document's version goes up by one."""
        report = UpsertReport()
        coll = self.db[collection]
        existing = {d["slug"]: d.get("content_hash") for d in coll.find({}, {"_id": 0, "slug": 1, "content_hash": 1})}
        now = utcnow()
        for slug, document in documents.items():
            if existing.get(slug) == hashes[slug]:
                report.unchanged.append(slug)
                continue
            result = coll.update_one(
                {"slug": slug},
                {"$set": {**document, "content_hash": hashes[slug], "updated_at": now}, "$inc": {"version": 1}},
                upsert=True,
            )
            (report.inserted if result.upserted_id is not None else report.updated).append(slug)
        gone = sorted(set(existing) - set(documents))
        if gone:
            coll.delete_many({"slug": {"$in": gone}})
            report.removed.extend(gone)
        return report

    def get(self, collection: str, slug: str) -> dict | None:
        return self.db[collection].find_one({"slug": slug}, _HIDDEN)

    def get_many(self, collection: str, slugs: list[str]) -> list[dict]:
        return list(self.db[collection].find({"slug": {"$in": slugs}}, _HIDDEN))

    def query(
        self, collection: str, *, category: str | None = None, words: str = "", limit: int = 100, full: bool = False
    ) -> list[dict]:
        """Documents by category and/or words (every word must match a name, tag, keyword or description)."""
        conditions: list[dict] = []
        if category:
            conditions.append({"category": category})
        for word in re.findall(r"[\w-]+", words.lower())[:8]:
            pattern = {"$regex": re.escape(word), "$options": "i"}
            conditions.append(
                {
                    "$or": [
                        {"name": pattern},
                        {"description": pattern},
                        {"tags": pattern},
                        {"keywords": pattern},
                        {"category": pattern},
                    ]
                }
            )
        selector = {"$and": conditions} if conditions else {}
        cursor = self.db[collection].find(selector, _HIDDEN if full else _SUMMARY)
        return list(cursor.sort([("category", ASCENDING), ("name", ASCENDING)]).limit(limit))

    def categories(self, collection: str) -> list[dict]:
        """Each category with its document count, alphabetically."""
        pipeline = [{"$group": {"_id": "$category", "count": {"$sum": 1}}}, {"$sort": {"_id": 1}}]
        return [{"category": row["_id"], "count": row["count"]} for row in self.db[collection].aggregate(pipeline)]

    def count(self, collection: str) -> int:
        return self.db[collection].count_documents({})
