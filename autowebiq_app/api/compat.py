"""The original AutoWebIQ's words for our states and shapes it had that we did not: Celery
states, its build result, its ledger rows, its project list and delete answer.

Every route answers with the project's own fields; these are added beside them, so the
original's clients (its React frontend, its test scripts) keep working unchanged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from autowebiq_app.api import schemas
from autowebiq_app.models import (
    ORIGINAL_KIND_PREFIX,
    Build,
    BuildStatus,
    CreditTransaction,
    LedgerKind,
    ProjectVersion,
)
from autowebiq_app.services import project_overview

CELERY_STATES = {
    BuildStatus.QUEUED: "PENDING",
    BuildStatus.RUNNING: "PROGRESS",
    BuildStatus.SUCCEEDED: "SUCCESS",
    BuildStatus.FAILED: "FAILURE",
}
CELERY_MESSAGES = {
    "PENDING": "Task is waiting to be processed",
    "PROGRESS": "Build in progress",
    "SUCCESS": "Build completed successfully",
    "FAILURE": "Build failed",
}
TRANSACTION_TYPES = {
    LedgerKind.GRANT: "signup_bonus",
    LedgerKind.BUILD_RESERVE: "deduction",
    LedgerKind.BUILD_REFUND: "refund",
    LedgerKind.ORIGINAL_BALANCE: "adjustment",
}


def websocket_path(project_id: str) -> str:
    return f"/api/v2/ws/build/{project_id}"


def celery_state(build: Build) -> str:
    return CELERY_STATES.get(build.status, "PENDING")


def build_result(build: Build, version: ProjectVersion | None) -> schemas.BuildResult | None:
    """A succeeded build's result (its version's site and plan); None otherwise."""
    if build.status != BuildStatus.SUCCEEDED or version is None:
        return None
    plan = version.plan or {}
    return schemas.BuildResult(
        build_time=project_overview.build_seconds(build),
        frontend_code=version.files.get("index.html", ""),
        plan=schemas.BuildPlanSummary(
            project_name=str(plan.get("name") or ""),
            template_used=plan.get("template"),
            pages=list(plan.get("pages") or sorted(p for p in version.files if p.endswith(".html"))),
        ),
        images=project_overview.image_files(version.files),
    )


class OriginalTransaction(BaseModel):
    """A ledger row as the original AutoWebIQ's credit history listed it."""

    id: str
    transaction_type: str = Field(examples=["deduction"], description="signup_bonus, deduction, refund, …")
    amount: int = Field(ge=0, description="how many credits moved (the direction is in the type and balances)")
    balance_before: int
    balance_after: int
    status: Literal["completed"] = "completed"
    description: str
    extra_data: dict
    created_at: datetime


class CreditHistory(schemas.Page[schemas.TransactionOut]):
    current_balance: int
    transactions: list[OriginalTransaction] = Field(description="the same rows in the original AutoWebIQ's shape")


def transaction_type(kind: str) -> str:
    if kind.startswith(ORIGINAL_KIND_PREFIX) and kind != LedgerKind.ORIGINAL_BALANCE:
        return kind.removeprefix(ORIGINAL_KIND_PREFIX)
    return TRANSACTION_TYPES.get(kind, kind)


def original_transaction(row: CreditTransaction) -> OriginalTransaction:
    extra = {"build_id": row.build_id} if row.build_id else {}
    return OriginalTransaction(
        id=str(row.id),
        transaction_type=transaction_type(row.kind),
        amount=abs(row.amount),
        balance_before=row.balance_after - row.amount,
        balance_after=row.balance_after,
        description=row.description,
        extra_data=extra,
        created_at=row.created_at,
    )


class ProjectList(BaseModel):
    projects: list[schemas.ProjectOut]


class Deleted(BaseModel):
    message: str = Field(examples=["Project deleted"])
