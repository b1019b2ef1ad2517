"""The ledger (announcements and their sources), the indexes commands read, alerts, and
weekly digests.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("subscriptions") as batch:
        batch.add_column(sa.Column("cadence", sa.String(8), nullable=False, server_default="daily"))
        batch.add_column(sa.Column("weekday", sa.Integer()))
    _announcements()
    _lookups()
    _alerts()
    op.create_table(
        "ledger_state",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("rebuilt_at", _WHEN, nullable=False),
        sa.Column("extra", sa.JSON()),
    )


def _announcements() -> None:
    op.create_table(
        "announcements",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("country", sa.String(8), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("programme", sa.Text(), nullable=False),
        sa.Column("programme_key", sa.String(256), nullable=False),
        sa.Column("actor", sa.Text()),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(16), nullable=False),
        sa.Column("usd", sa.Float()),
        sa.Column("rate_date", sa.String(10)),
        sa.Column("figure_text", sa.Text(), nullable=False),
        sa.Column("quote_text", sa.Text()),
        sa.Column("quote_speaker", sa.Text()),
        sa.Column("first_reported", _WHEN, nullable=False),
        sa.Column("last_reported", _WHEN, nullable=False),
        sa.Column("story_id", sa.Integer()),
        sa.Column(
            "revises_id", sa.Integer(), sa.ForeignKey("announcements.id", ondelete="SET NULL")
        ),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.Column("conflict_group", sa.Integer()),
        sa.Column("counted", sa.Boolean(), nullable=False),
        sa.Column("source_count", sa.Integer(), nullable=False),
    )
    op.create_index(
        "ix_announcements_country_time",
        "announcements",
        [
            *("country", "first_reported", "counted", "current", "kind"),
            *("usd", "value", "conflict_group", "revises_id"),
        ],
    )
    op.create_index("ix_announcements_counted", "announcements", ["country", "counted", "kind"])
    op.create_index("ix_announcements_time", "announcements", ["first_reported"])
    op.create_index("ix_announcements_revises_id", "announcements", ["revises_id"])
    op.create_index("ix_announcements_conflict_group", "announcements", ["conflict_group"])
    op.create_table(
        "announcement_sources",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "announcement_id",
            sa.Integer(),
            sa.ForeignKey("announcements.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id", ondelete="SET NULL")),
        sa.Column("source", sa.Text()),
        sa.Column("url", sa.String(2048), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("figure_text", sa.Text(), nullable=False),
        sa.Column("reported_at", _WHEN, nullable=False),
        sa.UniqueConstraint("announcement_id", "url", name="uq_announcement_url"),
    )
    op.create_index(
        "ix_announcement_sources_announcement_id",
        "announcement_sources",
        ["announcement_id", "source"],
    )
    op.create_index("ix_announcement_sources_article_id", "announcement_sources", ["article_id"])


def _lookups() -> None:
    op.create_table(
        "article_countries",
        sa.Column(
            "article_id",
            sa.Integer(),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("country", sa.String(8), primary_key=True),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("relevant", sa.Boolean(), nullable=False),
        sa.Column("fetched_at", _WHEN, nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
    )
    op.create_index(
        "ix_article_countries_lookup",
        "article_countries",
        ["country", "relevant", "fetched_at", "story_id"],
    )
    op.create_table(
        "speaker_quotes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id",
            sa.Integer(),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("speaker", sa.Text(), nullable=False),
        sa.Column("speaker_key", sa.String(256), nullable=False),
        sa.Column("surname_key", sa.String(128), nullable=False),
        sa.Column("speaker_latin", sa.Text()),
        sa.Column("role", sa.Text()),
        sa.Column("country", sa.String(8)),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("key", sa.Boolean(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("source", sa.Text()),
        sa.Column("reported_at", _WHEN, nullable=False),
    )
    op.create_index(
        "ix_speaker_quotes_name", "speaker_quotes", ["speaker_key", "key", "reported_at"]
    )
    op.create_index("ix_speaker_quotes_surname", "speaker_quotes", ["surname_key", "reported_at"])
    op.create_index(
        "ix_speaker_quotes_country", "speaker_quotes", ["country", "reported_at", "speaker_key"]
    )


def _alerts() -> None:
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("channel", sa.String(256), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.Column("countries", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.Text()),
        sa.Column("created_at", _WHEN, nullable=False),
    )
    op.create_index("ix_alerts_channel", "alerts", ["channel"])
    op.create_table(
        "alert_deliveries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "alert_id", sa.Integer(), sa.ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "announcement_id",
            sa.Integer(),
            sa.ForeignKey("announcements.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("message_ref", sa.Text()),
        sa.Column("error", sa.Text()),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("sent_at", _WHEN),
        sa.UniqueConstraint("alert_id", "announcement_id", name="uq_alert_delivery"),
    )
    op.create_index("ix_alert_deliveries_status", "alert_deliveries", ["status"])


def downgrade() -> None:
    for table in (
        "alert_deliveries",
        "alerts",
        "speaker_quotes",
        "article_countries",
        "announcement_sources",
        "announcements",
        "ledger_state",
    ):
        op.drop_table(table)
    with op.batch_alter_table("subscriptions") as batch:
        batch.drop_column("weekday")
        batch.drop_column("cadence")
