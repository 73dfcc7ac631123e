"""The Alembic migrations build the schema the models declare, and the latest ones come and go cleanly."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from alembic import command
from autowebiq_app import models  # noqa: F401  (registers the tables)
from autowebiq_app.core.db import get_engine

TOKEN_COLUMNS = {"prompt_tokens", "completion_tokens", "total_tokens", "llm_model"}


def _config() -> Config:
    config = Config("alembic.ini")
    config.attributes["configure_logger"] = False
    return config


def _columns(table: str) -> set[str]:
    return {column["name"] for column in sa.inspect(get_engine()).get_columns(table)}


def test_the_migrations_build_the_schema_the_models_declare():
    with get_engine().connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []


def test_a_projects_model_comes_with_migration_0006_and_goes_with_its_downgrade():
    command.downgrade(_config(), "0005")
    try:
        assert "model" not in _columns("projects")
    finally:
        command.upgrade(_config(), "head")
    assert "model" in _columns("projects")


def test_a_builds_tokens_come_with_migration_0007_and_go_with_its_downgrade():
    command.downgrade(_config(), "0006")
    try:
        assert not TOKEN_COLUMNS & _columns("builds")
        assert "model" in _columns("projects")
    finally:
        command.upgrade(_config(), "head")
    assert TOKEN_COLUMNS <= _columns("builds")
