"""A user's totals: projects, versions, builds by state, and credits held and spent."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, func, select

from autowebiq_app.models import Build, ProjectVersion
from autowebiq_app.services import credit_cache, credits, project_overview, projects

BUILD_STATES = ("queued", "running", "succeeded", "failed")


@dataclass(frozen=True)
class AccountTotals:
    projects: int
    completed_projects: int
    versions: int
    builds: dict[str, int]
    balance: int
    credits_spent: int


def totals(*, session: Session, user_id: str) -> AccountTotals:
    """The user's totals over their projects (deleted ones left out)."""
    rows = projects.list_projects(session=session, user_id=user_id, limit=1_000_000)
    overviews = project_overview.overviews(session=session, projects=rows, with_code=False)
    ids = [project.id for project in rows]
    by_status = dict(
        session.exec(select(Build.status, func.count()).where(Build.user_id == user_id).group_by(Build.status)).all()
    )
    versions = session.exec(
        select(func.count()).select_from(ProjectVersion).where(col(ProjectVersion.project_id).in_(ids))
    ).one()
    ledger = credit_cache.stats(
        user_id=user_id,
        load=lambda: {
            "balance": credits.balance(session=session, user_id=user_id),
            "credits_spent": credits.spent(session=session, user_id=user_id),
        },
    )
    return AccountTotals(
        projects=len(rows),
        completed_projects=sum(1 for o in overviews.values() if o.status == project_overview.COMPLETED),
        versions=versions,
        builds={state: by_status.get(state, 0) for state in BUILD_STATES},
        balance=ledger["balance"],
        credits_spent=ledger["credits_spent"],
    )
