"""SQLModel tables and the public shapes that leave the domain core.

Table classes never reach the API or the browser: `autowebiq_app/api/schemas.py` holds the
public shapes, and the Reflex states keep plain dicts.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, Column, Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from autowebiq_app.db_types import JSONColumn, UTCDateTime, utcnow


def new_id() -> str:
    return uuid4().hex


def canonical_id(value: str) -> str | None:
    """Our form (32 lower-case hex digits) of an id given as ours or as a dashed UUID, the
    original AutoWebIQ's form; None if it is neither."""
    try:
        return UUID(value).hex if len(value) in (32, 36) else None
    except ValueError:
        return None


def _created_at() -> Any:
    return Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class BuildStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"

    @property
    def finished(self) -> bool:
        return self in (BuildStatus.SUCCEEDED, BuildStatus.FAILED)


ACTIVE_STATUSES = (BuildStatus.QUEUED, BuildStatus.RUNNING)
"""A build in one of these holds its project (at most one per project) and its credits."""
ACTIVE_BUILD_CONDITION = "status IN ('queued', 'running')"


class ChargeState(StrEnum):
    RESERVED = "reserved"
    SETTLED = "settled"
    REFUNDED = "refunded"


class LedgerKind(StrEnum):
    GRANT = "grant"
    BUILD_RESERVE = "build_reserve"
    BUILD_REFUND = "build_refund"
    ORIGINAL_BALANCE = "original_balance"
    """What the original AutoWebIQ's balance held beyond its own recorded transactions."""


class UserRole(StrEnum):
    USER = "user"
    ADMIN = "admin"
    """Sees the operations monitor (/admin/monitor); made with `autowebiq make-admin EMAIL`."""


ORIGINAL_KIND_PREFIX = "original_"
"""Ledger rows imported from the original AutoWebIQ are kinded `original_{its type}`."""


class User(SQLModel, table=True):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("credits >= 0", name="ck_users_credits_nonnegative"),
        CheckConstraint("role IN ('user', 'admin')", name="ck_users_role"),
    )

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    email: str | None = Field(default=None, unique=True, index=True, max_length=320)
    display_name: str = Field(default="", max_length=120)
    password_hash: str | None = Field(default=None, max_length=255)
    firebase_uid: str | None = Field(default=None, unique=True, max_length=128)
    credits: int = Field(default=0, nullable=False)
    role: str = Field(default=UserRole.USER, max_length=16, sa_column_kwargs={"server_default": "user"})
    created_at: datetime = _created_at()
    updated_at: datetime = _created_at()


class UserSession(SQLModel, table=True):
    __tablename__ = "user_sessions"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    user_id: str = Field(foreign_key="users.id", index=True, max_length=32, ondelete="CASCADE")
    token_hash: str = Field(unique=True, max_length=64)
    created_at: datetime = _created_at()
    expires_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Project(SQLModel, table=True):
    __tablename__ = "projects"
    __table_args__ = (Index("ix_projects_user_updated", "user_id", "updated_at"),)

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    user_id: str = Field(foreign_key="users.id", max_length=32, ondelete="CASCADE")
    name: str = Field(max_length=120)
    description: str = Field(default="", max_length=2000)
    template_slug: str | None = Field(default=None, max_length=80)
    model: str | None = Field(
        default=None, max_length=120, description="the model its builds use (one of LLM_MODELS); None: the default"
    )
    published_slug: str | None = Field(default=None, unique=True, max_length=80)
    published_version: int | None = None
    published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    archived_at: datetime | None = Field(
        default=None, sa_type=UTCDateTime, description="deleted by its owner: hidden everywhere, its ledger kept"
    )
    created_at: datetime = _created_at()
    updated_at: datetime = _created_at()


class SiteAddressHold(SQLModel, table=True):
    """A site address its owner released: nobody else may take it until `held_until`."""

    __tablename__ = "site_address_holds"

    slug: str = Field(primary_key=True, max_length=80)
    user_id: str = Field(foreign_key="users.id", max_length=32, ondelete="CASCADE")
    held_until: datetime = Field(sa_type=UTCDateTime, nullable=False)


class ProjectMessage(SQLModel, table=True):
    __tablename__ = "project_messages"
    __table_args__ = (Index("ix_project_messages_project_created", "project_id", "created_at"),)

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    project_id: str = Field(foreign_key="projects.id", max_length=32, ondelete="CASCADE")
    build_id: str | None = Field(default=None, foreign_key="builds.id", max_length=32)
    role: str = Field(max_length=16)  # "user" or "assistant"
    content: str
    created_at: datetime = _created_at()


class SiteSubmission(SQLModel, table=True):
    """What a visitor sent through a form of a published site, kept for the site's owner."""

    __tablename__ = "site_submissions"
    __table_args__ = (Index("ix_site_submissions_project_created", "project_id", "created_at"),)

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    project_id: str = Field(foreign_key="projects.id", max_length=32, ondelete="CASCADE")
    form: str = Field(max_length=60, description="the form's name (contact, subscribe, booking…)")
    page: str = Field(max_length=200, description="the page it was sent from")
    # [[field, value], …] in the form's order (a JSON object would lose it in PostgreSQL).
    fields: list = Field(default_factory=list, sa_column=Column(JSONColumn, nullable=False))
    created_at: datetime = _created_at()


