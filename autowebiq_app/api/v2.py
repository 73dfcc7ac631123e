"""`/api/v2`: users, credits, projects, builds, versions and publishing."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query
from fastapi.responses import JSONResponse, Response

from autowebiq_app.api import compat, presenters, schemas
from autowebiq_app.api.auth import CurrentUser
from autowebiq_app.api.database import SessionDep
from autowebiq_app.api.ids import ProjectId
from autowebiq_app.api.limits import rate_limit
from autowebiq_app.api.site_files import site_file_response, zip_response
from autowebiq_app.core import redis_client
from autowebiq_app.core.config import get_settings
from autowebiq_app.core.redis_client import get_redis
from autowebiq_app.errors import Conflict
from autowebiq_app.models import Build, BuildKind, Project
from autowebiq_app.services import (
    account_stats,
    builds,
    credit_cache,
    credits,
    project_overview,
    projects,
    publishing,
    site_submissions,
    usage,
    versions,
)

ERRORS = {code: {"model": schemas.ErrorBody} for code in (400, 401, 402, 404, 409, 413, 422, 429, 503)}
router = APIRouter(prefix="/api/v2", dependencies=[Depends(rate_limit)], responses=ERRORS)
Limit = Annotated[int, Query(ge=1, le=100)]
TaskId = Annotated[str, Path(max_length=64, description="the build's task id (or its build id)")]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
IDEMPOTENCY_TTL = 24 * 3600


@router.get("/user/me", response_model=schemas.UserOut, tags=["user"])
def me(user: CurrentUser):
    return presenters.user_out(user)


@router.get("/user/credits", response_model=schemas.CreditsOut, tags=["user"])
def my_credits(session: SessionDep, user: CurrentUser):
    """The balance, what a build costs, and the tokens the user's builds asked of models
    (overall and per model; tokens never change the cost)."""
    balance = credit_cache.balance(session=session, user_id=user.id)
    return schemas.CreditsOut(
        balance=balance,
        credits=balance,
        user_id=user.id,
        build_cost=get_settings().build_cost,
        tokens=usage.totals(session=session, user_id=user.id),
    )


@router.get("/models", response_model=schemas.ModelsOut, tags=["projects"])
def list_models(user: CurrentUser):
    """The models a project may choose, and the default."""
    offered = get_settings().models()
    return schemas.ModelsOut(models=offered, default=offered[0] if offered else None)


@router.get("/stats", response_model=schemas.StatsOut, tags=["user"])
def stats(session: SessionDep, user: CurrentUser):
    totals = account_stats.totals(session=session, user_id=user.id)
    return schemas.StatsOut(
        projects=totals.projects,
        versions=totals.versions,
        builds=totals.builds,
        credits_balance=totals.balance,
        credits_spent=totals.credits_spent,
        user_id=user.id,
        email=user.email,
        credits=totals.balance,
        total_projects=totals.projects,
        completed_projects=totals.completed_projects,
        member_since=user.created_at,
    )


@router.post("/projects", response_model=schemas.ProjectOut, tags=["projects"])
def create_project(session: SessionDep, body: schemas.ProjectCreate, user: CurrentUser):
    """Create a project (200, as the original AutoWebIQ answered)."""
    project = projects.create_project(
        session=session, user_id=user.id, name=body.name, description=body.description, model=body.model
    )
    return presenters.one_project_out(session, project)


@router.get("/projects", response_model=schemas.Page[schemas.ProjectOut], tags=["projects"])
def list_projects(session: SessionDep, user: CurrentUser, limit: Limit = 20, offset: Offset = 0):
    rows = projects.list_projects(session=session, user_id=user.id, limit=limit, offset=offset)
    return schemas.Page[schemas.ProjectOut](
        items=presenters.projects_out(session, rows),
        total=projects.count_projects(session=session, user_id=user.id),
        limit=limit,
        offset=offset,
    )


@router.get("/projects/{project_id}", response_model=schemas.ProjectDetail, tags=["projects"])
def get_project(session: SessionDep, project_id: ProjectId, user: CurrentUser):
    found = project_overview.detail(session=session, user_id=user.id, project_id=project_id)
    build, latest = found.latest_build, found.latest_version
    return schemas.ProjectDetail(
        **presenters.one_project_out(session, found.project).model_dump(),
        latest_version=latest.number if latest else None,
        latest_build=presenters.build_status(build, found.built_version) if build else None,
    )


@router.patch("/projects/{project_id}", response_model=schemas.ProjectOut, tags=["projects"])
def update_project(session: SessionDep, project_id: ProjectId, body: schemas.ProjectUpdate, user: CurrentUser):
    """Change the project's name, description or model (only the fields given)."""
    project = projects.update_project(
        session=session, user_id=user.id, project_id=project_id, **body.model_dump(exclude_unset=True)
    )
    return presenters.one_project_out(session, project)


