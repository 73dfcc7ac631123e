"""Settings refuse unsafe production values."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from autowebiq_app.core.config import DEFAULT_SECRET_KEY, Settings

STRONG = "x" * 40


def test_production_refuses_the_default_secret_key():
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings(environment="production", secret_key=DEFAULT_SECRET_KEY)


def test_production_refuses_the_firebase_emulator():
    with pytest.raises(ValidationError, match="FIREBASE_AUTH_EMULATOR_HOST"):
        Settings(environment="production", secret_key=STRONG, FIREBASE_AUTH_EMULATOR_HOST="127.0.0.1:9099")


def test_production_with_safe_values_starts():
    settings = Settings(environment="production", secret_key=STRONG)
    assert settings.environment == "production"


def test_broker_gets_its_own_redis_db_and_postgres_uses_psycopg3():
    settings = Settings(redis_url="redis://h:6379/3", database_url="postgresql://u@h/db")
    assert settings.effective_broker_url == "redis://h:6379/4"
    assert settings.sqlalchemy_url == "postgresql+psycopg://u@h/db"
