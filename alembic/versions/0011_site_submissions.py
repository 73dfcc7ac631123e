"""site_submissions: what visitors send through the forms of published sites

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from sqlalchemy.dialects import postgresql

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "site_submissions",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("project_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("form", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("page", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("fields", JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_site_submissions_project_created", "site_submissions", ["project_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_site_submissions_project_created", table_name="site_submissions")
    op.drop_table("site_submissions")
