"""The operations monitor's figures and the admin role, against the real database and broker."""

from __future__ import annotations

from datetime import timedelta

import pytest

from autowebiq_app import events
from autowebiq_app.db_types import utcnow
from autowebiq_app.errors import NotFound
from autowebiq_app.models import Build, BuildStatus, User, UserRole
from autowebiq_app.services import agent_timings, monitor, projects, roles, worker_heartbeats
from tests.operations.helpers import autowebiq


def _finished(
    session, user_id: str, project_id: str, *, seconds: float, status: str, kind: str = "build", ago=timedelta(0)
) -> Build:
    finished = utcnow() - ago
    build = Build(
        project_id=project_id,
        user_id=user_id,
        prompt="A cafe",
        kind=kind,
        cost=10,
        status=status,
        created_at=finished - timedelta(seconds=seconds + 1),
        started_at=finished - timedelta(seconds=seconds),
        finished_at=finished,
        error="boom" if status == BuildStatus.FAILED else None,
    )
    session.add(build)
    return build


def test_percentiles_are_nearest_rank():
    values = [float(n) for n in range(1, 101)]
    assert monitor.percentile(values, 0.5) == 50.0
    assert monitor.percentile(values, 0.95) == 95.0
    assert monitor.percentile([7.0], 0.95) == 7.0
    assert monitor.percentile([], 0.5) is None


def test_the_snapshot_counts_rates_and_run_time_percentiles_per_kind(make_user, session):
    # The broker's db outlives a test: a worker an earlier test stopped may have beaten a moment ago.
    worker_heartbeats.client().delete(worker_heartbeats.KEY)
    user, _ = make_user(email="ops@example.com")
    project = projects.create_project(session=session, user_id=user.id, name="Cafe")
    for seconds in range(1, 11):
        _finished(session, user.id, project.id, seconds=seconds, status=BuildStatus.SUCCEEDED)
    _finished(session, user.id, project.id, seconds=30, status=BuildStatus.FAILED)
    _finished(session, user.id, project.id, seconds=2, status=BuildStatus.SUCCEEDED, kind="edit")
    _finished(session, user.id, project.id, seconds=500, status=BuildStatus.FAILED, ago=timedelta(days=2))
    session.add(Build(project_id=project.id, user_id=user.id, prompt="A bar", cost=10))
    session.commit()

    snap = monitor.snapshot(session=session)

    build, edit = snap.figures
    assert (build.kind, build.finished, build.succeeded, build.failed) == ("build", 11, 10, 1)
    assert (build.p50_seconds, build.p95_seconds) == pytest.approx((6, 30), abs=0.01)
    assert round(build.success_rate, 3) == round(10 / 11, 3)
    assert (edit.kind, edit.finished, edit.p50_seconds) == ("edit", 1, pytest.approx(2, abs=0.01))
    assert [(row.status, row.user) for row in snap.active] == [("queued", "ops@example.com")]
    assert len(snap.recent) == 13 and snap.recent[-1].seconds == pytest.approx(501, abs=1)
    assert [row.error for row in monitor.snapshot(session=session, status="failed").recent] == ["boom", "boom"]
    assert [q.queue for q in snap.queues] == ["builds", "images", "default"] and snap.broker_error == ""
    assert snap.workers == []
    assert len(snap.hours) == 24 and snap.hours[-1].hour <= utcnow() < snap.hours[-1].hour + timedelta(hours=1)
    # Everything but the 2-day-old build, in this hour (or the last, had the hour just turned).
    assert (sum(h.succeeded for h in snap.hours), sum(h.failed for h in snap.hours)) == (11, 1)
    assert sum(h.succeeded + h.failed for h in snap.hours[:-2]) == 0


