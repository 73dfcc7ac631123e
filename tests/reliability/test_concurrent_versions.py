"""Concurrent restores, and a restore racing a build's completion, get distinct version numbers."""

from __future__ import annotations

import threading

import pytest

from autowebiq_app.core.db import session_scope
from autowebiq_app.errors import Conflict, ProjectNotFound
from autowebiq_app.services import builds, projects, versions

RESTORES = 20


def _run_together(calls) -> list:
    start = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index: int) -> None:
        start.wait()
        try:
            results[index] = calls[index]()
        except Exception as exc:  # reported by the assertions below
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def _restore(user_id: str, project_id: str) -> int:
    with session_scope() as session:
        return versions.restore_version(session=session, user_id=user_id, project_id=project_id, number=1).number


def test_concurrent_restores_take_consecutive_numbers(session, make_user):
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Restore me")
    versions.create_version(session=session, project_id=project.id, files={"index.html": "v1"}, plan={}, prompt="v1")
    session.commit()

    numbers = _run_together([lambda: _restore(user.id, project.id)] * RESTORES)

    assert all(isinstance(n, int) for n in numbers), numbers
    assert sorted(numbers) == list(range(2, RESTORES + 2))


def test_a_restore_racing_a_builds_completion_takes_another_number(session, make_user):
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Race")
    versions.create_version(session=session, project_id=project.id, files={"index.html": "v1"}, plan={}, prompt="v1")
    session.commit()
    build = builds.start_build(
        session=session, user_id=user.id, project_id=project.id, prompt="A cafe called Race", enqueue=lambda b: "t"
    )
    builds.mark_running(session=session, build_id=build.id)

    def complete() -> int:
        with session_scope() as own:
            return builds.complete_build(
                session=own, build_id=build.id, files={"index.html": "built"}, plan={}, qa_report={}, summary="Done"
            ).number

    results = _run_together([complete, *[lambda: _restore(user.id, project.id)] * 5])

    # A restore is refused while the build runs; one that passed that check as the build
    # completed still gets a number of its own.
    assert isinstance(results[0], int), results
    numbers = [r for r in results if isinstance(r, int)]
    assert all(isinstance(r, int | Conflict) for r in results), results
    assert sorted(numbers) == list(range(2, 2 + len(numbers)))


def test_a_restore_is_refused_while_a_build_runs_and_for_another_users_project(session, make_user):
    user, _ = make_user()
    stranger, _ = make_user(email="stranger@example.com")
    project = projects.create_project(session=session, user_id=user.id, name="Busy")
    versions.create_version(session=session, project_id=project.id, files={"index.html": "v1"}, plan={}, prompt="v1")
    session.commit()
    with pytest.raises(ProjectNotFound):
        versions.restore_version(session=session, user_id=stranger.id, project_id=project.id, number=1)
    builds.start_build(session=session, user_id=user.id, project_id=project.id, prompt="A cafe", enqueue=lambda b: "t")
    with pytest.raises(Conflict, match="restore when it has finished"):
        versions.restore_version(session=session, user_id=user.id, project_id=project.id, number=1)
    assert versions.latest_version(session=session, project_id=project.id).number == 1
