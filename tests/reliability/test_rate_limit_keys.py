"""Rate limits key on who is really calling: the user, else the IP and the target account."""

from __future__ import annotations

import asyncio
import secrets

import pytest

from autowebiq_app.core.db import session_scope
from autowebiq_app.services import accounts, sign_in
from tests.helpers import wait_for

LIMIT = 20
# The window is a clock minute: 2 x LIMIT + a few requests cross the limit even if one
# window ends in the middle.
ENOUGH = 2 * LIMIT + 5


@pytest.fixture
def low_limits(settings_override):
    settings_override(
        API_REQUESTS_PER_MINUTE=str(LIMIT), SIGN_INS_PER_IP_PER_MINUTE="100000", SIGNUPS_PER_IP_PER_HOUR="3"
    )


def test_a_random_bearer_per_request_does_not_escape_the_limit(low_limits, api):
    statuses = [
        api.get("/api/v2/user/me", headers={"Authorization": f"Bearer {secrets.token_urlsafe(16)}"}).status_code
        for _ in range(ENOUGH)
    ]
    assert 429 in statuses and set(statuses) == {401, 429}


def test_one_user_with_several_tokens_shares_one_limit(low_limits, api, make_user):
    user, _ = make_user(password="several-tokens-1")
    tokens = []
    for _ in range(3):
        with session_scope() as session:
            tokens.append(accounts.authenticate(session=session, email=user.email, password="several-tokens-1")[1])
    statuses = [
        api.get("/api/v2/user/credits", headers={"Authorization": f"Bearer {tokens[n % 3]}"}).status_code
        for n in range(ENOUGH)
    ]
    assert 429 in statuses and statuses.count(200) <= 2 * LIMIT


def test_failed_sign_ins_back_off_the_account_even_for_the_right_password(low_limits, api, make_user):
    user, _ = make_user(password="right-password-1")
    for _ in range(sign_in.throttle.FAILURES_BEFORE_BACKOFF):
        wrong = api.post("/api/auth/login", json={"email": user.email, "password": "wrong-password-1"})
        assert wrong.status_code == 401
    locked = api.post("/api/auth/login", json={"email": user.email, "password": "right-password-1"})
    assert locked.status_code == 429 and int(locked.headers["retry-after"]) >= 1, locked.text
    # The back-off ends (1 s after the fifth failure) and the right password works again.
    wait_for(
        lambda: (
            api.post("/api/auth/login", json={"email": user.email, "password": "right-password-1"}).status_code == 200
        ),
        timeout=10,
        interval=0.5,
        what="the back-off to end",
    )


def test_sign_ups_are_limited_per_ip(low_limits, api):
    statuses = [
        api.post("/api/auth/register", json={"email": f"farm{n}@example.com", "password": "free-credits-1"}).status_code
        for n in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]


def _submit(mode: str, form: dict) -> str:
    """The UI's sign-in form: AuthState.submit on a state of its own; returns its error."""
    from state.auth import AuthState

    state = AuthState(_reflex_internal_init=True)
    state.mode = mode
    asyncio.run(AuthState.submit.fn(state, form))
    return state.error


def test_the_ui_sign_in_and_sign_up_go_through_the_same_limits(low_limits, make_user):
    user, _ = make_user(password="right-password-1")
    for _ in range(sign_in.throttle.FAILURES_BEFORE_BACKOFF):
        assert _submit("signin", {"email": user.email, "password": "nope-nope-1"}) == accounts.WRONG_CREDENTIALS
    refused = _submit("signin", {"email": user.email, "password": "right-password-1"})
    assert "Too many failed sign-ins" in refused

    errors = [_submit("signup", {"email": f"ui{n}@example.com", "password": "ui-password-1"}) for n in range(4)]
    assert errors[:3] == ["", "", ""] and "Too many" in errors[3]
