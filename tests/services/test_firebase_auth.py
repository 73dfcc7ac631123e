"""Firebase sign-in against the real Firebase Auth emulator (firebase-tools)."""

from __future__ import annotations

import json
import urllib.request

import pytest
from sqlmodel import select

from autowebiq_app.core.config import get_settings
from autowebiq_app.errors import InvalidCredentials
from autowebiq_app.models import User
from autowebiq_app.services import accounts, credits, firebase_auth
from tests.firebase.emulator import PROJECT, running_emulator


def _post(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def emulator(tmp_path_factory):
    with running_emulator(tmp_path_factory.mktemp("firebase")) as host:
        yield host


@pytest.fixture
def firebase_configured(emulator, monkeypatch):
    import firebase_admin

    monkeypatch.setenv("FIREBASE_PROJECT_ID", PROJECT)
    monkeypatch.setenv("FIREBASE_AUTH_EMULATOR_HOST", emulator)
    get_settings.cache_clear()
    firebase_auth._firebase_app.cache_clear()
    yield emulator
    try:
        firebase_admin.delete_app(firebase_admin.get_app("autowebiq"))
    except ValueError:
        pass
    firebase_auth._firebase_app.cache_clear()
    monkeypatch.undo()
    get_settings.cache_clear()


def _id_token(emulator: str, email: str, password: str = "secret-123") -> str:
    base = f"http://{emulator}/identitytoolkit.googleapis.com/v1"
    return _post(f"{base}/accounts:signUp?key=fake", {"email": email, "password": password, "returnSecureToken": True})[
        "idToken"
    ]


def test_first_firebase_sign_in_creates_the_user_with_credits(session, firebase_configured):
    token = _id_token(firebase_configured, "fire@example.com")
    user, session_token = firebase_auth.sign_in(session=session, id_token=token)
    assert user.firebase_uid and user.email == "fire@example.com"
    assert credits.balance(session=session, user_id=user.id) == 100
    assert accounts.user_for_token(session=session, token=session_token).id == user.id

    again, _ = firebase_auth.sign_in(session=session, id_token=token)
    assert again.id == user.id
    assert len(session.exec(select(User)).all()) == 1
    assert credits.balance(session=session, user_id=user.id) == 100


def test_a_forged_token_is_refused(session, firebase_configured):
    with pytest.raises(InvalidCredentials):
        firebase_auth.sign_in(session=session, id_token="not.a.token")
    assert session.exec(select(User)).all() == []
