"""Deleting a project (the original AutoWebIQ's DELETE /api/projects/{id}): it is archived,
so it disappears from every list and lookup while its builds and ledger rows stay intact."""

from __future__ import annotations

from sqlmodel import Session, col, select

from autowebiq_app.db_types import utcnow
from autowebiq_app.errors import BuildInProgress, ProjectNotFound
from autowebiq_app.models import Project, User
from autowebiq_app.services import builds, projects, publishing


def delete_project(*, session: Session, user_id: str, project_id: str) -> None:
    """Archive the user's project and take its site down, in one transaction; commits.

    Raises:
        ProjectNotFound: not the user's project, or already deleted.
        BuildInProgress: a build is queued or running on it; nothing was changed.
    """
    # The lock a build start takes with its debit, so no build can start on a deleted project.
    session.exec(select(User.id).where(User.id == user_id).with_for_update()).one()
    project = projects.get_project(session=session, user_id=user_id, project_id=project_id)
    if builds.active_build(session=session, project_id=project.id) is not None:
        session.rollback()
        raise BuildInProgress("A build is running for this project. Cancel it or let it finish, then delete.")
    publishing.take_down(session=session, project=project)
    project.archived_at = utcnow()
    session.add(project)
    session.commit()


def undo_delete(*, session: Session, user_id: str, project_id: str) -> Project:
    """Bring back the user's deleted project (its versions and chat; its site stays unpublished); commits.

    Raises:
        ProjectNotFound: not the user's project, or not deleted.
    """
    project = session.exec(
        select(Project).where(
            Project.id == project_id, Project.user_id == user_id, col(Project.archived_at).is_not(None)
        )
    ).first()
    if project is None:
        raise ProjectNotFound()
    project.archived_at = None
    session.add(project)
    session.commit()
    session.refresh(project)
    return project
