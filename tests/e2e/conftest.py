"""Browser tests share one running app (Reflex prod, single port) plus a real worker."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="package")
def running_app(tmp_path_factory):
    """One running app for this folder's modules (each app start compiles the frontend)."""
    from tests.helpers import start_app

    with start_app(tmp_path_factory.mktemp("app-logs")) as app:
        yield app


@pytest.fixture(scope="package")
def app_url(running_app) -> str:
    return running_app.url
