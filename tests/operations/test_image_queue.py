"""A build is a chain of messages: plan on `builds`, images on `images`, pages and QA on
`builds`. With no worker on the `images` queue the build waits after its plan, holding no
thread; it finishes once an image-only worker starts."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlmodel import col

from autowebiq_app import events
from autowebiq_app.db_types import utcnow
from autowebiq_app.models import Build, BuildDraft, BuildStatus
from autowebiq_app.services import build_runner
from tests.helpers import dramatiq_worker, wait_for
from tests.operations.helpers import start_build, wait_finished
from tests.reliability.workers import forget_heartbeats, live_worker_pids
from workers.broker import broker
from workers.builds import _step_note, build_queue

pytestmark = pytest.mark.worker


def _backdate_heartbeat(session, build_id: str) -> None:
    session.execute(
        update(Build).where(col(Build.id) == build_id).values(heartbeat_at=utcnow() - timedelta(hours=1))
    )
    session.commit()


def _stage(session, build_id: str) -> str | None:
    session.expire_all()
    draft = session.get(BuildDraft, build_id)
    return draft.stage if draft else None


def test_a_build_waits_for_an_image_worker_and_finishes_when_one_starts(
    settings_override, session, make_user, tmp_path
):
    settings_override(WORKER_HEARTBEAT_SECONDS="1")
    forget_heartbeats()
    user, _ = make_user()
    session.commit()
    try:
        with dramatiq_worker(queues=("builds", "default"), log_path=tmp_path / "builds.log"):
            wait_for(live_worker_pids, timeout=120, interval=0.5, what="a builds worker")
            build = start_build(session, user.id)
            wait_for(lambda: _stage(session, build.id) == "images", timeout=60, what="the plan")
            time.sleep(2)  # nothing takes the images step meanwhile
            assert _stage(session, build.id) == "images"
            assert session.get(Build, build.id).status == BuildStatus.RUNNING
            assert "image" not in {e.agent for e in events.read(build.id)}

            # Waiting its turn longer than BUILD_STALE_SECONDS, it is not taken for lost:
            # its images step is in the queue. A running build with no step waiting is.
            _backdate_heartbeat(session, build.id)
            lost = start_build(session, user.id, name="Lost")
            wait_for(lambda: _stage(session, lost.id) == "images", timeout=60, what="the second plan")
            wait_for(lambda: build_queue.holds(lost.id), timeout=10, what="the second images step")
            broker.client.set(_step_note(lost.id), "a message no queue holds")  # as if Redis had lost it
            _backdate_heartbeat(session, lost.id)
            assert build_runner.sweep_stale_builds(build_queue) == [lost.id]
            assert session.get(Build, build.id).status == BuildStatus.RUNNING

            with dramatiq_worker(queues=("images",), log_path=tmp_path / "images.log"):
                done = wait_finished(session, build.id, timeout=120)
    finally:
        forget_heartbeats()
    assert done.status == BuildStatus.SUCCEEDED and done.version_number == 1
    agents = [e.agent for e in events.read(build.id) if e.agent in ("planner", "image", "frontend", "qa")]
    assert list(dict.fromkeys(agents)) == ["planner", "image", "frontend", "qa"]
    assert session.get(BuildDraft, build.id) is None
