"""The credits ledger: grant, reserve for a build, settle, refund.

`users.credits` is a cache of the ledger: every change to it happens in the same
transaction as the `credit_transactions` row that explains it, so the balance always
equals the sum of the ledger. Reservations are one conditional UPDATE (never
read-then-write), and every ledger row carries a unique idempotency key.
"""

from __future__ import annotations

from sqlalchemy import bindparam, func, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, col, select

from autowebiq_app.errors import InsufficientCredits, NotFound
from autowebiq_app.models import Build, ChargeState, CreditTransaction, LedgerKind, User
from autowebiq_app.services import credit_cache


def balance(*, session: Session, user_id: str) -> int:
    """The user's current balance."""
    credits = session.exec(select(User.credits).where(User.id == user_id)).first()
    if credits is None:
        raise NotFound("User not found.")
    return credits


def ledger_sum(*, session: Session, user_id: str) -> int:
    """The sum of the user's ledger rows (equal to `balance` by construction)."""
    total = session.exec(
        select(func.coalesce(func.sum(CreditTransaction.amount), 0)).where(CreditTransaction.user_id == user_id)
    ).one()
    return int(total)


def grant(*, session: Session, user_id: str, amount: int, idempotency_key: str, description: str) -> CreditTransaction:
    """Add credits once per `idempotency_key`; a repeated key returns the first entry."""
    if amount <= 0:
        raise ValueError("a grant must be positive")
    existing = session.exec(
        select(CreditTransaction).where(CreditTransaction.idempotency_key == idempotency_key)
    ).first()
    if existing is not None:
        return existing
    new_balance = _add_to_balance(session=session, user_id=user_id, delta=amount)
    return _append(
        session=session,
        user_id=user_id,
        kind=LedgerKind.GRANT,
        amount=amount,
        balance_after=new_balance,
        idempotency_key=idempotency_key,
        description=description,
    )


def take(*, session: Session, user_id: str, cost: int) -> int | None:
    """Debit `cost` in the caller's transaction if the balance covers it: the new balance, or
    None (nothing taken). One conditional UPDATE, which also holds the user's row lock until the
    transaction ends; the caller records why (`record_reservation`) before it commits."""
    new_balance = session.execute(_DEBIT, {"user_id": user_id, "cost": cost}).scalar_one_or_none()
    loaded = session.identity_map.get(session.identity_key(User, user_id))
    if loaded is not None and new_balance is not None:
        set_committed_value(loaded, "credits", new_balance)
    return new_balance


_DEBIT = (
    update(User)
    .where(col(User.id) == bindparam("user_id"), col(User.credits) >= bindparam("cost"))
    .values(credits=User.credits - bindparam("cost"))
    .returning(User.credits)
    # Not synchronized by evaluating the WHERE clause in Python (which cost more than the UPDATE
    # itself): `take` gives the user's loaded row, if any, the new balance.
    .execution_options(synchronize_session=False)
)
"""Built once, as the other statements every build request runs."""


def record_reservation(*, session: Session, user_id: str, build_id: str, cost: int, balance_after: int) -> None:
    """The ledger row of a build's reservation taken by `take`, in the same transaction."""
    _append(
        session=session,
        user_id=user_id,
        build_id=build_id,
        kind=LedgerKind.BUILD_RESERVE,
        amount=-cost,
        balance_after=balance_after,
        idempotency_key=f"build:{build_id}:reserve",
        description="Build",
    )


def insufficient(*, session: Session, user_id: str, cost: int) -> InsufficientCredits:
    """The error for a build `take` could not pay for, with the balance it found."""
    return InsufficientCredits(balance=balance(session=session, user_id=user_id), cost=cost)


def settle_build(*, session: Session, build_id: str) -> bool:
    """Make a build's reservation final; False if it was already settled or refunded."""
    result = session.execute(
        update(Build)
        .where(col(Build.id) == build_id, col(Build.charge_state) == ChargeState.RESERVED)
        .values(charge_state=ChargeState.SETTLED)
    )
    return result.rowcount == 1


