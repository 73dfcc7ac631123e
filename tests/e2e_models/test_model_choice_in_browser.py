"""A person picks the project's model in the workspace, builds, and sees the tokens the
model used with the build, in the versions and beside their credits."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.flows import build, create_project, sign_up

pytestmark = pytest.mark.browser

TOKENS_OF_SECOND_MODEL = re.compile(r"[1-9][\d,]* tokens \(second-model\)")


def test_choose_a_model_build_and_see_its_tokens(app_url, model_server, browser_page):
    page = browser_page
    sign_up(page, app_url)
    create_project(page, "Crumb")
    choice = page.get_by_role("combobox", name="Model")
    expect(choice).to_have_text("fake-model", timeout=30_000)
    choice.click()
    page.get_by_role("option", name="second-model").click()
    expect(choice).to_have_text("second-model")

    build(page, "A bakery called Crumb & Co in York")
    assert model_server.requests[-1]["model"] == "second-model"
    expect(page.locator("#build-usage")).to_have_text(TOKENS_OF_SECOND_MODEL, timeout=15_000)
    # What the model wrote was shown as it arrived, whole (not as lines in the feed).
    expect(page.locator("#model-text")).to_contain_text('"headline"')
    expect(page.locator("#build-feed")).not_to_contain_text('"headline"')
    expect(page.locator("#tokens-used")).to_have_text(re.compile(r"^[1-9][\d,]* tokens$"), timeout=15_000)
    # Tokens are shown, never charged: the build cost its fixed 10 credits.
    expect(page.locator("#credit-balance")).to_have_text("90")
    page.get_by_role("tab", name="Versions").click()
    expect(page.locator(".version-row .version-tokens")).to_have_text(TOKENS_OF_SECOND_MODEL)

    page.reload()
    expect(choice).to_have_text("second-model", timeout=30_000)
    expect(page.locator("#build-usage")).to_have_text(TOKENS_OF_SECOND_MODEL, timeout=30_000)
