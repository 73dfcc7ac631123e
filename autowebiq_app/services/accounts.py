"""Accounts and sessions: register, sign in, sign out, resolve a session token."""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from autowebiq_app.core.config import get_settings
from autowebiq_app.db_types import utcnow
from autowebiq_app.errors import EmailTaken, InvalidCredentials, ValidationFailed, WeakPassword
from autowebiq_app.models import User, UserSession
from autowebiq_app.services import credits, original_passwords
from autowebiq_app.text_input import reject_control_characters

_hasher = PasswordHasher()
# Verifying against this when the email is unknown keeps both failures equally slow.
_DUMMY_HASH = _hasher.hash("autowebiq-dummy-password")
EMAIL_PATTERN = r"^[^@\s\x00-\x1f]{1,64}@[^@\s\x00-\x1f.]+(\.[^@\s\x00-\x1f.]+)*\.[^@\s\x00-\x1f.]{2,}$"
PASSWORD_PATTERN = r"^.{8,256}$"
_EMAIL = re.compile(EMAIL_PATTERN)
MIN_PASSWORD_LENGTH = 8
WRONG_CREDENTIALS = "Email or password is incorrect."


def normalize_email(email: str) -> str:
    """Trimmed and lower-cased; raises ValidationFailed if it is not an address."""
    email = (email or "").strip().lower()
    if len(email) > 320 or not _EMAIL.match(email):
        raise ValidationFailed("Enter a valid email address.")
    return email


def check_password_strength(password: str) -> None:
    """Raise WeakPassword with the rule a password breaks: 8 to 256 characters in any
    script, and not one of the most used passwords."""
    length = len(unicodedata.normalize("NFC", password or ""))
    if length < MIN_PASSWORD_LENGTH:
        raise WeakPassword(f"Use at least {MIN_PASSWORD_LENGTH} characters for your password.")
    if length > 256:
        raise WeakPassword("Use at most 256 characters for your password.")
    if password.strip().casefold() in _common_passwords():
        raise WeakPassword("This password is one of the most used ones; choose another.")


@lru_cache
def _common_passwords() -> frozenset[str]:
    lines = (Path(__file__).with_name("common_passwords.txt")).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


def register(*, session: Session, email: str, password: str, display_name: str = "") -> tuple[User, str]:
    """Create an account with its starting credits and a session; commits.

    Returns:
        The user and a new session token.
    """
    email = normalize_email(email)
    check_password_strength(password)
    display_name = reject_control_characters(display_name or "", field="name")
    if session.exec(select(User.id).where(User.email == email)).first():
        raise EmailTaken("An account with this email already exists. Sign in instead.")
    user = User(
        email=email,
        display_name=(display_name or email.split("@")[0]).strip()[:120],
        password_hash=_hasher.hash(password),
    )
    try:
        create_user_with_starting_credits(session=session, user=user)
        token = create_session(session=session, user_id=user.id)
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise EmailTaken("An account with this email already exists. Sign in instead.") from exc
    return user, token


def authenticate(*, session: Session, email: str, password: str) -> tuple[User, str]:
    """Check a password and open a session; commits.

    Raises:
        InvalidCredentials: with the same message whether the email or the password was wrong.
    """
    try:
        email = normalize_email(email)
    except ValidationFailed as exc:
        raise InvalidCredentials(WRONG_CREDENTIALS) from exc
    user = session.exec(select(User).where(User.email == email)).first()
    stored_hash = user.password_hash if user and user.password_hash else _DUMMY_HASH
    if not _password_matches(stored_hash, password or ""):
        raise InvalidCredentials(WRONG_CREDENTIALS)
    if user is None or user.password_hash is None:
        raise InvalidCredentials(WRONG_CREDENTIALS)
    if original_passwords.is_original_hash(user.password_hash) or _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
        user.updated_at = utcnow()
        session.add(user)
    token = create_session(session=session, user_id=user.id)
    session.commit()
    return user, token


def _password_matches(stored_hash: str, password: str) -> bool:
    """Argon2 (ours), or the bcrypt hash an account imported from the original AutoWebIQ keeps
    until its first sign-in here replaces it."""
    if original_passwords.is_original_hash(stored_hash):
        return original_passwords.verify(stored_hash, password)
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def create_session(*, session: Session, user_id: str) -> str:
    """Store a new session (hashed) in the caller's transaction; returns the raw token."""
    token = secrets.token_urlsafe(32)
    ttl = timedelta(hours=get_settings().session_ttl_hours)
    session.add(UserSession(user_id=user_id, token_hash=hash_token(token), expires_at=utcnow() + ttl))
    session.flush()
    return token


def user_for_token(*, session: Session, token: str | None) -> User | None:
    """The user a live (unexpired, unrevoked) session token belongs to, else None."""
    if not token:
        return None
    return session.exec(_USER_FOR_TOKEN, params={"token_hash": hash_token(token), "now": utcnow()}).first()


_USER_FOR_TOKEN = (
    select(User)
    .join(UserSession, col(UserSession.user_id) == col(User.id))
    .where(
        UserSession.token_hash == bindparam("token_hash"),
        col(UserSession.revoked_at).is_(None),
        UserSession.expires_at > bindparam("now"),
    )
)
"""Built once: every API request runs it (building it cost about as much as running it)."""


def sign_out(*, session: Session, token: str) -> bool:
    """Revoke a session token; commits. False if it was unknown or already revoked."""
    result = session.execute(
        update(UserSession)
        .where(col(UserSession.token_hash) == hash_token(token), col(UserSession.revoked_at).is_(None))
        .values(revoked_at=utcnow())
    )
    session.commit()
    return result.rowcount == 1


def sign_out_everywhere(*, session: Session, user_id: str) -> int:
    """Revoke every live session of the user; commits. Returns how many were revoked."""
    result = session.execute(
        update(UserSession)
        .where(col(UserSession.user_id) == user_id, col(UserSession.revoked_at).is_(None))
        .values(revoked_at=utcnow())
    )
    session.commit()
    return result.rowcount


def change_password(*, session: Session, user_id: str, current_password: str, new_password: str) -> str:
    """Check the current password, store the new one, sign out every session and open a new
    one; commits. Returns the new session token.

    Raises:
        InvalidCredentials: the current password is wrong (or the account has none).
        WeakPassword: the new password breaks the rule; nothing changed.
    """
    user = session.get(User, user_id)
    if not _password_matches(user.password_hash or _DUMMY_HASH, current_password or ""):
        raise InvalidCredentials("The current password is incorrect.")
    if user.password_hash is None:
        raise InvalidCredentials("The current password is incorrect.")
    check_password_strength(new_password)
    user.password_hash = _hasher.hash(new_password)
    user.updated_at = utcnow()
    session.add(user)
    session.execute(
        update(UserSession)
        .where(col(UserSession.user_id) == user_id, col(UserSession.revoked_at).is_(None))
        .values(revoked_at=utcnow())
    )
    token = create_session(session=session, user_id=user_id)
    session.commit()
    return token


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_user_with_starting_credits(*, session: Session, user: User) -> None:
    session.add(user)
    session.flush()
    starting = get_settings().starting_credits
    if starting > 0:
        credits.grant(
            session=session,
            user_id=user.id,
            amount=starting,
            idempotency_key=f"signup:{user.id}",
            description="Welcome credits",
        )
