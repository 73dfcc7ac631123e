"""The build actor called directly (no broker round trip): limits and repeats."""

from __future__ import annotations

from dramatiq.middleware.time_limit import TimeLimitExceeded

from autowebiq_app import events
from autowebiq_app.models import Build, BuildStatus
from autowebiq_app.services import build_runner, builds, credits, projects, versions
from workers import builds as build_actors


def test_time_limit_fails_and_refunds_without_retrying(session, make_user, monkeypatch):
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Slow")
    build = builds.start_build(
        session=session, user_id=user.id, project_id=project.id, prompt="A shop", enqueue=lambda b: "t"
    )

    def too_slow(prompt, *, reporter, **options):
        raise TimeLimitExceeded()

    monkeypatch.setattr(build_runner, "build_site", too_slow)
    build_actors.build_site(build.id)

    session.expire_all()
    failed = session.get(Build, build.id)
    assert failed.status == BuildStatus.FAILED and failed.error == build_runner.overtime_reason(240)
    assert failed.error.startswith("The build took longer than 4 minutes")
    assert credits.balance(session=session, user_id=user.id) == 100
    assert events.read(build.id)[-1].type == events.BUILD_FAILED


def test_actor_delivered_twice_builds_once(session, make_user):
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Twice")
    build = builds.start_build(
        session=session, user_id=user.id, project_id=project.id, prompt="A cafe", enqueue=lambda b: "t"
    )
    build_actors.build_site(build.id)
    build_actors.build_site(build.id)
    assert versions.latest_version(session=session, project_id=project.id).number == 1
    assert [e.type for e in events.read(build.id)].count(events.BUILD_COMPLETE) == 1
    assert credits.ledger_sum(session=session, user_id=user.id) == 90
