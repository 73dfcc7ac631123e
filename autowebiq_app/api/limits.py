"""Request limits: body size (an ASGI wrapper) and a per-user request rate (Redis)."""

from __future__ import annotations

import time

from fastapi import Request
from fastapi.concurrency import run_in_threadpool

from autowebiq_app import redis_client
from autowebiq_app.api.auth import bearer_token
from autowebiq_app.api.errors import error_response
from autowebiq_app.config import get_settings
from autowebiq_app.errors import RateLimited
from autowebiq_app.redis_client import get_redis
from autowebiq_app.services import accounts


class BodySizeLimit:
    """Refuse request bodies over API_MAX_BODY_BYTES with 413, declared or streamed."""

    def __init__(self, app, *, prefix: str = "/api/") -> None:
        self.app = app
        self.prefix = prefix

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            return await self.app(scope, receive, send)
        limit = get_settings().api_max_body_bytes
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            return await _too_large(limit)(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _BodyTooLarge()
            return message

        try:
            await self.app(scope, counted, send)
        except _BodyTooLarge:
            await _too_large(limit)(scope, receive, send)


class ApiPathGuard:
    """`/api/` paths with control characters can match no route: answer JSON 404 for them
    here, instead of letting them fall through to the web app's HTML pages."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        path = scope.get("path", "")
        if scope["type"] == "http" and path.startswith("/api/") and any(ord(ch) < 32 or ord(ch) == 127 for ch in path):
            return await error_response(404, "not_found", "No such API route.")(scope, receive, send)
        return await self.app(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


def _too_large(limit: int):
    return error_response(413, "payload_too_large", f"Request bodies are limited to {limit // 1024} KiB.")


def _hit(key: str, limit: int) -> tuple[bool, int]:
    window = int(time.time() // 60)
    full_key = f"rate:{key}:{window}"

    def count() -> int:
        pipe = get_redis().pipeline()
        pipe.incr(full_key)
        pipe.expire(full_key, 70)
        return pipe.execute()[0]

    # Limits fail open on any Redis error or time-out: better served than down.
    hits = redis_client.optional(count, default=0, what="the rate limiter")
    return hits <= limit, 60 - int(time.time() % 60)


async def rate_limit(request: Request) -> None:
    """At most API_REQUESTS_PER_MINUTE per caller (the token's hash, or the client IP)."""
    token = bearer_token(request)
    caller = accounts.hash_token(token)[:24] if token else f"ip:{request.client.host if request.client else '?'}"
    allowed, retry_after = await run_in_threadpool(_hit, caller, get_settings().api_requests_per_minute)
    if not allowed:
        raise RateLimited(f"Too many requests; try again in {retry_after} seconds.", retry_after=retry_after)