def test_agent_times_run_from_each_agents_first_event_to_the_next_agents():
    def at(ts: float, agent: str) -> events.BuildEvent:
        return events.BuildEvent(id=f"{int(ts * 1000)}-0", type=events.AGENT_MESSAGE, agent=agent, ts=ts)

    stream = [at(100.0, "system"), at(100.5, "planner"), at(101.0, "planner"), at(103.5, "image")]
    stream += [at(104.0, "frontend"), at(104.2, "frontend"), at(104.25, "qa"), at(104.9, "qa")]
    assert agent_timings.spans(stream, end=105.25) == {"planner": 3000, "image": 500, "frontend": 250, "qa": 1000}
    assert agent_timings.spans([at(1.0, "planner")], end=1.5) == {"planner": 500}
    assert agent_timings.spans([], end=1.0) == {}


def test_the_snapshot_shows_each_agents_time_percentiles_over_succeeded_builds(make_user, session):
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Timed")
    for n in range(1, 21):
        build = _finished(session, user.id, project.id, seconds=5, status=BuildStatus.SUCCEEDED)
        build.agent_ms = {"planner": n * 100, "image": 50, "frontend": 200, "qa": n * 1000}
    old = _finished(session, user.id, project.id, seconds=5, status=BuildStatus.SUCCEEDED, ago=timedelta(days=2))
    old.agent_ms = {"planner": 999_000}
    _finished(session, user.id, project.id, seconds=5, status=BuildStatus.SUCCEEDED)  # before timings were kept
    session.commit()

    agents = {row.agent: row for row in monitor.snapshot(session=session).agents}

    assert list(agents) == ["planner", "image", "frontend", "qa"]
    assert agents["planner"].builds == 20
    assert (agents["planner"].p50_seconds, agents["planner"].p95_seconds) == pytest.approx((1.0, 1.9))
    assert (agents["qa"].p50_seconds, agents["qa"].p95_seconds) == pytest.approx((10.0, 19.0))
    assert agents["image"].p95_seconds == pytest.approx(0.05)


def test_recent_builds_filter_by_outcome_kind_and_part_of_the_users_email(make_user, session):
    ada, _ = make_user(email="ada_lovelace@example.com")
    bob, _ = make_user(email="bob@example.com")
    for user, kinds in ((ada, ("build", "edit")), (bob, ("build",))):
        project = projects.create_project(session=session, user_id=user.id, name="Filtered")
        for kind in kinds:
            _finished(session, user.id, project.id, seconds=1, status=BuildStatus.SUCCEEDED, kind=kind)
        _finished(session, user.id, project.id, seconds=1, status=BuildStatus.FAILED)
    session.commit()

    def recent(**filters) -> list[tuple[str, str, str]]:
        return sorted((r.user, r.kind, r.status) for r in monitor.snapshot(session=session, **filters).recent)

    assert len(recent()) == 5
    assert recent(kind="edit") == [("ada_lovelace@example.com", "edit", "succeeded")]
    assert recent(user="BOB", status="failed") == [("bob@example.com", "build", "failed")]
    assert len(recent(user="ada_")) == 3  # "_" is a character here, not a wildcard
    assert recent(user="a_a") == [] and recent(user="%") == []


@pytest.fixture
def owner_admin_and_project(make_user, session):
    """A user with a project, and an admin who is someone else."""
    owner, _ = make_user()
    admin, _ = make_user(email="admin@example.com")
    session.commit()
    roles.make_admin(session=session, email="admin@example.com")
    return owner, admin, projects.create_project(session=session, user_id=owner.id, name="Cafe")


