"""Signed links for the browser, which sends no bearer header: a version's files in the
workspace's sandboxed preview frame, and its zip."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from autowebiq_app.api.site_files import plain_404, site_file_response, zip_response
from autowebiq_app.core.db import session_scope
from autowebiq_app.services import versions

router = APIRouter(include_in_schema=False)
GONE = "This {what} link has expired, or its version is gone. Reload the workspace."


@router.api_route("/preview/{token}", methods=["GET", "HEAD"])
async def preview_root(token: str) -> Response:
    return RedirectResponse(f"/preview/{token}/", status_code=307)


@router.api_route("/preview/{token}/{path:path}", methods=["GET", "HEAD"])
async def preview_file(token: str, path: str) -> Response:
    files = await run_in_threadpool(_read, versions.linked_files, token)
    return site_file_response(files, path) if files is not None else plain_404(GONE.format(what="preview"))


@router.get("/download/{token}.zip")
async def download_version(token: str) -> Response:
    """A signed link to one version's zip."""
    archive = await run_in_threadpool(_read, versions.linked_zip, token)
    return zip_response(*archive) if archive is not None else plain_404(GONE.format(what="download"))


def _read(read, token: str):
    with session_scope() as session:
        return read(session=session, token=token)
