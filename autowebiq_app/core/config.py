"""Application settings, read once from the environment and `.env`."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_SECRET_KEY = "change-me-autowebiq-development-secret"
BROKER_NAMESPACE = "autowebiq"
DEFAULT_MODELS = {"openai": "gpt-4o-mini", "anthropic": "claude-sonnet-4-5"}


class UnsafeSettings(ValueError):
    """Raised when production settings would be unsafe to run with."""


class Settings(BaseSettings):
    """Every knob of AutoWebIQ; one instance per process (see `get_settings`)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    environment: Literal["development", "test", "production"] = Field("development", validation_alias="AUTOWEBIQ_ENV")
    database_url: str = "sqlite:///autowebiq.db"
    redis_url: str = "redis://127.0.0.1:6379/0"
    redis_timeout_seconds: float = Field(
        1.0, gt=0, le=30, description="longest wait for a Redis connect or reply before the call gives up"
    )
    redis_backoff_seconds: float = Field(
        5.0, ge=0, le=300, description="after a Redis failure, optional calls (rate limit, caches) skip Redis this long"
    )
    broker_url: str | None = Field(
        None, description="Redis URL of the Dramatiq broker; defaults to REDIS_URL's next db."
    )
    mongodb_url: str | None = Field(None, description="Unset: an in-process mongomock catalog.")
    mongodb_database: str = "autowebiq"
    secret_key: str = DEFAULT_SECRET_KEY
    starting_credits: int = Field(100, ge=0)
    build_cost: int = Field(10, ge=0)
    edit_cost: int = Field(2, ge=0, description="a chat edit of an existing version")
    session_ttl_hours: int = Field(24 * 14, gt=0)
    max_prompt_chars: int = Field(4000, gt=0)
    build_stale_seconds: int = Field(
        300, gt=0, description="A queued/running build silent this long is failed and refunded."
    )
    event_stream_ttl_seconds: int = Field(7 * 24 * 3600, gt=0)
    event_stream_maxlen: int = Field(5000, gt=100)
    sweep_interval_seconds: float = Field(
        30.0, gt=0, le=3600, description="how often a worker sweeps for builds whose worker was lost (a periodic job)"
    )
    worker_poll_ms: int = Field(
        100, ge=5, le=5000, description="the longest an idle worker waits before looking for new messages again"
    )
    worker_heartbeat_seconds: float = Field(
        5.0, gt=0, le=60, description="how often each worker process says it is alive (dead after 3 missed)"
    )
    build_soft_limit_seconds: float = Field(
        240, gt=0, description="a build running this long is told to stop (in the worker), failed and refunded"
    )
    build_hard_limit_seconds: float = Field(
        300, gt=0, description="a worker process still running a build this long is killed and replaced"
    )
    worker_max_tasks: int = Field(
        1000, gt=0, description="messages a worker process handles before it is replaced by a fresh one"
    )
    max_builds_in_flight: int = Field(3, gt=0, description="queued or running builds per user")
    api_requests_per_minute: int = Field(
        240, gt=0, description="per signed-in user, all tokens together (per IP when signed out)"
    )
    sign_ins_per_ip_per_minute: int = Field(30, gt=0, description="sign-in attempts per IP, any account")
    signups_per_ip_per_hour: int = Field(20, gt=0, description="new accounts per IP (each gets starting credits)")
    max_sockets_per_user: int = Field(20, gt=0, description="open build WebSockets per user")
    api_max_body_bytes: int = Field(256 * 1024, gt=1024)
    public_url: str = "http://localhost:3000"
    web_processes: int = Field(
        1, ge=1, le=32, description="Reflex backend processes behind the one port (more than one needs REDIS_URL)"
    )
    sites_url: str | None = Field(
        None,
        description="Published sites each get an origin of their own under this one: with "
        "http://localhost:3001, the site `bakery` is http://bakery.localhost:3001/ (production: a "
        "wildcard DNS name on a domain of its own, such as https://sites.example.net). "
        "Unset: sites are served at PUBLIC_URL/sites/{slug}/, sandboxed.",
    )
    site_submissions_per_minute: int = Field(
        6, gt=0, description="form submissions a published site takes from one visitor (IP) per minute"
    )
    site_submissions_kept: int = Field(2000, gt=0, description="submissions kept per site; then the form refuses more")
    allowed_origins: list[str] = Field(
        default_factory=list, description="Browser origins allowed to connect; default PUBLIC_URL."
    )

    llm_provider: Literal["offline", "openai", "anthropic"] = "offline"
    llm_base_url: str | None = None
    llm_api_key: str | None = None
    llm_model: str | None = None
    llm_models: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="models a project may choose (comma-separated); the first (or LLM_MODEL) is the default",
    )
    llm_timeout_seconds: float = Field(60.0, gt=0, description="per request to the model")
    llm_max_attempts: int = Field(
        3, ge=1, le=10, description="replies per plan before the build fails (an invalid one is asked again)"
    )
    llm_retries: int = Field(
        3, ge=0, le=10, description="more requests to a model server that is busy, failing, slow or cuts a reply short"
    )
    llm_backoff_seconds: float = Field(
        1.0, ge=0, le=60, description="first wait before a retry; each wait doubles (with jitter)"
    )
    llm_max_wait_seconds: float = Field(
        30.0, ge=0, le=600, description="longest wait before a retry, a server's Retry-After included"
    )
    llm_max_tokens: int = Field(900, ge=100)
    llm_spec_max_tokens: int = Field(
        6000, ge=0, description="reply budget for an app's whole spec; below 4000 the model writes only the small plan"
    )
    llm_repair_attempts: int = Field(
        2, ge=0, le=5, description="times a model-written feature that fails in the browser goes back to the model"
    )
    qa_browser: Literal["auto", "on", "off"] = Field(
        "auto", description="run every feature's self-test in headless Chromium (auto: when Chromium is installed)"
    )

    firebase_project_id: str | None = None
    firebase_credentials_file: str | None = None
    firebase_auth_emulator_host: str | None = Field(None, validation_alias="FIREBASE_AUTH_EMULATOR_HOST")
    firebase_web_api_key: str | None = Field(
        None, description="the Firebase web app's API key (public): shows 'Continue with Google' on the sign-in page"
    )
    firebase_auth_domain: str | None = Field(None, description="default: <FIREBASE_PROJECT_ID>.firebaseapp.com")

    @field_validator("llm_models", mode="before")
    @classmethod
    def _comma_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @model_validator(mode="after")
    def _shared_state_for_many_web_processes(self) -> Settings:
        if self.web_processes > 1 and "redis_url" not in self.model_fields_set:
            raise ValueError("WEB_PROCESSES above 1 needs REDIS_URL: the processes keep the browsers' state there")
        return self

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.environment != "production":
            return self
        if self.secret_key == DEFAULT_SECRET_KEY or len(self.secret_key) < 32:
            raise UnsafeSettings("SECRET_KEY must be set to a random value of 32+ characters")
        if self.firebase_auth_emulator_host:
            raise UnsafeSettings("FIREBASE_AUTH_EMULATOR_HOST is set: firebase-admin would accept unsigned tokens")
        return self

    def models(self) -> list[str]:
        """The models a project may choose, the default first (empty offline)."""
        if self.llm_provider == "offline":
            return []
        default = self.llm_model or (self.llm_models[0] if self.llm_models else DEFAULT_MODELS[self.llm_provider])
        return list(dict.fromkeys([default, *self.llm_models]))

    def unset(self, *names: str) -> list[str]:
        """Which of these settings were left at their defaults (not in the environment or `.env`)."""
        return [name for name in names if name not in self.model_fields_set]

    @property
    def sqlalchemy_url(self) -> str:
        """DATABASE_URL with the psycopg 3 driver made explicit for PostgreSQL."""
        url = self.database_url
        for prefix in ("postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url

    @property
    def reflex_state_redis_url(self) -> str | None:
        """Where the Reflex backend keeps each browser's state: Redis (its own db, two after
        REDIS_URL's, away from the cache, the streams and the broker) when REDIS_URL is set,
        so any of the WEB_PROCESSES can serve any browser and a restarted one loses nobody's
        page; else Reflex's default (a file per browser under .web)."""
        if "redis_url" not in self.model_fields_set:
            return None
        return self._redis_db_after(2)

    @property
    def effective_broker_url(self) -> str:
        """The broker's Redis URL: its own db number, away from cache and streams."""
        if self.broker_url:
            return self.broker_url
        return self._redis_db_after(1)

    def _redis_db_after(self, offset: int) -> str:
        """REDIS_URL with the db number `offset` after its own (modulo Redis's 16)."""
        parts = urlsplit(self.redis_url)
        db = int(parts.path.strip("/") or 0)
        return urlunsplit(parts._replace(path=f"/{(db + offset) % 16}"))

    @property
    def cors_origins(self) -> list[str]:
        """ALLOWED_ORIGINS, or PUBLIC_URL under both of its loopback spellings."""
        if self.allowed_origins:
            return self.allowed_origins
        origin = self.public_url.rstrip("/")
        twins = {origin, origin.replace("://localhost", "://127.0.0.1"), origin.replace("://127.0.0.1", "://localhost")}
        return sorted(twins)

    @property
    def firebase_enabled(self) -> bool:
        return bool(self.firebase_project_id)

    @property
    def firebase_web_config(self) -> dict[str, str]:
        """What the sign-in page's Firebase button needs (all of it public); empty when the
        button is not offered (no project, or no web API key outside the emulator)."""
        emulator = self.firebase_auth_emulator_host
        api_key = self.firebase_web_api_key or ("emulator" if emulator else "")
        if not (self.firebase_project_id and api_key):
            return {}
        return {
            "apiKey": api_key,
            "authDomain": self.firebase_auth_domain or f"{self.firebase_project_id}.firebaseapp.com",
            "projectId": self.firebase_project_id,
            "emulatorUrl": f"http://{emulator}" if emulator else "",
        }


def insecure_defaults(settings: Settings) -> list[str]:
    """What a running process should warn about loudly (production refuses these outright)."""
    if settings.secret_key == DEFAULT_SECRET_KEY:
        return [
            "SECRET_KEY is the built-in development value: anyone can forge preview and download links. "
            "Set SECRET_KEY to a random value (autowebiq run stores one in .env)."
        ]
    return []


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings (tests clear the cache after changing the environment)."""
    return Settings()
