"""The original system's routes, kept so its clients keep working; same services as v2."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from autowebiq_app.api import presenters, schemas
from autowebiq_app.api.auth import CurrentUser, client_ip
from autowebiq_app.api.limits import rate_limit
from autowebiq_app.api.v2 import ERRORS
from autowebiq_app.db import session_scope
from autowebiq_app.services import credit_cache
from autowebiq_app.services import credits, projects, sign_in

router = APIRouter(prefix="/api", dependencies=[Depends(rate_limit)], responses=ERRORS, tags=["legacy"])


class LegacyBalance(schemas.BaseModel):
    balance: int
    credits: int


@router.post("/auth/login", response_model=schemas.AuthOut)
def login(body: schemas.Credentials, request: Request):
    with session_scope() as session:
        user, token = sign_in.sign_in(
            session=session, email=body.email, password=body.password, client_ip=client_ip(request)
        )
        return schemas.AuthOut(access_token=token, user=presenters.user_out(user))


@router.post("/auth/register", status_code=201, response_model=schemas.AuthOut)
def register(body: schemas.Registration, request: Request):
    with session_scope() as session:
        user, token = sign_in.sign_up(
            session=session,
            email=body.email,
            password=body.password,
            display_name=body.display_name,
            client_ip=client_ip(request),
        )
        return schemas.AuthOut(access_token=token, user=presenters.user_out(user))


@router.get("/credits/balance", response_model=LegacyBalance)
def balance(user: CurrentUser):
    with session_scope() as session:
        amount = credit_cache.balance(session=session, user_id=user.id)
        return LegacyBalance(balance=amount, credits=amount)


@router.get("/projects", response_model=list[schemas.ProjectOut])
def list_projects(user: CurrentUser):
    with session_scope() as session:
        return [presenters.project_out(p) for p in projects.list_projects(session=session, user_id=user.id, limit=100)]


@router.post("/projects/create", status_code=201, response_model=schemas.ProjectOut)
def create_project(body: schemas.ProjectCreate, user: CurrentUser):
    with session_scope() as session:
        return presenters.project_out(
            projects.create_project(
                session=session, user_id=user.id, name=body.name, description=body.description, model=body.model
            )
        )
