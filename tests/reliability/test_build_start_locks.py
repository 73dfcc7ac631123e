"""A build start takes the user's row lock with its debit, and reads what decides it after
that lock: a deletion of the project, or another start, that held the lock first is seen."""

from __future__ import annotations

import threading
import time

import pytest
from sqlmodel import select

from autowebiq_app.core.db import session_scope
from autowebiq_app.db_types import utcnow
from autowebiq_app.errors import BuildInProgress, ProjectNotFound, RateLimited
from autowebiq_app.models import Build, Project, User
from autowebiq_app.services import builds, credits, projects


def _start_in_thread(user_id: str, project_id: str, outcome: list) -> threading.Thread:
    def run() -> None:
        with session_scope() as own:
            try:
                outcome.append(
                    builds.start_build(
                        session=own, user_id=user_id, project_id=project_id, prompt="A shop", enqueue=lambda b: "t"
                    ).id
                )
            except Exception as exc:  # noqa: BLE001  (the test reads what it was)
                outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def _waits_on_a_lock(thread: threading.Thread) -> None:
    time.sleep(0.5)
    assert thread.is_alive(), "the start did not wait for the user's row lock"


def test_a_start_waiting_on_a_deletion_sees_the_project_gone_and_takes_nothing(session, make_user):
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Doomed")
    outcome: list = []
    with session_scope() as deleting:  # what project_deletion does, held open
        deleting.exec(select(User.id).where(User.id == user.id).with_for_update()).one()
        row = deleting.get(Project, project.id)
        row.archived_at = utcnow()
        deleting.add(row)
        deleting.flush()
        thread = _start_in_thread(user.id, project.id, outcome)
        _waits_on_a_lock(thread)
        deleting.commit()
    thread.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], ProjectNotFound)
    session.expire_all()
    assert session.exec(select(Build).where(Build.project_id == project.id)).all() == []
    assert credits.balance(session=session, user_id=user.id) == 100
    assert credits.ledger_sum(session=session, user_id=user.id) == 100


@pytest.mark.parametrize("same_project", [True, False])
def test_a_start_waiting_on_another_start_counts_its_build(session, make_user, settings_override, same_project):
    settings_override(MAX_BUILDS_IN_FLIGHT="1")
    user, _ = make_user()
    first = projects.create_project(session=session, user_id=user.id, name="First")
    second = first if same_project else projects.create_project(session=session, user_id=user.id, name="Second")
    outcome: list = []
    with session_scope() as starting:
        # The first start, held open after its debit (so it holds the user's row lock).
        balance = credits.take(session=starting, user_id=user.id, cost=10)
        build = Build(project_id=first.id, user_id=user.id, prompt="A gym", cost=10)
        build.task_id = build.id
        starting.add(build)
        credits.record_reservation(session=starting, user_id=user.id, build_id=build.id, cost=10, balance_after=balance)
        starting.flush()
        thread = _start_in_thread(user.id, second.id, outcome)
        _waits_on_a_lock(thread)
        starting.commit()
    thread.join(30)
    expected = BuildInProgress if same_project else RateLimited
    assert len(outcome) == 1 and isinstance(outcome[0], expected), outcome
    assert credits.balance(session=session, user_id=user.id) == 90
    assert credits.ledger_sum(session=session, user_id=user.id) == 90
