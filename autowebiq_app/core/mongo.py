"""The MongoDB database: a real server at MONGODB_URL, else in-process mongomock.

Both are used through the pymongo interface only (no `$text`: mongomock lacks it).
"""

from __future__ import annotations

import logging
from functools import lru_cache

from pymongo.database import Database

from autowebiq_app.core.config import get_settings

logger = logging.getLogger(__name__)


@lru_cache
def get_mongo_db() -> Database:
    settings = get_settings()
    if settings.mongodb_url:
        from pymongo import MongoClient

        client = MongoClient(settings.mongodb_url, serverSelectionTimeoutMS=3000, tz_aware=True)
    else:
        import mongomock

        logger.info("MONGODB_URL is unset: the catalog lives in this process (mongomock)")
        client = mongomock.MongoClient(tz_aware=True)
    return client[settings.mongodb_database]


def using_mongomock() -> bool:
    return not get_settings().mongodb_url
