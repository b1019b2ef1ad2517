"""An index on the URL of an announcement's sources.

Recording a claim reads the announcements its article has already reported, by URL; with
no index that read scanned every source (81,000 rows an article at 100,000 stored). A
hash index on PostgreSQL, where a B-tree entry may not exceed 2.7 kB and a URL may.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_announcement_sources_url",
        "announcement_sources",
        ["url"],
        postgresql_using="hash",
    )


def downgrade() -> None:
    op.drop_index("ix_announcement_sources_url", table_name="announcement_sources")
