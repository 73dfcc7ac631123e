"""The API's interactive docs load from the app itself: no request leaves it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_the_api_docs_render_with_no_request_off_the_app(app_url, browser_page):
    page = browser_page
    elsewhere: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(app_url) else elsewhere.append(request.url))
    page.goto(app_url + "/api/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("AutoWebIQ API", timeout=30_000)
    expect(page.locator(".opblock").first).to_be_visible()
    assert elsewhere == []
