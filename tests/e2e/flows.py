"""Steps a person takes in the UI, shared by the browser tests."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import Page, expect

SITE_BRAND = "header [class$='__brand']"
"""The business name in a generated site's navigation."""
BUILD_COMPLETE = re.compile(r"^✅ Build complete! \d+\.\d s$")
"""The workspace's status line once a build is done, with its build time."""


def sign_up(page: Page, base: str, *, name: str = "Ada") -> str:
    email = f"{name.lower()}-{uuid.uuid4().hex[:8]}@example.com"
    page.goto(f"{base}/auth")
    page.get_by_role("radio", name="Create account").click()
    page.fill("#display_name", name)
    page.fill("#email", email)
    page.fill("#password", "analytical 1843")
    page.click("#auth-submit")
    page.wait_for_url(re.compile(r"/dashboard/?$"), timeout=30_000)
    return email


def create_project(page: Page, name: str) -> str:
    page.fill("#project-name", name)
    page.click("#create-project")
    page.wait_for_url(re.compile(r"/workspace/[0-9a-f]{32}/?$"), timeout=30_000)
    return page.url


def build(page: Page, prompt: str) -> None:
    """Send a prompt and wait for this build's answer (the prompt and the reply join the chat)."""
    messages = page.locator(".chat-message")
    before = messages.count()
    page.fill("#prompt", prompt)
    page.click("#build-button")
    expect(messages).to_have_count(before + 2, timeout=90_000)
    expect(page.locator("#build-status")).to_have_text(BUILD_COMPLETE, timeout=30_000)
