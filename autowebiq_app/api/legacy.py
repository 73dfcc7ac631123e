"""The original system's routes, kept so its clients keep working; same services as v2."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from autowebiq_app.api import compat, presenters, schemas
from autowebiq_app.api.auth import CurrentUser, client_ip
from autowebiq_app.api.database import SessionDep
from autowebiq_app.api.ids import ProjectId
from autowebiq_app.api.limits import rate_limit
from autowebiq_app.api.v2 import ERRORS
from autowebiq_app.services import credit_cache, project_deletion, projects, sign_in

router = APIRouter(prefix="/api", dependencies=[Depends(rate_limit)], responses=ERRORS, tags=["legacy"])


class LegacyBalance(schemas.BaseModel):
    balance: int
    credits: int


@router.post("/auth/login", response_model=schemas.AuthOut)
def login(session: SessionDep, body: schemas.Credentials, request: Request):
    user, token = sign_in.sign_in(
        session=session, email=body.email, password=body.password, client_ip=client_ip(request)
    )
    return schemas.AuthOut(access_token=token, user=presenters.user_out(user))


@router.post("/auth/register", response_model=schemas.AuthOut)
def register(session: SessionDep, body: schemas.Registration, request: Request):
    """Create an account (200, as the original AutoWebIQ answered); `username` or `name` is the display name."""
    user, token = sign_in.sign_up(
        session=session,
        email=body.email,
        password=body.password,
        display_name=body.chosen_name,
        client_ip=client_ip(request),
    )
    return schemas.AuthOut(access_token=token, user=presenters.user_out(user))


@router.get("/auth/me", response_model=schemas.UserOut)
def me(user: CurrentUser):
    return presenters.user_out(user)


@router.get("/credits/balance", response_model=LegacyBalance)
def balance(session: SessionDep, user: CurrentUser):
    amount = credit_cache.balance(session=session, user_id=user.id)
    return LegacyBalance(balance=amount, credits=amount)


@router.get("/projects", response_model=compat.ProjectList)
def list_projects(session: SessionDep, user: CurrentUser):
    rows = projects.list_projects(session=session, user_id=user.id, limit=100)
    return compat.ProjectList(projects=presenters.projects_out(session, rows))


@router.post("/projects/create", response_model=schemas.ProjectOut)
def create_project(session: SessionDep, body: schemas.ProjectCreate, user: CurrentUser):
    project = projects.create_project(
        session=session, user_id=user.id, name=body.name, description=body.description, model=body.model
    )
    return presenters.one_project_out(session, project)


@router.get("/projects/{project_id}", response_model=schemas.ProjectOut)
def get_project(session: SessionDep, project_id: ProjectId, user: CurrentUser):
    project = projects.get_project(session=session, user_id=user.id, project_id=project_id)
    return presenters.one_project_out(session, project)


@router.delete("/projects/{project_id}", response_model=compat.Deleted)
def delete_project(session: SessionDep, project_id: ProjectId, user: CurrentUser):
    """Delete the project: it leaves every list and its site goes offline; its credits history stays.
    Refused with 409 while a build runs on it."""
    project_deletion.delete_project(session=session, user_id=user.id, project_id=project_id)
    return compat.Deleted(message="Project deleted")
