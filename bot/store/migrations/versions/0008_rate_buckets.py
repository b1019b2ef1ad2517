"""The post rate budget: one row per bucket (a Slack channel, a method's tier, a Discord
route, a bot's global limit), shared by every worker and process posting to chat.

`period` is the bucket's pace (seconds between two calls), `next_at` its next free slot
and `paused_until` the end of a 429's Retry-After, all epoch seconds by the database's
clock, so workers on machines whose clocks disagree still agree on the pace.

Revision ID: 0008
Revises: 0006 (0006 and 0007 come from other branches: on merge, this revises 0007)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_buckets",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("period", sa.Float(), nullable=False),
        sa.Column("next_at", sa.Float(), nullable=False, server_default="0"),
        sa.Column("paused_until", sa.Float(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_table("rate_buckets")
