"""Request and response bodies of the HTTP API (the OpenAPI spec is generated from these)."""

from __future__ import annotations

from datetime import datetime
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class ErrorDetail(BaseModel):
    code: str = Field(examples=["insufficient_credits"])
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


class Credentials(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: str = Field(max_length=320, examples=["ada@example.com"])
    password: str = Field(max_length=256)


class Registration(Credentials):
    display_name: str = Field("", max_length=120)


class UserOut(BaseModel):
    id: str
    email: str | None
    display_name: str
    credits: int
    created_at: datetime


class AuthOut(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    user: UserOut


class CreditsOut(BaseModel):
    balance: int
    build_cost: int


class StatsOut(BaseModel):
    projects: int
    versions: int
    builds: dict[str, int]
    credits_balance: int
    credits_spent: int


class ProjectCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=120)
    description: str = Field("", max_length=2000)


class ProjectOut(BaseModel):
    id: str
    name: str
    description: str
    template_slug: str | None
    published_slug: str | None
    published_version: int | None
    created_at: datetime
    updated_at: datetime


class BuildRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    prompt: str = Field(min_length=1, max_length=20_000, examples=["Build a luxury e-commerce website called Aurum"])


class BuildAccepted(BaseModel):
    build_id: str
    task_id: str | None
    project_id: str
    status: str
    kind: Literal["create", "edit"]
    cost: int


class BuildStatusOut(BaseModel):
    build_id: str
    task_id: str | None
    project_id: str
    state: str
    progress: int
    cost: int
    charge_state: str
    error: str | None
    version: int | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    duration_ms: int | None


class ProjectDetail(ProjectOut):
    latest_version: int | None
    latest_build: BuildStatusOut | None


class TransactionOut(BaseModel):
    id: int
    kind: str
    amount: int
    balance_after: int
    build_id: str | None
    description: str
    created_at: datetime


class VersionSummary(BaseModel):
    number: int
    prompt: str
    qa_score: int | None
    build_id: str | None
    created_at: datetime
    files: int


class VersionDetail(BaseModel):
    number: int
    prompt: str
    plan: dict
    qa_report: dict
    qa_score: int | None
    build_id: str | None
    created_at: datetime
    files: list[str]


class PublishRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int | None = Field(None, ge=1, description="default: the latest version")


class PublishOut(BaseModel):
    published: bool
    slug: str | None
    version: int | None
    url: str | None


class HealthOut(BaseModel):
    status: Literal["healthy", "degraded", "unhealthy"]
    databases: dict[str, str]
    services: dict[str, str | int]
