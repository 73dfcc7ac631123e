"""Cached reads of a user's balance (5 min) and ledger figures for stats (10 min) that never
show a number the ledger disagrees with once a ledger write has returned.

Each user has a generation counter in Redis (`ledger:{user_id}:gen`). Every ledger write
(`credits._append`, the one place rows are written) records the user on its session, and
when that transaction commits the counter is incremented before `commit()` returns. A
cached value carries the generation it was read under, and is used only while the counter
still has that value; a reader that missed fills the cache only if the counter did not move
between its reading the counter and its reading the database (one Lua script). So a write
that committed and returned has moved the counter past every value read before it.

Redis being down costs nothing but speed: reads go to the database (and skip Redis for
REDIS_BACKOFF_SECONDS), and a failed increment is logged.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

import redis
from sqlalchemy import event
from sqlmodel import Session

from autowebiq_app.core.redis_client import get_redis, optional
from autowebiq_app.metrics import CACHE_REQUESTS, LEDGER_OPERATIONS

logger = logging.getLogger(__name__)

BALANCE_TTL_SECONDS = 5 * 60
STATS_TTL_SECONDS = 10 * 60
GENERATION_TTL_SECONDS = 24 * 3600
"""Refreshed whenever an entry is stored, so the counter always outlives the entries."""

_FILL = """
local gen = redis.call('GET', KEYS[1]) or '0'
if gen ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[1] .. '|' .. ARGV[2], 'EX', ARGV[3])
if gen ~= '0' then redis.call('EXPIRE', KEYS[1], ARGV[4]) end
return 1
"""
_PENDING = "credit_cache.pending"


def _generation_key(user_id: str) -> str:
    return f"ledger:{user_id}:gen"


def _keys(user_id: str) -> dict[str, str]:
    return {"balance": f"credits:{user_id}", "stats": f"stats:{user_id}:ledger"}


def written(*, session: Session, user_id: str, kind: str) -> None:
    """Record a ledger write in `session`; when its transaction commits the user's cached
    figures stop being used (before `commit()` returns)."""
    pending = session.info.setdefault(_PENDING, [])
    if not session.info.get(_PENDING + ".listening"):
        session.info[_PENDING + ".listening"] = True
        event.listen(session, "after_commit", _after_commit)
        event.listen(session, "after_rollback", _after_rollback)
    pending.append((user_id, kind))


def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)


def _after_commit(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    for _, kind in pending:
        LEDGER_OPERATIONS.labels(kind=kind).inc()
    users = sorted({user_id for user_id, _ in pending})
    try:
        pipe = get_redis().pipeline(transaction=False)
        for user_id in users:
            pipe.incr(_generation_key(user_id))
            pipe.expire(_generation_key(user_id), GENERATION_TTL_SECONDS)
            pipe.delete(*_keys(user_id).values())
        pipe.execute()
    except redis.RedisError as exc:
        logger.warning("could not invalidate the cached balance of %s: %r", ", ".join(users), exc)


def balance(*, session: Session, user_id: str) -> int:
    """The user's balance, from the cache when it is current."""
    from autowebiq_app.services import credits

    value = _cached(
        "balance", user_id, BALANCE_TTL_SECONDS, lambda: credits.balance(session=session, user_id=user_id)
    )
    return int(value)


def stats(*, user_id: str, load: Callable[[], dict]) -> dict:
    """The user's ledger figures for stats (the JSON object `load()` returns: balance, credits
    spent), from the cache when it is current."""
    return _cached("stats", user_id, STATS_TTL_SECONDS, load)


def _cached(cache: str, user_id: str, ttl: int, load):
    generation_key, key = _generation_key(user_id), _keys(user_id)[cache]
    found = optional(lambda: get_redis().mget(generation_key, key), default=None, what=f"the {cache} cache")
    if found is None:
        CACHE_REQUESTS.labels(cache=cache, result="miss").inc()
        return load()
    generation, entry = found[0] or "0", found[1]
    if entry is not None:
        stored_generation, _, payload = entry.partition("|")
        if stored_generation == generation:
            CACHE_REQUESTS.labels(cache=cache, result="hit").inc()
            return json.loads(payload)
    CACHE_REQUESTS.labels(cache=cache, result="miss").inc()
    value = load()
    optional(
        lambda: get_redis().eval(
            _FILL, 2, generation_key, key, generation, json.dumps(value), ttl, GENERATION_TTL_SECONDS
        ),
        default=None,
        what=f"the {cache} cache",
    )
    return value
