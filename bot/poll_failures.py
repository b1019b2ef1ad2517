"""A failed poll, recorded with backoff and reported (bot/ingest.py)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from bot.feeds.politeness import PollTiming, next_poll_at
from bot.offload import off_loop
from bot.poll_report import FeedReport
from bot.store.repo import FeedState, Store
from bot.store.states import StorageError, storage_reason

__all__ = ["PollPolicy", "failed_poll", "record_failure"]

_log = logging.getLogger("bot.ingest")  # the poll's own log, as before the split


@dataclass(frozen=True)
class PollPolicy:
    """One poll's timing rules and its random jitter, drawn once per poll."""

    timing: PollTiming
    jitter: float


async def failed_poll(
    feed: FeedState,
    store: Store,
    policy: PollPolicy,
    now: datetime,
    error: str,
    retry_after: float | None,
    *,
    not_a_feed: bool = False,
    storage: bool = False,
) -> FeedReport:
    """Record a failed poll and report it."""
    later = await record_failure(feed, store, policy, now, error, retry_after)
    return FeedReport(
        feed.id,
        feed.label,
        "error",
        error=error,
        next_poll=later,
        not_a_feed=not_a_feed,
        storage_failed=storage,
    )


async def record_failure(
    feed: FeedState,
    store: Store,
    policy: PollPolicy,
    now: datetime,
    error: str,
    retry_after: float | None,
) -> datetime:
    """Record a failed poll with backoff; a database that refuses even that is logged in
    one line (the feed stays due, and is polled again at the next tick)."""
    later = next_poll_at(
        now,
        policy.timing,
        error_count=feed.error_count + 1,
        retry_after=retry_after,
        jitter=policy.jitter,
    )
    try:
        await off_loop(store.record_poll, feed.id, now, later, error=error)
    except StorageError as exc:
        _log.warning("feed %s: could not record the poll: %s", feed.label, storage_reason(exc))
    return later
