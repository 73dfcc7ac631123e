"""builds: an index of each user's queued and running builds

Every build request counts the user's builds in flight; with only `ix_builds_user_id` that
read every build the user ever ran. The partial index holds only the active ones.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    active = sa.text("status IN ('queued', 'running')")
    op.create_index("ix_builds_user_active", "builds", ["user_id"], postgresql_where=active, sqlite_where=active)


def downgrade() -> None:
    op.drop_index("ix_builds_user_active", table_name="builds")
