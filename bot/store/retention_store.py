"""Retention's reads and writes: old articles pruned to stubs, old entries to their keys.

Each write is one bounded batch in its own short transaction, so a prune of half a
million rows never holds SQLite's write lock (or PostgreSQL row locks) for long: a poll
saving an article waits at most one batch. What goes and what stays:

- an article older than the window, unless its story has an article inside the window
  (a story is pruned whole, so every story a command shows keeps all its outlets): its
  text, title, author and fingerprint are cleared (the full-text index follows, by the
  SQLite triggers and the PostgreSQL generated column), its analysis and the country and
  speaker lookups derived from it are deleted. The row itself stays, a stub: its
  canonical URL keeps a re-published old item from being read as new, and the ledger's
  sources still point at it. The ledger claims its text made are kept as data
  (`pruned_articles`), for a ledger rebuild.
- a read entry seen before the window, whose article is gone or pruned: its URL, title
  and summary are cleared; its key stays, so the feed's next poll still knows it.
- announcements, their sources, the alerts' and digests' outboxes: untouched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, delete, exists, func, insert, or_, select, update
from sqlalchemy.orm import Session, aliased, sessionmaker

from bot.ledger.model import Claim
from bot.store.article_rows import article_from_row
from bot.store.ledger_rollup import mark_quotes_of
from bot.store.ledger_store import record_claims
from bot.store.ledger_tables import ArticleCountryRow, SpeakerQuoteRow
from bot.store.ledger_writes import StoredArticle
from bot.store.retention_claims import claim_from_json, claim_to_json
from bot.store.retention_tables import PrunedArticleRow, PruneRunRow
from bot.store.states import _analysis
from bot.store.tables import AnalysisRow, ArticleRow, EntryRow

__all__ = ["PrunePlan", "PrunedClaims", "RetentionStore"]


@dataclass(frozen=True)
class PrunePlan:
    """What a prune at `cutoff` would change: for `--dry-run`, and the report."""

    articles: int
    text_chars: int
    entries: int


@dataclass(frozen=True)
class PrunedClaims:
    """A pruned article's ledger claims, as a rebuild replays them."""

    article_id: int
    fetched_at: datetime
    claims: tuple[Claim, ...]


def _prunable(cutoff: datetime) -> ColumnElement[bool]:
    """Articles older than `cutoff`, not pruned yet, whose story has none newer."""
    later, analysis = aliased(ArticleRow), aliased(AnalysisRow)
    story_kept = exists().where(later.story_id == ArticleRow.story_id, later.fetched_at >= cutoff)
    analysed = exists().where(analysis.article_id == ArticleRow.id)
    return and_(ArticleRow.fetched_at < cutoff, analysed, ~story_kept)


def _slimmable(cutoff: datetime, *, planned: bool = False) -> ColumnElement[bool]:
    """Read entries seen before `cutoff` that still hold text and have no live article
    (`planned`: counting the articles a prune at `cutoff` would prune as gone already)."""
    analysis = aliased(AnalysisRow)
    live = exists().where(analysis.article_id == EntryRow.article_id)
    gone = [EntryRow.article_id.is_(None), ~live]
    if planned:
        gone.append(EntryRow.article_id.in_(select(ArticleRow.id).where(_prunable(cutoff))))
    return and_(
        EntryRow.seen_at < cutoff,
        EntryRow.read_at.is_not(None),
        or_(EntryRow.url.is_not(None), EntryRow.title.is_not(None), EntryRow.summary.is_not(None)),
        or_(*gone),
    )


def _stored(a: ArticleRow, an: AnalysisRow) -> StoredArticle:
    return StoredArticle(a.id, a.story_id or a.id, article_from_row(a), _analysis(an), a.fetched_at)


