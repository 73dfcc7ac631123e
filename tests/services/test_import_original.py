"""`autowebiq import-original`: an original AutoWebIQ's MongoDB data comes across, once."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher
from sqlmodel import select

from autowebiq_app import cli
from autowebiq_app.core.db import get_engine, session_scope
from autowebiq_app.errors import InvalidCredentials
from autowebiq_app.models import CreditTransaction, Project, ProjectMessage, ProjectVersion, User
from autowebiq_app.services import accounts, credits, project_overview, projects
from autowebiq_app.services.import_original import import_original
from tests.services import original_data as original

TABLES = ("users", "projects", "project_versions", "project_messages", "credit_transactions")


def _run(db, *, dry_run: bool = False):
    with session_scope() as session:
        return import_original(session=session, mongo=db, dry_run=dry_run)


def _snapshot() -> dict[str, list]:
    with get_engine().connect() as conn:
        return {table: sorted(map(tuple, conn.execute(sa.text(f"SELECT * FROM {table}")))) for table in TABLES}


def _user(session, email: str) -> User:
    return session.exec(select(User).where(User.email == email)).one()


def test_users_come_across_with_their_names_credits_and_password_hashes(session):
    report = _run(original.original_database())
    assert (report.imported["users"], report.skipped["users"]) == (3, 1)
    ada = _user(session, "ada@example.com")
    assert ada.id == original.ADA_ID.replace("-", "") and ada.display_name == "Ada Lovelace"
    assert ada.credits == 35 and ada.password_hash.startswith("$2b$12$")
    assert ada.created_at.isoformat().startswith("2025-10-01T09:00:00.123456")
    fire = _user(session, "fire@example.com")
    assert fire.firebase_uid == "fb-uid-123" and fire.password_hash is None and fire.credits == 20
    grace = _user(session, "grace@example.com")
    assert grace.credits == 0
    assert any("balance -15 in the original, 0 here" in note for note in report.notes)
    assert any("'not-an-address' is not an e-mail address" in note for note in report.notes)


def test_every_imported_ledger_sums_to_its_balance_in_the_originals_order(session):
    report = _run(original.original_database())
    for email in ("ada@example.com", "grace@example.com", "fire@example.com"):
        user = _user(session, email)
        assert credits.ledger_sum(session=session, user_id=user.id) == user.credits, email
    ada = _user(session, "ada@example.com")
    rows = list(reversed(credits.history(session=session, user_id=ada.id)))
    assert [(r.kind, r.amount, r.balance_after) for r in rows] == [
        ("original_signup_bonus", 20, 20),
        ("original_deduction", -40, -20),
        ("original_refund", 10, -10),
        ("original_balance", 45, 35),
    ]
    assert rows[1].description == "multi_agent_build" and rows[3].description == credits.CARRIED_OVER
    assert report.imported["transactions"] == 5  # Ada's three and her remainder, Fire's remainder
    assert report.skipped["transactions"] == 2
    assert credits.spent(session=session, user_id=ada.id) == 30


def test_a_project_s_generated_site_becomes_version_1_with_its_chat(session):
    report = _run(original.original_database())
    ada = _user(session, "ada@example.com")
    shop = session.get(Project, original.SHOP_ID.replace("-", ""))
    assert shop.user_id == ada.id and shop.name == "Aurum shop" and shop.model is None
    version = session.exec(select(ProjectVersion).where(ProjectVersion.project_id == shop.id)).one()
    assert version.number == 1 and version.files == {"index.html": original.SHOP_HTML, "about.html": "<h1>About</h1>"}
    overview = project_overview.overview(session=session, project=shop)
    assert overview.status == "completed" and overview.generated_code == original.SHOP_HTML
    chat = projects.list_messages(session=session, user_id=ada.id, project_id=shop.id)
    assert [m.role for m in chat] == ["assistant", "user", "assistant"]
    assert chat[1].content == "Build a jewellery shop called Aurum" and chat[2].content.startswith("✅ Multi-page")
    draft = session.get(Project, original.DRAFT_ID.replace("-", ""))
    assert draft.name == "Compiler docs" and project_overview.overview(session=session, project=draft).status == "draft"
    assert [p.id for p in projects.list_projects(session=session, user_id=ada.id)] == [shop.id]
    assert session.get(Project, original.ARCHIVED_ID.replace("-", "")).archived_at is not None
    assert (report.imported["projects"], report.imported["versions"], report.imported["messages"]) == (3, 1, 3)
    assert (report.skipped["projects"], report.skipped["messages"]) == (1, 1)


def test_a_second_run_changes_nothing_and_says_so():
    db = original.original_database()
    _run(db)
    before = _snapshot()
    again = _run(db)
    assert _snapshot() == before
    assert sum(again.imported.values()) == 0
    assert (again.already["users"], again.already["projects"], again.already["transactions"]) == (3, 3, 3)


def test_a_dry_run_reports_and_writes_nothing():
    before = _snapshot()
    report = _run(original.original_database(), dry_run=True)
    assert _snapshot() == before
    assert report.imported["users"] == 3 and report.lines()[0] == "dry run: nothing was written"
    assert "users: 3 would be imported, 0 already here, 1 skipped" in report.lines()


def test_an_email_that_already_has_an_account_here_is_left_to_its_owner(session, make_user):
    owner, _ = make_user(email="ada@example.com")
    report = _run(original.original_database())
    assert _user(session, "ada@example.com").id == owner.id
    assert credits.balance(session=session, user_id=owner.id) == 100
    assert session.get(Project, original.SHOP_ID.replace("-", "")) is None
    assert any("ada@example.com already has an account here" in note for note in report.notes)


def test_the_original_password_signs_in_once_then_argon2_replaces_it(session):
    _run(original.original_database())
    with pytest.raises(InvalidCredentials):
        accounts.authenticate(session=session, email="ada@example.com", password="wrong-password")
    user, token = accounts.authenticate(session=session, email="ADA@example.com", password=original.ADA_PASSWORD)
    assert token and user.password_hash.startswith("$argon2")
    PasswordHasher().verify(user.password_hash, original.ADA_PASSWORD)
    user, _ = accounts.authenticate(session=session, email="ada@example.com", password=original.ADA_PASSWORD)
    assert user.password_hash.startswith("$argon2")


def test_the_command_prints_the_report_and_refuses_an_unreachable_server(monkeypatch, capsys):
    import pymongo

    db = original.original_database()
    monkeypatch.setattr(pymongo, "MongoClient", lambda *a, **k: db.client)
    assert cli.main(["import-original", "--mongo-url", "mongodb://original:27017", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("dry run: nothing was written") and "projects: 3 would be imported" in out
    assert cli.main(["import-original", "--mongo-url", "mongodb://original:27017"]) == 0
    assert "users: 3 imported" in capsys.readouterr().out
    with session_scope() as session:
        assert session.exec(select(ProjectMessage)).all() and session.exec(select(CreditTransaction)).all()

    monkeypatch.undo()
    code = cli.main(["import-original", "--mongo-url", "mongodb://127.0.0.1:1/"])
    assert code == 1 and "import failed, nothing was written" in capsys.readouterr().out
