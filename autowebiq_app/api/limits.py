"""Request limits: body size (an ASGI wrapper) and the request rate per user or IP (`services.throttle`)."""

from __future__ import annotations

from fastapi import Request
from fastapi.concurrency import run_in_threadpool

from autowebiq_app.api.auth import OptionalUser, client_ip
from autowebiq_app.api.errors import error_response
from autowebiq_app.core.config import get_settings
from autowebiq_app.services import throttle


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
            await _drain(receive, cap=DRAIN_LIMIT_FACTOR * limit)
            return await _too_large(limit)(scope, receive, send)
        seen = 0
        too_large = ended = False

        async def counted():
            # Past the limit the app is told the client left, and its reply is dropped for our
            # 413: raising here would reach the body parser, which answers 400.
            nonlocal seen, too_large, ended
            if too_large:
                return {"type": "http.disconnect"}
            message = await receive()
            ended = message["type"] != "http.request" or not message.get("more_body", False)
            seen += len(message.get("body", b""))
            if seen > limit:
                too_large = True
                return {"type": "http.disconnect"}
            return message

        async def unless_too_large(message):
            if not too_large:
                await send(message)

        try:
            await self.app(scope, counted, unless_too_large)
        except Exception:
            if not too_large:
                raise
        if too_large:
            if not ended:
                await _drain(receive, cap=DRAIN_LIMIT_FACTOR * limit)
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


# A client still sending its body when the 413 comes sees the connection reset, not the answer:
# the rest of a body up to this many times the limit is read and dropped first.
DRAIN_LIMIT_FACTOR = 16


async def _drain(receive, *, cap: int) -> None:
    read = 0
    while read <= cap:
        message = await receive()
        if message["type"] != "http.request":
            return
        read += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


def _too_large(limit: int):
    return error_response(413, "payload_too_large", f"Request bodies are limited to {limit // 1024} KiB.")


async def rate_limit(request: Request, user: OptionalUser) -> None:
    """API_REQUESTS_PER_MINUTE per signed-in user (all their tokens together), else per client IP."""
    await run_in_threadpool(throttle.request, user_id=user.id if user else None, client_ip=client_ip(request))
