"""The credits ledger: exact under concurrency, refunds once, never negative."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from autowebiq_app.core.db import session_scope
from autowebiq_app.errors import InsufficientCredits, QueueUnavailable
from autowebiq_app.models import Build, BuildStatus, ChargeState, CreditTransaction, User
from autowebiq_app.services import builds, credits, projects


def _no_enqueue(build_id: str) -> str:
    return f"task-{build_id}"


def test_signup_grants_starting_credits_through_the_ledger(session, make_user):
    user, _ = make_user()
    assert credits.balance(session=session, user_id=user.id) == 100
    rows = credits.history(session=session, user_id=user.id)
    assert [(r.kind, r.amount, r.balance_after) for r in rows] == [("grant", 100, 100)]


def test_grant_is_idempotent_per_key(session, make_user):
    user, _ = make_user()
    for _ in range(3):
        credits.grant(session=session, user_id=user.id, amount=25, idempotency_key="promo:1", description="Promo")
        session.commit()
    assert credits.balance(session=session, user_id=user.id) == 125
    assert credits.ledger_sum(session=session, user_id=user.id) == 125


def test_fifty_concurrent_builds_against_a_balance_for_seven(session, make_user):
    user, _ = make_user()
    # 100 starting credits + 0 -> set the balance to exactly 7 builds (70) through the ledger.
    session.add(
        CreditTransaction(user_id=user.id, kind="adjustment", amount=-30, balance_after=70, idempotency_key="adj")
    )
    user_row = session.get(User, user.id)
    user_row.credits = 70
    session.commit()
    project_ids = [projects.create_project(session=session, user_id=user.id, name=f"Site {i}").id for i in range(50)]
    barrier = threading.Barrier(50)
    outcomes: list[str] = []
    lock = threading.Lock()

    def attempt(project_id: str) -> None:
        barrier.wait()
        with session_scope() as own:
            try:
                builds.start_build(
                    session=own, user_id=user.id, project_id=project_id, prompt="A bakery", enqueue=_no_enqueue
                )
                result = "ok"
            except InsufficientCredits:
                result = "insufficient"
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=attempt, args=(pid,)) for pid in project_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes.count("ok") == 7
    assert outcomes.count("insufficient") == 43
    session.expire_all()
    assert credits.balance(session=session, user_id=user.id) == 0
    assert credits.ledger_sum(session=session, user_id=user.id) == 0
    assert len(session.exec(select(Build)).all()) == 7


def test_insufficient_credits_writes_nothing(session, make_user):
    user, _ = make_user()
    user_row = session.get(User, user.id)
    project = projects.create_project(session=session, user_id=user.id, name="Shop")
    session.add(CreditTransaction(user_id=user.id, kind="adjustment", amount=-95, balance_after=5, idempotency_key="a"))
    user_row.credits = 5
    session.commit()
    with pytest.raises(InsufficientCredits) as info:
        builds.start_build(
            session=session, user_id=user.id, project_id=project.id, prompt="A shop", enqueue=_no_enqueue
        )
    assert "costs 10 credits but your balance is 5" in info.value.message
    assert session.exec(select(Build)).all() == []
    assert credits.balance(session=session, user_id=user.id) == 5
    assert projects.list_messages(session=session, user_id=project.user_id, project_id=project.id) == []


def test_refund_happens_exactly_once_even_when_raced(session, make_user):
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Shop")
    build = builds.start_build(
        session=session, user_id=user.id, project_id=project.id, prompt="A shop", enqueue=_no_enqueue
    )
    assert credits.balance(session=session, user_id=user.id) == 90

    results: list[bool] = []
    barrier = threading.Barrier(10)

    def refund() -> None:
        barrier.wait()
        with session_scope() as own:
            results.append(credits.refund_build(session=own, build_id=build.id, reason="test"))
            own.commit()

    threads = [threading.Thread(target=refund) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 1
    session.expire_all()
    assert credits.balance(session=session, user_id=user.id) == 100
    assert credits.ledger_sum(session=session, user_id=user.id) == 100
    assert session.get(Build, build.id).charge_state == ChargeState.REFUNDED


def test_settled_build_is_never_refunded(session, make_user):
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Shop")
    build = builds.start_build(
        session=session, user_id=user.id, project_id=project.id, prompt="A shop", enqueue=_no_enqueue
    )
    assert credits.settle_build(session=session, build_id=build.id)
    session.commit()
    assert not credits.refund_build(session=session, build_id=build.id, reason="late")
    assert credits.balance(session=session, user_id=user.id) == 90
    assert credits.ledger_sum(session=session, user_id=user.id) == 90


def test_balance_can_never_go_negative(session, make_user):
    user, _ = make_user()
    user_row = session.get(User, user.id)
    user_row.credits = -1
    with pytest.raises(IntegrityError):
        session.commit()


def test_failed_enqueue_refunds_and_fails_the_build(session, make_user):
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Shop")

    def broken_queue(build_id: str) -> str:
        raise ConnectionError("redis is down")

    with pytest.raises(QueueUnavailable):
        builds.start_build(
            session=session, user_id=user.id, project_id=project.id, prompt="A shop", enqueue=broken_queue
        )
    build = session.exec(select(Build).where(Build.project_id == project.id)).one()
    assert build.status == BuildStatus.FAILED
    assert "queue is unavailable" in build.error
    assert credits.balance(session=session, user_id=user.id) == 100
    assert credits.ledger_sum(session=session, user_id=user.id) == 100


def test_a_debit_brings_the_sessions_loaded_user_up_to_date(session, make_user):
    user, _ = make_user()
    loaded = session.get(User, user.id)
    assert credits.take(session=session, user_id=user.id, cost=10) == 90
    assert loaded.credits == 90 and not session.dirty
    assert credits.take(session=session, user_id=user.id, cost=1000) is None
    assert loaded.credits == 90
    session.rollback()
    assert credits.balance(session=session, user_id=user.id) == 100
