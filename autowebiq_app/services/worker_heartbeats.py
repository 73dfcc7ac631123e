"""Which build workers are alive, from heartbeats the worker processes write themselves.

Dramatiq's own heartbeat set is refreshed by every process that talks to the broker (the
web process too, on each enqueue) and keeps a dead worker for 60 s, so it cannot say
whether a build will run. Each worker process instead adds itself to one sorted set in the
broker's Redis every WORKER_HEARTBEAT_SECONDS; it counts as alive for three beats.
"""

from __future__ import annotations

import os
import socket
import time
from functools import lru_cache

import redis

from autowebiq_app.config import get_settings
from autowebiq_app.redis_client import bounded_options

KEY = "autowebiq-workers:heartbeats"
MISSED_BEATS = 3


@lru_cache
def _client() -> redis.Redis:
    return redis.Redis.from_url(get_settings().effective_broker_url, decode_responses=True, **bounded_options())


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def alive_window_seconds() -> float:
    return get_settings().worker_heartbeat_seconds * MISSED_BEATS


def beat(worker: str) -> None:
    """Record that `worker` is alive now (and drop long-dead entries)."""
    now = time.time()
    pipe = _client().pipeline(transaction=False)
    pipe.zadd(KEY, {worker: now})
    pipe.zremrangebyscore(KEY, "-inf", now - 10 * alive_window_seconds())
    pipe.execute()


def forget(worker: str) -> None:
    """A worker shutting down cleanly leaves at once."""
    _client().zrem(KEY, worker)


def live_workers() -> int:
    """Worker processes that beat within the window; raises redis.RedisError if the broker is unreachable."""
    return _client().zcount(KEY, time.time() - alive_window_seconds(), "+inf")


def any_alive() -> bool:
    """Whether a queued build would be picked up; False when the broker cannot be reached."""
    try:
        return live_workers() > 0
    except redis.RedisError:
        return False


def forget_client() -> None:
    """Drop the cached client (tests that point the broker elsewhere)."""
    _client.cache_clear()
