"""Project versions: every build, edit, restore or template start is a new numbered version."""

from __future__ import annotations

import difflib
import io
import zipfile

from sqlmodel import Session, col, func, select

from autowebiq_app.errors import Conflict, VersionNotFound
from autowebiq_app.models import ACTIVE_STATUSES, Build, Project, ProjectVersion
from autowebiq_app.services import preview_links, projects
from autowebiq_app.text_input import slugify


def create_version(
    *,
    session: Session,
    project_id: str,
    files: dict[str, str],
    plan: dict,
    prompt: str,
    qa_report: dict | None = None,
    build_id: str | None = None,
) -> ProjectVersion:
    """Add the project's next version in the caller's transaction.

    The project's row is locked first, so concurrent versions of one project (restores, a
    restore racing a build's completion) take consecutive numbers instead of colliding.
    """
    session.exec(select(Project.id).where(Project.id == project_id).with_for_update()).one()
    number = (
        session.exec(select(func.max(ProjectVersion.number)).where(ProjectVersion.project_id == project_id)).one() or 0
    ) + 1
    qa_report = qa_report or {}
    version = ProjectVersion(
        project_id=project_id,
        build_id=build_id,
        number=number,
        prompt=prompt,
        plan=plan,
        files=files,
        qa_report=qa_report,
        qa_score=qa_report.get("score"),
    )
    session.add(version)
    session.flush()
    return version


def latest_version(*, session: Session, project_id: str) -> ProjectVersion | None:
    return session.exec(
        select(ProjectVersion)
        .where(ProjectVersion.project_id == project_id)
        .order_by(col(ProjectVersion.number).desc())
    ).first()


def get_version(*, session: Session, project_id: str, number: int) -> ProjectVersion | None:
    return session.exec(
        select(ProjectVersion).where(ProjectVersion.project_id == project_id, ProjectVersion.number == number)
    ).first()


def list_versions(*, session: Session, project_id: str, limit: int = 50, offset: int = 0) -> list[ProjectVersion]:
    """Newest first."""
    return list(
        session.exec(
            select(ProjectVersion)
            .where(ProjectVersion.project_id == project_id)
            .order_by(col(ProjectVersion.number).desc())
            .offset(offset)
            .limit(limit)
        )
    )


def count_versions(*, session: Session, project_id: str) -> int:
    return session.exec(
        select(func.count()).select_from(ProjectVersion).where(ProjectVersion.project_id == project_id)
    ).one()


def require_version(*, session: Session, project_id: str, number: int) -> ProjectVersion:
    version = get_version(session=session, project_id=project_id, number=number)
    if version is None:
        raise VersionNotFound()
    return version


def users_version(*, session: Session, user_id: str, project_id: str, number: int) -> tuple[Project, ProjectVersion]:
    """Version `number` of the user's project, with the project; ProjectNotFound for anyone
    else's (or a missing one), VersionNotFound for a missing version."""
    project = projects.get_project(session=session, user_id=user_id, project_id=project_id)
    return project, require_version(session=session, project_id=project.id, number=number)


def users_versions(
    *, session: Session, user_id: str, project_id: str, limit: int = 50, offset: int = 0
) -> tuple[Project, list[ProjectVersion], int]:
    """A page of the user's project's versions, newest first, and how many there are."""
    project = projects.get_project(session=session, user_id=user_id, project_id=project_id)
    rows = list_versions(session=session, project_id=project.id, limit=limit, offset=offset)
    return project, rows, count_versions(session=session, project_id=project.id)


def users_latest_version(*, session: Session, user_id: str, project_id: str) -> ProjectVersion | None:
    """The latest version of the user's project (None before the first); ProjectNotFound otherwise."""
    project = projects.get_project(session=session, user_id=user_id, project_id=project_id)
    return latest_version(session=session, project_id=project.id)


