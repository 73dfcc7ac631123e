"""A running build's work between its steps (see `models.BuildDraft`): saved by one step for
the next, read by it, and removed when the build ends (`builds.complete_build`/`fail_build`)."""

from __future__ import annotations

from sqlalchemy import delete, update
from sqlmodel import Session, col

from autowebiq_app.db_types import utcnow
from autowebiq_app.models import Build, BuildDraft, BuildStatus


def save(*, session: Session, build_id: str, stage: str, planned: dict, drawn: dict | None = None) -> bool:
    """Store the draft for the step `stage` and prove the build alive; False (nothing stored)
    if the build is no longer running (cancelled or swept meanwhile). Commits."""
    now = utcnow()
    alive = session.execute(
        update(Build)
        .where(col(Build.id) == build_id, col(Build.status) == BuildStatus.RUNNING)
        .values(heartbeat_at=now)
    )
    if alive.rowcount != 1:
        session.rollback()
        return False
    draft = session.get(BuildDraft, build_id, populate_existing=True) or BuildDraft(build_id=build_id, stage=stage)
    draft.stage, draft.planned, draft.drawn, draft.updated_at = stage, planned, drawn, now
    session.add(draft)
    session.commit()
    return True


def load(*, session: Session, build_id: str) -> BuildDraft | None:
    return session.get(BuildDraft, build_id, populate_existing=True)


def discard(*, session: Session, build_id: str) -> None:
    """Remove the build's draft, in the caller's transaction (it commits)."""
    session.execute(delete(BuildDraft).where(col(BuildDraft.build_id) == build_id))
