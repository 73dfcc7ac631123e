"""Projects and their chat messages, always scoped to their owner."""

from __future__ import annotations

from sqlmodel import Session, col, select

from autowebiq_app.db_types import utcnow
from autowebiq_app.errors import ProjectNotFound, ValidationFailed
from autowebiq_app.models import Project, ProjectMessage
from autowebiq_app.text_input import reject_control_characters

MAX_NAME_CHARS = 120


def create_project(*, session: Session, user_id: str, name: str, description: str = "") -> Project:
    """Create a project owned by `user_id`; commits."""
    name = " ".join(reject_control_characters(name or "", field="project name").split())
    reject_control_characters(description or "", field="description", multiline=True)
    if not name:
        raise ValidationFailed("Give the project a name.")
    if len(name) > MAX_NAME_CHARS:
        raise ValidationFailed(f"Keep the project name under {MAX_NAME_CHARS} characters.")
    if len(description or "") > 2000:
        raise ValidationFailed("Keep the description under 2000 characters.")
    project = Project(user_id=user_id, name=name, description=(description or "").strip())
    session.add(project)
    session.commit()
    return project


def list_projects(*, session: Session, user_id: str, limit: int = 100, offset: int = 0) -> list[Project]:
    """The user's projects, most recently updated first."""
    return list(
        session.exec(
            select(Project)
            .where(Project.user_id == user_id)
            .order_by(col(Project.updated_at).desc(), col(Project.id))
            .offset(offset)
            .limit(limit)
        )
    )


def get_project(*, session: Session, user_id: str, project_id: str) -> Project:
    """The project if `user_id` owns it; anyone else's is reported as not found."""
    project = session.exec(select(Project).where(Project.id == project_id, Project.user_id == user_id)).first()
    if project is None:
        raise ProjectNotFound()
    return project


def touch(*, session: Session, project_id: str) -> None:
    project = session.get(Project, project_id)
    if project is not None:
        project.updated_at = utcnow()
        session.add(project)


def add_message(
    *, session: Session, project_id: str, role: str, content: str, build_id: str | None = None
) -> ProjectMessage:
    """Append a chat message in the caller's transaction."""
    message = ProjectMessage(project_id=project_id, role=role, content=content, build_id=build_id)
    session.add(message)
    return message


def list_messages(*, session: Session, project_id: str, limit: int = 200) -> list[ProjectMessage]:
    return list(
        session.exec(
            select(ProjectMessage)
            .where(ProjectMessage.project_id == project_id)
            .order_by(col(ProjectMessage.created_at), col(ProjectMessage.id))
            .limit(limit)
        )
    )
