"""The API served in process: FastAPI's TestClient against the API factory, on the real
PostgreSQL and Redis, and for builds a real worker process. Faster than the running-app tier
(`tests/api/test_*.py`), which keeps what crosses the real process boundary: the server's
handling of bodies, the published sites' own origin, health with live processes, a worker
stopped under a build."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from autowebiq_app.api.app import create_api
from tests.api.conftest import signed_up_clients
from tests.helpers import dramatiq_worker, wait_for
from tests.reliability.workers import live_worker_pids


@pytest.fixture(scope="package")
def api_app():
    return create_api()


@pytest.fixture
def anonymous(api_app):
    with TestClient(api_app, base_url="http://testserver") as client:
        yield client


@pytest.fixture
def make_client(api_app):
    yield from signed_up_clients(lambda: TestClient(api_app, base_url="http://testserver"))


@pytest.fixture
def client(make_client):
    return make_client()


@pytest.fixture(scope="module")
def build_worker(tmp_path_factory):
    """A real worker process for the module's builds (the API only queues them)."""
    with dramatiq_worker(log_path=tmp_path_factory.mktemp("worker") / "worker.log") as worker:
        wait_for(live_worker_pids, timeout=120, interval=0.5, what="a live build worker")
        yield worker
