"""Redis connections for cache and build event streams (the broker has its own, in workers/).

Every call is bounded: connecting or waiting for a reply longer than REDIS_TIMEOUT_SECONDS
raises `redis.TimeoutError` instead of hanging the caller, and nothing retries into a
server that stopped answering (redis-py's default retries a time-out three times with up
to 10 s of back-off). Blocking stream reads get their block time on top.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

import redis
import redis.asyncio as aioredis
from redis.asyncio.retry import Retry as AsyncRetry
from redis.backoff import NoBackoff
from redis.retry import Retry

from autowebiq_app.core.config import get_settings

logger = logging.getLogger(__name__)
MAX_BLOCK_MS = 5000
"""The longest XREAD BLOCK a caller may ask for (its socket waits this much longer)."""
T = TypeVar("T")


def bounded_options(*, block_ms: int = 0) -> dict:
    """Connection options that bound every call: time-outs, one retry on a dropped connection only."""
    timeout = get_settings().redis_timeout_seconds
    return {
        "socket_connect_timeout": timeout,
        "socket_timeout": timeout + block_ms / 1000,
        "retry": Retry(NoBackoff(), 1, supported_errors=(redis.ConnectionError,)),
        "health_check_interval": 30,
    }


@lru_cache
def get_redis() -> redis.Redis:
    """The process-wide synchronous client (thread-safe connection pool)."""
    return redis.Redis.from_url(get_settings().redis_url, decode_responses=True, **bounded_options())


@lru_cache
def get_blocking_redis() -> redis.Redis:
    """A client for blocking stream reads of up to MAX_BLOCK_MS (its own pool)."""
    options = bounded_options(block_ms=MAX_BLOCK_MS)
    return redis.Redis.from_url(get_settings().redis_url, decode_responses=True, **options)


def new_async_redis(*, block_ms: int = 0) -> aioredis.Redis:
    """A fresh asyncio client for reads that block up to `block_ms`; the caller owns it
    (clients are bound to one event loop)."""
    options = bounded_options(block_ms=block_ms)
    options["retry"] = AsyncRetry(NoBackoff(), 1, supported_errors=(redis.ConnectionError,))
    return aioredis.Redis.from_url(get_settings().redis_url, decode_responses=True, **options)


class _Outage:
    """After a failed optional call, skip Redis for a few seconds instead of paying the
    time-out on every request; log at most every 30 s."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.until = 0.0
        self.last_warning = 0.0

    def active(self) -> bool:
        return time.monotonic() < self.until

    def record(self, what: str, exc: Exception) -> None:
        now = time.monotonic()
        with self._lock:
            self.until = now + get_settings().redis_backoff_seconds
            if now - self.last_warning > 30:
                self.last_warning = now
                logger.warning("Redis unavailable for %s, carrying on without it: %r", what, exc)


_outage = _Outage()


def optional(call: Callable[[], T], *, default: T, what: str) -> T:
    """Run a Redis call the request can do without (a rate count, a cached reply).

    Any Redis error or time-out returns `default`, and for REDIS_BACKOFF_SECONDS afterwards
    optional calls return `default` at once, so a hung Redis costs one request one time-out.
    """
    if _outage.active():
        return default
    try:
        return call()
    except redis.RedisError as exc:
        _outage.record(what, exc)
        return default


def reset_outage() -> None:
    """Forget a recorded outage (for tests that restart Redis)."""
    _outage.until = 0.0
