"""What the credits page shows: the ledger filtered and paged, and the credits used per day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, col, func, select

from autowebiq_app.db_types import utcnow
from autowebiq_app.models import Build, CreditTransaction, LedgerKind

KIND_NAMES = {
    LedgerKind.GRANT: "Credits added",
    LedgerKind.BUILD_RESERVE: "Build or edit",
    LedgerKind.BUILD_REFUND: "Refund",
    LedgerKind.ORIGINAL_BALANCE: "Carried over",
}
"""How each kind of ledger row is named to a person (imported rows keep their own description)."""
FILTERS = {"all": None, "spent": "spent", "refunds": LedgerKind.BUILD_REFUND, "added": LedgerKind.GRANT}


@dataclass(frozen=True)
class LedgerPage:
    rows: list[tuple[CreditTransaction, str | None]]
    """Each row with the project of its build (None when it has no build)."""
    total: int


def ledger_page(*, session: Session, user_id: str, show: str = "all", limit: int = 20, offset: int = 0) -> LedgerPage:
    """The user's ledger newest first, filtered by `show` (a key of FILTERS; anything else is all)."""
    query = (
        select(CreditTransaction, Build.project_id)
        .join(Build, col(Build.id) == col(CreditTransaction.build_id), isouter=True)
        .where(CreditTransaction.user_id == user_id)
    )
    count = select(func.count()).select_from(CreditTransaction).where(CreditTransaction.user_id == user_id)
    wanted = FILTERS.get(show)
    if wanted == "spent":
        query, count = query.where(CreditTransaction.amount < 0), count.where(CreditTransaction.amount < 0)
    elif wanted is not None:
        query, count = query.where(CreditTransaction.kind == wanted), count.where(CreditTransaction.kind == wanted)
    rows = session.exec(
        query.order_by(col(CreditTransaction.created_at).desc(), col(CreditTransaction.id).desc())
        .limit(limit)
        .offset(offset)
    ).all()
    return LedgerPage(rows=[(row, project_id) for row, project_id in rows], total=session.exec(count).one())


def used_per_day(
    *, session: Session, user_id: str, days: int = 30, today: date | None = None
) -> list[tuple[date, int]]:
    """Credits used (charged less refunded) on each of the last `days` days, oldest first, zeros included."""
    today = today or utcnow().date()
    first = today - timedelta(days=days - 1)
    day = func.date(CreditTransaction.created_at)
    used = dict(
        session.exec(
            select(day, func.sum(CreditTransaction.amount))
            .where(
                CreditTransaction.user_id == user_id,
                col(CreditTransaction.kind).in_([LedgerKind.BUILD_RESERVE, LedgerKind.BUILD_REFUND]),
                CreditTransaction.created_at >= datetime.combine(first, time.min, tzinfo=UTC),
            )
            .group_by(day)
        ).all()
    )
    by_day = {(d if isinstance(d, date) else date.fromisoformat(str(d))): -int(total) for d, total in used.items()}
    return [(first + timedelta(days=n), by_day.get(first + timedelta(days=n), 0)) for n in range(days)]


def kind_name(row: CreditTransaction) -> str:
    return KIND_NAMES.get(row.kind, row.description or row.kind.replace("_", " ").capitalize())
