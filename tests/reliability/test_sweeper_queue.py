"""The sweeper leaves builds that are only waiting in the queue, and sends a lost job once more."""

from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import update

from autowebiq_app.db_types import utcnow
from autowebiq_app.models import Build
from autowebiq_app.services import builds, credits, projects
from tests.helpers import dramatiq_worker, wait_for
from tests.reliability.workers import forget_heartbeats, live_worker_pids
from workers import builds as build_actors
from workers.broker import broker

pytestmark = pytest.mark.worker


@pytest.fixture
def user(session, make_user, settings_override):
    # A stopped worker still counts as alive for the 3 beats of this test's window.
    settings_override(WORKER_HEARTBEAT_SECONDS="10")
    forget_heartbeats()
    yield make_user()[0]
    forget_heartbeats()


@contextmanager
def live_worker(tmp_path):
    with dramatiq_worker(log_path=tmp_path / "worker.log") as worker:
        wait_for(live_worker_pids, timeout=120, interval=0.5, what="a worker")
        yield worker


@contextmanager
def busy(worker):
    """The worker takes nothing more from the queue until the block ends (as when all its threads are busy)."""
    os.killpg(worker.pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.killpg(worker.pid, signal.SIGCONT)


def _queue_builds(session, user, count: int) -> list[str]:
    ids = []
    for n in range(count):
        project = projects.create_project(session=session, user_id=user.id, name=f"Queued {n}")
        build = builds.start_build(
            session=session,
            user_id=user.id,
            project_id=project.id,
            prompt=f"A bakery called Loaf {n}",
            enqueue=build_actors.enqueue_build,
        )
        ids.append(build.id)
    return ids


def _waited_long(session, ids: list[str]) -> None:
    """As if they had waited in the queue far longer than BUILD_STALE_SECONDS."""
    long_ago = utcnow() - timedelta(hours=1)
    session.execute(update(Build).where(Build.id.in_(ids)).values(heartbeat_at=long_ago, created_at=long_ago))
    session.commit()


def _lose_the_queue() -> None:
    """Redis lost the builds queue (a restart without persistence)."""
    prefix = f"{broker.namespace}:{build_actors.build_site.queue_name}"
    broker.client.delete(prefix, f"{prefix}.msgs", f"{prefix}.DQ", f"{prefix}.DQ.msgs")


def _statuses(session, ids: list[str]) -> list[str]:
    session.expire_all()
    return [session.get(Build, build_id).status for build_id in ids]


def _sweep() -> None:
    build_actors.sweep_stale_builds.fn()


def test_queued_builds_waiting_for_a_busy_worker_are_not_swept(session, user, tmp_path):
    with live_worker(tmp_path) as worker:
        with busy(worker):
            ids = _queue_builds(session, user, 3)
            for _ in range(2):  # a lost job is sent again only once: these are not lost
                _waited_long(session, ids)
                _sweep()
                assert _statuses(session, ids) == ["queued"] * 3
            session.expire_all()
            assert [session.get(Build, build_id).requeued_at for build_id in ids] == [None] * 3
        wait_for(lambda: _statuses(session, ids) == ["succeeded"] * 3, timeout=120, what="the queued builds to run")


def test_a_queued_build_whose_job_was_lost_is_sent_again_and_runs(session, user, tmp_path):
    with live_worker(tmp_path) as worker:
        with busy(worker):
            (build_id,) = _queue_builds(session, user, 1)
            _lose_the_queue()
            _waited_long(session, [build_id])
            _sweep()
            assert _statuses(session, [build_id]) == ["queued"]
        wait_for(lambda: _statuses(session, [build_id]) == ["succeeded"], timeout=120, what="the re-sent build")


def test_a_build_whose_job_is_lost_twice_is_failed_and_refunded(session, user, tmp_path):
    with live_worker(tmp_path) as worker:
        with busy(worker):
            (build_id,) = _queue_builds(session, user, 1)
            for _ in range(2):
                _lose_the_queue()
                _waited_long(session, [build_id])
                _sweep()
            assert _statuses(session, [build_id]) == ["failed"]
    assert credits.balance(session=session, user_id=user.id) == 100
