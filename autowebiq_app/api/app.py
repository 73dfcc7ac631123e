"""The FastAPI app mounted in front of Reflex (through `api_transformer`)."""

from __future__ import annotations

import logging
import re
import time

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST
from starlette.routing import compile_path

from autowebiq_app import metrics
from autowebiq_app.api import catalog_routes, errors, health, legacy, published_sites, schemas, sessions, v2, ws
from autowebiq_app.api.docs import install_docs
from autowebiq_app.api.limits import BodySizeLimit
from autowebiq_app.api.site_files import SANDBOX_HEADERS, site_file_response, zip_response
from autowebiq_app.config import get_settings, insecure_defaults
from autowebiq_app.db import session_scope
from autowebiq_app.models import Project, ProjectVersion
from autowebiq_app.services import preview_links, versions

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

    @api.get(
        "/api/health", tags=["health"], response_model=schemas.HealthOut, responses={503: {"model": schemas.HealthOut}}
    )
    async def get_health() -> JSONResponse:
        report = await health.check_all()
        return JSONResponse(report, status_code=200 if report["status"] != "unhealthy" else 503)

    @api.middleware("http")
    async def time_requests(request: Request, call_next):
        started = time.perf_counter()
        response = await call_next(request)
        route = request.scope.get("route")
        metrics.HTTP_LATENCY.labels(
            method=request.method, route=getattr(route, "path", "unmatched"), status=str(response.status_code)
        ).observe(time.perf_counter() - started)
        return response

    @api.get("/metrics", include_in_schema=False)
    async def get_metrics() -> Response:
        """Every process's metrics in the Prometheus text format (see `autowebiq_app.metrics`)."""
        return Response(await run_in_threadpool(metrics.exposition), media_type=CONTENT_TYPE_LATEST)

    @api.api_route(
        "/api/{rest:path}",
        methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
        include_in_schema=False,
    )
    async def api_fallback(rest: str, request: Request) -> JSONResponse:
        return _unrouted(api, request)

    @api.api_route("/preview/{token}", methods=["GET", "HEAD"], include_in_schema=False)
    async def preview_root(token: str) -> Response:
        return RedirectResponse(f"/preview/{token}/", status_code=307)

    @api.api_route("/preview/{token}/{path:path}", methods=["GET", "HEAD"], include_in_schema=False)
    async def preview_file(token: str, path: str) -> Response:
        version_id = preview_links.verify(token)
        if version_id is None:
            return _plain_404("This preview link has expired. Reload the workspace.")
        files = await run_in_threadpool(_version_files, version_id)
        return site_file_response(files, path) if files is not None else _plain_404()

    @api.get("/download/{token}.zip", include_in_schema=False)
    async def download_version(token: str) -> Response:
        """A signed link to one version's zip, for the browser (which has no bearer header)."""
        version_id = preview_links.verify(token)
        archive = await run_in_threadpool(_version_zip, version_id) if version_id else None
        if archive is None:
            return _plain_404("This download link has expired. Reload the workspace.")
        return zip_response(*archive)

    published_sites.install_on_app(api)

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


def _plain_404(message: str = "Not found") -> Response:
    return Response(message, status_code=404, media_type="text/plain", headers=SANDBOX_HEADERS)


def _version_files(version_id: str) -> dict[str, str] | None:
    with session_scope() as session:
        version = session.get(ProjectVersion, version_id)
        return dict(version.files) if version else None


def _version_zip(version_id: str) -> tuple[str, bytes] | None:
    with session_scope() as session:
        version = session.get(ProjectVersion, version_id)
        if version is None:
            return None
        project = session.get(Project, version.project_id)
        return versions.export_zip(version, project_name=project.name)
