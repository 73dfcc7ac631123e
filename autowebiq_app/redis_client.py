"""Redis connections for cache and build event streams (the broker has its own, in workers/)."""

from __future__ import annotations

from functools import lru_cache

import redis
import redis.asyncio as aioredis

from autowebiq_app.config import get_settings


@lru_cache
def get_redis() -> redis.Redis:
    """The process-wide synchronous client (thread-safe connection pool)."""
    return redis.Redis.from_url(
        get_settings().redis_url, decode_responses=True, socket_connect_timeout=3, health_check_interval=30
    )


def new_async_redis() -> aioredis.Redis:
    """A fresh asyncio client; the caller owns it (clients are bound to one event loop)."""
    return aioredis.Redis.from_url(get_settings().redis_url, decode_responses=True, socket_connect_timeout=3)
