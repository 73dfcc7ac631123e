"""Who is calling: a session token (or a Firebase ID token) as `Authorization: Bearer`."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from autowebiq_app.api.database import SessionDep
from autowebiq_app.core.config import get_settings
from autowebiq_app.core.db import session_scope
from autowebiq_app.errors import InvalidCredentials, NotAuthenticated
from autowebiq_app.models import User
from autowebiq_app.services import accounts


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def user_for_bearer(session: Session, token: str | None) -> User | None:
    """A session token's user; with Firebase configured, a Firebase ID token's user too."""
    if not token:
        return None
    user = accounts.user_for_token(session=session, token=token)
    if user is None and get_settings().firebase_enabled and token.count(".") == 2:
        from autowebiq_app.services import firebase_auth

        try:
            user = firebase_auth.user_for_id_token(session=session, id_token=token)
        except InvalidCredentials:
            return None
    return user


def resolve_user(token: str | None) -> User | None:
    """`user_for_bearer` in a session of its own (the WebSocket, which has no request session)."""
    if not token:
        return None
    with session_scope() as session:
        return user_for_bearer(session, token)


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "?"


def optional_user(request: Request, session: SessionDep) -> User | None:
    """The bearer token's user, or None; resolved once per request, in the request's own
    database session (FastAPI caches both for the rate limit and the route)."""
    user = user_for_bearer(session, bearer_token(request))
    if user is not None:
        request.state.user_id = user.id
    return user


async def current_user(user: Annotated[User | None, Depends(optional_user)]) -> User:
    if user is None:
        raise NotAuthenticated("Sign in first: send Authorization: Bearer <token>.")
    return user


OptionalUser = Annotated[User | None, Depends(optional_user)]
CurrentUser = Annotated[User, Depends(current_user)]
