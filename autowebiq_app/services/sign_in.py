"""Signing in and signing up through the limits: the one path for the API and the UI."""

from __future__ import annotations

from sqlmodel import Session

from autowebiq_app.errors import InvalidCredentials
from autowebiq_app.models import User
from autowebiq_app.services import accounts, throttle


def sign_in(*, session: Session, email: str, password: str, client_ip: str) -> tuple[User, str]:
    """`accounts.authenticate`, limited per IP and backing off per account after failures.

    Raises:
        RateLimited: too many attempts from this IP, or the account is backing off (even
            the right password is refused until it ends).
        InvalidCredentials: wrong email or password (counted against the account).
    """
    throttle.sign_in_attempt(client_ip=client_ip)
    throttle.check_sign_in(email=email)
    try:
        user, token = accounts.authenticate(session=session, email=email, password=password)
    except InvalidCredentials:
        throttle.sign_in_failed(email=email)
        raise
    throttle.sign_in_succeeded(email=email)
    return user, token


def sign_up(*, session: Session, email: str, password: str, display_name: str, client_ip: str) -> tuple[User, str]:
    """`accounts.register`, at most SIGNUPS_PER_IP_PER_HOUR attempts per IP (each account gets credits)."""
    throttle.sign_up(client_ip=client_ip)
    return accounts.register(session=session, email=email, password=password, display_name=display_name)


def with_firebase(*, session: Session, id_token: str, client_ip: str) -> tuple[User, str]:
    """`firebase_auth.sign_in` (a first sign-in creates the account), limited per IP like any sign-in.

    Raises:
        FirebaseNotConfigured: this server has no Firebase project.
        RateLimited: too many attempts from this IP.
        InvalidCredentials: firebase-admin refused the token.
    """
    from autowebiq_app.services import firebase_auth  # firebase-admin only where Firebase is used

    throttle.sign_in_attempt(client_ip=client_ip)
    return firebase_auth.sign_in(session=session, id_token=id_token)


def change_password(*, session: Session, user: User, current_password: str, new_password: str) -> str:
    """`accounts.change_password`, with a wrong current password counted like a failed sign-in."""
    throttle.check_sign_in(email=user.email or user.id)
    try:
        token = accounts.change_password(
            session=session, user_id=user.id, current_password=current_password, new_password=new_password
        )
    except InvalidCredentials:
        throttle.sign_in_failed(email=user.email or user.id)
        raise
    throttle.sign_in_succeeded(email=user.email or user.id)
    return token
