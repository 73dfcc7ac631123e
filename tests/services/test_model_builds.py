"""Builds planned by a model (LLM_PROVIDER=openai) through the build runner, with the real
ledger and event stream: the plan streams into the events; a model server that stays down
through its retries ends the build with a clear reason and a refund."""

from __future__ import annotations

import pytest

from autowebiq_app import events
from autowebiq_app.api import ws
from autowebiq_app.models import Build, BuildStatus
from autowebiq_app.services import build_runner, builds, credits, projects, versions
from tests.engine.test_providers import model_plan
from tests.fakes.openai_server import FakeOpenAI, Reply, Status


@pytest.fixture
def model(settings_override):
    with FakeOpenAI() as server:
        settings_override(
            LLM_PROVIDER="openai",
            LLM_BASE_URL=server.base_url,
            LLM_MODEL="fake-model",
            LLM_MAX_ATTEMPTS="2",
            LLM_TIMEOUT_SECONDS="2",
            LLM_RETRIES="2",
            LLM_BACKOFF_SECONDS="0",
            # The small plan (a model writing a whole app spec: tests/engine/test_model_app_spec.py).
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


def test_a_model_planned_build_streams_its_plan_and_stores_the_version(session, project, model):
    model.script(Reply(model_plan(), chunk_size=5, delay=0.02))
    build = _start(session, project)
    build_runner.run_build(build.id)

    session.expire_all()
    assert session.get(Build, build.id).status == BuildStatus.SUCCEEDED
    version = versions.latest_version(session=session, project_id=project.id)
    assert version.plan["name"] == "Crumb & Co" and version.plan["template"] == "cafe-bistro"
    assert "Bread worth getting up early for" in version.files["index.html"]
    socket_messages = [ws.message(build.id, e) for e in events.read(build.id)]
    assert "".join(m.get("plan_text", "") for m in socket_messages) == model_plan()
    assert credits.balance(session=session, user_id=project.user_id) == 90


def test_a_model_server_that_stays_down_fails_the_build_with_a_reason_and_refunds(session, project, model):
    model.script(*[Status(503, "upstream unavailable")] * 10)
    build = _start(session, project)
    build_runner.run_build(build.id)

    session.expire_all()
    failed = session.get(Build, build.id)
    assert failed.status == BuildStatus.FAILED
    host = model.base_url.split("/")[2]
    assert failed.error == f"The model gave no plan: the model's server at {host} answered 503 three times."
    assert credits.balance(session=session, user_id=project.user_id) == 100
    assert credits.ledger_sum(session=session, user_id=project.user_id) == 100
    last = events.read(build.id)[-1]
    assert last.type == events.BUILD_FAILED and last.message == failed.error
    retried = [e.message for e in events.read(build.id) if "retrying in 0 s" in (e.message or "")]
    assert retried == [f"The model's server answered 503; retrying in 0 s ({n} of 2)…" for n in (1, 2)]
    assert len(model.requests) == 3, "LLM_RETRIES more requests, not multiplied by LLM_MAX_ATTEMPTS"
