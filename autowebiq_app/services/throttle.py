"""Rate limits in Redis, shared by the API and the UI: requests per caller, sign-ups per IP,
and a per-account back-off after failed sign-ins.

Every check fails open (Redis down or hung: allowed), like the rest of the optional Redis
calls, so a Redis outage never locks people out.
"""

from __future__ import annotations

import hashlib
import time

from autowebiq_app.core import redis_client
from autowebiq_app.core.config import get_settings
from autowebiq_app.core.redis_client import get_redis
from autowebiq_app.errors import RateLimited

FAILURES_BEFORE_BACKOFF = 5
MAX_BACKOFF_SECONDS = 15 * 60
FAILURE_MEMORY_SECONDS = 3600
"""Failed sign-ins are forgotten an hour after the last one (or at a successful sign-in)."""


def hit(key: str, *, limit: int, window_seconds: int) -> None:
    """Count one event under `key` in the current fixed window.

    Raises:
        RateLimited: more than `limit` events in this window (with the seconds until it ends).
    """
    now = time.time()
    window = int(now // window_seconds)
    full_key = f"rate:{key}:{window}"

    def count() -> int:
        pipe = get_redis().pipeline()
        pipe.incr(full_key)
        pipe.expire(full_key, window_seconds + 10)
        return pipe.execute()[0]

    if redis_client.optional(count, default=0, what="the rate limiter") > limit:
        retry_after = max(1, int(window_seconds - now % window_seconds))
        raise RateLimited(f"Too many requests; try again in {retry_after} seconds.", retry_after=retry_after)


def request(*, user_id: str | None, client_ip: str) -> None:
    """API_REQUESTS_PER_MINUTE per signed-in user (all their tokens together), else per IP."""
    caller = f"user:{user_id}" if user_id else f"ip:{client_ip}"
    hit(caller, limit=get_settings().api_requests_per_minute, window_seconds=60)


def sign_in_attempt(*, client_ip: str) -> None:
    """SIGN_INS_PER_IP_PER_MINUTE sign-in attempts per IP, whatever account they name."""
    hit(f"signin:{client_ip}", limit=get_settings().sign_ins_per_ip_per_minute, window_seconds=60)


def sign_up(*, client_ip: str) -> None:
    """SIGNUPS_PER_IP_PER_HOUR new accounts per IP."""
    hit(f"signup:{client_ip}", limit=get_settings().signups_per_ip_per_hour, window_seconds=3600)


def check_sign_in(*, email: str) -> None:
    """Refuse a sign-in to an account that is backing off, before any password is checked.

    Raises:
        RateLimited: with the seconds until the account accepts attempts again.
    """
    wait = redis_client.optional(lambda: get_redis().ttl(_lock_key(email)), default=-2, what="sign-in back-off")
    if wait > 0:
        raise RateLimited(
            f"Too many failed sign-ins for this account; try again in {wait} seconds.", retry_after=int(wait)
        )


def sign_in_failed(*, email: str) -> None:
    """After FAILURES_BEFORE_BACKOFF failures, each further one locks the account for twice as long."""

    def record() -> None:
        pipe = get_redis().pipeline()
        pipe.incr(_failures_key(email))
        pipe.expire(_failures_key(email), FAILURE_MEMORY_SECONDS)
        failures = pipe.execute()[0]
        if failures >= FAILURES_BEFORE_BACKOFF:
            backoff = min(MAX_BACKOFF_SECONDS, 2 ** (failures - FAILURES_BEFORE_BACKOFF))
            get_redis().set(_lock_key(email), "1", ex=backoff)

    redis_client.optional(record, default=None, what="sign-in back-off")


def sign_in_succeeded(*, email: str) -> None:
    redis_client.optional(
        lambda: get_redis().delete(_failures_key(email), _lock_key(email)), default=None, what="sign-in back-off"
    )


SOCKET_LEASE_SECONDS = 60
"""An open socket renews its slot on every heartbeat; a slot not renewed this long is free."""


def open_socket(*, user_id: str, socket_id: str) -> None:
    """Take one of the user's MAX_SOCKETS_PER_USER build-socket slots.

    Raises:
        RateLimited: all the user's slots are taken by open sockets.
    """
    key, now = f"sockets:{user_id}", time.time()

    def take() -> int:
        pipe = get_redis().pipeline(transaction=True)
        pipe.zremrangebyscore(key, "-inf", now - SOCKET_LEASE_SECONDS)
        pipe.zadd(key, {socket_id: now})
        pipe.zcard(key)
        pipe.expire(key, SOCKET_LEASE_SECONDS)
        return pipe.execute()[2]

    if redis_client.optional(take, default=0, what="the socket limit") > get_settings().max_sockets_per_user:
        close_socket(user_id=user_id, socket_id=socket_id)
        raise RateLimited("Too many open build sockets for this account; close one first.")


def renew_socket(*, user_id: str, socket_id: str) -> None:
    redis_client.optional(
        lambda: get_redis().zadd(f"sockets:{user_id}", {socket_id: time.time()}, xx=True), default=0, what="sockets"
    )


def close_socket(*, user_id: str, socket_id: str) -> None:
    redis_client.optional(lambda: get_redis().zrem(f"sockets:{user_id}", socket_id), default=0, what="sockets")


def _account(email: str) -> str:
    return hashlib.sha256((email or "").strip().lower().encode()).hexdigest()[:32]


def _failures_key(email: str) -> str:
    return f"signin:failures:{_account(email)}"


def _lock_key(email: str) -> str:
    return f"signin:lock:{_account(email)}"
