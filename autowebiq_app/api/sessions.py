"""Signing out (this session or every one) and changing the password."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response

from autowebiq_app.api import presenters, schemas
from autowebiq_app.api.auth import CurrentUser, bearer_token
from autowebiq_app.api.database import SessionDep
from autowebiq_app.api.limits import rate_limit
from autowebiq_app.api.v2 import ERRORS
from autowebiq_app.services import accounts, sign_in

router = APIRouter(dependencies=[Depends(rate_limit)], responses=ERRORS, tags=["auth"])


@router.post("/api/auth/logout", status_code=204)
def logout(session: SessionDep, user: CurrentUser, request: Request) -> Response:
    """Revoke the token this request was sent with."""
    accounts.sign_out(session=session, token=bearer_token(request) or "")
    return Response(status_code=204)


@router.post("/api/auth/logout-all", status_code=204)
def logout_everywhere(session: SessionDep, user: CurrentUser) -> Response:
    """Revoke every token of this account (every browser and client signed in)."""
    accounts.sign_out_everywhere(session=session, user_id=user.id)
    return Response(status_code=204)


@router.post("/api/v2/user/password", response_model=schemas.AuthOut)
def change_password(session: SessionDep, body: schemas.PasswordChange, user: CurrentUser):
    """Change the password: every session is signed out and a new token is returned."""
    token = sign_in.change_password(
        session=session, user=user, current_password=body.current_password, new_password=body.new_password
    )
    return schemas.AuthOut(access_token=token, user=presenters.user_out(user))
