"""Every API error is JSON `{"error": {"code", "message"}, "detail": message}` with the right
status (`detail` is where the original AutoWebIQ's clients read the message)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from autowebiq_app.errors import DomainError
from autowebiq_app.services import accounts

logger = logging.getLogger(__name__)

_HTTP_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
    503: "unavailable",
}


def error_response(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message}, "detail": message}, status_code=status, headers=headers
    )


def install(api: FastAPI, *, unrouted: Callable[[Request], JSONResponse]) -> None:
    """Map every error to its JSON body; `unrouted` answers a path no route takes (404 or 405)."""

    @api.exception_handler(DomainError)
    async def domain_error(_request: Request, exc: DomainError) -> JSONResponse:
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after is not None else {}
        if exc.status == 401:
            headers["WWW-Authenticate"] = "Bearer"
        return error_response(exc.status, exc.code, exc.message, headers or None)

    @api.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        if first.get("type") == "string_pattern_mismatch" and tuple(first.get("loc", ()))[:1] == ("path",):
            # Not an id of ours (a malformed one, or a word where an id goes): no such resource.
            return unrouted(request)
        if first.get("type") == "string_too_long" and tuple(first.get("loc", ()))[-1:] == ("prompt",):
            limit = (first.get("ctx") or {}).get("max_length")
            return error_response(413, "prompt_too_long", f"Keep the prompt under {limit} characters.")
        field = tuple(first.get("loc", ()))[-1:]
        if first.get("type") == "string_pattern_mismatch" and field in (("password",), ("new_password",), ("email",)):
            # The schema carries the rule; the service says it in words.
            try:
                if field in (("password",), ("new_password",)):
                    accounts.check_password_strength(str(first.get("input", "")))
                else:
                    accounts.normalize_email(str(first.get("input", "")))
            except DomainError as rule:
                return error_response(rule.status, rule.code, rule.message)
        where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
        message = f"{where}: {first.get('msg', 'invalid')}" if where else first.get("msg", "Invalid request.")
        return error_response(422, "invalid_input", message)

    @api.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(
            exc.status_code, _HTTP_CODES.get(exc.status_code, "error"), str(exc.detail), getattr(exc, "headers", None)
        )

    @api.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unhandled API error", exc_info=exc)
        return error_response(500, "internal", "Something went wrong on our side.")
