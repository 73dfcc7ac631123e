"""A model-planned build through the real Redis broker and a real Dramatiq worker process:
the worker asks the project's model (the fake OpenAI server) and records the tokens it used."""

from __future__ import annotations

import pytest

from autowebiq_app import events
from autowebiq_app.models import Build, BuildStatus
from autowebiq_app.services import builds, credits, projects
from tests.engine.test_providers import model_plan
from tests.fakes.openai_server import FakeOpenAI
from tests.helpers import dramatiq_worker, wait_for
from workers.builds import enqueue_build

pytestmark = pytest.mark.worker


def test_the_worker_builds_on_the_projects_model_and_records_its_tokens(
    session, make_user, settings_override, tmp_path
):
    with FakeOpenAI(default=lambda body: model_plan()) as server:
        settings_override(
            LLM_PROVIDER="openai",
            LLM_BASE_URL=server.base_url,
            LLM_MODELS="fake-model,second-model",
            LLM_SPEC_MAX_TOKENS="0",
        )
        user, _ = make_user()
        project = projects.create_project(session=session, user_id=user.id, name="Crumb", model="second-model")
        with dramatiq_worker(log_path=tmp_path / "worker.log"):
            build = builds.start_build(
                session=session,
                user_id=user.id,
                project_id=project.id,
                prompt="A bakery called Crumb & Co in York",
                enqueue=enqueue_build,
            )

            def finished():
                session.expire_all()
                return BuildStatus(session.get(Build, build.id).status).finished

            wait_for(finished, timeout=90, what="the build to finish")

    session.expire_all()
    done = session.get(Build, build.id)
    assert done.status == BuildStatus.SUCCEEDED, (tmp_path / "worker.log").read_text()[-3000:]
    assert [r["model"] for r in server.requests] == ["second-model"]
    assert done.llm_model == "second-model"
    assert done.completion_tokens == len(model_plan().split())
    assert done.total_tokens == done.prompt_tokens + done.completion_tokens > done.completion_tokens
    complete = events.read(build.id)[-1]
    assert complete.type == events.BUILD_COMPLETE and complete.data["usage"]["total_tokens"] == done.total_tokens
    assert credits.balance(session=session, user_id=user.id) == 90
