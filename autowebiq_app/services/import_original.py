"""Bring an original AutoWebIQ installation's data across from its MongoDB.

Users keep their e-mail, name, credits, Firebase uid and bcrypt password hash (verified at
sign-in and replaced with argon2 on the first success); each project's generated site
becomes its version 1, its chat comes with it, and each user's credit transactions become
ledger rows that still sum to the balance (one more row carries over what the balance held
beyond them).

Idempotent: rows get ids derived from the original's, and a user or project that is already
here is left alone with everything that came with it, so a second run changes nothing. One
transaction for the whole run, a savepoint per user and per project: a document that
cannot be carried across is skipped and reported, and a dry run rolls everything back.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from pymongo.database import Database
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from autowebiq_app.db_types import utcnow
from autowebiq_app.errors import DomainError
from autowebiq_app.models import Project, ProjectMessage, User
from autowebiq_app.services import accounts, credits, original_passwords, projects, versions
from autowebiq_app.services import original_documents as docs

logger = logging.getLogger(__name__)
ENTITIES = ("users", "projects", "versions", "messages", "transactions")
IMPORTED_PROMPT = "Imported from the original AutoWebIQ"


@dataclass
class ImportReport:
    dry_run: bool = False
    imported: Counter = field(default_factory=Counter)
    already: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def skip(self, entity: str, reason: str, count: int = 1) -> None:
        self.skipped[entity] += count
        self.notes.append(reason)

    def lines(self) -> list[str]:
        """The report for people: counts per kind of row, then every note."""
        verb = "would be imported" if self.dry_run else "imported"
        rows = [
            f"{entity}: {self.imported[entity]} {verb}, {self.already[entity]} already here, "
            f"{self.skipped[entity]} skipped"
            for entity in ENTITIES
        ]
        head = ["dry run: nothing was written"] if self.dry_run else []
        return head + rows + [f"  - {note}" for note in self.notes]


def import_original(*, session: Session, mongo: Database, dry_run: bool = False) -> ImportReport:
    """Import users (with their ledger), projects (with version 1 and chat); commits unless `dry_run`."""
    report = ImportReport(dry_run=dry_run)
    now = utcnow()
    entries = _by_owner(mongo, report, now=now)
    chats = _chats(mongo, report, now=now)
    user_ids: dict[str, str] = {}
    for doc in mongo["users"].find().sort("_id", 1):
        user = _read(docs.read_user, doc, "users", report, now=now)
        if user is not None:
            _import_user(session, user, entries.pop(user.original_id, []), report, user_ids)
    for owner, rows in entries.items():
        report.skip("transactions", f"{len(rows)} transactions of an unknown user {owner}", len(rows))
    for doc in mongo["projects"].find().sort("_id", 1):
        project = _read(docs.read_project, doc, "projects", report, now=now)
        if project is not None:
            _import_project(session, project, chats.pop(project.original_id, []), report, user_ids)
    for project_id, rows in chats.items():
        report.skip("messages", f"{len(rows)} messages of an unknown project {project_id}", len(rows))
    if dry_run:
        session.rollback()
    else:
        session.commit()
    return report


def _read(reader, doc: dict, entity: str, report: ImportReport, *, now):
    try:
        return reader(doc, now=now)
    except docs.Unreadable as exc:
        report.skip(entity, f"{entity[:-1]} {doc.get('id') or doc.get('_id')}: {exc}")
        return None


def _by_owner(mongo: Database, report: ImportReport, *, now) -> dict[str, list[docs.OriginalEntry]]:
    owned = defaultdict(list)
    for doc in mongo["credit_transactions"].find():
        entry = _read(docs.read_entry, doc, "transactions", report, now=now)
        if entry is not None:
            owned[entry.owner_original_id].append(entry)
    return {owner: sorted(rows, key=lambda e: e.order) for owner, rows in owned.items()}


def _chats(mongo: Database, report: ImportReport, *, now) -> dict[str, list[docs.OriginalMessage]]:
    chats = defaultdict(list)
    for doc in mongo["messages"].find():
        message = _read(docs.read_message, doc, "messages", report, now=now)
        if message is not None:
            chats[message.project_original_id].append(message)
    return {project: sorted(rows, key=lambda m: (m.created_at, m.id)) for project, rows in chats.items()}


def _import_user(session, user: docs.OriginalUser, entries, report: ImportReport, user_ids: dict) -> None:
    if session.get(User, user.id) is not None:
        user_ids[user.original_id] = user.id
        report.already["users"] += 1
        report.already["transactions"] += len(entries)
        return
    who = f"user {user.original_id}"
    try:
        email = accounts.normalize_email(user.email)
    except DomainError:
        report.skip("users", f"{who}: {user.email!r} is not an e-mail address")
        report.skipped["transactions"] += len(entries)
        return
    if session.exec(select(User.id).where(User.email == email)).first():
        report.skip("users", f"{who}: {email} already has an account here (its projects are skipped too)")
        report.skipped["transactions"] += len(entries)
        return
    balance = user.credits if user.credits is not None else max(0, sum(e.amount for e in entries))
    if balance < 0:
        report.notes.append(f"{who}: balance {balance} in the original, 0 here (a balance is never negative)")
        balance = 0
    firebase_uid = user.firebase_uid
    if firebase_uid and session.exec(select(User.id).where(User.firebase_uid == firebase_uid)).first():
        report.notes.append(f"{who}: Firebase uid {firebase_uid} already belongs to an account here; not carried")
        firebase_uid = None
    password_hash = user.password_hash if original_passwords.is_original_hash(user.password_hash) else None
    if user.password_hash and password_hash is None:
        report.notes.append(f"{who}: password hash in an unknown format; signs in with Firebase or a new password")
    try:
        with session.begin_nested():
            _add_user(session, user, email=email, firebase_uid=firebase_uid, password_hash=password_hash)
            written = credits.carry_over(
                session=session, user_id=user.id, entries=entries, balance=balance, key=f"original:balance:{user.id}"
            )
    except IntegrityError as exc:
        logger.warning("user %s not imported: %s", user.original_id, exc)
        report.skip("users", f"{who}: conflicts with a row already here")
        report.skipped["transactions"] += len(entries)
        return
    user_ids[user.original_id] = user.id
    report.imported["users"] += 1
    report.imported["transactions"] += written


def _add_user(session, user: docs.OriginalUser, *, email: str, firebase_uid, password_hash) -> None:
    session.add(
        User(
            id=user.id,
            email=email,
            display_name=user.display_name or email.split("@")[0],
            password_hash=password_hash,
            firebase_uid=firebase_uid,
            credits=0,
            created_at=user.created_at,
            updated_at=user.updated_at,
        )
    )
    session.flush()


def _import_project(session, project: docs.OriginalProject, chat, report: ImportReport, user_ids: dict) -> None:
    if session.get(Project, project.id) is not None:
        report.already["projects"] += 1
        report.already["versions"] += 1 if project.files else 0
        report.already["messages"] += len(chat)
        return
    owner = user_ids.get(project.owner_original_id)
    if owner is None:
        report.skip("projects", f"project {project.original_id}: its owner {project.owner_original_id} is not here")
        report.skipped["messages"] += len(chat)
        return
    try:
        model = projects.choose_model(project.model)
    except DomainError:
        model = None  # a model this deployment does not offer: the project builds on the default
    try:
        with session.begin_nested():
            row = Project(
                id=project.id,
                user_id=owner,
                name=project.name,
                description=project.description,
                model=model,
                archived_at=project.updated_at if project.archived else None,
                created_at=project.created_at,
                updated_at=project.updated_at,
            )
            session.add(row)
            session.flush()
            if project.files:
                version = versions.create_version(
                    session=session,
                    project_id=row.id,
                    files=project.files,
                    plan={"imported_from": "original AutoWebIQ", "name": project.name},
                    prompt=IMPORTED_PROMPT,
                )
                version.created_at = project.updated_at
            for message in chat:
                session.add(
                    ProjectMessage(
                        id=message.id,
                        project_id=row.id,
                        role=message.role,
                        content=message.content,
                        created_at=message.created_at,
                    )
                )
            session.flush()
    except IntegrityError as exc:
        logger.warning("project %s not imported: %s", project.original_id, exc)
        report.skip("projects", f"project {project.original_id}: conflicts with a row already here")
        report.skipped["messages"] += len(chat)
        return
    report.imported["projects"] += 1
    report.imported["versions"] += 1 if project.files else 0
    report.imported["messages"] += len(chat)
