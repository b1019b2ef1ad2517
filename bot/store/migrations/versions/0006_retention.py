"""Retention: what a pruned article leaves behind (its ledger claims), prune runs, and an
index on speaker quotes by article (a prune deletes them by article).

Nothing is rewritten: the tables start empty, and pruning stays off until
`retention.articles_days` is set (or `sovai db prune --days N` is run).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "pruned_articles",
        sa.Column(
            "article_id",
            sa.Integer(),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("fetched_at", _WHEN, nullable=False),
        sa.Column("pruned_at", _WHEN, nullable=False),
        sa.Column("claims", sa.JSON(), nullable=False),
    )
    op.create_table(
        "prune_runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("ran_at", _WHEN, nullable=False),
        sa.Column("cutoff", _WHEN, nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
    )
    op.create_index("ix_prune_runs_ran_at", "prune_runs", ["ran_at"])
    op.create_index("ix_speaker_quotes_article_id", "speaker_quotes", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_speaker_quotes_article_id", table_name="speaker_quotes")
    op.drop_index("ix_prune_runs_ran_at", table_name="prune_runs")
    op.drop_table("prune_runs")
    op.drop_table("pruned_articles")
