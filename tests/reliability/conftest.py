"""Reliability tests: real Redis servers the test owns, the real API in process, real workers."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient

from tests.reliability.servers import RedisServer


def _forget_redis_clients() -> None:
    from autowebiq_app.catalog import service
    from autowebiq_app.core import redis_client

    redis_client.get_redis.cache_clear()
    redis_client.get_blocking_redis.cache_clear()
    redis_client.reset_outage()
    service.get_catalog.cache_clear()


@pytest.fixture
def private_redis(tmp_path, settings_override):
    """A redis-server of this test's own (cache and streams on db 0, the broker on db 1)."""
    server = RedisServer(tmp_path).start()
    settings_override(REDIS_URL=server.url(0))
    _forget_redis_clients()
    try:
        yield server
    finally:
        server.stop()
        _forget_redis_clients()


@pytest.fixture
def api():
    """The real API (FastAPI app of the web process), served in process."""
    from autowebiq_app.api.app import create_api

    with TestClient(create_api(), base_url="http://testserver") as client:
        yield client


@pytest.fixture
def sign_up(api):
    """Register a fresh account; returns its bearer headers."""

    def make() -> dict[str, str]:
        email = f"rel-{uuid.uuid4().hex[:10]}@example.com"
        response = api.post("/api/auth/register", json={"email": email, "password": "reliable-pass-1"})
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    return make
