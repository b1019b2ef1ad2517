"""Rebuilding the ledger from the stored articles: when its rules change, or on upgrade.

The ledger is derived data: every announcement comes from a stored article's analysis.
So a new version of the claim or matching rules (or a database upgraded from before the
ledger) replays the stored articles, oldest first, through the same recording as a poll.
The version is stamped only at the end: a rebuild cut short starts again next time.
Alerts are not queued by a replay (they are about news as it arrives, not history).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from bot.ledger.model import Claim
from bot.models import Analysis, Article
from bot.store.article_rows import article_from_row
from bot.store.ledger_store import record_claims, record_lookups
from bot.store.ledger_tables import (
    AlertDeliveryRow,
    AnnouncementRow,
    AnnouncementSourceRow,
    ArticleCountryRow,
    LedgerStateRow,
    SpeakerQuoteRow,
)
from bot.store.rollup_tables import LedgerDayRow, SpeakerDayRow
from bot.store.states import _analysis
from bot.store.tables import AnalysisRow, ArticleRow

__all__ = ["LedgerWrites", "StoredArticle"]


@dataclass(frozen=True)
class StoredArticle:
    """A stored article with its analysis, as a replay needs it."""

    id: int
    story_id: int
    article: Article
    analysis: Analysis
    fetched_at: datetime


class LedgerWrites:
    """The rebuild half of the ledger's store."""

    _session: sessionmaker[Session]  # writes: `with self._session.begin()`
    _read: sessionmaker[Session]  # reads: no transaction of their own (see Store)

    def ledger_version(self) -> str | None:
        with self._read() as s:
            return s.scalar(select(LedgerStateRow.version).where(LedgerStateRow.id == 1))

    def stamp_ledger(self, version: str, now: datetime) -> None:
        with self._session.begin() as s:
            row = s.get(LedgerStateRow, 1)
            if row is None:
                s.add(LedgerStateRow(id=1, version=version, rebuilt_at=now))
            else:
                row.version, row.rebuilt_at = version, now

    def clear_ledger(self) -> None:
        """Drop every derived row (announcements, their sources and alerts' outbox rows,
        the country and speaker lookups, the rollups); the alerts themselves stay."""
        with self._session.begin() as s:
            for table in (
                AlertDeliveryRow,
                AnnouncementSourceRow,
                AnnouncementRow,
                ArticleCountryRow,
                SpeakerQuoteRow,
                LedgerDayRow,
                SpeakerDayRow,
            ):
                s.execute(delete(table))
            s.execute(delete(LedgerStateRow))

    def articles_after(self, after_id: int, limit: int = 500) -> list[StoredArticle]:
        """Stored articles with their analyses, by id (the order they were stored)."""
        with self._read() as s:
            rows = s.execute(
                select(ArticleRow, AnalysisRow)
                .join(AnalysisRow, AnalysisRow.article_id == ArticleRow.id)
                .where(ArticleRow.id > after_id)
                .order_by(ArticleRow.id)
                .limit(limit)
            )
            return [
                StoredArticle(
                    id=a.id,
                    story_id=a.story_id or a.id,
                    article=article_from_row(a),
                    analysis=_analysis(an),
                    fetched_at=a.fetched_at,
                )
                for a, an in rows
            ]

    def record_replayed(self, stored: StoredArticle, claims: Sequence[Claim]) -> None:
        """One replayed article's lookups and claims, in one transaction, no alerts."""
        a = stored.article
        with self._session.begin() as s:
            record_lookups(
                s, stored.id, stored.story_id, stored.analysis, stored.fetched_at,
                (a.title, a.url, a.source),
            )  # fmt: skip
            told = [replace(c, story_id=stored.story_id) for c in claims]
            record_claims(s, told, stored.id, stored.fetched_at, alerts=False)
