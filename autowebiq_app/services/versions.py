"""Project versions: every build, edit, restore or template start is a new numbered version."""

from __future__ import annotations

from sqlmodel import Session, col, func, select

from autowebiq_app.models import ProjectVersion


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
    """Add the project's next version in the caller's transaction."""
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
        select(ProjectVersion).where(
            ProjectVersion.project_id == project_id, ProjectVersion.number == number
        )
    ).first()
