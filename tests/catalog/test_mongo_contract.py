"""The pymongo behaviour the catalog relies on, checked on mongomock and, when
MONGODB_URL is set, on a real MongoDB server too."""

from __future__ import annotations

import os
import uuid

import mongomock
import pytest
from pymongo import ASCENDING, DESCENDING, MongoClient
from pymongo.errors import DuplicateKeyError

BACKENDS = ["mongomock"] + (["mongodb"] if os.environ.get("MONGODB_URL") else [])


@pytest.fixture(params=BACKENDS)
def collection(request):
    if request.param == "mongomock":
        client = mongomock.MongoClient(tz_aware=True)
    else:
        client = MongoClient(os.environ["MONGODB_URL"], serverSelectionTimeoutMS=3000, tz_aware=True)
    db = client[f"autowebiq_contract_{uuid.uuid4().hex[:8]}"]
    coll = db["things"]
    coll.create_index([("slug", ASCENDING)], unique=True)
    coll.insert_many(
        [
            {"slug": "a", "category": "hero", "tags": ["x", "y"], "n": 1, "name": "Alpha hero"},
            {"slug": "b", "category": "hero", "tags": ["y"], "n": 2, "name": "Beta"},
            {"slug": "c", "category": "footer", "tags": ["z"], "n": 3, "name": "Gamma"},
        ]
    )
    yield coll
    client.drop_database(db.name)


def test_unique_index_raises_duplicate_key(collection):
    with pytest.raises(DuplicateKeyError):
        collection.insert_one({"slug": "a"})


def test_in_sort_limit_projection(collection):
    rows = list(
        collection.find({"slug": {"$in": ["a", "b", "c"]}}, {"_id": 0, "slug": 1}).sort("n", DESCENDING).limit(2)
    )
    assert rows == [{"slug": "c"}, {"slug": "b"}]


def test_set_inc_and_upsert(collection):
    result = collection.update_one({"slug": "d"}, {"$set": {"name": "Delta"}, "$inc": {"version": 1}}, upsert=True)
    assert result.upserted_id is not None
    collection.update_one({"slug": "d"}, {"$set": {"name": "Delta 2"}, "$inc": {"version": 1}}, upsert=True)
    assert collection.find_one({"slug": "d"}, {"_id": 0, "name": 1, "version": 1}) == {"name": "Delta 2", "version": 2}


def test_aggregate_group_and_sort(collection):
    rows = list(collection.aggregate([{"$group": {"_id": "$category", "count": {"$sum": 1}}}, {"$sort": {"_id": 1}}]))
    assert rows == [{"_id": "footer", "count": 1}, {"_id": "hero", "count": 2}]


def test_case_insensitive_regex_over_strings_and_arrays(collection):
    by_name = {r["slug"] for r in collection.find({"name": {"$regex": "HERO", "$options": "i"}})}
    by_tag = {r["slug"] for r in collection.find({"tags": {"$regex": "^y$", "$options": "i"}})}
    assert by_name == {"a"} and by_tag == {"a", "b"}


def test_and_of_or_conditions(collection):
    selector = {"$and": [{"category": "hero"}, {"$or": [{"name": {"$regex": "beta", "$options": "i"}}, {"tags": "z"}]}]}
    assert [r["slug"] for r in collection.find(selector)] == ["b"]
