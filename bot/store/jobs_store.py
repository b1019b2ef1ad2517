"""One row by id, for the job engine's tasks: each job names its feed, entry, channel or alert.

A job carries only an id (JSON arguments, stable across a retry), and reads the row's
state when it runs, not when it was queued: a job run twice, or run after the row moved
on, sees that and does nothing (`None` here means gone, or already done).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, or_, select

from bot.models import Entry
from bot.store.alerts_store import AlertJob, _alert
from bot.store.channels_store import SlotState
from bot.store.ledger_tables import AlertDeliveryRow, AlertRow
from bot.store.repo import Store
from bot.store.states import FeedState, NewEntry, _feed_state, _subscription_state
from bot.store.tables import ArticleRow, EntryRow, FeedRow, SubscriptionRow

__all__ = [
    "alert_job",
    "alerts_configured",
    "due_feeds_first",
    "feed_state",
    "last_entry_id",
    "slot_state",
    "table_counts",
    "unread_entry",
]


def feed_state(store: Store, feed_id: int) -> FeedState | None:
    """The active feed with this id."""
    with store._read() as s:
        row = s.get(FeedRow, feed_id)
        return _feed_state(row) if row is not None and row.active else None


def due_feeds_first(store: Store, now: datetime, limit: int) -> list[FeedState]:
    """At most `limit` active feeds whose poll is due, the longest overdue first (new
    feeds before all): what one scheduler tick can queue. `Store.due_feeds` builds every
    due feed, 10,000 of them each tick after a cold start, to queue a few hundred."""
    overdue = FeedRow.next_poll_at.is_(None), FeedRow.next_poll_at <= now
    with store._read() as s:
        rows = s.scalars(
            select(FeedRow)
            .where(FeedRow.active.is_(True), or_(*overdue))
            .order_by(FeedRow.next_poll_at.is_not(None), FeedRow.next_poll_at, FeedRow.id)
            .limit(max(limit, 0))
        )
        return [_feed_state(row) for row in rows]


def last_entry_id(store: Store) -> int:
    """The newest entry's id: the scheduler learns from it how many entries a poll finds."""
    with store._read() as s:
        return int(s.scalar(select(func.max(EntryRow.id))) or 0)


def unread_entry(store: Store, entry_id: int) -> NewEntry | None:
    """The entry with this id while it is unread (`None` once read: the job is done)."""
    with store._read() as s:
        row = s.get(EntryRow, entry_id)
        if row is None or row.read_at is not None:
            return None
        entry = Entry(row.entry_key, row.url, row.title, row.summary, row.published_at)
        return NewEntry(row.id, row.feed_id, entry)


def slot_state(store: Store, subscription_id: int) -> SlotState | None:
    """The active subscription's digest-slot state."""
    with store._read() as s:
        row = s.get(SubscriptionRow, subscription_id)
        if row is None or not row.active:
            return None
        return SlotState(_subscription_state(row), row.created_at, row.last_slot_at)


def alert_job(store: Store, job_id: int) -> AlertJob | None:
    """The queued (or half-sent) alert post with this id; `None` once sent or failed."""
    with store._read() as s:
        found = s.execute(
            select(AlertDeliveryRow, AlertRow)
            .join(AlertRow, AlertRow.id == AlertDeliveryRow.alert_id)
            .where(
                AlertDeliveryRow.id == job_id,
                AlertDeliveryRow.status.in_(["pending", "sending"]),
            )
        ).first()
        if found is None:
            return None
        d, a = found
        return AlertJob(d.id, _alert(a), d.announcement_id, d.status, d.attempts, d.message_ref)


def alerts_configured(store: Store) -> bool:
    """Whether any alert is set up (a worker asks before looking for queued alert posts)."""
    with store._read() as s:
        return s.scalar(select(AlertRow.id).limit(1)) is not None


def table_counts(store: Store) -> dict[str, int]:
    """Rows of the tables the pipeline fills (for the scale benchmark and the tests)."""
    with store._read() as s:
        return {
            "feeds": s.scalar(select(func.count()).select_from(FeedRow)) or 0,
            "entries": s.scalar(select(func.count()).select_from(EntryRow)) or 0,
            "articles": s.scalar(select(func.count()).select_from(ArticleRow)) or 0,
            "unread": s.scalar(
                select(func.count()).select_from(EntryRow).where(EntryRow.read_at.is_(None))
            )
            or 0,
        }
