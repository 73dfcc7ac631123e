"""The API's interactive docs at /api/docs, with Swagger UI served from this app (no CDN).

Swagger UI's files come from the `fastapi-swagger` package (a Swagger UI 5 distribution, which
reads the OpenAPI 3.1 that FastAPI writes); only its files are used."""

from __future__ import annotations

from pathlib import Path

import fastapi_swagger.resources
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_URL = "/api/docs"
ASSETS_URL = "/api/docs-assets"
ASSETS = Path(fastapi_swagger.resources.__file__).parent


def install_docs(api: FastAPI, *, openapi_url: str) -> None:
    """Serve Swagger UI's files and the page that uses them."""
    api.mount(ASSETS_URL, StaticFiles(directory=ASSETS), name="docs-assets")

    @api.get(DOCS_URL, include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{api.title} | docs",
            swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS_URL}/favicon-32x32.png",
        )
