"""Builds on the project's model (LLM_PROVIDER=openai, the fake server) through the build
runner: the project's model plans; one no longer offered gives way to the default."""

from __future__ import annotations

import pytest

from autowebiq_app import events
from autowebiq_app.models import Build, BuildStatus
from autowebiq_app.services import build_runner, builds, projects
from tests.engine.test_providers import model_plan
from tests.fakes.openai_server import FakeOpenAI, Reply


@pytest.fixture
def model(settings_override):
    with FakeOpenAI() as server:
        settings_override(
            LLM_PROVIDER="openai",
            LLM_BASE_URL=server.base_url,
            LLM_MODEL="fake-model",
            LLM_MODELS="",
            LLM_MAX_ATTEMPTS="2",
            LLM_TIMEOUT_SECONDS="2",
            # The small plan: one request per attempt.
            LLM_SPEC_MAX_TOKENS="0",
        )
        yield server


@pytest.fixture
def project(session, make_user):
    user, _ = make_user()
    return projects.create_project(session=session, user_id=user.id, name="Crumb")


def _start(session, project, prompt="A bakery called Crumb & Co in York"):
    return builds.start_build(
        session=session, user_id=project.user_id, project_id=project.id, prompt=prompt, enqueue=lambda b: "task"
    )


def test_a_build_runs_on_its_projects_model(session, project, model, settings_override):
    settings_override(LLM_MODELS="fake-model,other-model")
    projects.update_project(session=session, user_id=project.user_id, project_id=project.id, model="other-model")
    model.script(Reply(model_plan()))
    build = _start(session, project)
    build_runner.run_build(build.id)

    session.expire_all()
    assert [r["model"] for r in model.requests] == ["other-model"]
    assert session.get(Build, build.id).status == BuildStatus.SUCCEEDED


def test_a_projects_model_no_longer_offered_falls_back_to_the_default_and_the_feed_says_so(
    session, project, model, settings_override
):
    settings_override(LLM_MODELS="fake-model,retired-model")
    projects.update_project(session=session, user_id=project.user_id, project_id=project.id, model="retired-model")
    settings_override(LLM_MODELS="fake-model")
    model.script(Reply(model_plan()))
    build = _start(session, project)
    build_runner.run_build(build.id)

    session.expire_all()
    assert [r["model"] for r in model.requests] == ["fake-model"]
    assert session.get(Build, build.id).status == BuildStatus.SUCCEEDED
    messages = [e.message for e in events.read(build.id)]
    assert "The model retired-model is no longer offered here; building with the default model, fake-model." in messages
