"""The app with two Reflex backend processes behind its one port (WEB_PROCESSES=2), the
browsers' state in Redis."""

from __future__ import annotations

import pytest

from tests.helpers import start_app


@pytest.fixture(scope="package")
def two_process_app(tmp_path_factory):
    with start_app(tmp_path_factory.mktemp("app-logs"), WEB_PROCESSES="2") as app:
        yield app
