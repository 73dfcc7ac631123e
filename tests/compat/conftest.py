"""The original AutoWebIQ's contract, checked against one running app (Reflex prod + a worker)."""

from __future__ import annotations

import httpx
import pytest

from tests.helpers import package_app_fixtures

running_app, app_url = package_app_fixtures()


@pytest.fixture
def http(app_url):
    """An HTTP client with no account, as the original's clients start."""
    with httpx.Client(base_url=app_url, timeout=30) as client:
        yield client
