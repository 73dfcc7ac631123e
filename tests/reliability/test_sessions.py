"""Signing out through the API: this session, every session, and a password change."""

from __future__ import annotations


def _login(api, email: str, password: str):
    return api.post("/api/auth/login", json={"email": email, "password": password})


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_logout_revokes_this_token_and_logout_all_every_token(api, make_user):
    user, first = make_user(password="session-pass-1")
    second = _login(api, user.email, "session-pass-1").json()["access_token"]

    assert api.post("/api/auth/logout", headers=_bearer(first)).status_code == 204
    assert api.get("/api/v2/user/me", headers=_bearer(first)).status_code == 401
    assert api.get("/api/v2/user/me", headers=_bearer(second)).status_code == 200

    third = _login(api, user.email, "session-pass-1").json()["access_token"]
    assert api.post("/api/auth/logout-all", headers=_bearer(third)).status_code == 204
    for token in (second, third):
        assert api.get("/api/v2/user/me", headers=_bearer(token)).status_code == 401


def test_a_password_change_signs_out_everywhere_and_returns_a_new_token(api, make_user):
    user, old_token = make_user(password="old-password-1")
    url = "/api/v2/user/password"
    wrong = api.post(
        url, json={"current_password": "nope-nope-1", "new_password": "new-password-1"}, headers=_bearer(old_token)
    )
    assert wrong.status_code == 401
    weak = api.post(
        url, json={"current_password": "old-password-1", "new_password": "password1"}, headers=_bearer(old_token)
    )
    assert weak.status_code == 422 and weak.json()["error"]["code"] == "weak_password"

    changed = api.post(
        url, json={"current_password": "old-password-1", "new_password": "new-password-1"}, headers=_bearer(old_token)
    )
    assert changed.status_code == 200, changed.text
    assert api.get("/api/v2/user/me", headers=_bearer(old_token)).status_code == 401
    assert api.get("/api/v2/user/me", headers=_bearer(changed.json()["access_token"])).status_code == 200
    assert _login(api, user.email, "old-password-1").status_code == 401
    assert _login(api, user.email, "new-password-1").status_code == 200
