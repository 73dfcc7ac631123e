"""The sweeper as a periodic job of the workers (`workers.periodic`): one chain of delayed
messages owns the schedule, a stale chain drops out, and a real worker sweeps on time with
no sweeper process, also after its chain was lost."""

from __future__ import annotations

from datetime import timedelta

import pytest
from dramatiq import Message
from sqlalchemy import update

from autowebiq_app.db_types import utcnow
from autowebiq_app.models import Build, BuildStatus
from autowebiq_app.services import build_runner, builds, credits, projects
from tests.helpers import dramatiq_worker, wait_for
from tests.reliability.workers import forget_heartbeats, live_worker_pids
from workers import periodic
from workers.broker import broker
from workers.builds import sweep_stale_builds

SWEEP = periodic.JOBS[sweep_stale_builds.actor_name]


def _forget_schedules() -> None:
    broker.client.delete(SWEEP.lease_key)
    broker.flush("default")


@pytest.fixture
def schedule(settings_override):
    _forget_schedules()
    yield settings_override
    _forget_schedules()


def _messages(queue: str) -> list[Message]:
    return [Message.decode(raw) for raw in broker.client.hvals(f"{broker.namespace}:{queue}.msgs")]


def _ticks() -> list[Message]:
    return [m for m in _messages("default") + _messages("default.DQ") if m.actor_name == periodic.tick.actor_name]


def test_one_chain_owns_the_schedule_and_a_tick_of_another_drops_out(schedule):
    schedule(SWEEP_INTERVAL_SECONDS="7")
    assert periodic.ensure_scheduled(SWEEP) is True
    assert periodic.ensure_scheduled(SWEEP) is False  # the lease is held: no second chain
    (first,) = _ticks()
    name, token = first.args
    assert name == "builds.sweep_stale_builds" and first.options["eta"] > 0
    assert first.queue_name == "default.DQ"  # the first beat comes one interval later

    broker.flush("default")
    periodic.tick.fn(name, "a chain that lost its lease")
    assert _messages("default") == [] and _messages("default.DQ") == []

    periodic.tick.fn(name, token)
    assert [m.actor_name for m in _messages("default")] == ["builds.sweep_stale_builds"]
    (following,) = _messages("default.DQ")
    assert following.actor_name == "periodic.tick" and following.args == (name, token)
    assert 20_000 < broker.client.pttl(SWEEP.lease_key) <= 30_000  # renewed: 3 × 7 s, at least 30 s


def _stale_running_build(session, user_id: str) -> str:
    """A charged build whose worker went silent long ago; it was never sent to a queue."""
    project = projects.create_project(session=session, user_id=user_id, name="Silent")
    build = builds.start_build(
        session=session, user_id=user_id, project_id=project.id, prompt="A bakery", enqueue=lambda _id: "never-sent"
    )
    long_ago = utcnow() - timedelta(hours=1)
    session.execute(
        update(Build)
        .where(Build.id == build.id)
        .values(status=BuildStatus.RUNNING, started_at=utcnow(), heartbeat_at=long_ago, task_id=None)
    )
    session.commit()
    return build.id


def _refunded(session, build_id: str, user_id: str) -> bool:
    session.expire_all()
    build = session.get(Build, build_id)
    return build.status == BuildStatus.FAILED and credits.balance(session=session, user_id=user_id) == 100


@pytest.mark.worker
def test_a_worker_sweeps_on_schedule_and_restarts_a_lost_schedule(schedule, session, make_user, tmp_path):
    schedule(SWEEP_INTERVAL_SECONDS="1", WORKER_HEARTBEAT_SECONDS="1")
    forget_heartbeats()
    user, _ = make_user()
    session.commit()
    try:
        with dramatiq_worker(log_path=tmp_path / "worker.log"):
            wait_for(live_worker_pids, timeout=120, interval=0.5, what="a worker")
            first = _stale_running_build(session, user.id)
            wait_for(lambda: _refunded(session, first, user.id), timeout=30, interval=0.3, what="the first sweep")
            assert session.get(Build, first).error == build_runner.STALE_REASON

            # The lease is lost while the old chain's next beat is still queued: the worker starts
            # a new chain, and the old one drops out at its next beat.
            (old_token,) = _tokens()
            broker.client.delete(SWEEP.lease_key)
            second = _stale_running_build(session, user.id)
            wait_for(lambda: _refunded(session, second, user.id), timeout=30, interval=0.3, what="a sweep after")
            wait_for(
                lambda: len(_tokens()) == 1 and old_token not in _tokens(),
                timeout=30,
                interval=0.3,
                what="one chain, the new one",
            )
    finally:
        forget_heartbeats()
    assert credits.balance(session=session, user_id=user.id) == 100 == credits.ledger_sum(session=session, user_id=user.id)


def _tokens() -> set[str]:
    return {m.args[1] for m in _ticks()}
