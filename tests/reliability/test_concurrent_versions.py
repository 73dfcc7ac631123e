"""Concurrent restores, and a restore racing a build's completion, get distinct version numbers."""

from __future__ import annotations

import threading

from autowebiq_app.db import session_scope
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


def _restore(project_id: str) -> int:
    with session_scope() as session:
        return versions.restore_version(session=session, project_id=project_id, number=1).number


def test_concurrent_restores_take_consecutive_numbers(session, make_user):
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Restore me")
    versions.create_version(session=session, project_id=project.id, files={"index.html": "v1"}, plan={}, prompt="v1")
    session.commit()

    numbers = _run_together([lambda: _restore(project.id)] * RESTORES)

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

    results = _run_together([complete, *[lambda: _restore(project.id)] * 5])

    assert all(isinstance(n, int) for n in results), results
    assert sorted(results) == list(range(2, 8))
