"""Models and tokens over HTTP (the API served in process, real PostgreSQL and Redis): the
models offered, a project's model on create and PATCH in both APIs, a build's tokens in its
status, and the user's token totals beside their credits."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient

from autowebiq_app.services import builds, usage
from tests.helpers import api_error


@pytest.fixture
def api():
    from autowebiq_app.api.app import create_api

    with TestClient(create_api(), base_url="http://testserver") as client:
        yield client


@pytest.fixture
def user(api):
    """A fresh account: its bearer headers and id."""
    email = f"models-{uuid.uuid4().hex[:10]}@example.com"
    response = api.post("/api/auth/register", json={"email": email, "password": "model-pass-1"})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}, response.json()["user"]["id"]


@pytest.fixture
def offered(settings_override):
    settings_override(LLM_PROVIDER="openai", LLM_MODELS="gpt-4o-mini,claude-sonnet")


def test_the_models_offered_and_the_default_are_listed(api, user, offered):
    headers, _ = user
    assert api.get("/api/v2/models", headers=headers).json() == {
        "models": ["gpt-4o-mini", "claude-sonnet"],
        "default": "gpt-4o-mini",
    }


def test_without_a_configured_model_none_is_offered(api, user, settings_override):
    settings_override(LLM_PROVIDER="offline")
    headers, _ = user
    assert api.get("/api/v2/models", headers=headers).json() == {"models": [], "default": None}


def test_a_project_is_created_on_an_offered_model_and_can_change_it(api, user, offered):
    headers, _ = user
    created = api.post("/api/v2/projects", json={"name": "Aurum", "model": "claude-sonnet"}, headers=headers)
    assert created.status_code == 200, created.text
    project = created.json()
    assert project["model"] == "claude-sonnet"
    assert api.get(f"/api/v2/projects/{project['id']}", headers=headers).json()["model"] == "claude-sonnet"

    changed = api.patch(f"/api/v2/projects/{project['id']}", json={"model": "gpt-4o-mini"}, headers=headers)
    assert changed.status_code == 200 and changed.json()["model"] == "gpt-4o-mini"
    assert changed.json()["name"] == "Aurum"
    message = api_error(
        api.patch(f"/api/v2/projects/{project['id']}", json={"model": "gpt-3"}, headers=headers),
        422,
        "unknown_model",
    )
    assert "gpt-4o-mini, claude-sonnet" in message
    reset = api.patch(f"/api/v2/projects/{project['id']}", json={"model": None, "name": "Aurum Gold"}, headers=headers)
    assert reset.json()["model"] is None and reset.json()["name"] == "Aurum Gold"


def test_a_model_not_offered_is_refused_by_both_creates_and_nothing_is_written(api, user, offered):
    headers, _ = user
    for path in ("/api/v2/projects", "/api/projects/create"):
        message = api_error(
            api.post(path, json={"name": "Aurum", "model": "gpt-3"}, headers=headers), 422, "unknown_model"
        )
        assert message == "The model 'gpt-3' is not offered here. Choose one of: gpt-4o-mini, claude-sonnet."
    assert api.get("/api/v2/projects", headers=headers).json()["total"] == 0
    assert api.get("/api/projects", headers=headers).json() == {"projects": []}


def test_the_original_clients_model_is_accepted_and_ignored_without_a_configured_model(api, user, settings_override):
    settings_override(LLM_PROVIDER="offline")
    headers, _ = user
    created = api.post("/api/projects/create", json={"name": "Legacy", "model": "gpt-4o"}, headers=headers)
    assert created.status_code == 200, created.text
    assert created.json()["model"] is None


def test_a_builds_status_shows_its_tokens_and_the_credits_show_the_users_totals(api, user, session):
    headers, user_id = user
    project = api.post("/api/v2/projects", json={"name": "Crumb"}, headers=headers).json()
    build = builds.start_build(
        session=session, user_id=user_id, project_id=project["id"], prompt="A bakery", enqueue=lambda b: "sent"
    )
    assert build.task_id == build.id  # the task id clients poll is known before the job is sent
    status_url = f"/api/v2/projects/{project['id']}/build/status/{build.task_id}"
    assert api.get(status_url, headers=headers).json()["usage"] is None
    used = {"prompt_tokens": 1200, "completion_tokens": 34, "total_tokens": 1234, "requests": 2, "model": "gpt-4o"}
    usage.record(session=session, build_id=build.id, used=used)

    assert api.get(status_url, headers=headers).json()["usage"] == {
        "prompt_tokens": 1200,
        "completion_tokens": 34,
        "total_tokens": 1234,
        "model": "gpt-4o",
    }
    assert api.get(f"/api/v2/projects/{project['id']}", headers=headers).json()["latest_build"]["usage"] == {
        "prompt_tokens": 1200,
        "completion_tokens": 34,
        "total_tokens": 1234,
        "model": "gpt-4o",
    }
    assert api.get("/api/v2/user/credits", headers=headers).json() == {
        "balance": 90,
        "credits": 90,
        "user_id": user_id,
        "build_cost": 10,
        "tokens": {
            "prompt_tokens": 1200,
            "completion_tokens": 34,
            "total_tokens": 1234,
            "builds": 1,
            "by_model": [
                {"model": "gpt-4o", "prompt_tokens": 1200, "completion_tokens": 34, "total_tokens": 1234, "builds": 1}
            ],
        },
    }


def test_the_openapi_spec_documents_models_and_tokens(api):
    spec = api.get("/api/openapi.json").json()
    assert "get" in spec["paths"]["/api/v2/models"]
    assert "patch" in spec["paths"]["/api/v2/projects/{project_id}"]
    schemas = spec["components"]["schemas"]
    assert "model" in schemas["ProjectCreate"]["properties"] and "model" in schemas["ProjectOut"]["properties"]
    assert "usage" in schemas["BuildStatusOut"]["properties"]
    assert "tokens" in schemas["CreditsOut"]["properties"]
