"""Who is an admin: `autowebiq make-admin EMAIL` grants it, the operations monitor checks it."""

from __future__ import annotations

from sqlmodel import Session, func, select

from autowebiq_app.errors import NotFound
from autowebiq_app.models import User, UserRole


def make_admin(*, session: Session, email: str) -> User:
    """Give the account with `email` (any case) the admin role; idempotent. Raises NotFound."""
    user = session.exec(select(User).where(func.lower(User.email) == email.strip().lower())).first()
    if user is None:
        raise NotFound(f"No account with the e-mail {email.strip()}.")
    user.role = UserRole.ADMIN
    session.add(user)
    session.commit()
    return user


def is_admin(*, session: Session, user_id: str | None) -> bool:
    if user_id is None:
        return False
    user = session.get(User, user_id)
    return user is not None and user.role == UserRole.ADMIN