def restore_version(*, session: Session, user_id: str, project_id: str, number: int) -> ProjectVersion:
    """A new version with the files and plan of version `number` of the user's project (history
    is never rewritten); commits. A Conflict while a build is queued or running for the project
    (its version would land on top of the restored one)."""
    project = projects.get_project(session=session, user_id=user_id, project_id=project_id)
    building = select(Build.id).where(Build.project_id == project.id, col(Build.status).in_(ACTIVE_STATUSES))
    if session.exec(building).first() is not None:
        raise Conflict("A build is running for this project; restore when it has finished.")
    source = require_version(session=session, project_id=project.id, number=number)
    version = create_version(
        session=session,
        project_id=project.id,
        files=dict(source.files),
        plan=dict(source.plan),
        prompt=f"Restore version {number}",
        qa_report=dict(source.qa_report),
    )
    session.commit()
    return version


def _linked(session: Session, token: str) -> ProjectVersion | None:
    version_id = preview_links.verify(token)
    return session.get(ProjectVersion, version_id) if version_id else None


def linked_files(*, session: Session, token: str) -> dict[str, str] | None:
    """The files of the version a signed preview link grants; None if the link is forged,
    expired or its version gone (the link is the grant: a browser frame carries no session)."""
    version = _linked(session, token)
    return dict(version.files) if version else None


def linked_zip(*, session: Session, token: str) -> tuple[str, bytes] | None:
    """The zip of the version a signed download link grants; None as for `linked_files`."""
    version = _linked(session, token)
    if version is None:
        return None
    return export_zip(version, project_name=session.get(Project, version.project_id).name)


def export_zip(version: ProjectVersion, *, project_name: str) -> tuple[str, bytes]:
    """(file name, bytes) of the version as a zip whose index.html opens from disk (relative paths)."""
    folder = f"{slugify(project_name)}-v{version.number}"
    buffer = io.BytesIO()
    stamp = (2026, 1, 1, 0, 0, 0)  # fixed, so the same version always zips to the same bytes
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(version.files):
            info = zipfile.ZipInfo(f"{folder}/{path}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, version.files[path])
    return f"{folder}.zip", buffer.getvalue()


def diff_versions(older: ProjectVersion, newer: ProjectVersion, *, context: int = 2) -> list[dict]:
    """Per file: added, removed or changed (with a unified diff); unchanged files are left out."""
    changes = []
    for path in sorted(set(older.files) | set(newer.files)):
        before, after = older.files.get(path), newer.files.get(path)
        if before == after:
            continue
        status = "added" if before is None else "removed" if after is None else "changed"
        diff = "".join(
            difflib.unified_diff(
                (before or "").splitlines(keepends=True),
                (after or "").splitlines(keepends=True),
                fromfile=f"v{older.number}/{path}",
                tofile=f"v{newer.number}/{path}",
                n=context,
            )
        )
        changes.append({"path": path, "status": status, "diff": diff})
    return changes


def duplicate_project(*, session: Session, user_id: str, project_id: str) -> Project:
    """A copy of the project whose version 1 is the original's latest version (files, plan,
    prompt and QA report); its chat starts fresh and nothing is published. Commits."""
    source = projects.get_project(session=session, user_id=user_id, project_id=project_id)
    latest = latest_version(session=session, project_id=source.id)
    copy = Project(
        user_id=user_id,
        name=f"{source.name[: projects.MAX_NAME_CHARS - 7]} (copy)",
        description=source.description,
        template_slug=source.template_slug,
        model=source.model,
    )
    session.add(copy)
    session.flush()
    if latest is not None:
        create_version(
            session=session,
            project_id=copy.id,
            files=dict(latest.files),
            plan=dict(latest.plan),
            prompt=latest.prompt,
            qa_report=dict(latest.qa_report or {}),
        )
    note = f"Duplicated from “{source.name}”" + (f" version {latest.number}." if latest else ".")
    projects.add_message(session=session, project_id=copy.id, role="assistant", content=note)
    session.commit()
    return copy
