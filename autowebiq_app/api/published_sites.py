"""Published sites for their visitors, and what their forms send to the owner.

With SITES_URL each site has an origin of its own (`{slug}.<sites host>`), served by the
small app below (`autowebiq run` starts it on its own port): forms, storage and cookies work
as on any website, and nothing of the builder's origin is within its reach. Without it, the
builder serves sites at `/sites/{slug}/` in a sandbox (an opaque origin: forms work, storage
does not) and its `/sites/{slug}` address redirects to the site's own origin once there is one.

Either way, published pages get `site_forms.js`, which posts what the site's marked forms
send (`services.site_submissions`) to `…/_aw/submit` beside it.
"""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response

from autowebiq_app.api.auth import client_ip
from autowebiq_app.api.site_files import SANDBOX_HEADERS, plain_404, site_file_response
from autowebiq_app.core.db import session_scope
from autowebiq_app.errors import DomainError
from autowebiq_app.services import publishing, site_submissions

FORMS_SCRIPT = (Path(__file__).with_name("site_forms.js")).read_text()
SCRIPT_PATH = "_aw/forms.js"
SUBMIT_PATH = "_aw/submit"
OWN_ORIGIN_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cache-Control": "public, max-age=60",
}
_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)


def with_forms_script(html: str, prefix: str) -> str:
    """The page with the delivery script before its last `</body>` (or at its end)."""
    tag = f'<script src="{prefix}/{SCRIPT_PATH}" data-submit="{prefix}/{SUBMIT_PATH}" defer></script>'
    ends = list(_BODY_END.finditer(html))
    if not ends:
        return html + tag
    at = ends[-1].start()
    return html[:at] + tag + html[at:]


async def site_page(slug: str, path: str, *, own_origin: bool) -> Response:
    """A published site's file (HTML with the delivery script), its delivery script, or a 404."""
    headers = OWN_ORIGIN_HEADERS if own_origin else {**SANDBOX_HEADERS, "Cache-Control": "public, max-age=60"}
    if path == SCRIPT_PATH:
        return Response(FORMS_SCRIPT, media_type="text/javascript; charset=utf-8", headers=headers)
    files = await run_in_threadpool(_published_files, slug)
    if files is None:
        return _not_published(headers)
    response = site_file_response(files, path, headers=headers)
    if response.media_type and response.media_type.startswith("text/html") and response.status_code == 200:
        prefix = "" if own_origin else f"/sites/{slug}"
        html = with_forms_script(response.body.decode(), prefix)
        return Response(html, media_type=response.media_type, headers=headers)
    return response


async def receive_submission(slug: str, request: Request) -> JSONResponse:
    """Keep what a site's form sent; the answer is the same whether it was kept or trapped as spam.
    Any origin may post (a sandboxed page's origin is opaque), without credentials."""
    body = await request.body()
    cors = {"Access-Control-Allow-Origin": "*"}
    try:
        await run_in_threadpool(_receive, slug, body, client_ip(request))
    except DomainError as exc:
        headers = {**cors, "Retry-After": str(exc.retry_after)} if exc.retry_after else cors
        return JSONResponse(
            {"ok": False, "error": {"code": exc.code, "message": exc.message}}, status_code=exc.status, headers=headers
        )
    return JSONResponse({"ok": True}, headers=cors)


def _receive(slug: str, body: bytes, ip: str) -> bool:
    with session_scope() as session:
        return site_submissions.receive(session=session, slug=slug, body=body, client_ip=ip)


def _published_files(slug: str) -> dict[str, str] | None:
    with session_scope() as session:
        return publishing.published_files(session=session, slug=slug)


def _not_published(headers: dict[str, str]) -> Response:
    return plain_404("This site is not published.", headers=headers)


on_app = APIRouter(include_in_schema=False)
"""The builder's `/sites/{slug}/…`: the sandboxed site, or a redirect to its own origin."""


@on_app.api_route("/sites/{slug}", methods=["GET", "HEAD"])
async def site_root(slug: str) -> Response:
    return RedirectResponse(publishing.site_url(slug), status_code=307)


@on_app.post(f"/sites/{{slug}}/{SUBMIT_PATH}")
async def submit_on_app(slug: str, request: Request) -> JSONResponse:
    return await receive_submission(slug, request)


@on_app.api_route("/sites/{slug}/{path:path}", methods=["GET", "HEAD"])
async def published_file(slug: str, path: str, request: Request) -> Response:
    if publishing.sites_have_own_origins():
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(publishing.site_url(slug) + path + query, status_code=307)
    return await site_page(slug, path, own_origin=False)


def create_sites_app() -> FastAPI:
    """The app behind SITES_URL: every published site on its own host name."""
    sites = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)

    @sites.post(f"/{SUBMIT_PATH}", include_in_schema=False)
    async def submit(request: Request) -> JSONResponse:
        slug = publishing.slug_of_host(request.headers.get("host", ""))
        if slug is None:
            return JSONResponse({"ok": False, "error": {"code": "not_found", "message": "No site here."}}, 404)
        return await receive_submission(slug, request)

    @sites.api_route("/{path:path}", methods=["GET", "HEAD"], include_in_schema=False)
    async def page(path: str, request: Request) -> Response:
        slug = publishing.slug_of_host(request.headers.get("host", ""))
        if slug is None:
            return _not_published(OWN_ORIGIN_HEADERS)
        return await site_page(slug, path, own_origin=True)

    return sites


app = create_sites_app()
"""For `uvicorn autowebiq_app.api.published_sites:app` (`autowebiq run` starts it)."""
