"""The FastAPI app mounted in front of Reflex (through `api_transformer`)."""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.routing import compile_path

from autowebiq_app.api import (
    catalog_routes,
    errors,
    legacy,
    operations,
    previews,
    published_sites,
    sessions,
    v2,
    ws,
)
from autowebiq_app.api.docs import install_docs
from autowebiq_app.api.limits import BodySizeLimit
from autowebiq_app.core.config import get_settings, insecure_defaults

logger = logging.getLogger(__name__)
OPENAPI_URL = "/api/openapi.json"


def create_api() -> FastAPI:
    api = FastAPI(
        title="AutoWebIQ API",
        version="2.0.0",
        description="Build websites with agents: projects, builds, versions, publishing. "
        "Authenticate with `Authorization: Bearer <token>` from /api/auth/login or /api/auth/register.",
        openapi_url=OPENAPI_URL,
        docs_url=None,
        redoc_url=None,
    )
    for warning in insecure_defaults(get_settings()):
        logger.warning("INSECURE: %s", warning)
    errors.install(api, unrouted=lambda request: _unrouted(api, request))
    api.add_middleware(BodySizeLimit)
    install_docs(api, openapi_url=OPENAPI_URL)
    api.include_router(v2.router)
    api.include_router(legacy.router)
    api.include_router(sessions.router)
    api.include_router(ws.router)
    api.include_router(catalog_routes.router)
    api.include_router(previews.router)
    api.include_router(published_sites.on_app)
    api.include_router(operations.router)
    operations.time_requests(api)

    @api.api_route(
        "/api/{rest:path}",
        methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
        include_in_schema=False,
    )
    async def api_fallback(rest: str, request: Request) -> JSONResponse:
        return _unrouted(api, request)

    return api


def _unrouted(api: FastAPI, request: Request) -> JSONResponse:
    """No route takes this request: 405 with `Allow` if the path exists for other methods, else 404."""
    allowed = sorted(
        {
            method.upper()
            for regex, methods in _documented_paths(api)
            if regex.match(request.url.path)
            for method in methods
        }
    )
    if allowed:
        return errors.error_response(
            405, "method_not_allowed", f"Use {', '.join(allowed)} here.", {"Allow": ", ".join(allowed)}
        )
    return errors.error_response(404, "not_found", f"No API route {request.url.path}.")


def _documented_paths(api: FastAPI) -> list[tuple]:
    """(path regex, methods) for every operation in the OpenAPI spec, compiled once."""
    if not hasattr(api.state, "documented_paths"):
        api.state.documented_paths = [
            (_path_regex(path, operations), [m for m in operations if m in ("get", "post", "put", "patch", "delete")])
            for path, operations in api.openapi()["paths"].items()
        ]
    return api.state.documented_paths


def _path_regex(path: str, operations: dict) -> re.Pattern:
    """The path's regex, each parameter held to its documented pattern (so `/api/projects/create`
    is not taken for `/api/projects/{project_id}`)."""
    patterns = {
        parameter["name"]: parameter["schema"]["pattern"].removeprefix("^").removesuffix("$")
        for operation in operations.values()
        if isinstance(operation, dict)
        for parameter in operation.get("parameters", [])
        if parameter.get("in") == "path" and parameter.get("schema", {}).get("pattern")
    }
    if not patterns:
        return compile_path(path)[0]
    parts = re.split(r"\{([^}]+)\}", path)
    regex = "".join(
        re.escape(part) if index % 2 == 0 else f"(?:{patterns.get(part, '[^/]+')})" for index, part in enumerate(parts)
    )
    return re.compile(f"^{regex}$")
