"""The ledger's schema: announcements, who reported them, and what commands read fast.

`article_countries` and `speaker_quotes` copy out of each analysis the two things the
commands filter on (a country, a speaker), so `/ai-country` and `/ai-speaker` read an index
instead of every analysis's JSON. `counted` marks the one record of each announcement
that totals add up: the latest revision, and one of any conflicting pair.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.tables import Base

__all__ = [
    "AlertDeliveryRow",
    "AlertRow",
    "AnnouncementRow",
    "AnnouncementSourceRow",
    "ArticleCountryRow",
    "LedgerStateRow",
    "SpeakerQuoteRow",
]


class AnnouncementRow(Base):
    __tablename__ = "announcements"
    __table_args__ = (
        # covering: a country's totals, chart, conflicts and revisions read no table row
        Index(
            "ix_announcements_country_time",
            *("country", "first_reported", "counted", "current", "kind"),
            *("usd", "value", "conflict_group", "revises_id"),
        ),
        Index("ix_announcements_counted", "country", "counted", "kind"),
        Index("ix_announcements_time", "first_reported"),
        # a briefing's latest conflicts: the few conflicting rows of a country, not all
        Index(
            "ix_announcements_conflicts",
            *("country", "first_reported", "conflict_group", "current"),
            postgresql_where=text("conflict_group IS NOT NULL"),
            sqlite_where=text("conflict_group IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    country: Mapped[str] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(16))  # money, gpus, power, compute
    programme: Mapped[str] = mapped_column(Text)  # as shown: "the ABCI 3.0 supercomputer"
    programme_key: Mapped[str] = mapped_column(String(256))  # normalised, for matching
    actor: Mapped[str | None] = mapped_column(Text)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(16))
    usd: Mapped[float | None] = mapped_column(Float)
    rate_date: Mapped[str | None] = mapped_column(String(10))
    figure_text: Mapped[str] = mapped_column(Text)
    quote_text: Mapped[str | None] = mapped_column(Text)
    quote_speaker: Mapped[str | None] = mapped_column(Text)
    first_reported: Mapped[datetime]
    last_reported: Mapped[datetime]
    story_id: Mapped[int | None] = mapped_column(Integer)
    revises_id: Mapped[int | None] = mapped_column(
        ForeignKey("announcements.id", ondelete="SET NULL"), index=True
    )
    current: Mapped[bool] = mapped_column(Boolean, default=True)  # not revised since
    conflict_group: Mapped[int | None] = mapped_column(Integer, index=True)
    counted: Mapped[bool] = mapped_column(Boolean, default=True)
    source_count: Mapped[int] = mapped_column(Integer, default=1)


class AnnouncementSourceRow(Base):
    __tablename__ = "announcement_sources"
    __table_args__ = (
        UniqueConstraint("announcement_id", "url", name="uq_announcement_url"),
        # covering for a country's count of outlets
        Index("ix_announcement_sources_announcement_id", "announcement_id", "source"),
        # matching a claim reads the announcements its article already reported; a hash
        # on PostgreSQL, where a B-tree refuses an entry over 2.7 kB (a long Unicode URL)
        Index("ix_announcement_sources_url", "url", postgresql_using="hash"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    announcement_id: Mapped[int] = mapped_column(ForeignKey("announcements.id", ondelete="CASCADE"))
    # kept when old article text is pruned: the ledger outlives the articles it came from
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str] = mapped_column(String(2048))
    title: Mapped[str | None] = mapped_column(Text)
    figure_text: Mapped[str] = mapped_column(Text)
    reported_at: Mapped[datetime]


class ArticleCountryRow(Base):
    __tablename__ = "article_countries"
    __table_args__ = (
        Index("ix_article_countries_lookup", "country", "relevant", "fetched_at", "story_id"),
    )

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    country: Mapped[str] = mapped_column(String(8), primary_key=True)
    story_id: Mapped[int] = mapped_column(Integer)
    relevant: Mapped[bool] = mapped_column(Boolean)
    fetched_at: Mapped[datetime]
    rank: Mapped[int] = mapped_column(Integer, default=0)  # 0 = the article's main country


class SpeakerQuoteRow(Base):
    __tablename__ = "speaker_quotes"
    __table_args__ = (
        # a speaker's card reads its latest key quotes in index order, no sort
        Index("ix_speaker_quotes_name", "speaker_key", "key", "reported_at"),
        Index("ix_speaker_quotes_surname", "surname_key", "reported_at"),
        # covering for a country's top speakers
        Index("ix_speaker_quotes_country", "country", "reported_at", "speaker_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    story_id: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str] = mapped_column(Text)
    speaker_key: Mapped[str] = mapped_column(String(256))  # casefolded full name
    surname_key: Mapped[str] = mapped_column(String(128))  # casefolded last word
    speaker_latin: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    key: Mapped[bool] = mapped_column(Boolean, default=False)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    reported_at: Mapped[datetime]


class AlertRow(Base):
    __tablename__ = "alerts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(256), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    threshold: Mapped[float] = mapped_column(Float)
    countries: Mapped[list[str]] = mapped_column(JSON)
    created_by: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]


class AlertDeliveryRow(Base):
    """The alerts' outbox: one row per alert and announcement, so each goes once."""

    __tablename__ = "alert_deliveries"
    __table_args__ = (
        UniqueConstraint("alert_id", "announcement_id", name="uq_alert_delivery"),
        Index("ix_alert_deliveries_status", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id", ondelete="CASCADE"))
    announcement_id: Mapped[int] = mapped_column(ForeignKey("announcements.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    message_ref: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class LedgerStateRow(Base):
    """Which ledger rules built the stored ledger: a new version rebuilds it from the store."""

    __tablename__ = "ledger_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(32))
    rebuilt_at: Mapped[datetime]
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON)