def test_an_admin_cancels_anyones_active_build_which_is_refunded_and_nobody_else_can(owner_admin_and_project, session):
    from autowebiq_app.errors import BuildNotFound, Conflict
    from autowebiq_app.services import builds, credits

    owner, admin, project = owner_admin_and_project
    build = builds.start_build(
        session=session, user_id=owner.id, project_id=project.id, prompt="A cafe", enqueue=lambda build_id: "task"
    )
    assert credits.balance(session=session, user_id=owner.id) == 90

    with pytest.raises(BuildNotFound):
        monitor.cancel(session=session, admin_id=owner.id, build_id=build.id)
    with pytest.raises(BuildNotFound):
        monitor.cancel(session=session, admin_id=admin.id, build_id="0" * 32)
    cancelled = monitor.cancel(session=session, admin_id=admin.id, build_id=build.id)

    assert cancelled.status == BuildStatus.FAILED
    session.expire_all()
    assert credits.balance(session=session, user_id=owner.id) == 100
    assert credits.balance(session=session, user_id=admin.id) == 100
    assert monitor.snapshot(session=session).active == []
    with pytest.raises(Conflict):
        monitor.cancel(session=session, admin_id=admin.id, build_id=build.id)


def test_an_admin_retries_a_failed_build_once_for_its_owner_who_pays_for_it(owner_admin_and_project, session):
    from autowebiq_app.errors import BuildNotFound, Conflict
    from autowebiq_app.services import builds, credits

    owner, admin, project = owner_admin_and_project
    sent: list[str] = []

    def enqueue(build_id: str) -> str:
        sent.append(build_id)
        return f"task-{len(sent)}"

    def start(prompt: str):
        return builds.start_build(
            session=session, user_id=owner.id, project_id=project.id, prompt=prompt, enqueue=enqueue
        )

    build = start("A cafe")
    with pytest.raises(Conflict):  # still queued: nothing to retry
        monitor.retry(session=session, admin_id=admin.id, build_id=build.id, enqueue=enqueue)
    assert builds.fail_build(session=session, build_id=build.id, reason="boom")
    session.expire_all()
    assert credits.balance(session=session, user_id=owner.id) == 100  # refunded

    with pytest.raises(BuildNotFound):
        monitor.retry(session=session, admin_id=owner.id, build_id=build.id, enqueue=enqueue)
    again = monitor.retry(session=session, admin_id=admin.id, build_id=build.id, enqueue=enqueue)
    twice = monitor.retry(session=session, admin_id=admin.id, build_id=build.id, enqueue=enqueue)

    assert again.id != build.id and twice.id == again.id and sent == [build.id, again.id]
    assert (again.user_id, again.project_id, again.prompt, again.status) == (owner.id, project.id, "A cafe", "queued")
    session.expire_all()
    assert credits.balance(session=session, user_id=owner.id) == 90
    assert credits.balance(session=session, user_id=admin.id) == 100

    # Once the retry has run, the failed build is no longer the project's latest: retrying it
    # again would replay an old prompt over newer work.
    assert builds.fail_build(session=session, build_id=again.id, reason="boom again")
    later = start("A bar")
    assert builds.fail_build(session=session, build_id=later.id, reason="boom")
    with pytest.raises(Conflict, match="started since"):
        monitor.retry(session=session, admin_id=admin.id, build_id=build.id, enqueue=enqueue)
    session.expire_all()
    assert credits.balance(session=session, user_id=owner.id) == 100
    assert len(sent) == 3


def test_make_admin_gives_the_role_to_that_account_only(make_user, session):
    user, _ = make_user(email="Boss@Example.com")
    other, _ = make_user()
    session.commit()
    assert not roles.is_admin(session=session, user_id=user.id)

    done = autowebiq("make-admin", "BOSS@example.com")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "boss@example.com is now an admin" in done.stdout
    session.expire_all()
    assert session.get(User, user.id).role == UserRole.ADMIN
    assert roles.is_admin(session=session, user_id=user.id)
    assert not roles.is_admin(session=session, user_id=other.id)
    assert not roles.is_admin(session=session, user_id=None)

    missing = autowebiq("make-admin", "nobody@example.com")
    assert missing.returncode == 1 and "No account" in missing.stdout
    with pytest.raises(NotFound):
        roles.make_admin(session=session, email="nobody@example.com")
