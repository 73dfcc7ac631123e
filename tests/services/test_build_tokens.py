"""Tokens a build's model used (LLM_PROVIDER=openai, the fake server reporting usage),
through the build runner with the real ledger and event stream: recorded on the build when
it completes and when it fails after the model answered, shown with the build, summed per
user; credits stay the fixed cost."""

from __future__ import annotations

import pytest
from sqlmodel import select

from autowebiq_app import events
from autowebiq_app.api import presenters, ws
from autowebiq_app.core.config import get_settings
from autowebiq_app.models import Build, BuildStatus, CreditTransaction
from autowebiq_app.services import build_runner, builds, credits, projects, usage
from tests.engine.test_providers import model_plan
from tests.fakes.openai_server import BadJSON, FakeOpenAI, Reply, Status


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


def _usage_of(request: dict, reply: str, model: str = "fake-model") -> dict:
    """What the fake server reports for one request: its words stand in for tokens."""
    prompt = sum(len(str(m.get("content") or "").split()) for m in request["messages"])
    completion = len(reply.split())
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
        "model": model,
    }


def test_a_model_build_records_its_tokens_and_shows_them_with_the_build(session, project, model):
    model.script(Reply(model_plan()))
    build = _start(session, project)
    build_runner.run_build(build.id)

    session.expire_all()
    done = session.get(Build, build.id)
    expected = _usage_of(model.requests[0], model_plan())
    assert expected["completion_tokens"] > 0 and expected["prompt_tokens"] > 0
    assert done.status == BuildStatus.SUCCEEDED
    assert (done.prompt_tokens, done.completion_tokens, done.total_tokens, done.llm_model) == tuple(expected.values())
    assert presenters.build_status(done).usage.model_dump() == expected
    complete = events.read(build.id)[-1]
    assert complete.type == events.BUILD_COMPLETE and complete.data["usage"] == expected
    assert ws.message(build.id, complete)["usage"] == expected


def test_a_model_build_costs_the_same_credits_as_an_offline_build(session, project, model, settings_override):
    model.script(Reply(model_plan()))
    with_model = _start(session, project)
    build_runner.run_build(with_model.id)
    settings_override(LLM_PROVIDER="offline")
    other = projects.create_project(session=session, user_id=project.user_id, name="Crumb offline")
    offline = _start(session, other)
    build_runner.run_build(offline.id)

    session.expire_all()
    with_model, offline = session.get(Build, with_model.id), session.get(Build, offline.id)
    assert with_model.status == offline.status == BuildStatus.SUCCEEDED
    assert with_model.total_tokens > 0 and offline.total_tokens is None
    assert presenters.build_status(offline).usage is None
    assert with_model.cost == offline.cost == get_settings().build_cost
    charges = {
        row.build_id: row.amount
        for row in session.exec(select(CreditTransaction).where(CreditTransaction.user_id == project.user_id))
        if row.build_id
    }
    assert charges == {with_model.id: -get_settings().build_cost, offline.id: -get_settings().build_cost}
    assert credits.balance(session=session, user_id=project.user_id) == 100 - 2 * get_settings().build_cost


def test_a_build_that_fails_after_the_model_answered_records_the_tokens_it_used(session, project, model):
    model.script(BadJSON(), BadJSON())
    build = _start(session, project)
    build_runner.run_build(build.id)

    session.expire_all()
    failed = session.get(Build, build.id)
    assert failed.status == BuildStatus.FAILED and "usable plan" in failed.error
    first, second = (_usage_of(r, BadJSON().text) for r in model.requests)
    assert failed.prompt_tokens == first["prompt_tokens"] + second["prompt_tokens"]
    assert failed.completion_tokens == first["completion_tokens"] + second["completion_tokens"] > 0
    assert failed.total_tokens == failed.prompt_tokens + failed.completion_tokens
    assert presenters.build_status(failed).usage.model == "fake-model"
    assert credits.balance(session=session, user_id=project.user_id) == 100


def test_a_build_the_model_server_never_answered_records_no_tokens(session, project, model):
    model.script(*[Status(500)] * 10)
    build = _start(session, project)
    build_runner.run_build(build.id)

    session.expire_all()
    failed = session.get(Build, build.id)
    assert failed.status == BuildStatus.FAILED and failed.total_tokens is None and failed.llm_model is None


def test_tokens_are_summed_per_user_overall_and_per_model(session, project, model, settings_override, make_user):
    settings_override(LLM_MODELS="fake-model,other-model")
    model.script(Reply(model_plan()), Reply(model_plan()), Reply(model_plan()))
    first = _start(session, project)
    build_runner.run_build(first.id)
    second_project = projects.create_project(
        session=session, user_id=project.user_id, name="Crumb two", model="other-model"
    )
    second = _start(session, second_project)
    build_runner.run_build(second.id)
    stranger, _ = make_user()
    theirs = projects.create_project(session=session, user_id=stranger.id, name="Not yours")
    build_runner.run_build(_start(session, theirs).id)

    session.expire_all()
    one, two = session.get(Build, first.id), session.get(Build, second.id)
    totals = usage.totals(session=session, user_id=project.user_id)
    assert totals["total_tokens"] == one.total_tokens + two.total_tokens
    assert totals["prompt_tokens"] == one.prompt_tokens + two.prompt_tokens
    assert totals["builds"] == 2
    assert sorted((m["model"], m["total_tokens"], m["builds"]) for m in totals["by_model"]) == [
        ("fake-model", one.total_tokens, 1),
        ("other-model", two.total_tokens, 1),
    ]
    assert usage.totals(session=session, user_id=stranger.id)["builds"] == 1
