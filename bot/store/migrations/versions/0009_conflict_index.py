"""A partial index for a briefing's latest conflicts.

Revision ID: 0009
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0006"
branch_labels = None
depends_on = None

_WHERE = sa.text("conflict_group IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_announcements_conflicts",
        "announcements",
        ["country", "first_reported", "conflict_group", "current"],
        postgresql_where=_WHERE,
        sqlite_where=_WHERE,
    )


def downgrade() -> None:
    op.drop_index("ix_announcements_conflicts", table_name="announcements")
