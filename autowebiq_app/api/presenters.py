"""Domain objects to API shapes (one place, shared by v2 and legacy routes)."""

from __future__ import annotations

from sqlmodel import Session

from autowebiq_app.api import compat, schemas
from autowebiq_app.models import Build, Project, ProjectVersion, User
from autowebiq_app.services import project_overview, usage


def user_out(user: User) -> schemas.UserOut:
    return schemas.UserOut(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        username=user.display_name,
        name=user.display_name,
        credits=user.credits,
        created_at=user.created_at,
        updated_at=user.updated_at,
    )


def project_out(project: Project, overview: project_overview.ProjectOverview) -> schemas.ProjectOut:
    return schemas.ProjectOut(
        **project.model_dump(include=set(schemas.ProjectOut.model_fields)),
        template_id=project.template_slug,
        status=overview.status,
        build_time=overview.build_time,
        generated_code=overview.generated_code,
    )


def projects_out(session: Session, rows: list[Project]) -> list[schemas.ProjectOut]:
    """Many projects, their builds and versions read in two queries."""
    overviews = project_overview.overviews(session=session, projects=rows)
    return [project_out(project, overviews[project.id]) for project in rows]


def one_project_out(session: Session, project: Project) -> schemas.ProjectOut:
    return project_out(project, project_overview.overview(session=session, project=project))


def build_status(build: Build, version: ProjectVersion | None = None) -> schemas.BuildStatusOut:
    """The build's status; with its version (when it succeeded), also the original's `result`."""
    duration = None
    if build.started_at and build.finished_at:
        duration = int((build.finished_at - build.started_at).total_seconds() * 1000)
    state = compat.celery_state(build)
    return schemas.BuildStatusOut(
        build_id=build.id,
        task_id=build.task_id,
        project_id=build.project_id,
        state=build.status,
        status=state,
        message=compat.CELERY_MESSAGES[state],
        result=compat.build_result(build, version),
        progress=build.progress,
        cost=build.cost,
        charge_state=build.charge_state,
        error=build.error,
        version=build.version_number,
        created_at=build.created_at,
        started_at=build.started_at,
        finished_at=build.finished_at,
        duration_ms=duration,
        usage=usage.of_build(build),
    )


def version_summary(version: ProjectVersion) -> schemas.VersionSummary:
    return schemas.VersionSummary(
        number=version.number,
        prompt=version.prompt,
        qa_score=version.qa_score,
        build_id=version.build_id,
        created_at=version.created_at,
        files=len(version.files),
    )


def version_detail(version: ProjectVersion) -> schemas.VersionDetail:
    return schemas.VersionDetail(
        number=version.number,
        prompt=version.prompt,
        plan=version.plan,
        qa_report=version.qa_report,
        qa_score=version.qa_score,
        build_id=version.build_id,
        created_at=version.created_at,
        files=sorted(version.files),
    )