@router.post("/projects/{project_id}/duplicate", status_code=201, response_model=schemas.ProjectOut, tags=["projects"])
def duplicate_project(session: SessionDep, project_id: ProjectId, user: CurrentUser):
    """A copy of the project starting from its latest version."""
    project = versions.duplicate_project(session=session, user_id=user.id, project_id=project_id)
    return presenters.one_project_out(session, project)


@router.post("/projects/{project_id}/build", response_model=schemas.BuildAccepted, tags=["builds"])
def start_build(
    session: SessionDep,
    project_id: ProjectId,
    body: schemas.BuildRequest,
    user: CurrentUser,
    idempotency_key: Annotated[str | None, Header(max_length=128, pattern=r"^[\x21-\x7e]+$")] = None,
):
    """Queue a build, or a chat edit of the latest version; answers at once (200, as the
    original AutoWebIQ answered).

    On a project with a version, a message that is not a new site ("Build a …") is an edit
    (cheaper); one the engine does not understand is answered with 422
    `edit_not_understood`, saying what it can do, and costs nothing.

    With an `Idempotency-Key`, a retry returns the first response and charges once.
    """

    fingerprint = hashlib.sha256(f"{project_id}\n{body.prompt}".encode()).hexdigest()
    cache_key = f"idem:{user.id}:{idempotency_key}" if idempotency_key else None
    if cache_key:
        replay = _cached_response(cache_key, fingerprint)
        if replay is not None:
            return JSONResponse(replay, headers={"Idempotent-Replayed": "true"})
    build, replayed = builds.start_or_replay(
        session=session,
        user_id=user.id,
        project_id=project_id,
        prompt=body.prompt,
        request_key=idempotency_key,
    )
    if replayed and (build.project_id != project_id or build.prompt != body.prompt.strip()):
        raise Conflict("This Idempotency-Key was already used for a different request.")
    if replayed:
        # A twin request started this build a moment ago: answer what it answered.
        first = _cached_response(cache_key, fingerprint) or _accepted(build, body).model_dump(mode="json")
        return JSONResponse(first, headers={"Idempotent-Replayed": "true"})
    accepted = _accepted(build, body)
    if cache_key:
        _remember_response(cache_key, fingerprint, accepted.model_dump(mode="json"))
    return accepted


NOT_USING_IMAGES = " Uploaded images are not used: the image agent draws every picture the site needs."


def _accepted(build: Build, body: schemas.BuildRequest) -> schemas.BuildAccepted:
    message = "Build started successfully. Connect to WebSocket for real-time updates."
    return schemas.BuildAccepted(
        build_id=build.id,
        task_id=build.task_id,
        project_id=build.project_id,
        status=build.status,
        kind="edit" if build.kind == BuildKind.EDIT else "create",
        cost=build.cost,
        message=message + (NOT_USING_IMAGES if body.uploaded_images else ""),
        websocket_url=compat.websocket_path(build.project_id),
    )


def _cached_response(key: str, fingerprint: str) -> dict | None:
    raw = redis_client.optional(lambda: get_redis().get(key), default=None, what="the idempotency cache")
    if not raw:
        return None
    stored = json.loads(raw)
    if stored["fingerprint"] != fingerprint:
        raise Conflict("This Idempotency-Key was already used for a different request.")
    return stored["response"]


def _remember_response(key: str, fingerprint: str, response: dict) -> None:
    # Without Redis the database's unique request key still guarantees one charge.
    payload = json.dumps({"fingerprint": fingerprint, "response": response})
    redis_client.optional(
        lambda: get_redis().set(key, payload, ex=IDEMPOTENCY_TTL, nx=True), default=None, what="the idempotency cache"
    )


@router.get("/projects/{project_id}/build/status/{task_id}", response_model=schemas.BuildStatusOut, tags=["builds"])
def build_status(session: SessionDep, project_id: ProjectId, task_id: TaskId, user: CurrentUser):
    build, version = builds.task_result(session=session, user_id=user.id, project_id=project_id, task_id=task_id)
    return presenters.build_status(build, version)


@router.post("/projects/{project_id}/build/{task_id}/cancel", response_model=schemas.BuildStatusOut, tags=["builds"])
def cancel_build(session: SessionDep, project_id: ProjectId, task_id: TaskId, user: CurrentUser):
    build = builds.for_task(session=session, user_id=user.id, project_id=project_id, task_id=task_id)
    cancelled = builds.cancel_build(session=session, user_id=user.id, build_id=build.id)
    return presenters.build_status(cancelled)


