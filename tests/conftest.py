"""Test configuration: a fresh PostgreSQL database and dedicated Redis dbs for the run.

The URLs can be pointed elsewhere with TEST_DATABASE_URL and TEST_REDIS_URL.
"""

from __future__ import annotations

import os

import psycopg
import pytest
from psycopg import sql

ADMIN_URL = os.environ.get("TEST_ADMIN_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
TEST_DB = os.environ.get("TEST_DATABASE_NAME", "autowebiq_test")
DATABASE_URL = os.environ.get("TEST_DATABASE_URL", ADMIN_URL.rsplit("/", 1)[0] + f"/{TEST_DB}")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")

os.environ.update(
    AUTOWEBIQ_ENV="test",
    DATABASE_URL=DATABASE_URL,
    REDIS_URL=REDIS_URL,
    STARTING_CREDITS="100",
    BUILD_COST="10",
    # The ledger tests start many builds at once; the in-flight limit has its own test.
    MAX_BUILDS_IN_FLIGHT="1000",
    # Every test signs up from 127.0.0.1; the sign-up and sign-in limits have their own tests.
    SIGNUPS_PER_IP_PER_HOUR="100000",
    SIGN_INS_PER_IP_PER_MINUTE="100000",
    # Set, so `autowebiq run` under test does not store a generated one in the repo's .env.
    SECRET_KEY="test-secret-key-for-the-test-suite-only-0123456789",
    # Builds skip the browser QA pass unless a test asks for it (tests/engine/test_browser_qa.py).
    QA_BROWSER="off",
    # Workers send no sweeps of their own unless a test asks (tests/operations/test_periodic.py):
    # the tests that make builds stale sweep when they choose.
    SWEEP_INTERVAL_SECONDS="3600",
)
for name in ("BROKER_URL", "MONGODB_URL", "FIREBASE_AUTH_EMULATOR_HOST", "FIREBASE_PROJECT_ID"):
    os.environ.pop(name, None)


def _recreate_database() -> None:
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (TEST_DB,))
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(TEST_DB)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(TEST_DB)))


@pytest.fixture(scope="session", autouse=True)
def migrated_database():
    """Create the test database and run every Alembic migration once per run."""
    from alembic.config import Config

    from alembic import command

    if "TEST_DATABASE_URL" not in os.environ:
        _recreate_database()
    config = Config("alembic.ini")
    config.attributes["configure_logger"] = False
    command.upgrade(config, "head")
    # The broker's db is emptied once per run, not per test: a running worker keeps
    # its heartbeat and acknowledgement sets there.
    import redis

    from autowebiq_app.core.config import get_settings

    redis.Redis.from_url(get_settings().effective_broker_url).flushdb()
    import workers.builds  # noqa: F401  (registers the build queue, as the app's entry point does)

    yield


@pytest.fixture(autouse=True)
def clean_state(migrated_database):
    """Every test starts with empty tables and empty Redis dbs."""
    from sqlmodel import SQLModel

    from autowebiq_app import models  # noqa: F401
    from autowebiq_app.core.db import get_engine
    from autowebiq_app.core.redis_client import get_redis

    tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    with get_engine().begin() as conn:
        conn.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    get_redis().flushdb()
    yield


@pytest.fixture
def settings_override(monkeypatch):
    """Change settings for one test: settings_override(MAX_BUILDS_IN_FLIGHT="2")."""
    from autowebiq_app.core.config import get_settings

    def apply(**env: str) -> None:
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        get_settings.cache_clear()

    yield apply
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.fixture
def session():
    from autowebiq_app.core.db import session_scope

    with session_scope() as db_session:
        yield db_session


@pytest.fixture
def make_user(session):
    """Register a user and return (user, token)."""
    from autowebiq_app.services import accounts

    counter = iter(range(10_000))

    def _make(email: str | None = None, password: str = "correct horse 42"):
        return accounts.register(session=session, email=email or f"user{next(counter)}@example.com", password=password)

    return _make


@pytest.fixture
def browser_page():
    """A fresh headless Chromium page (Debian's /usr/bin/chromium, no network)."""
    from playwright.sync_api import sync_playwright

    from autowebiq_app.engine.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        try:
            yield page
        finally:
            context.close()
            browser.close()
