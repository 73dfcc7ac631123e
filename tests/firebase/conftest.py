"""The app started with Firebase sign-in pointed at the real Auth emulator."""

from __future__ import annotations

import pytest

from tests.firebase.emulator import PROJECT, running_emulator
from tests.helpers import start_app


@pytest.fixture(scope="package")
def firebase_emulator(tmp_path_factory):
    with running_emulator(tmp_path_factory.mktemp("firebase")) as host:
        yield host


@pytest.fixture(scope="package")
def firebase_app_url(firebase_emulator, tmp_path_factory):
    overrides = {"FIREBASE_PROJECT_ID": PROJECT, "FIREBASE_AUTH_EMULATOR_HOST": firebase_emulator}
    with start_app(tmp_path_factory.mktemp("app-logs"), **overrides) as app:
        yield app.url