@router.get("/credits/history", response_model=compat.CreditHistory, tags=["credits"])
def credit_history(session: SessionDep, user: CurrentUser, limit: Limit = 50, offset: Offset = 0):
    """The ledger, newest first; `transactions` repeats `items` in the original AutoWebIQ's shape."""
    rows = credits.history(session=session, user_id=user.id, limit=limit, offset=offset)
    return compat.CreditHistory(
        items=[schemas.TransactionOut.model_validate(r, from_attributes=True) for r in rows],
        total=credits.count_entries(session=session, user_id=user.id),
        limit=limit,
        offset=offset,
        current_balance=credits.balance(session=session, user_id=user.id),
        transactions=[compat.original_transaction(r) for r in rows],
    )


@router.get("/projects/{project_id}/versions", response_model=schemas.Page[schemas.VersionSummary], tags=["versions"])
def list_versions(session: SessionDep, project_id: ProjectId, user: CurrentUser, limit: Limit = 50, offset: Offset = 0):
    _, rows, total = versions.users_versions(
        session=session, user_id=user.id, project_id=project_id, limit=limit, offset=offset
    )
    return schemas.Page[schemas.VersionSummary](
        items=[presenters.version_summary(v) for v in rows],
        total=total,
        limit=limit,
        offset=offset,
    )


VersionNumber = Annotated[int, Path(ge=1, le=1_000_000)]


@router.get("/projects/{project_id}/versions/{number}", response_model=schemas.VersionDetail, tags=["versions"])
def get_version(session: SessionDep, project_id: ProjectId, number: VersionNumber, user: CurrentUser):
    _, version = versions.users_version(session=session, user_id=user.id, project_id=project_id, number=number)
    return presenters.version_detail(version)


@router.get(
    "/projects/{project_id}/versions/{number}/files/{path:path}",
    tags=["versions"],
    responses={200: {"content": {"text/plain": {}}, "description": "the raw file"}},
)
def get_version_file(session: SessionDep, project_id: ProjectId, number: VersionNumber, path: str, user: CurrentUser):
    _, version = versions.users_version(session=session, user_id=user.id, project_id=project_id, number=number)
    if path not in version.files:
        from autowebiq_app.errors import NotFound

        raise NotFound("File not found in this version.")
    return site_file_response(version.files, path)


@router.get(
    "/projects/{project_id}/versions/{number}/export.zip",
    tags=["versions"],
    responses={200: {"content": {"application/zip": {}}, "description": "the version as a zip"}},
)
def export_version(session: SessionDep, project_id: ProjectId, number: VersionNumber, user: CurrentUser):
    project, version = versions.users_version(
        session=session, user_id=user.id, project_id=project_id, number=number
    )
    return zip_response(*versions.export_zip(version, project_name=project.name))


@router.post(
    "/projects/{project_id}/versions/{number}/restore",
    status_code=201,
    response_model=schemas.VersionSummary,
    tags=["versions"],
)
def restore_version(session: SessionDep, project_id: ProjectId, number: VersionNumber, user: CurrentUser):
    return presenters.version_summary(
        versions.restore_version(session=session, user_id=user.id, project_id=project_id, number=number)
    )


@router.get("/projects/{project_id}/submissions", response_model=schemas.SubmissionList, tags=["publishing"])
def list_submissions(session: SessionDep, project_id: ProjectId, user: CurrentUser):
    """What visitors sent through the published site's forms, newest first."""
    rows = site_submissions.for_project(session=session, user_id=user.id, project_id=project_id)
    return schemas.SubmissionList(items=[schemas.SubmissionOut(**vars(row)) for row in rows])


@router.get(
    "/projects/{project_id}/submissions.csv",
    tags=["publishing"],
    responses={200: {"content": {"text/csv": {}}, "description": "one row per submission, a column per field"}},
)
def export_submissions(session: SessionDep, project_id: ProjectId, user: CurrentUser):
    rows = site_submissions.for_project(session=session, user_id=user.id, project_id=project_id)
    return Response(
        site_submissions.as_csv(rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="form-submissions.csv"'},
    )


def _publish_out(project: Project) -> schemas.PublishOut:
    slug = project.published_slug
    url = publishing.site_url(slug) if slug else None
    return schemas.PublishOut(published=bool(slug), slug=slug, version=project.published_version, url=url)


@router.post("/projects/{project_id}/publish", response_model=schemas.PublishOut, tags=["publishing"])
def publish(session: SessionDep, project_id: ProjectId, user: CurrentUser, body: schemas.PublishRequest | None = None):
    project = publishing.publish(
        session=session, user_id=user.id, project_id=project_id, version_number=body.version if body else None
    )
    return _publish_out(project)


@router.delete("/projects/{project_id}/publish", response_model=schemas.PublishOut, tags=["publishing"])
def unpublish(session: SessionDep, project_id: ProjectId, user: CurrentUser):
    return _publish_out(publishing.unpublish(session=session, user_id=user.id, project_id=project_id))
