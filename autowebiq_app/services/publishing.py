"""Publishing a project version at a public URL, and taking it down.

A site is seen at its own origin under SITES_URL (`https://{slug}.sites.example.net/`), or,
without one, at the builder's `PUBLIC_URL/sites/{slug}/` (`api.published_sites`)."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from autowebiq_app.core.config import get_settings
from autowebiq_app.db_types import utcnow
from autowebiq_app.errors import VersionNotFound
from autowebiq_app.models import Project, SiteAddressHold
from autowebiq_app.services import projects, versions
from autowebiq_app.text_input import slugify

MAX_SLUG_ATTEMPTS = 50
_SLUG_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
ADDRESS_HOLD_DAYS = 30


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
        if not project.published_slug and _held_for_someone_else(session=session, slug=candidate, user_id=user_id):
            continue
        project.published_slug, project.published_version, project.published_at = candidate, version_number, utcnow()
        session.add(project)
        try:
            # The owner's own hold on the address ends (this flushes the project: a taken slug raises here).
            session.execute(delete(SiteAddressHold).where(col(SiteAddressHold.slug) == candidate))
            session.commit()
            return project
        except IntegrityError:
            session.rollback()
            project = projects.get_project(session=session, user_id=user_id, project_id=project_id)
    raise RuntimeError("could not find a free site address")


def unpublish(*, session: Session, user_id: str, project_id: str) -> Project:
    """Take the site down; its address stays the owner's for ADDRESS_HOLD_DAYS. Commits."""
    project = projects.get_project(session=session, user_id=user_id, project_id=project_id)
    take_down(session=session, project=project)
    session.commit()
    return project


def take_down(*, session: Session, project: Project) -> None:
    """Unpublish in the caller's transaction, holding the address for its owner."""
    if project.published_slug:
        hold = session.get(SiteAddressHold, project.published_slug) or SiteAddressHold(slug=project.published_slug)
        hold.user_id, hold.held_until = project.user_id, utcnow() + timedelta(days=ADDRESS_HOLD_DAYS)
        session.add(hold)
    project.published_slug = project.published_version = project.published_at = None
    session.add(project)


def _held_for_someone_else(*, session: Session, slug: str, user_id: str) -> bool:
    hold = session.get(SiteAddressHold, slug)
    return hold is not None and hold.user_id != user_id and hold.held_until > utcnow()


def sites_have_own_origins() -> bool:
    return bool(get_settings().sites_url)


def site_url(slug: str) -> str:
    """Where visitors see the site published at `slug` (with a trailing slash)."""
    settings = get_settings()
    if settings.sites_url:
        base = urlsplit(settings.sites_url)
        return f"{base.scheme}://{slug}.{base.netloc}/"
    return f"{settings.public_url.rstrip('/')}/sites/{slug}/"


def slug_of_host(host: str) -> str | None:
    """The slug a request's Host header names under SITES_URL (`bakery.localhost:3001` ->
    `bakery`), or None for any other host."""
    if not get_settings().sites_url:
        return None
    base = urlsplit(get_settings().sites_url).netloc.lower()
    host = host.strip().lower()
    if not host.endswith("." + base):
        return None
    slug = host[: -len(base) - 1]
    return slug if _SLUG_LABEL.match(slug) else None


def published_files(*, session: Session, slug: str) -> dict[str, str] | None:
    """The live files of the site published at `slug`, or None."""
    project = session.exec(select(Project).where(Project.published_slug == slug)).first()
    if project is None or project.published_version is None:
        return None
    version = versions.get_version(session=session, project_id=project.id, number=project.published_version)
    return dict(version.files) if version else None
