"""Accounts, error bodies and health as the original AutoWebIQ's clients read them."""

from __future__ import annotations

import pytest

from tests.compat.original_client import PASSWORD, bearer, is_iso, register, signed_in

pytestmark = pytest.mark.worker


def test_register_takes_a_username_and_answers_200_with_the_originals_user(http):
    body = register(http, username="Ada Lovelace")
    assert body["token_type"] == "bearer" and body["access_token"]
    user = body["user"]
    assert {"id", "email", "username", "credits"} <= set(user)
    assert user["username"] == user["display_name"] == "Ada Lovelace" and user["credits"] == 100


def test_register_also_takes_name_and_the_projects_display_name(http):
    for field in ("name", "display_name"):
        email = f"{field}-{register(http)['user']['id'][:8]}@example.com"
        response = http.post("/api/auth/register", json={field: "Grace", "email": email, "password": PASSWORD})
        assert response.status_code == 200 and response.json()["user"]["username"] == "Grace", response.text


def test_login_and_me_answer_the_originals_user(http):
    registered, headers = signed_in(http, username="Ada")
    email = registered["user"]["email"]
    login = http.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    assert login.status_code == 200
    assert {k: login.json()["user"][k] for k in ("id", "email", "username", "credits")} == {
        "id": registered["user"]["id"],
        "email": email,
        "username": "Ada",
        "credits": 100,
    }
    me = http.get("/api/auth/me", headers=bearer(login.json()["access_token"]))
    assert me.status_code == 200 and me.json()["username"] == "Ada" and me.json()["email"] == email
    v2_me = http.get("/api/v2/user/me", headers=headers).json()
    assert v2_me["name"] == "Ada" and is_iso(v2_me["updated_at"]) and is_iso(v2_me["created_at"])


def test_a_duplicate_email_is_400_with_detail_and_changes_nothing(http):
    registered, headers = signed_in(http)
    again = http.post(
        "/api/auth/register", json={"username": "x", "email": registered["user"]["email"], "password": "other-pass-1"}
    )
    assert again.status_code == 400
    assert again.json()["detail"] == again.json()["error"]["message"] and again.json()["error"]["code"] == "email_taken"
    assert http.get("/api/credits/balance", headers=headers).json()["credits"] == 100


@pytest.mark.parametrize(
    "method, path, body, status",
    [
        ("get", "/api/auth/me", None, 401),
        ("post", "/api/auth/login", {"email": "nobody@example.com", "password": "wrong-pass-1"}, 401),
        ("post", "/api/auth/register", {"username": "x", "email": "bad", "password": PASSWORD}, 422),
        ("get", "/api/v2/nothing-here", None, 404),
        ("put", "/api/credits/balance", None, 405),
    ],
)
def test_every_error_body_carries_detail_beside_error(http, method, path, body, status):
    response = http.request(method, path, json=body)
    assert response.status_code == status, response.text
    payload = response.json()
    assert isinstance(payload["detail"], str) and payload["detail"] == payload["error"]["message"]


def test_balance_and_v2_credits_carry_the_originals_fields(http):
    registered, headers = signed_in(http)
    assert http.get("/api/credits/balance", headers=headers).json()["credits"] == 100
    credits = http.get("/api/v2/user/credits", headers=headers).json()
    assert credits["credits"] == credits["balance"] == 100 and credits["user_id"] == registered["user"]["id"]


def test_health_has_the_seeds_shape_and_the_projects_detail(http):
    response = http.get("/api/health")
    assert response.status_code == 200
    health = response.json()
    assert health["status"] == "healthy" and health["service"] == "autowebiq-backend" and is_iso(health["timestamp"])
    assert health["databases"] == {"mongodb": "connected", "postgresql": "connected"}
    assert health["services"]["redis"] == "connected"
    workers = health["services"]["dramatiq_workers"]
    assert workers >= 1 and health["services"]["celery"] in (f"{workers} workers active", "1 worker active")
    assert health["checks"] == {
        "postgresql": "healthy",
        "mongodb": "healthy",
        "redis": "healthy",
        "dramatiq": "healthy",
    }
