"""API tests share one running app; an HTTP client per test user."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.helpers import package_app_fixtures


def signed_up(client: httpx.Client, password: str = "api-password-1") -> httpx.Client:
    """`client` once it has registered a fresh account: its bearer token set, and the
    account's `email` and `user_id` on it."""
    email = f"api-{uuid.uuid4().hex[:10]}@example.com"
    response = client.post("/api/auth/register", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    client.headers["Authorization"] = f"Bearer {response.json()['access_token']}"
    client.email = email  # type: ignore[attr-defined]
    client.user_id = response.json()["user"]["id"]  # type: ignore[attr-defined]
    return client


@pytest.fixture
def anonymous(app_url):
    with httpx.Client(base_url=app_url, timeout=30) as client:
        yield client


@pytest.fixture
def make_client(app_url):
    clients: list[httpx.Client] = []

    def make(password: str = "api-password-1") -> httpx.Client:
        client = httpx.Client(base_url=app_url, timeout=30)
        clients.append(client)
        return signed_up(client, password)

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def client(make_client):
    return make_client()


running_app, app_url = package_app_fixtures()