class RetentionStore:
    """The retention part of `Store`."""

    _session: sessionmaker[Session]  # writes: `with self._session.begin()`
    _read: sessionmaker[Session]  # reads: no transaction of their own (see Store)

    def prune_plan(self, cutoff: datetime) -> PrunePlan:
        """Counts only: what `prune_articles` and `slim_entries` would change."""
        with self._read() as s:
            articles, chars = s.execute(
                select(func.count(), func.coalesce(func.sum(func.length(ArticleRow.text)), 0))
                .select_from(ArticleRow)
                .where(_prunable(cutoff))
            ).one()
            entries = s.scalar(
                select(func.count()).select_from(EntryRow).where(_slimmable(cutoff, planned=True))
            )
        return PrunePlan(int(articles), int(chars), int(entries or 0))

    def prunable_articles(self, cutoff: datetime, after_id: int, limit: int) -> list[StoredArticle]:
        """The next `limit` prunable articles after `after_id`, with text and analysis."""
        with self._read() as s:
            upto = s.scalar(select(func.max(ArticleRow.id)).where(ArticleRow.fetched_at < cutoff))
            if upto is None or upto <= after_id:
                return []
            rows = s.execute(
                select(ArticleRow, AnalysisRow)
                .join(AnalysisRow, AnalysisRow.article_id == ArticleRow.id)
                .where(ArticleRow.id > after_id, ArticleRow.id <= upto, _prunable(cutoff))
                .order_by(ArticleRow.id)
                .limit(limit)
            )
            return [_stored(a, an) for a, an in rows]

    def prune_articles(
        self, pruned: Sequence[tuple[StoredArticle, Sequence[Claim]]], now: datetime
    ) -> None:
        """Turn these articles into stubs, keeping the claims their text made; one transaction."""
        ids = [stored.id for stored, _ in pruned]
        if not ids:
            return
        kept = [  # made before the transaction: the write lock is held for SQL only
            {
                "article_id": stored.id,
                "story_id": stored.story_id,
                "fetched_at": stored.fetched_at,
                "pruned_at": now,
                "claims": [claim_to_json(c) for c in claims],
            }
            for stored, claims in pruned
        ]
        with self._session.begin() as s:
            s.execute(insert(PrunedArticleRow), kept)
            mark_quotes_of(s, ids)  # their speakers' days are counted again without them
            for table in (AnalysisRow, ArticleCountryRow, SpeakerQuoteRow):
                s.execute(delete(table).where(table.article_id.in_(ids)))
            s.execute(
                update(ArticleRow)
                .where(ArticleRow.id.in_(ids))
                .values(text="", title=None, author=None, fingerprint=None)
            )

    def slim_entries(self, cutoff: datetime, after_id: int, limit: int) -> tuple[int, int]:
        """Clear the next `limit` old entries after `after_id` to their keys; (last id looked
        at, or -1 when none was left; entries changed)."""
        with self._session.begin() as s:
            ids = list(
                s.scalars(
                    select(EntryRow.id)
                    .where(EntryRow.id > after_id, _slimmable(cutoff))
                    .order_by(EntryRow.id)
                    .limit(limit)
                )
            )
            if not ids:
                return -1, 0
            s.execute(
                update(EntryRow)
                .where(EntryRow.id.in_(ids))
                .values(url=None, title=None, summary=None)
            )
            return ids[-1], len(ids)

    def record_prune_run(
        self, now: datetime, cutoff: datetime, articles: int, entries: int
    ) -> None:
        with self._session.begin() as s:
            s.add(PruneRunRow(ran_at=now, cutoff=cutoff, articles=articles, entries=entries))

    def last_prune(self) -> datetime | None:
        """When the latest prune ran (a dry run is not one)."""
        with self._read() as s:
            return s.scalar(select(func.max(PruneRunRow.ran_at)))

    def has_pruned(self) -> bool:
        with self._read() as s:
            return s.scalar(select(PrunedArticleRow.article_id).limit(1)) is not None

    def pruned_after(self, after_id: int, limit: int = 500) -> list[PrunedClaims]:
        """Pruned articles that made claims, by id (the order they were stored)."""
        with self._read() as s:
            rows = s.execute(
                select(PrunedArticleRow.article_id, PrunedArticleRow.fetched_at,
                       PrunedArticleRow.claims)
                .where(PrunedArticleRow.article_id > after_id)
                .order_by(PrunedArticleRow.article_id)
                .limit(limit)
            )  # fmt: skip
            return [
                PrunedClaims(ident, at, tuple(claim_from_json(c) for c in claims))
                for ident, at, claims in rows
            ]

    def record_pruned_replay(self, pruned: PrunedClaims) -> None:
        """A pruned article's claims folded into a rebuilt ledger, no alerts; one transaction."""
        if not pruned.claims:
            return
        with self._session.begin() as s:
            record_claims(s, pruned.claims, pruned.article_id, pruned.fetched_at, alerts=False)