def refund_build(*, session: Session, build_id: str, reason: str) -> bool:
    """Give back a build's reserved credits, at most once per build.

    The charge-state transition is a conditional UPDATE, so two concurrent refunds of one
    build cannot both pass; the unique ledger key is the second guard.

    Returns:
        True if this call refunded, False if the build was settled or refunded before.
    """
    row = session.execute(
        update(Build)
        .where(col(Build.id) == build_id, col(Build.charge_state) == ChargeState.RESERVED)
        .values(charge_state=ChargeState.REFUNDED)
        .returning(Build.user_id, Build.cost)
    ).first()
    if row is None:
        return False
    user_id, cost = row
    new_balance = _add_to_balance(session=session, user_id=user_id, delta=cost)
    _append(
        session=session,
        user_id=user_id,
        build_id=build_id,
        kind=LedgerKind.BUILD_REFUND,
        amount=cost,
        balance_after=new_balance,
        idempotency_key=f"build:{build_id}:refund",
        description=f"Refund: {reason}"[:255],
    )
    return True


def count_entries(*, session: Session, user_id: str) -> int:
    return session.exec(
        select(func.count()).select_from(CreditTransaction).where(CreditTransaction.user_id == user_id)
    ).one()


SPENDING_KINDS = (LedgerKind.BUILD_RESERVE, LedgerKind.BUILD_REFUND, "original_deduction", "original_refund")


def spent(*, session: Session, user_id: str) -> int:
    """Credits spent on builds, net of their refunds (the original AutoWebIQ's imported ones too)."""
    total = session.exec(
        select(func.coalesce(func.sum(CreditTransaction.amount), 0)).where(
            CreditTransaction.user_id == user_id, col(CreditTransaction.kind).in_(SPENDING_KINDS)
        )
    ).one()
    return -int(total)


CARRIED_OVER = "Balance carried over from the original AutoWebIQ"


def carry_over(*, session: Session, user_id: str, entries: list, balance: int, key: str) -> int:
    """Write a user's imported history as ledger rows, in order, then one row for whatever
    the balance held beyond them, and set the balance: the ledger still sums to it. In the
    caller's transaction; `entries` have `kind`, `amount`, `description`, `created_at` and a
    unique `key`. Returns the rows written.

    Raises:
        ValueError: `balance` is negative (the balance never is).
    """
    if balance < 0:
        raise ValueError("a balance is never negative")
    running = 0
    for entry in entries:
        running += entry.amount
        _append(
            session=session,
            user_id=user_id,
            kind=entry.kind,
            amount=entry.amount,
            balance_after=running,
            idempotency_key=entry.key,
            description=entry.description,
            created_at=entry.created_at,
        )
    written = len(entries)
    if balance != running:
        _append(
            session=session,
            user_id=user_id,
            kind=LedgerKind.ORIGINAL_BALANCE,
            amount=balance - running,
            balance_after=balance,
            idempotency_key=key,
            description=CARRIED_OVER,
        )
        written += 1
    session.execute(update(User).where(col(User.id) == user_id).values(credits=balance))
    return written


def history(*, session: Session, user_id: str, limit: int = 50, offset: int = 0) -> list[CreditTransaction]:
    """The user's ledger, newest first."""
    return list(
        session.exec(
            select(CreditTransaction)
            .where(CreditTransaction.user_id == user_id)
            .order_by(col(CreditTransaction.id).desc())
            .offset(offset)
            .limit(limit)
        )
    )


def _add_to_balance(*, session: Session, user_id: str, delta: int) -> int:
    new_balance = session.execute(
        update(User).where(col(User.id) == user_id).values(credits=User.credits + delta).returning(User.credits)
    ).scalar_one_or_none()
    if new_balance is None:
        raise NotFound("User not found.")
    return new_balance


def _append(*, session: Session, **fields) -> CreditTransaction:
    entry = CreditTransaction(**fields)
    session.add(entry)
    session.flush()
    # Cached balances and stats of this user stop being used when this transaction commits.
    credit_cache.written(session=session, user_id=entry.user_id, kind=entry.kind)
    return entry
