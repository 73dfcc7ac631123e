"""Firebase sign-in on the sign-in page, end to end: the Firebase JS SDK (bundled from npm)
signs in an existing Firebase account through the real Auth emulator, the server verifies
the ID token with firebase-admin, and the account lands on its dashboard with its starting
credits. Google's popup needs Google's servers, which this machine cannot reach: it must
say so instead of hanging."""

from __future__ import annotations

import json
import re
import urllib.request
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from autowebiq_app.core.db import session_scope
from autowebiq_app.models import User
from autowebiq_app.services import credits

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).parent.parent / "e2e" / "screenshots"
PASSWORD = "firebase-secret-1"


def _firebase_account(emulator: str) -> str:
    """An account that exists in Firebase (as the original AutoWebIQ's users do)."""
    email = f"fb-{uuid.uuid4().hex[:8]}@example.com"
    request = urllib.request.Request(
        f"http://{emulator}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=emulator",
        data=json.dumps({"email": email, "password": PASSWORD, "returnSecureToken": True}).encode(),
        headers={"content-type": "application/json"},
    )
    urllib.request.urlopen(request, timeout=10).read()
    return email


@pytest.mark.parametrize("width", [1280, 390])
def test_a_firebase_account_signs_in_and_gets_an_account_here(firebase_app_url, firebase_emulator, browser_page, width):
    email = _firebase_account(firebase_emulator)
    page = browser_page
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(f"{firebase_app_url}/auth")
    expect(page.locator("#firebase-google")).to_have_text("Continue with Google", timeout=30_000)
    page.locator("#firebase-password-open").click()
    page.fill("#firebase-email", email)
    page.fill("#firebase-password", "not the password")
    page.locator("#firebase-password-submit").click()
    expect(page.get_by_text("Firebase did not recognise that email and password.")).to_be_visible(timeout=15_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(SCREENSHOTS / f"sign-in-firebase-{width}.png"), full_page=True)

    page.fill("#firebase-password", PASSWORD)
    page.locator("#firebase-password-submit").click()
    page.wait_for_url(re.compile(r"/dashboard/?$"), timeout=30_000)
    with session_scope() as session:
        user = session.exec(select(User).where(User.email == email)).one()
        assert user.firebase_uid and user.password_hash in (None, "")
        assert credits.balance(session=session, user_id=user.id) == 100


def test_google_sign_in_without_googles_servers_says_so(firebase_app_url, browser_page):
    page = browser_page
    page.goto(f"{firebase_app_url}/auth")
    page.locator("#firebase-google").click(timeout=30_000)
    expect(page.get_by_text(re.compile("Google's sign-in could not be reached"))).to_be_visible(timeout=30_000)
    assert re.search(r"/auth/?$", page.url)
