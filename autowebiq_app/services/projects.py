"""Projects and their chat messages, always scoped to their owner."""

from __future__ import annotations

from sqlalchemy import bindparam, update
from sqlmodel import Session, col, func, select

from autowebiq_app.core.config import get_settings
from autowebiq_app.db_types import utcnow
from autowebiq_app.errors import ProjectNotFound, UnknownModel, ValidationFailed
from autowebiq_app.models import Project, ProjectMessage
from autowebiq_app.text_input import reject_control_characters

MAX_NAME_CHARS = 120


class _Keep:
    """Marks an argument the caller left out (so None can mean "the default")."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()


def create_project(
    *, session: Session, user_id: str, name: str, description: str = "", model: str | None = None
) -> Project:
    """Create a project owned by `user_id`; commits.

    Raises:
        UnknownModel: `model` is not one this deployment offers; nothing was written.
    """
    project = Project(
        user_id=user_id,
        name=_clean_name(name),
        description=_clean_description(description),
        model=choose_model(model),
    )
    session.add(project)
    session.commit()
    return project


def update_project(
    *,
    session: Session,
    user_id: str,
    project_id: str,
    name: str | _Keep = KEEP,
    description: str | _Keep = KEEP,
    model: str | None | _Keep = KEEP,
) -> Project:
    """Change what is given of the project's name, description and model; commits.

    Raises:
        ProjectNotFound: not the user's project.
        UnknownModel: `model` is not offered; nothing was written.
    """
    project = get_project(session=session, user_id=user_id, project_id=project_id)
    if not isinstance(name, _Keep):
        project.name = _clean_name(name)
    if not isinstance(description, _Keep):
        project.description = _clean_description(description)
    if not isinstance(model, _Keep):
        project.model = choose_model(model)
    project.updated_at = utcnow()
    session.add(project)
    session.commit()
    session.refresh(project)
    return project


def choose_model(requested: str | None) -> str | None:
    """The model to store for a project: one of `Settings.models()`, or None for the default.

    Without a configured model (LLM_PROVIDER=offline) every request is ignored rather than
    refused, so clients that always send a model keep working; a deployment with models
    refuses one it does not offer.
    """
    requested = (requested or "").strip()
    offered = get_settings().models()
    if not requested or not offered:
        return None
    if requested not in offered:
        raise UnknownModel(requested, offered)
    return requested


def project_model(project: Project) -> tuple[str | None, str | None]:
    """(model its builds use, the model it asked for when that is no longer offered).

    The first is None when no model is configured (the built-in engine builds)."""
    offered = get_settings().models()
    if project.model and project.model not in offered:
        return (offered[0] if offered else None), project.model
    return (project.model or (offered[0] if offered else None)), None


def _clean_name(name: str) -> str:
    name = " ".join(reject_control_characters(name or "", field="project name").split())
    if not name:
        raise ValidationFailed("Give the project a name.")
    if len(name) > MAX_NAME_CHARS:
        raise ValidationFailed(f"Keep the project name under {MAX_NAME_CHARS} characters.")
    return name


def _clean_description(description: str) -> str:
    reject_control_characters(description or "", field="description", multiline=True)
    if len(description or "") > 2000:
        raise ValidationFailed("Keep the description under 2000 characters.")
    return (description or "").strip()


def list_projects(*, session: Session, user_id: str, limit: int = 100, offset: int = 0) -> list[Project]:
    """The user's projects (not deleted), most recently updated first."""
    return list(
        session.exec(
            select(Project)
            .where(Project.user_id == user_id, col(Project.archived_at).is_(None))
            .order_by(col(Project.updated_at).desc(), col(Project.id))
            .offset(offset)
            .limit(limit)
        )
    )


def count_projects(*, session: Session, user_id: str) -> int:
    """How many projects the user has (not deleted)."""
    return session.exec(
        select(func.count()).select_from(Project).where(Project.user_id == user_id, col(Project.archived_at).is_(None))
    ).one()


def get_project(*, session: Session, user_id: str, project_id: str) -> Project:
    """The project if `user_id` owns it and has not deleted it; anyone else's is reported as not found."""
    project = session.exec(
        select(Project).where(Project.id == project_id, Project.user_id == user_id, col(Project.archived_at).is_(None))
    ).first()
    if project is None:
        raise ProjectNotFound()
    return project


def touch(*, session: Session, project_id: str) -> None:
    """Mark the project changed now, in the caller's transaction (one UPDATE, no read)."""
    session.execute(_TOUCH, {"project_id": project_id, "now": utcnow()})


_TOUCH = (
    update(Project)
    .where(col(Project.id) == bindparam("project_id"))
    .values(updated_at=bindparam("now"))
    .execution_options(synchronize_session=False)  # the loaded row's updated_at may lag: nothing reads it
)


def add_message(
    *, session: Session, project_id: str, role: str, content: str, build_id: str | None = None
) -> ProjectMessage:
    """Append a chat message in the caller's transaction."""
    message = ProjectMessage(project_id=project_id, role=role, content=content, build_id=build_id)
    session.add(message)
    return message


def list_messages(*, session: Session, user_id: str, project_id: str, limit: int = 200) -> list[ProjectMessage]:
    """The chat of the user's project, oldest first (empty for anyone else's)."""
    return list(
        session.exec(
            select(ProjectMessage)
            .join(Project, col(Project.id) == ProjectMessage.project_id)
            .where(ProjectMessage.project_id == project_id, Project.user_id == user_id)
            .order_by(col(ProjectMessage.created_at), col(ProjectMessage.id))
            .limit(limit)
        )
    )
