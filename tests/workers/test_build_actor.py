"""The build's step actors called directly (no worker): limits, the chain of steps, repeats."""

from __future__ import annotations

from dramatiq import Message
from dramatiq.middleware.time_limit import TimeLimitExceeded

from autowebiq_app import events
from autowebiq_app.models import Build, BuildDraft, BuildStatus
from autowebiq_app.services import build_runner, builds, credits, projects, versions
from workers import builds as build_actors
from workers.broker import broker


def test_time_limit_fails_and_refunds_without_retrying(session, make_user, monkeypatch):
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Slow")
    build = builds.start_build(
        session=session, user_id=user.id, project_id=project.id, prompt="A shop", enqueue=lambda b: "t"
    )

    def too_slow(prompt, *, reporter, **options):
        raise TimeLimitExceeded()

    monkeypatch.setattr(build_runner, "plan_site", too_slow)
    build_actors.build_site(build.id)

    session.expire_all()
    failed = session.get(Build, build.id)
    assert failed.status == BuildStatus.FAILED and failed.error == build_runner.overtime_reason(240)
    assert failed.error.startswith("The build took longer than 4 minutes")
    assert credits.balance(session=session, user_id=user.id) == 100
    assert events.read(build.id)[-1].type == events.BUILD_FAILED


def _sent(queue: str) -> list[Message]:
    return [Message.decode(raw) for raw in broker.client.hvals(f"{broker.namespace}:{queue}.msgs")]


def test_each_step_sends_the_next_on_its_queue_and_a_step_delivered_twice_builds_once(session, make_user):
    for queue in ("builds", "images"):
        broker.flush(queue)
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Twice")
    build = builds.start_build(
        session=session, user_id=user.id, project_id=project.id, prompt="A cafe", enqueue=lambda b: "t"
    )
    try:
        build_actors.build_site(build.id)
        (images,) = _sent("images")
        assert images.actor_name == "images.draw_images" and images.args == (build.id,)
        assert 0 < images.options["time_limit"] <= 240_000  # what is left of the soft limit
        build_actors.build_site(build.id)  # redelivered: the plan is not made again
        assert [e.message for e in events.read(build.id)].count("Reading your brief and choosing a template…") == 1

        build_actors.draw_images(build.id)
        build_actors.draw_images(build.id)
        assert [m.actor_name for m in _sent("builds")] == ["builds.render_site"] * 2
        build_actors.render_site(build.id)
        build_actors.render_site(build.id)
    finally:
        for queue in ("builds", "images"):
            broker.flush(queue)
    assert versions.latest_version(session=session, project_id=project.id).number == 1
    assert [e.type for e in events.read(build.id)].count(events.BUILD_COMPLETE) == 1
    assert credits.ledger_sum(session=session, user_id=user.id) == 90
    session.expire_all()
    assert session.get(BuildDraft, build.id) is None  # the draft is gone with the build's end
