"""Feed reads and writes: which feeds to poll, and how each poll went."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import FeedConfig
from bot.store.states import FeedState, SourceError, _feed_state, one_line
from bot.store.tables import EntryRow, FeedRow

__all__ = ["FeedsStore"]


class FeedsStore:
    """The feed half of `Store`: config sync, polling state, hand-added feeds."""

    _session: sessionmaker[Session]  # writes: `with self._session.begin()`
    _read: sessionmaker[Session]  # reads: no transaction of their own (see Store)

    def sync_feeds(self, feeds: Iterable[FeedConfig], now: datetime) -> None:
        """Make the config's feeds exist (by URL) with its name and interval.

        Feeds that came from the config and are no longer in it are deactivated, not
        deleted, so their seen items are remembered if they come back.
        """
        wanted = {feed.url: feed for feed in feeds}
        with self._session.begin() as s:
            rows = {row.url: row for row in s.scalars(select(FeedRow))}
            for url, feed in wanted.items():
                row = rows.get(url)
                if row is None:
                    row = FeedRow(url=url, origin="config", error_count=0, created_at=now)
                    s.add(row)
                row.name = feed.name or row.name
                row.interval_minutes = feed.interval
                row.origin = "config"
                row.active = True
            for url, row in rows.items():
                if row.origin == "config" and url not in wanted:
                    row.active = False

    def feeds(self) -> list[FeedState]:
        with self._read() as s:
            counts = {
                feed_id: count
                for feed_id, count in s.execute(
                    select(EntryRow.feed_id, func.count(EntryRow.id)).group_by(EntryRow.feed_id)
                )
            }
            rows = s.scalars(select(FeedRow).where(FeedRow.active.is_(True)).order_by(FeedRow.id))
            return [_feed_state(row, counts.get(row.id, 0)) for row in rows]

    def due_feeds(self, now: datetime) -> list[FeedState]:
        """Active feeds whose next poll time has come (new ones are due at once).

        Asked every tick, so it filters in SQL and skips the entry counts `feeds` makes.
        """
        with self._read() as s:
            rows = s.scalars(
                select(FeedRow)
                .where(
                    FeedRow.active.is_(True),
                    or_(FeedRow.next_poll_at.is_(None), FeedRow.next_poll_at <= now),
                )
                .order_by(FeedRow.id)
            )
            return [_feed_state(row) for row in rows]

    def record_poll(
        self,
        feed_id: int,
        now: datetime,
        next_poll_at: datetime,
        *,
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        body_hash: str | None = None,
    ) -> None:
        """Remember how a poll went: validators on success, the error otherwise."""
        values: dict[str, Any] = {"last_polled_at": now, "next_poll_at": next_poll_at}
        if error is None:
            values |= {"last_success_at": now, "last_error": None, "error_count": 0}
            kept = {"etag": etag, "last_modified": last_modified, "body_hash": body_hash}
            values |= {k: v for k, v in kept.items() if v is not None}
        else:
            values |= {"last_error": one_line(error), "error_count": FeedRow.error_count + 1}
        with self._session.begin() as s:  # one UPDATE, no read first: once per feed per poll
            s.execute(update(FeedRow).where(FeedRow.id == feed_id).values(**values))

    def add_feed(self, url: str, name: str | None, interval: int, now: datetime) -> FeedState:
        """Add a feed by hand (CLI or chat); an inactive one with the same URL comes back."""
        with self._session.begin() as s:
            row = s.scalar(select(FeedRow).where(FeedRow.url == url))
            if row is not None and row.active:
                raise SourceError(f"already polled as feed #{row.id} ({row.name or row.url})")
            if row is None:
                row = FeedRow(url=url, origin="cli", error_count=0, created_at=now)
                s.add(row)
            row.name = name or row.name
            row.interval_minutes = interval
            row.origin = "cli"  # even a feed that once came from the config: it is ours now
            row.active = True
            s.flush()
            return _feed_state(row)

    def remove_feed(self, key: str, config_path: str) -> FeedState:
        """Stop polling a feed given by id or URL; feeds from the config are removed there."""
        with self._session.begin() as s:
            query = select(FeedRow).where(FeedRow.active.is_(True))
            row = s.scalar(
                query.where(FeedRow.id == int(key))
                if key.isdigit()
                else query.where(FeedRow.url == key)
            )
            if row is None:
                raise SourceError(f"no feed {key!r} (see `sovai sources list`)")
            if row.origin == "config":
                raise SourceError(f"feed #{row.id} comes from {config_path}: remove it there")
            row.active = False
            return _feed_state(row)
