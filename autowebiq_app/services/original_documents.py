"""The original AutoWebIQ's MongoDB documents (`users`, `projects`, `messages`,
`credit_transactions`), read into typed records in this project's terms.

The original wrote its documents loosely: timestamps as ISO strings or datetimes, ids as
dashed UUIDs (or none, leaving Mongo's `_id`), ledger amounts negative or positive and the
type under `type` or `transaction_type`. Reading is forgiving where the meaning is clear and
returns None (with the reason) where it is not, so the importer can skip and report.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from autowebiq_app.models import ORIGINAL_KIND_PREFIX, canonical_id

_ID_NAMESPACE = uuid.UUID("6c1f3a4e-5d0b-4f63-9c2a-8e7b1d2f0a57")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SAFE_PAGE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,150}$")
CREDITING_TYPES = {"refund", "purchase", "signup_bonus", "monthly_reset"}


class Unreadable(ValueError):
    """A document this importer cannot carry across; the message says why."""


def our_id(original_id: str, *, kind: str) -> str:
    """The id a row gets here: a UUID keeps its hex digits (so the original's dashed form
    still names it); anything else maps to a stable UUID5, the same on every run."""
    return canonical_id(original_id) or uuid.uuid5(_ID_NAMESPACE, f"{kind}:{original_id}").hex


def original_id(doc: dict) -> str:
    value = doc.get("id") or doc.get("_id")
    if value is None or str(value).strip() == "":
        raise Unreadable("it has no id")
    return str(value)


def timestamp(value, *, default: datetime) -> datetime:
    """A stored time (datetime, or ISO text with or without a zone; naive means UTC)."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str) and value.strip():
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return default
    else:
        return default
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def clean_text(value, *, limit: int, multiline: bool = False) -> str:
    """Text without control characters (newlines kept when `multiline`), cut to `limit`."""
    text = value if isinstance(value, str) else ""
    text = _CONTROL.sub("", text)
    if not multiline:
        text = " ".join(text.split())
    return text.strip()[:limit]


@dataclass
class OriginalUser:
    original_id: str
    id: str
    email: str
    display_name: str
    password_hash: str | None
    firebase_uid: str | None
    credits: int | None
    created_at: datetime
    updated_at: datetime


@dataclass
class OriginalProject:
    original_id: str
    id: str
    owner_original_id: str
    name: str
    description: str
    model: str | None
    archived: bool
    files: dict[str, str]
    created_at: datetime
    updated_at: datetime


@dataclass
class OriginalMessage:
    id: str
    project_original_id: str
    role: str
    content: str
    created_at: datetime


@dataclass
class OriginalEntry:
    """One credit transaction, as a ledger row of this project."""

    key: str
    owner_original_id: str
    kind: str
    amount: int
    description: str
    created_at: datetime
    order: tuple = field(default=())


def read_user(doc: dict, *, now: datetime) -> OriginalUser:
    oid = original_id(doc)
    email = doc.get("email")
    if not isinstance(email, str) or not email.strip():
        raise Unreadable("it has no email address")
    password_hash = doc.get("password_hash") or doc.get("password") or None
    credits = doc.get("credits")
    created = timestamp(doc.get("created_at"), default=now)
    return OriginalUser(
        original_id=oid,
        id=our_id(oid, kind="user"),
        email=email,
        display_name=clean_text(doc.get("username") or doc.get("name"), limit=120),
        password_hash=password_hash if isinstance(password_hash, str) else None,
        firebase_uid=clean_text(doc.get("firebase_uid"), limit=128) or None,
        credits=int(credits) if isinstance(credits, int | float) and not isinstance(credits, bool) else None,
        created_at=created,
        updated_at=timestamp(doc.get("updated_at"), default=created),
    )


def read_project(doc: dict, *, now: datetime) -> OriginalProject:
    oid = original_id(doc)
    owner = doc.get("user_id")
    if not owner:
        raise Unreadable("it has no owner")
    created = timestamp(doc.get("created_at"), default=now)
    return OriginalProject(
        original_id=oid,
        id=our_id(oid, kind="project"),
        owner_original_id=str(owner),
        name=clean_text(doc.get("name"), limit=120) or "Untitled project",
        description=clean_text(doc.get("description"), limit=2000, multiline=True),
        model=clean_text(doc.get("model"), limit=120) or None,
        archived=doc.get("status") == "archived",
        files=_site_files(doc),
        created_at=created,
        updated_at=timestamp(doc.get("updated_at"), default=created),
    )


def _site_files(doc: dict) -> dict[str, str]:
    """Its generated site: `all_pages` (multi-page builds) with `generated_code` as index.html."""
    pages = doc.get("all_pages") if isinstance(doc.get("all_pages"), dict) else {}
    files = {
        name: html
        for name, html in pages.items()
        if isinstance(name, str) and isinstance(html, str) and _SAFE_PAGE.match(name) and ".." not in name
    }
    code = doc.get("generated_code") or doc.get("code")
    if isinstance(code, str) and code.strip():
        files["index.html"] = code
    return files if files.get("index.html", "").strip() else {}


def read_message(doc: dict, *, now: datetime) -> OriginalMessage:
    oid = original_id(doc)
    project = doc.get("project_id")
    if not project:
        raise Unreadable("it has no project")
    content = doc.get("content")
    return OriginalMessage(
        id=our_id(oid, kind="message"),
        project_original_id=str(project),
        # The original also kept "system" notes; here a chat has the user and the assistant.
        role="user" if doc.get("role") == "user" else "assistant",
        content=_CONTROL.sub("", content) if isinstance(content, str) else "",
        created_at=timestamp(doc.get("created_at"), default=now),
    )


def read_entry(doc: dict, *, now: datetime) -> OriginalEntry:
    owner = doc.get("user_id")
    if not owner:
        raise Unreadable("it has no user")
    amount = doc.get("amount")
    if not isinstance(amount, int | float) or isinstance(amount, bool):
        raise Unreadable(f"its amount {amount!r} is not a number")
    kind_of = re.sub(r"[^a-z0-9_]", "", str(doc.get("transaction_type") or doc.get("type") or "").lower())[:23]
    if kind_of in ("", "balance"):  # "original_balance" is the carried-over remainder's kind
        kind_of = "other"
    amount = int(amount)
    if kind_of == "deduction":
        amount = -abs(amount)
    elif kind_of in CREDITING_TYPES:
        amount = abs(amount)
    created = timestamp(doc.get("created_at"), default=now)
    # Mongo's `_id` is unique; the original's own ids ("txn_{second}_{user}") could repeat.
    key = str(doc.get("_id") or original_id(doc))
    return OriginalEntry(
        key=f"original:txn:{key}"[:160],
        owner_original_id=str(owner),
        kind=ORIGINAL_KIND_PREFIX + kind_of,
        amount=amount,
        description=clean_text(_entry_description(doc, kind_of), limit=255),
        created_at=created,
        order=(created, key),
    )


def _entry_description(doc: dict, kind_of: str) -> str:
    return doc.get("description") or doc.get("reason") or doc.get("operation") or kind_of.replace("_", " ").capitalize()
