"""API tests share one running app; an HTTP client per test user."""

from __future__ import annotations

import time
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


def wait_for_build(client, project_id: str, task_id: str, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get(f"/api/v2/projects/{project_id}/build/status/{task_id}").json()
        if status["state"] in ("succeeded", "failed"):
            return status
        time.sleep(0.2)
    raise AssertionError("build did not finish")


def built_project(client, prompt: str = "A bakery called Crumb and Co") -> tuple[str, dict]:
    project = client.post("/api/v2/projects", json={"name": "Crumb"}).json()
    accepted = client.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": prompt})
    assert accepted.status_code == 200, accepted.text
    status = wait_for_build(client, project["id"], accepted.json()["task_id"])
    assert status["state"] == "succeeded", status
    return project["id"], status


@pytest.fixture
def anonymous(app_url):
    with httpx.Client(base_url=app_url, timeout=30) as client:
        yield client


def signed_up_clients(new_client):
    """For a `make_client` fixture: yields `make(password)`, a client from `new_client()` signed
    up to a fresh account; closes every client it made afterwards."""
    clients = []

    def make(password: str = "api-password-1"):
        client = new_client()
        clients.append(client)
        return signed_up(client, password)

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def make_client(app_url):
    yield from signed_up_clients(lambda: httpx.Client(base_url=app_url, timeout=30))


@pytest.fixture
def client(make_client):
    return make_client()


running_app, app_url = package_app_fixtures()
