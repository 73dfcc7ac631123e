"""Request and response bodies of the HTTP API (the OpenAPI spec is generated from these)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from autowebiq_app.core.config import get_settings
from autowebiq_app.services.accounts import EMAIL_PATTERN, PASSWORD_PATTERN

T = TypeVar("T")
ONE_LINE = r"^[^\x00-\x1f\x7f]*$"
SOME_TEXT_ONE_LINE = r"^[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*$"
MULTILINE = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
SOME_TEXT_MULTILINE = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"


class ErrorDetail(BaseModel):
    code: str = Field(examples=["insufficient_credits"])
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail
    detail: str = Field(description="the message again, where the original AutoWebIQ's clients read it")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


class Credentials(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: str = Field(max_length=320, examples=["ada@example.com"])
    password: str = Field(max_length=256)


class Registration(BaseModel):
    model_config = ConfigDict(extra="forbid", regex_engine="python-re")
    email: str = Field(max_length=320, pattern=EMAIL_PATTERN, examples=["ada@example.com"])
    password: str = Field(
        pattern=PASSWORD_PATTERN,
        description="8-256 characters (any script), not one of the most used passwords",
        examples=["analytical-1843"],
    )
    display_name: str = Field("", max_length=120, pattern=ONE_LINE)
    username: str = Field("", max_length=120, pattern=ONE_LINE, description="the original AutoWebIQ's name field")
    name: str = Field("", max_length=120, pattern=ONE_LINE, description="another name for `display_name`")

    @property
    def chosen_name(self) -> str:
        """The display name, from whichever of the three fields the client sent."""
        return self.display_name or self.username or self.name


class PasswordChange(BaseModel):
    model_config = ConfigDict(extra="forbid", regex_engine="python-re")
    current_password: str = Field(max_length=256)
    new_password: str = Field(
        pattern=PASSWORD_PATTERN, description="8-256 characters (any script), not one of the most used passwords"
    )


class UserOut(BaseModel):
    id: str
    email: str | None
    display_name: str
    username: str = Field(description="the display name, as the original AutoWebIQ called it")
    name: str = Field(description="the display name again")
    credits: int
    created_at: datetime
    updated_at: datetime = Field(description="when the account last changed")


class AuthOut(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    user: UserOut


class ModelTokens(BaseModel):
    model: str
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    builds: int


class TokenTotals(BaseModel):
    """Tokens the user's builds asked of models; they do not change what a build costs."""

    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    builds: int = Field(description="builds that used a model")
    by_model: list[ModelTokens] = Field(description="most used first")


class CreditsOut(BaseModel):
    balance: int
    credits: int = Field(description="the balance again, as the original AutoWebIQ named it")
    user_id: str
    build_cost: int
    tokens: TokenTotals


class ModelsOut(BaseModel):
    models: list[str] = Field(description="what a project's `model` may be; empty when no model is configured")
    default: str | None = Field(description="what a project without a `model` builds with; null: the built-in engine")


class StatsOut(BaseModel):
    projects: int
    versions: int
    builds: dict[str, int]
    credits_balance: int
    credits_spent: int
    user_id: str
    email: str | None
    credits: int
    total_projects: int
    completed_projects: int
    member_since: datetime


MODEL_FIELD = Field(
    None,
    max_length=120,
    pattern=ONE_LINE,
    description="one of GET /api/v2/models; null or empty: the default. Ignored when no model is configured "
    "(the built-in engine builds); any other value is refused with 422 `unknown_model`.",
    examples=["gpt-4o-mini"],
)


class ProjectCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=120, pattern=SOME_TEXT_ONE_LINE)
    description: str | None = Field("", max_length=2000, pattern=MULTILINE, description="null: none")
    model: str | None = MODEL_FIELD