class BuildKind(StrEnum):
    BUILD = "build"
    EDIT = "edit"


class Build(SQLModel, table=True):
    __tablename__ = "builds"
    __table_args__ = (
        Index("ix_builds_project_created", "project_id", "created_at"),
        Index("ix_builds_status_heartbeat", "status", "heartbeat_at"),
        # At most one queued or running build per project, enforced by the database.
        Index(
            "uq_builds_project_active",
            "project_id",
            unique=True,
            postgresql_where=text(ACTIVE_BUILD_CONDITION),
            sqlite_where=text(ACTIVE_BUILD_CONDITION),
        ),
        # Each user's builds in flight, counted at every build request (migration 0012).
        Index(
            "ix_builds_user_active",
            "user_id",
            postgresql_where=text(ACTIVE_BUILD_CONDITION),
            sqlite_where=text(ACTIVE_BUILD_CONDITION),
        ),
        UniqueConstraint("user_id", "request_key", name="uq_builds_user_request_key"),
        CheckConstraint("progress >= 0 AND progress <= 100", name="ck_builds_progress_range"),
    )

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    project_id: str = Field(foreign_key="projects.id", max_length=32, ondelete="CASCADE")
    user_id: str = Field(foreign_key="users.id", index=True, max_length=32, ondelete="CASCADE")
    prompt: str
    kind: str = Field(default=BuildKind.BUILD, max_length=16, sa_column_kwargs={"server_default": "build"})
    base_version: int | None = Field(default=None, description="for an edit: the version it changes")
    status: str = Field(default=BuildStatus.QUEUED, max_length=16)
    progress: int = Field(default=0)
    cost: int = Field(ge=0)
    charge_state: str = Field(default=ChargeState.RESERVED, max_length=16)
    error: str | None = None
    task_id: str | None = Field(default=None, max_length=64)
    request_key: str | None = Field(default=None, max_length=128)
    version_number: int | None = None
    attempts: int = Field(default=0)
    created_at: datetime = _created_at()
    started_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    heartbeat_at: datetime = _created_at()
    requeued_at: datetime | None = Field(
        default=None, sa_type=UTCDateTime, description="when the sweeper sent its lost job once more"
    )
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Tokens the model used for this build (summed over its runs); None when no model was asked.
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    total_tokens: int | None = None
    llm_model: str | None = Field(default=None, max_length=120)
    # Milliseconds each agent took, from the event stream (`agent_timings`); set on success.
    agent_ms: dict | None = Field(default=None, sa_column=Column(JSONColumn, nullable=True))


class BuildDraft(SQLModel, table=True):
    """A running build's work between its steps, each its own message: the plan (from the
    `builds` queue) waits here for the images (`images` queue), and both for the pages and
    QA (`builds`). Removed when the build ends."""

    __tablename__ = "build_drafts"

    build_id: str = Field(foreign_key="builds.id", primary_key=True, max_length=32, ondelete="CASCADE")
    stage: str = Field(max_length=16, description="the step that runs next: images or render")
    planned: dict = Field(default_factory=dict, sa_column=Column(JSONColumn, nullable=False))
    drawn: dict | None = Field(default=None, sa_column=Column(JSONColumn, nullable=True))
    updated_at: datetime = _created_at()


class CreditTransaction(SQLModel, table=True):
    """An append-only ledger row; `users.credits` always equals the sum of `amount`."""

    __tablename__ = "credit_transactions"
    __table_args__ = (Index("ix_credit_transactions_user_created", "user_id", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: str = Field(foreign_key="users.id", max_length=32, ondelete="CASCADE")
    build_id: str | None = Field(default=None, foreign_key="builds.id", max_length=32)
    kind: str = Field(max_length=32)
    amount: int
    balance_after: int
    idempotency_key: str = Field(unique=True, max_length=160)
    description: str = Field(default="", max_length=255)
    created_at: datetime = _created_at()


class ProjectVersion(SQLModel, table=True):
    __tablename__ = "project_versions"
    __table_args__ = (UniqueConstraint("project_id", "number", name="uq_project_versions_number"),)

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    project_id: str = Field(foreign_key="projects.id", max_length=32, ondelete="CASCADE")
    build_id: str | None = Field(default=None, foreign_key="builds.id", unique=True, max_length=32)
    number: int
    prompt: str = ""
    plan: dict = Field(default_factory=dict, sa_column=Column(JSONColumn, nullable=False))
    files: dict = Field(default_factory=dict, sa_column=Column(JSONColumn, nullable=False))
    qa_report: dict = Field(default_factory=dict, sa_column=Column(JSONColumn, nullable=False))
    qa_score: int | None = None
    created_at: datetime = _created_at()
