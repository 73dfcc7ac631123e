"""Live previews of catalog templates and components, served sandboxed like generated sites."""

from __future__ import annotations

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from autowebiq_app.api.site_files import SANDBOX_HEADERS, plain_404
from autowebiq_app.catalog.samples import render_component_sample, render_template_sample
from autowebiq_app.catalog.service import as_component, get_catalog
from autowebiq_app.errors import NotFound
from autowebiq_app.services.project_templates import load_template

router = APIRouter(prefix="/catalog", include_in_schema=False)


def _html(markup: str) -> Response:
    return Response(markup, media_type="text/html; charset=utf-8", headers=SANDBOX_HEADERS)


def _not_found() -> Response:
    return plain_404()


@router.get("/templates/{slug}/preview")
async def template_preview(slug: str, variant: str = Query("light", pattern="^(light|dark)$")) -> Response:
    def render() -> str | None:
        try:
            template, components = load_template(get_catalog(), slug)
        except NotFound:
            return None
        return render_template_sample(template, components, variant=variant).html

    markup = await run_in_threadpool(render)
    return _html(markup) if markup else _not_found()


@router.get("/components/{slug}/preview")
async def component_preview(slug: str) -> Response:
    def render() -> str | None:
        document = get_catalog().component(slug)
        return render_component_sample(as_component(document)).html if document else None

    markup = await run_in_threadpool(render)
    return _html(markup) if markup else _not_found()
