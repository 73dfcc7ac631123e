"""Browser tests of model choice: one app and worker configured with two models, planned by
the fake OpenAI server (its own folder, so its app never rebuilds under the plain one's)."""

from __future__ import annotations

import os

import pytest

from autowebiq_app.core.config import get_settings
from tests.engine.test_providers import model_plan
from tests.fakes.openai_server import FakeOpenAI
from tests.helpers import start_app


@pytest.fixture(scope="package")
def model_server():
    with FakeOpenAI(default=lambda body: model_plan()) as server:
        yield server


@pytest.fixture(scope="package")
def running_app(tmp_path_factory, model_server):
    # The worker takes the test process's environment, the web process these too.
    env = {
        "LLM_PROVIDER": "openai",
        "LLM_BASE_URL": model_server.base_url,
        "LLM_MODEL": "fake-model",
        "LLM_MODELS": "fake-model,second-model",
        "LLM_SPEC_MAX_TOKENS": "0",
    }
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    get_settings.cache_clear()
    try:
        with start_app(tmp_path_factory.mktemp("app-logs")) as app:
            yield app
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        get_settings.cache_clear()


@pytest.fixture(scope="package")
def app_url(running_app) -> str:
    return running_app.url
