"""The FastAPI app mounted in front of Reflex (through `api_transformer`)."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response

from autowebiq_app.api import catalog_routes, health
from autowebiq_app.api.site_files import SANDBOX_HEADERS, site_file_response
from autowebiq_app.db import session_scope
from autowebiq_app.errors import DomainError
from autowebiq_app.models import ProjectVersion
from autowebiq_app.services import preview_links

logger = logging.getLogger(__name__)


def create_api() -> FastAPI:
    api = FastAPI(title="AutoWebIQ API", version="2.0.0", docs_url=None, redoc_url=None)

    @api.exception_handler(DomainError)
    async def domain_error(_request: Request, exc: DomainError) -> JSONResponse:
        return JSONResponse({"error": {"code": exc.code, "message": exc.message}}, status_code=exc.status)

    api.include_router(catalog_routes.router)

    @api.get("/api/health", tags=["health"])
    async def get_health() -> JSONResponse:
        report = await health.check_all()
        return JSONResponse(report, status_code=200 if report["status"] != "unhealthy" else 503)

    @api.get("/preview/{token}", include_in_schema=False)
    async def preview_root(token: str) -> Response:
        return RedirectResponse(f"/preview/{token}/", status_code=307)

    @api.get("/preview/{token}/{path:path}", include_in_schema=False)
    async def preview_file(token: str, path: str) -> Response:
        version_id = preview_links.verify(token)
        if version_id is None:
            return Response("This preview link has expired. Reload the workspace.", status_code=404,
                            media_type="text/plain", headers=SANDBOX_HEADERS)
        files = await run_in_threadpool(_version_files, version_id)
        if files is None:
            return Response("Not found", status_code=404, media_type="text/plain", headers=SANDBOX_HEADERS)
        return site_file_response(files, path)

    return api


def _version_files(version_id: str) -> dict[str, str] | None:
    with session_scope() as session:
        version = session.get(ProjectVersion, version_id)
        return dict(version.files) if version else None
