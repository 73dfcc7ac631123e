"""Signed links for the browser, which sends no bearer header: a version's files in the
workspace's sandboxed preview frame, and its zip."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from autowebiq_app.api.site_files import plain_404, site_file_response, zip_response
from autowebiq_app.core.db import session_scope
from autowebiq_app.services import preview_links, versions

router = APIRouter(include_in_schema=False)
EXPIRED = "This {what} link has expired. Reload the workspace."


@router.api_route("/preview/{token}", methods=["GET", "HEAD"])
async def preview_root(token: str) -> Response:
    return RedirectResponse(f"/preview/{token}/", status_code=307)


@router.api_route("/preview/{token}/{path:path}", methods=["GET", "HEAD"])
async def preview_file(token: str, path: str) -> Response:
    version_id = preview_links.verify(token)
    if version_id is None:
        return plain_404(EXPIRED.format(what="preview"))
    files = await run_in_threadpool(_files, version_id)
    return site_file_response(files, path) if files is not None else plain_404()


@router.get("/download/{token}.zip")
async def download_version(token: str) -> Response:
    """A signed link to one version's zip."""
    version_id = preview_links.verify(token)
    archive = await run_in_threadpool(_zip, version_id) if version_id else None
    if archive is None:
        return plain_404(EXPIRED.format(what="download"))
    return zip_response(*archive)


def _files(version_id: str) -> dict[str, str] | None:
    with session_scope() as session:
        return versions.files_by_id(session=session, version_id=version_id)


def _zip(version_id: str) -> tuple[str, bytes] | None:
    with session_scope() as session:
        return versions.zip_by_id(session=session, version_id=version_id)