class ProjectUpdate(BaseModel):
    """Only the fields given change; `model: null` goes back to the default."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(None, min_length=1, max_length=120, pattern=SOME_TEXT_ONE_LINE)
    description: str = Field(None, max_length=2000, pattern=MULTILINE)
    model: str | None = MODEL_FIELD


ProjectStatus = Literal["draft", "building", "completed", "failed"]


class ProjectOut(BaseModel):
    id: str
    user_id: str
    name: str
    description: str
    template_slug: str | None
    template_id: str | None = Field(description="`template_slug` again, as the original AutoWebIQ named it")
    model: str | None = Field(description="the model chosen for its builds; null: the default (GET /api/v2/models)")
    status: ProjectStatus = Field(
        description="from its builds: building while one is queued or running, failed when the last one failed "
        "(and no version came after it), completed with a version, else draft"
    )
    build_time: float | None = Field(description="seconds its latest successful build ran")
    generated_code: str = Field(description="the latest version's index.html; empty without a version")
    published_slug: str | None
    published_version: int | None
    created_at: datetime
    updated_at: datetime


class BuildRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    prompt: str = Field(
        min_length=1,
        max_length=get_settings().max_prompt_chars,
        pattern=SOME_TEXT_MULTILINE,
        examples=["Build a luxury e-commerce website called Aurum"],
        description="longer than the limit is refused with 413",
    )
    uploaded_images: list[Annotated[str, Field(max_length=2048)]] = Field(
        default_factory=list,
        max_length=20,
        description="accepted for the original AutoWebIQ's clients and not used: generated sites load nothing "
        "from the network, and the image agent draws every picture",
    )


class BuildAccepted(BaseModel):
    build_id: str
    task_id: str | None
    project_id: str
    status: str
    kind: Literal["create", "edit"]
    cost: int
    message: str
    websocket_url: str = Field(description="the project's build WebSocket (add ?token=)")


class TokenUsage(BaseModel):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    model: str


class BuildPlanSummary(BaseModel):
    project_name: str
    template_used: str | None
    pages: list[str]


class BuildResult(BaseModel):
    """A succeeded build's result, as the original AutoWebIQ's task result carried it."""

    status: Literal["completed"] = "completed"
    build_time: float | None
    frontend_code: str
    plan: BuildPlanSummary
    images: list[str]


class BuildStatusOut(BaseModel):
    build_id: str
    task_id: str | None
    project_id: str
    state: str
    status: Literal["PENDING", "PROGRESS", "SUCCESS", "FAILURE"] = Field(
        description="`state` as the original AutoWebIQ's Celery states: queued, running, succeeded, failed"
    )
    message: str
    result: BuildResult | None = Field(None, description="on success")
    progress: int
    cost: int
    charge_state: str
    error: str | None
    version: int | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    duration_ms: int | None
    usage: TokenUsage | None = Field(description="tokens the model used; null when no model was asked")


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


class SubmissionOut(BaseModel):
    id: str
    form: str = Field(description="the form's name: contact, newsletter, booking…")
    page: str = Field(description="the page of the published site it was sent from")
    fields: list[tuple[str, str]] = Field(description="[name, value] pairs in the form's order")
    created_at: datetime


class SubmissionList(BaseModel):
    items: list[SubmissionOut]


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
    version: int | None = Field(None, ge=1, le=1_000_000, description="default: the latest version")


class PublishOut(BaseModel):
    published: bool
    slug: str | None
    version: int | None
    url: str | None


class HealthOut(BaseModel):
    status: Literal["healthy", "degraded", "unhealthy"]
    service: str
    timestamp: datetime
    databases: dict[str, str] = Field(description='"connected", or "error: …"')
    services: dict[str, str | int] = Field(
        description='`redis` "connected" or "error: …", `celery` "N workers active", and `dramatiq` '
        "healthy/unhealthy with `dramatiq_workers`"
    )
    checks: dict[str, Literal["healthy", "unhealthy"]] = Field(description="each dependency, healthy or not")
