"""The balance cache (5 min) and the stats figures cache (10 min) never show a balance the
ledger disagrees with once a ledger write has returned, and count their hits and misses."""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY

from autowebiq_app.core.db import session_scope
from autowebiq_app.core.redis_client import get_redis
from autowebiq_app.services import credit_cache, credits
from tests.operations.helpers import start_build


def _count(cache: str, result: str) -> float:
    return REGISTRY.get_sample_value("autowebiq_cache_requests_total", {"cache": cache, "result": result}) or 0.0


def _grant(user_id: str, key: str, amount: int = 5) -> int:
    with session_scope() as session:
        entry = credits.grant(session=session, user_id=user_id, amount=amount, idempotency_key=key, description="t")
        session.commit()
        return entry.balance_after


def _cached_balance(user_id: str) -> int:
    with session_scope() as session:
        return credit_cache.balance(session=session, user_id=user_id)


def test_a_cached_balance_is_served_until_a_ledger_write_commits(make_user, session):
    user, _ = make_user()
    session.commit()
    misses, hits = _count("balance", "miss"), _count("balance", "hit")
    assert _cached_balance(user.id) == 100
    assert _cached_balance(user.id) == 100
    assert (_count("balance", "miss") - misses, _count("balance", "hit") - hits) == (1, 1)
    assert 0 < get_redis().ttl(f"credits:{user.id}") <= 300

    assert _grant(user.id, "g1") == 105
    assert _cached_balance(user.id) == 105


def test_a_rolled_back_ledger_write_leaves_the_cached_balance_right(make_user, session):
    user, _ = make_user()
    session.commit()
    assert _cached_balance(user.id) == 100
    with session_scope() as other:
        credits.grant(session=other, user_id=user.id, amount=7, idempotency_key="gone", description="t")
        other.rollback()
    assert _cached_balance(user.id) == 100
    assert _grant(user.id, "kept", 7) == 107
    assert _cached_balance(user.id) == 107


def test_cached_stats_figures_follow_ledger_writes(make_user, session):
    user, _ = make_user()
    session.commit()

    def load() -> dict:
        with session_scope() as s:
            return {"balance": credits.balance(session=s, user_id=user.id)}

    assert credit_cache.stats(user_id=user.id, load=load) == {"balance": 100}
    hits = _count("stats", "hit")
    assert credit_cache.stats(user_id=user.id, load=lambda: {"balance": -1}) == {"balance": 100}
    assert _count("stats", "hit") == hits + 1
    assert 300 < get_redis().ttl(f"stats:{user.id}:ledger") <= 600
    _grant(user.id, "s1")
    assert credit_cache.stats(user_id=user.id, load=load) == {"balance": 105}


@pytest.fixture
def api():
    from autowebiq_app.api.app import create_api

    with TestClient(create_api()) as client:
        yield client


def test_the_stats_route_serves_balance_and_credits_spent_from_the_cache_until_a_ledger_write(make_user, session, api):
    user, token = make_user()
    session.commit()
    headers = {"Authorization": f"Bearer {token}"}

    def figures() -> tuple[int, int]:
        stats = api.get("/api/v2/stats", headers=headers).json()
        return stats["credits_balance"], stats["credits_spent"]

    misses, hits = _count("stats", "miss"), _count("stats", "hit")
    assert figures() == (100, 0)
    assert figures() == (100, 0)
    assert (_count("stats", "miss") - misses, _count("stats", "hit") - hits) == (1, 1)
    # What the route shows is the cached entry: changed in Redis under the same generation,
    # the route shows the change.
    key = f"stats:{user.id}:ledger"
    generation, _, payload = get_redis().get(key).partition("|")
    get_redis().set(key, f"{generation}|" + payload.replace('"credits_spent": 0', '"credits_spent": 99'))
    assert figures() == (100, 99)

    start_build(session, user.id)  # reserves the build's 10 credits
    assert figures() == (90, 10)
    _grant(user.id, "after-build")
    assert figures() == (95, 10)
    assert _count("stats", "hit") - hits == 2


def test_reads_racing_ledger_writes_never_see_a_balance_older_than_a_returned_write(make_user, session):
    user, _ = make_user()
    session.commit()
    returned = [100]  # the balance after the last write whose commit has returned
    stale: list[tuple[int, int]] = []
    stop = threading.Event()
    hits = _count("balance", "hit")

    def writer() -> None:
        for n in range(150):
            returned.append(_grant(user.id, f"race-{n}", 1))
            stop.wait(0.003)  # let readers fill and hit the cache between writes
        stop.set()

    def reader() -> None:
        while not stop.is_set():
            floor = returned[-1]
            seen = _cached_balance(user.id)
            if seen < floor:
                stale.append((seen, floor))

    threads = [threading.Thread(target=writer)] + [threading.Thread(target=reader) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert stale == []
    assert _count("balance", "hit") > hits, "the readers never hit the cache: the race was not exercised"
    with session_scope() as check:
        assert _cached_balance(user.id) == credits.ledger_sum(session=check, user_id=user.id) == 250
