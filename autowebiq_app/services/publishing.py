"""Publishing a project version at a public URL `/sites/{slug}/`, and taking it down."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from autowebiq_app.db_types import utcnow
from autowebiq_app.errors import VersionNotFound
from autowebiq_app.models import Project
from autowebiq_app.services import projects, versions
from autowebiq_app.text_input import slugify

MAX_SLUG_ATTEMPTS = 50


def publish(*, session: Session, user_id: str, project_id: str, version_number: int | None = None) -> Project:
    """Make a version (default: the latest) live; keeps the project's slug once it has one. Commits."""
    project = projects.get_project(session=session, user_id=user_id, project_id=project_id)
    if version_number is None:
        latest = versions.latest_version(session=session, project_id=project.id)
        if latest is None:
            raise VersionNotFound()
        version_number = latest.number
    else:
        versions.require_version(session=session, project_id=project.id, number=version_number)
    base = project.published_slug or slugify(project.name)
    for attempt in range(MAX_SLUG_ATTEMPTS):
        candidate = base if attempt == 0 or project.published_slug else f"{base}-{attempt + 1}"
        project.published_slug, project.published_version, project.published_at = candidate, version_number, utcnow()
        session.add(project)
        try:
            session.commit()
            return project
        except IntegrityError:
            session.rollback()
            project = projects.get_project(session=session, user_id=user_id, project_id=project_id)
    raise RuntimeError("could not find a free site address")


def unpublish(*, session: Session, user_id: str, project_id: str) -> Project:
    """Take the site down; its address is released. Commits."""
    project = projects.get_project(session=session, user_id=user_id, project_id=project_id)
    project.published_slug = project.published_version = project.published_at = None
    session.add(project)
    session.commit()
    return project


def published_files(*, session: Session, slug: str) -> dict[str, str] | None:
    """The live files behind `/sites/{slug}/`, or None."""
    project = session.exec(select(Project).where(Project.published_slug == slug)).first()
    if project is None or project.published_version is None:
        return None
    version = versions.get_version(session=session, project_id=project.id, number=project.published_version)
    return dict(version.files) if version else None
