"""Firebase sign-in: verify an ID token with firebase-admin, then find or create the user."""

from __future__ import annotations

import logging
from functools import lru_cache

import firebase_admin
from firebase_admin import auth as firebase_auth
from firebase_admin import credentials
from sqlmodel import Session, select

from autowebiq_app.core.config import get_settings
from autowebiq_app.errors import FirebaseNotConfigured, InvalidCredentials
from autowebiq_app.models import User
from autowebiq_app.services import accounts

logger = logging.getLogger(__name__)


@lru_cache
def _firebase_app() -> firebase_admin.App:
    settings = get_settings()
    if not settings.firebase_enabled:
        raise FirebaseNotConfigured("Firebase sign-in is not configured on this server.")
    cred = credentials.Certificate(settings.firebase_credentials_file) if settings.firebase_credentials_file else None
    return firebase_admin.initialize_app(cred, {"projectId": settings.firebase_project_id}, name="autowebiq")


def verify_id_token(id_token: str) -> dict:
    """The token's claims, or InvalidCredentials if firebase-admin rejects it."""
    try:
        return firebase_auth.verify_id_token(id_token, app=_firebase_app(), check_revoked=False)
    except (ValueError, firebase_auth.InvalidIdTokenError, firebase_auth.ExpiredIdTokenError) as exc:
        logger.info("rejected a Firebase ID token: %s", exc)
        raise InvalidCredentials("That Firebase sign-in is not valid. Try again.") from exc


def sign_in(*, session: Session, id_token: str) -> tuple[User, str]:
    """Sign in with a Firebase ID token; a first sign-in creates the account; commits."""
    user = user_for_id_token(session=session, id_token=id_token)
    token = accounts.create_session(session=session, user_id=user.id)
    session.commit()
    return user, token


def user_for_id_token(*, session: Session, id_token: str) -> User:
    """The user a verified Firebase ID token belongs to, created on first sight; commits."""
    claims = verify_id_token(id_token)
    uid = claims["uid"]
    email = (claims.get("email") or "").lower() or None
    user = session.exec(select(User).where(User.firebase_uid == uid)).first()
    if user is None and email and claims.get("email_verified"):
        user = session.exec(select(User).where(User.email == email)).first()
        if user is not None:
            user.firebase_uid = uid
            session.add(user)
    if user is None:
        user = User(
            email=email if email and not _email_in_use(session, email) else None,
            display_name=(claims.get("name") or (email or "").split("@")[0] or "Builder")[:120],
            firebase_uid=uid,
        )
        accounts.create_user_with_starting_credits(session=session, user=user)
    session.commit()
    return user


def _email_in_use(session: Session, email: str) -> bool:
    return session.exec(select(User.id).where(User.email == email)).first() is not None
