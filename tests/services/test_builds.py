"""The build lifecycle, with the runner called directly (tier 1/2 without a broker)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from autowebiq_app import events
from autowebiq_app.db_types import utcnow
from autowebiq_app.errors import (
    BuildInProgress,
    Conflict,
    EditNotUnderstood,
    ProjectNotFound,
    PromptTooLong,
    RateLimited,
    ValidationFailed,
)
from autowebiq_app.models import Build, BuildStatus
from autowebiq_app.services import agent_timings, build_runner, builds, credits, projects, versions


def _queue(build_id: str) -> str:
    return f"task-{build_id}"


@pytest.fixture
def project(session, make_user):
    user, _ = make_user()
    return projects.create_project(session=session, user_id=user.id, name="Aurum")


def test_runner_stores_a_version_settles_and_streams_events_in_order(session, project):
    build = builds.start_build(
        session=session,
        user_id=project.user_id,
        project_id=project.id,
        prompt="Build a luxury e-commerce website called Aurum",
        enqueue=_queue,
    )
    build_runner.run_build(build.id)

    session.expire_all()
    done = session.get(Build, build.id)
    assert done.status == BuildStatus.SUCCEEDED and done.progress == 100 and done.version_number == 1
    version = versions.latest_version(session=session, project_id=project.id)
    assert "<title>Aurum | " in version.files["index.html"]
    assert version.plan["name"] == "Aurum" and version.qa_report["score"] == version.qa_score
    assert credits.balance(session=session, user_id=project.user_id) == 90

    stream = events.read(build.id)
    types = [event.type for event in stream]
    assert types[0] == events.BUILD_STARTED and types[-1] == events.BUILD_COMPLETE
    assert {"planner", "image", "frontend", "qa"} <= {event.agent for event in stream}
    progress = [event.progress for event in stream if event.progress is not None]
    assert progress == sorted(progress) and progress[-1] == 100
    assert stream[-1].data["version"] == 1
    assert [event.id for event in events.read(build.id, after=stream[3].id)] == [e.id for e in stream[4:]]
    # Each agent's time, as the stream shows it, is kept with the build for the monitor.
    assert set(done.agent_ms) == {"planner", "image", "frontend", "qa"}
    seen = agent_timings.spans(stream, end=stream[-1].ts)
    assert {a: done.agent_ms[a] for a in ("planner", "image", "frontend")} == {
        a: seen[a] for a in ("planner", "image", "frontend")
    }
    assert 0 <= done.agent_ms["qa"] <= seen["qa"]  # measured just before the completion was written


def test_running_a_finished_build_again_changes_nothing(session, project):
    build = builds.start_build(
        session=session, user_id=project.user_id, project_id=project.id, prompt="A cafe", enqueue=_queue
    )
    build_runner.run_build(build.id)
    count = len(events.read(build.id))
    build_runner.run_build(build.id)
    assert len(events.read(build.id)) == count
    assert versions.latest_version(session=session, project_id=project.id).number == 1
    assert credits.balance(session=session, user_id=project.user_id) == 90


def test_engine_crash_fails_with_a_readable_reason_and_refunds(session, project, monkeypatch):
    def explode(prompt, *, reporter, **options):
        reporter.agent("planner", "Reading your brief…", 5)
        raise RuntimeError("boom")

    monkeypatch.setattr(build_runner, "plan_site", explode)
    build = builds.start_build(
        session=session, user_id=project.user_id, project_id=project.id, prompt="A cafe", enqueue=_queue
    )
    build_runner.run_build(build.id)

    session.expire_all()
    failed = session.get(Build, build.id)
    assert failed.status == BuildStatus.FAILED and failed.error == build_runner.INTERNAL_ERROR
    assert credits.balance(session=session, user_id=project.user_id) == 100
    assert credits.ledger_sum(session=session, user_id=project.user_id) == 100
    last = events.read(build.id)[-1]
    assert last.type == events.BUILD_FAILED and "boom" not in last.message


def test_sweeper_refunds_a_build_whose_worker_went_silent(session, project):
    build = builds.start_build(
        session=session, user_id=project.user_id, project_id=project.id, prompt="A gym", enqueue=_queue
    )
    builds.mark_running(session=session, build_id=build.id)
    assert build_runner.sweep_stale_builds() == []
    session.execute(update(Build).where(Build.id == build.id).values(heartbeat_at=utcnow() - timedelta(minutes=30)))
    session.commit()

    assert build_runner.sweep_stale_builds() == [build.id]
    assert build_runner.sweep_stale_builds() == []
    session.expire_all()
    assert session.get(Build, build.id).status == BuildStatus.FAILED
    assert credits.balance(session=session, user_id=project.user_id) == 100
    assert events.read(build.id)[-1].type == events.BUILD_FAILED
    # The lost worker's job, redelivered later, must not resurrect the build.
    build_runner.run_build(build.id)
    assert versions.latest_version(session=session, project_id=project.id) is None


def test_one_build_at_a_time_per_project(session, project):
    builds.start_build(session=session, user_id=project.user_id, project_id=project.id, prompt="A shop", enqueue=_queue)
    with pytest.raises(BuildInProgress):
        builds.start_build(
            session=session, user_id=project.user_id, project_id=project.id, prompt="Again", enqueue=_queue
        )
    assert credits.balance(session=session, user_id=project.user_id) == 90


def test_prompt_is_validated_before_anything_is_written(session, project):
    with pytest.raises(ValidationFailed):
        builds.start_build(
            session=session, user_id=project.user_id, project_id=project.id, prompt="   ", enqueue=_queue
        )
    with pytest.raises(PromptTooLong):
        builds.start_build(
            session=session, user_id=project.user_id, project_id=project.id, prompt="x" * 5000, enqueue=_queue
        )
    assert credits.balance(session=session, user_id=project.user_id) == 100


def test_another_users_project_is_not_found(session, project, make_user):
    stranger, _ = make_user()
    with pytest.raises(ProjectNotFound):
        projects.get_project(session=session, user_id=stranger.id, project_id=project.id)
    with pytest.raises(ProjectNotFound):
        builds.start_build(
            session=session, user_id=stranger.id, project_id=project.id, prompt="Mine now", enqueue=_queue
        )


def test_request_key_returns_the_first_build(session, project):
    first = builds.start_build(
        session=session,
        user_id=project.user_id,
        project_id=project.id,
        prompt="A shop",
        enqueue=_queue,
        request_key="k1",
    )
    again = builds.start_build(
        session=session,
        user_id=project.user_id,
        project_id=project.id,
        prompt="A shop",
        enqueue=_queue,
        request_key="k1",
    )
    assert again.id == first.id
    assert credits.balance(session=session, user_id=project.user_id) == 90


def test_builds_in_flight_are_limited_per_user(session, project, settings_override):
    settings_override(MAX_BUILDS_IN_FLIGHT="1")
    builds.start_build(session=session, user_id=project.user_id, project_id=project.id, prompt="A shop", enqueue=_queue)
    second = projects.create_project(session=session, user_id=project.user_id, name="Second")
    with pytest.raises(RateLimited, match="1 builds in progress"):
        builds.start_build(
            session=session, user_id=project.user_id, project_id=second.id, prompt="A cafe", enqueue=_queue
        )
    assert credits.balance(session=session, user_id=project.user_id) == 90


def test_cancel_refunds_and_a_finished_build_cannot_be_cancelled(session, project):
    build = builds.start_build(
        session=session, user_id=project.user_id, project_id=project.id, prompt="A shop", enqueue=_queue
    )
    cancelled = builds.cancel_build(session=session, user_id=project.user_id, build_id=build.id)
    assert cancelled.status == BuildStatus.FAILED and cancelled.error == builds.CANCELLED
    assert credits.balance(session=session, user_id=project.user_id) == 100
    with pytest.raises(Conflict):
        builds.cancel_build(session=session, user_id=project.user_id, build_id=build.id)
    build_runner.run_build(build.id)  # the worker picks it up late: nothing happens
    assert versions.latest_version(session=session, project_id=project.id) is None


def test_a_chat_edit_is_charged_less_and_changes_the_version_it_was_asked_on(session, project):
    first = builds.start_build(
        session=session,
        user_id=project.user_id,
        project_id=project.id,
        prompt="Build a website for a bakery called Crumb Corner",
        enqueue=_queue,
    )
    build_runner.run_build(first.id)
    edit = builds.start_build(
        session=session, user_id=project.user_id, project_id=project.id, prompt="rename it to Rye Days", enqueue=_queue
    )
    assert (edit.kind, edit.base_version, edit.cost) == ("edit", 1, 2)
    build_runner.run_build(edit.id)
    session.expire_all()
    latest = versions.latest_version(session=session, project_id=project.id)
    older = versions.get_version(session=session, project_id=project.id, number=1)
    assert latest.number == 2 and latest.plan["name"] == "Rye Days" and latest.prompt == "rename it to Rye Days"
    assert latest.files["styles.css"] == older.files["styles.css"]
    assert credits.balance(session=session, user_id=project.user_id) == 88


def test_an_edit_that_changes_no_file_makes_no_version_and_costs_nothing(session, project):
    first = builds.start_build(
        session=session,
        user_id=project.user_id,
        project_id=project.id,
        prompt="A to-do app: tasks with a title and a due date",
        enqueue=_queue,
    )
    build_runner.run_build(first.id)
    # An app has no marketing copy, so its tone changes nothing.
    edit = builds.start_build(
        session=session,
        user_id=project.user_id,
        project_id=project.id,
        prompt="make the tone more playful",
        enqueue=_queue,
    )
    assert edit.kind == "edit" and credits.balance(session=session, user_id=project.user_id) == 88
    build_runner.run_build(edit.id)

    session.expire_all()
    done = session.get(Build, edit.id)
    assert done.status == BuildStatus.SUCCEEDED and done.version_number == 1 and done.charge_state == "refunded"
    assert versions.latest_version(session=session, project_id=project.id).number == 1
    assert credits.balance(session=session, user_id=project.user_id) == 90
    assert credits.ledger_sum(session=session, user_id=project.user_id) == 90
    answer = projects.list_messages(session=session, user_id=project.user_id, project_id=project.id)[-1].content
    assert "No file changed." in answer and answer.endswith(builds.UNCHANGED)
    final = events.read(edit.id)[-1]
    assert final.type == events.BUILD_COMPLETE and final.data["version"] == 1 and final.data["unchanged"] is True
    assert final.data["duration_ms"] >= 0  # the workspace shows the build's time with every ending
    # A change that does change a file is charged and makes a version, as before.
    rename = builds.start_build(
        session=session, user_id=project.user_id, project_id=project.id, prompt="make the accent teal", enqueue=_queue
    )
    build_runner.run_build(rename.id)
    session.expire_all()
    assert versions.latest_version(session=session, project_id=project.id).number == 2
    assert credits.balance(session=session, user_id=project.user_id) == 88


def test_an_edit_the_engine_does_not_understand_is_answered_free(session, project):
    first = builds.start_build(
        session=session, user_id=project.user_id, project_id=project.id, prompt="Build a site for a gym", enqueue=_queue
    )
    build_runner.run_build(first.id)
    with pytest.raises(EditNotUnderstood, match="make the header dark"):
        builds.start_build(
            session=session, user_id=project.user_id, project_id=project.id, prompt="sing me a song", enqueue=_queue
        )
    assert credits.balance(session=session, user_id=project.user_id) == 90
    assert credits.ledger_sum(session=session, user_id=project.user_id) == 90
    messages = projects.list_messages(session=session, user_id=project.user_id, project_id=project.id)
    assert [m.role for m in messages[-2:]] == ["user", "assistant"] and "make the header dark" in messages[-1].content
    assert builds.latest_build(session=session, user_id=project.user_id, project_id=project.id).id == first.id


def test_a_projects_builds_and_chat_are_read_by_its_owner_only(session, project, make_user):
    build = builds.start_build(
        session=session, user_id=project.user_id, project_id=project.id, prompt="Build a site for a gym", enqueue=_queue
    )
    stranger, _ = make_user()
    assert builds.latest_build(session=session, user_id=stranger.id, project_id=project.id) is None
    assert projects.list_messages(session=session, user_id=stranger.id, project_id=project.id) == []
    assert builds.latest_build(session=session, user_id=project.user_id, project_id=project.id).id == build.id
    chat = projects.list_messages(session=session, user_id=project.user_id, project_id=project.id)
    assert [m.content for m in chat] == ["Build a site for a gym"]


def test_duplicate_copies_the_latest_version_into_a_new_project(session, project):
    build = builds.start_build(
        session=session, user_id=project.user_id, project_id=project.id, prompt="A gym called Lift", enqueue=_queue
    )
    build_runner.run_build(build.id)
    copy = versions.duplicate_project(session=session, user_id=project.user_id, project_id=project.id)
    original = versions.latest_version(session=session, project_id=project.id)
    copied = versions.latest_version(session=session, project_id=copy.id)
    assert copy.id != project.id and copy.name == f"{project.name} (copy)"
    assert copied.number == 1 and copied.files == original.files and copied.plan == original.plan
    with pytest.raises(ProjectNotFound):
        versions.duplicate_project(session=session, user_id="someone-else", project_id=project.id)


def test_a_build_requests_counts_read_the_partial_indexes_of_active_builds(session, project):
    """With the statuses as bound parameters PostgreSQL could not use them once prepared, and
    every request would read all of the user's builds ever run."""
    from sqlalchemy import event, text

    sent = []
    connection = session.connection()
    event.listen(connection, "before_cursor_execute", lambda *args: sent.append((args[2], args[3])))
    for statement in (builds._LOCKED_COUNTS, builds._TARGET):
        session.execute(statement, {"user_id": project.user_id, "project_id": project.id}).all()
    session.execute(text("SET LOCAL enable_seqscan = off"))
    plans = [
        "\n".join(row[0] for row in connection.exec_driver_sql("EXPLAIN " + sql, params).all())
        for sql, params in sent[:2]
    ]
    session.rollback()
    assert "IN ('queued', 'running')" in sent[0][0]
    assert "ix_builds_user_active" in plans[0], plans[0]
    assert "uq_builds_project_active" in plans[1], plans[1]
