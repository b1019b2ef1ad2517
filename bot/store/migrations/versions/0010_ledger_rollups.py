"""Per-day rollups of the ledger (`ledger_days`, `speaker_days`), filled from the rows.

A year's briefing then reads one row per day and kind instead of aggregating every
announcement and quote of the year. The upgrade fills both from what is stored; from then
on `bot/store/ledger_rollup.py` keeps them as the rows change.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _day(column: str) -> str:
    if op.get_bind().dialect.name == "sqlite":
        return f"date({column})"
    return f"CAST(timezone('UTC', {column}) AS DATE)"


def upgrade() -> None:
    op.create_table(
        "ledger_days",
        sa.Column("country", sa.String(8), primary_key=True),
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("announcements", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("revisions", sa.Integer(), nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "speaker_days",
        sa.Column("country", sa.String(8), primary_key=True),
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("speaker_key", sa.String(256), primary_key=True),
        sa.Column("quotes", sa.Integer(), nullable=False),
        sa.Column("last_reported", sa.DateTime(timezone=True), nullable=False),
        sqlite_with_rowid=False,
    )
    day = _day("first_reported")
    op.execute(
        "INSERT INTO ledger_days (country, day, kind, amount, announcements, conflicts, "
        f"revisions) SELECT country, {day}, kind, "
        "coalesce(sum(CASE WHEN kind = 'money' THEN usd ELSE value END), 0.0), count(*), "
        "count(conflict_group), count(revises_id) FROM announcements WHERE counted "
        f"GROUP BY country, {day}, kind"
    )
    day = _day("reported_at")
    op.execute(
        "INSERT INTO speaker_days (country, day, speaker_key, quotes, last_reported) "
        f"SELECT country, {day}, speaker_key, count(*), max(reported_at) FROM speaker_quotes "
        f"WHERE country IS NOT NULL GROUP BY country, {day}, speaker_key"
    )


def downgrade() -> None:
    op.drop_table("speaker_days")
    op.drop_table("ledger_days")
