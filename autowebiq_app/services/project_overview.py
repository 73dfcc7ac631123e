"""What a project's builds and versions say about it, in the original AutoWebIQ's terms:
its status (draft, building, completed, failed), how long its last good build took, and its
latest site's index.html.

Derived from `builds` and `project_versions` in two queries for any number of projects, so
lists stay cheap and nothing is stored twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from autowebiq_app.models import Build, BuildStatus, Project, ProjectVersion
from autowebiq_app.services import builds, projects, versions

DRAFT, BUILDING, COMPLETED, FAILED = "draft", "building", "completed", "failed"
IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".avif")


@dataclass(frozen=True)
class ProjectOverview:
    status: str
    build_time: float | None
    """Seconds the latest successful build ran; None before one succeeded."""
    generated_code: str
    """The latest version's index.html ("" without a version, or when not asked for)."""
    version_id: str | None = None
    """The latest version's id (None before the first version)."""


def overviews(*, session: Session, projects: list[Project], with_code: bool = True) -> dict[str, ProjectOverview]:
    """Each project's overview, by project id (the caller has scoped `projects` to its user)."""
    ids = [project.id for project in projects]
    if not ids:
        return {}
    builds = _latest_builds(session, ids)
    succeeded = _latest_builds(session, ids, status=BuildStatus.SUCCEEDED)
    latest_versions = _latest_versions(session, ids, with_code=with_code)
    result = {}
    for project_id in ids:
        version_id, version_at, code = latest_versions.get(project_id, (None, None, ""))
        result[project_id] = ProjectOverview(
            status=_status(builds.get(project_id), version_at),
            build_time=build_seconds(succeeded.get(project_id)),
            generated_code=code or "",
            version_id=version_id,
        )
    return result


def overview(*, session: Session, project: Project) -> ProjectOverview:
    return overviews(session=session, projects=[project])[project.id]


@dataclass(frozen=True)
class ProjectDetail:
    """One of the user's projects as its pages show it: the project, its newest build and its
    newest version."""

    project: Project
    latest_build: Build | None
    latest_version: ProjectVersion | None

    @property
    def built_version(self) -> ProjectVersion | None:
        """The latest version if the latest build made it (its `result`), else None."""
        made = self.latest_version and self.latest_build and self.latest_version.build_id == self.latest_build.id
        return self.latest_version if made else None


def detail(*, session: Session, user_id: str, project_id: str) -> ProjectDetail:
    """The user's project with its newest build and version; ProjectNotFound for anyone else's."""
    project = projects.get_project(session=session, user_id=user_id, project_id=project_id)
    return ProjectDetail(
        project=project,
        latest_build=builds.latest_build(session=session, user_id=user_id, project_id=project.id),
        latest_version=versions.latest_version(session=session, project_id=project.id),
    )


def build_seconds(build: Build | None) -> float | None:
    if build is None or build.started_at is None or build.finished_at is None:
        return None
    return round((build.finished_at - build.started_at).total_seconds(), 3)


def image_files(files: dict[str, str]) -> list[str]:
    """The site's image files, in path order."""
    return sorted(path for path in files if path.lower().endswith(IMAGE_SUFFIXES))


def _status(build: Build | None, version_at) -> str:
    if build is not None and build.status in (BuildStatus.QUEUED, BuildStatus.RUNNING):
        return BUILDING
    failed_last = build is not None and build.status == BuildStatus.FAILED
    if failed_last and (version_at is None or build.finished_at is None or build.finished_at >= version_at):
        return FAILED
    return COMPLETED if version_at is not None else DRAFT


def _latest_builds(session: Session, project_ids: list[str], status: str | None = None) -> dict[str, Build]:
    rank = (
        func.row_number()
        .over(partition_by=Build.project_id, order_by=(col(Build.created_at).desc(), col(Build.id).desc()))
        .label("rank")
    )
    query = select(Build.id, rank).where(col(Build.project_id).in_(project_ids))
    if status is not None:
        query = query.where(Build.status == status)
    ranked = query.subquery()
    rows = session.exec(select(Build).join(ranked, col(Build.id) == ranked.c.id).where(ranked.c.rank == 1))
    return {build.project_id: build for build in rows}


def _latest_versions(session: Session, project_ids: list[str], *, with_code: bool) -> dict[str, tuple]:
    """(id, created_at, index.html or None) of each project's latest version; only index.html is read."""
    rank = (
        func.row_number()
        .over(partition_by=ProjectVersion.project_id, order_by=col(ProjectVersion.number).desc())
        .label("rank")
    )
    code = ProjectVersion.files["index.html"].as_string() if with_code else None
    ranked = select(
        ProjectVersion.project_id,
        ProjectVersion.id,
        ProjectVersion.created_at,
        *([code.label("code")] if with_code else []),
        rank,
    ).where(col(ProjectVersion.project_id).in_(project_ids))
    ranked = ranked.subquery()
    columns = [ranked.c.project_id, ranked.c.id, ranked.c.created_at, *([ranked.c.code] if with_code else [])]
    rows = session.exec(select(*columns).where(ranked.c.rank == 1)).all()
    return {row[0]: (row[1], row[2], row[3] if with_code else None) for row in rows}
