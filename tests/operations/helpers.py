"""Running the `autowebiq` command and slow builds, for the operations tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from autowebiq_app.models import Build, BuildStatus
from autowebiq_app.services import builds, projects
from tests.engine.test_providers import model_plan
from tests.fakes.openai_server import Reply
from tests.helpers import ROOT, wait_for
from workers.builds import enqueue_build


def autowebiq(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run `autowebiq ARGS` as an operator would, with this test's settings."""
    return subprocess.run(
        [sys.executable, "-m", "autowebiq_app.cli", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def autowebiq_json(*args: str, **env: str) -> tuple[int, dict]:
    done = autowebiq(*args, "--json", **env)
    return done.returncode, json.loads(done.stdout)


def slow_plan(seconds: float) -> Reply:
    """The fake model's plan, streamed in 20 chunks over about `seconds`."""
    plan = model_plan()
    return Reply(plan, chunk_size=max(1, len(plan) // 20), delay=seconds / 20)


def use_fake_model(settings_override, server) -> None:
    settings_override(LLM_PROVIDER="openai", LLM_BASE_URL=server.base_url, LLM_SPEC_MAX_TOKENS="0")


def start_build(session, user_id: str, name: str = "Crumb") -> Build:
    project = projects.create_project(session=session, user_id=user_id, name=name)
    return builds.start_build(
        session=session, user_id=user_id, project_id=project.id, prompt="A bakery called Crumb & Co", enqueue=enqueue_build
    )


def wait_finished(session, build_id: str, timeout: float = 120) -> Build:
    def finished():
        session.expire_all()
        build = session.get(Build, build_id)
        return build if BuildStatus(build.status).finished else None

    return wait_for(finished, timeout=timeout, interval=0.3, what=f"build {build_id} to finish")
