"""What retention keeps of a pruned article, and when pruning last ran.

A pruned article keeps its `articles` row as a stub (id, URLs, outlet, dates, story):
its canonical URL still tells a re-published old item from a new one, and the ledger's
sources still point at it. Its text, analysis, fingerprint and lookups go. The claims its
text made are kept here, as data, because a ledger rebuild replays stored articles and
could not read them again from text that is gone.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.ledger_tables import SpeakerQuoteRow
from bot.store.tables import Base

__all__ = ["SPEAKER_QUOTES_BY_ARTICLE", "PruneRunRow", "PrunedArticleRow"]

# A prune (and every save, which replaces an article's quotes) deletes speaker quotes by
# article: without this index each batch read the whole table (2 s a batch at 100,000).
SPEAKER_QUOTES_BY_ARTICLE = Index("ix_speaker_quotes_article_id", SpeakerQuoteRow.article_id)


class PrunedArticleRow(Base):
    """One pruned article: when, and the ledger claims its text made (a list of dicts)."""

    __tablename__ = "pruned_articles"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    story_id: Mapped[int] = mapped_column(Integer)
    fetched_at: Mapped[datetime]
    pruned_at: Mapped[datetime]
    claims: Mapped[list[dict[str, Any]]] = mapped_column(JSON)


class PruneRunRow(Base):
    """One prune that changed the database: the daily job reads the latest to know it is due."""

    __tablename__ = "prune_runs"
    __table_args__ = (Index("ix_prune_runs_ran_at", "ran_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ran_at: Mapped[datetime]
    cutoff: Mapped[datetime]
    articles: Mapped[int] = mapped_column(Integer)
    entries: Mapped[int] = mapped_column(Integer)
