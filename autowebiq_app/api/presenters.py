"""Domain objects to API shapes (one place, shared by v2 and legacy routes)."""

from __future__ import annotations

from autowebiq_app.api import schemas
from autowebiq_app.models import Build, Project, ProjectVersion, User
from autowebiq_app.services import usage


def user_out(user: User) -> schemas.UserOut:
    return schemas.UserOut(
        id=user.id, email=user.email, display_name=user.display_name, credits=user.credits, created_at=user.created_at
    )


def project_out(project: Project) -> schemas.ProjectOut:
    return schemas.ProjectOut.model_validate(project, from_attributes=True)


def build_status(build: Build) -> schemas.BuildStatusOut:
    duration = None
    if build.started_at and build.finished_at:
        duration = int((build.finished_at - build.started_at).total_seconds() * 1000)
    return schemas.BuildStatusOut(
        build_id=build.id,
        task_id=build.task_id,
        project_id=build.project_id,
        state=build.status,
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
