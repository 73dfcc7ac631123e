"""axe-core on the app's own pages, at desktop and phone widths: no serious or critical violations."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from autowebiq_app.engine.browser import AXE_JS
from tests.e2e.flows import build, create_project, sign_up

pytestmark = pytest.mark.browser

SERIOUS = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .filter(v => v.impact === 'serious' || v.impact === 'critical')
  .map(v => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')})`)"""


def _axe(page, name: str) -> list[str]:
    page.add_script_tag(content=AXE_JS.read_text())
    return [f"{name}: {problem}" for problem in page.evaluate(SERIOUS)]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_apps_pages_have_no_serious_accessibility_violations(app_url, browser_page, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    found: list[str] = []
    page.goto(app_url + "/")
    expect(page.locator("#landing-prompt")).to_be_visible(timeout=30_000)
    found += _axe(page, "landing")
    page.goto(app_url + "/auth")
    expect(page.locator("#auth-submit")).to_be_visible(timeout=30_000)
    found += _axe(page, "auth")
    sign_up(page, app_url)
    found += _axe(page, "dashboard")
    create_project(page, "Axe")
    build(page, "A neighbourhood bakery called Crumb & Co in York")
    found += _axe(page, "workspace")
    page.goto(app_url + "/credits")
    expect(page.locator("#credits-balance-stat")).to_have_text("90", timeout=30_000)
    found += _axe(page, "credits")
    page.goto(app_url + "/no-such-page")
    expect(page.get_by_role("heading", name="This page does not exist")).to_be_visible(timeout=30_000)
    found += _axe(page, "404")
    assert found == [], "\n".join(found)
