"""A build through the real Redis broker and a real Dramatiq worker process."""

from __future__ import annotations

import pytest

from autowebiq_app import events
from autowebiq_app.models import Build, BuildStatus
from autowebiq_app.services import builds, credits, projects, versions
from tests.helpers import dramatiq_worker
from workers.builds import enqueue_build

pytestmark = pytest.mark.worker


def _follow(build_id: str, timeout_s: float = 60) -> list[events.BuildEvent]:
    """Tail the stream the way the workspace does, until a terminal event."""
    seen: list[events.BuildEvent] = []
    last = "0"
    rounds = int(timeout_s * 2)
    for _ in range(rounds):
        batch = events.read(build_id, after=last, block_ms=500)
        seen.extend(batch)
        if batch:
            last = batch[-1].id
        if seen and seen[-1].terminal:
            return seen
    raise AssertionError(f"no terminal event; got {[e.type for e in seen]}")


def test_build_from_enqueue_to_stored_version(session, make_user, tmp_path):
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Trattoria")
    with dramatiq_worker(log_path=tmp_path / "worker.log"):
        build = builds.start_build(
            session=session,
            user_id=user.id,
            project_id=project.id,
            prompt="A cosy Italian restaurant called Trattoria Lucia with a menu",
            enqueue=enqueue_build,
        )
        assert build.status == BuildStatus.QUEUED and build.task_id
        assert credits.balance(session=session, user_id=user.id) == 90
        stream = _follow(build.id)

    types = [event.type for event in stream]
    assert types[0] == events.BUILD_STARTED, (tmp_path / "worker.log").read_text()
    assert types[-1] == events.BUILD_COMPLETE
    assert types.count(events.FILE_WRITTEN) >= 4
    ids = [event.id for event in stream]
    assert ids == sorted(ids, key=lambda i: tuple(map(int, i.split("-")))) and len(set(ids)) == len(ids)

    session.expire_all()
    finished = session.get(Build, build.id)
    assert finished.status == BuildStatus.SUCCEEDED and finished.attempts == 1
    version = versions.get_version(session=session, project_id=project.id, number=1)
    assert "Trattoria Lucia" in version.files["index.html"]
    assert stream[-1].data["version"] == 1
    assert (
        credits.balance(session=session, user_id=user.id) == credits.ledger_sum(session=session, user_id=user.id) == 90
    )
