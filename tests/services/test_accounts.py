"""Accounts: registration rules, sign-in errors, session tokens that expire and revoke."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from autowebiq_app.db_types import utcnow
from autowebiq_app.errors import EmailTaken, InvalidCredentials, ValidationFailed, WeakPassword
from autowebiq_app.models import User, UserSession
from autowebiq_app.services import accounts


def test_register_normalises_email_and_stores_only_hashes(session):
    user, token = accounts.register(session=session, email="  Ada@Example.COM ", password="analytical 1843")
    assert user.email == "ada@example.com"
    assert user.password_hash and "analytical" not in user.password_hash
    stored = session.exec(select(UserSession)).one()
    assert stored.token_hash == accounts.hash_token(token) and token not in stored.token_hash
    assert accounts.user_for_token(session=session, token=token).id == user.id


def test_taken_email_is_refused_case_insensitively(session, make_user):
    make_user("taken@example.com")
    with pytest.raises(EmailTaken, match="already exists"):
        accounts.register(session=session, email="TAKEN@example.com", password="another pass 1")
    assert len(session.exec(select(User)).all()) == 1


@pytest.mark.parametrize(
    ("password", "rule"),
    [("short1", "at least 8"), ("password1", "most used"), ("12345678", "most used"), ("QWERTY123", "most used")],
)
def test_weak_passwords_are_refused_with_the_rule(session, password, rule):
    with pytest.raises(WeakPassword, match=rule):
        accounts.register(session=session, email="weak@example.com", password=password)
    assert session.exec(select(User)).all() == []


def test_invalid_email_is_refused(session):
    with pytest.raises(ValidationFailed, match="valid email"):
        accounts.register(session=session, email="not-an-email", password="good password 1")


def test_wrong_password_and_unknown_email_give_the_same_error(session, make_user):
    make_user("known@example.com", password="right password 1")
    with pytest.raises(InvalidCredentials) as wrong_password:
        accounts.authenticate(session=session, email="known@example.com", password="wrong password 1")
    with pytest.raises(InvalidCredentials) as unknown_email:
        accounts.authenticate(session=session, email="nobody@example.com", password="right password 1")
    assert wrong_password.value.message == unknown_email.value.message == accounts.WRONG_CREDENTIALS


def test_sign_in_opens_a_new_session(session, make_user):
    user, first = make_user("me@example.com", password="right password 1")
    signed_in, second = accounts.authenticate(session=session, email="ME@example.com", password="right password 1")
    assert signed_in.id == user.id and second != first
    assert accounts.user_for_token(session=session, token=second).id == user.id


def test_sign_out_revokes_only_that_session(session, make_user):
    user, token = make_user()
    _, other = accounts.authenticate(session=session, email=user.email, password="correct horse 42")
    assert accounts.sign_out(session=session, token=token)
    assert accounts.user_for_token(session=session, token=token) is None
    assert accounts.user_for_token(session=session, token=other).id == user.id
    assert not accounts.sign_out(session=session, token=token)


def test_expired_session_is_refused(session, make_user):
    _, token = make_user()
    stored = session.exec(select(UserSession)).one()
    stored.expires_at = utcnow() - timedelta(seconds=1)
    session.add(stored)
    session.commit()
    assert accounts.user_for_token(session=session, token=token) is None


def test_unknown_or_empty_token_is_no_one(session):
    assert accounts.user_for_token(session=session, token="") is None
    assert accounts.user_for_token(session=session, token="made-up") is None
