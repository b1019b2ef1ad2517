"""Retention: old article text and entries pruned, the ledger kept; one entry point.

`prune` is what `sovai db prune` and the scheduler's daily job call. Off unless
`retention.articles_days` is set: a bot upgraded to this version keeps every article, as
before, until its owner chooses a window. What is kept and what goes is decided in
`bot/store/retention_store.py`; this module walks the batches, computes the ledger claims
each pruned article's text made (with the same code a ledger rebuild uses), and keeps the
daily job. `PrunedReplay` lets a ledger rebuild replay those kept claims in the order the
articles were stored, so a rebuild after a prune loses no announcement.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from bot.ledger.claims import article_ref, claims_in
from bot.ledger.model import Claim

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.store.ledger_writes import StoredArticle
    from bot.store.repo import Store
    from bot.store.retention_store import PrunedClaims

__all__ = ["PruneReport", "PrunedReplay", "add_daily_prune", "prune", "prune_is_due"]

_log = logging.getLogger(__name__)
BATCH = 200  # articles per transaction: about 0.1 s of write lock on SQLite
ENTRY_BATCH = 1_000
PAUSE_SECONDS = 0.01  # between batches, so a poll's write gets the lock in between
FIRST_CHECK = 60.0  # seconds
CHECK_SECONDS = 600.0  # how often the daily job looks whether a day has passed
DAY = timedelta(days=1)


@dataclass(frozen=True)
class PruneReport:
    """What a prune did (or, dry, would do)."""

    cutoff: datetime
    articles: int
    entries: int
    text_chars: int
    dry_run: bool
    seconds: float


def claims_of(stored: StoredArticle) -> list[Claim]:
    """The claims a stored article's text makes, as its ledger rebuild would read them."""
    from bot.read_entries import MAX_ANALYSED_CHARS  # what the analysis read of each

    text = stored.article.text[:MAX_ANALYSED_CHARS]
    ref = article_ref(stored.article, stored.fetched_at)
    told = claims_in(text, stored.analysis, ref)
    return [replace(c, story_id=stored.story_id) for c in told]


def prune(
    store: Store,
    days: int,
    now: datetime,
    *,
    dry_run: bool = False,
    batch: int = BATCH,
    pause: float = PAUSE_SECONDS,
) -> PruneReport:
    """Prune what is older than `days` before `now`, in batches; `dry_run` only counts."""
    began = time.perf_counter()
    cutoff = now - timedelta(days=days)
    if dry_run:
        plan = store.prune_plan(cutoff)
        took = time.perf_counter() - began
        return PruneReport(cutoff, plan.articles, plan.entries, plan.text_chars, True, took)
    articles = chars = 0
    after = 0
    while found := store.prunable_articles(cutoff, after, batch):
        store.prune_articles([(stored, claims_of(stored)) for stored in found], now)
        articles += len(found)
        chars += sum(len(stored.article.text) for stored in found)
        after = found[-1].id
        time.sleep(pause)
    entries, after = 0, 0
    while True:
        after, changed = store.slim_entries(cutoff, after, ENTRY_BATCH)
        if after < 0:
            break
        entries += changed
        time.sleep(pause)
    store.record_prune_run(now, cutoff, articles, entries)  # nothing pruned is a prune too
    return PruneReport(cutoff, articles, entries, chars, False, time.perf_counter() - began)


def prune_is_due(last: datetime | None, now: datetime) -> bool:
    """Once a day: due when it never ran, or a day has passed since it last did."""
    return last is None or now - last >= DAY


class _DailyPrune:
    def __init__(self, store: Store, days: int, now: Callable[[], datetime]) -> None:
        self.store, self.days, self.now = store, days, now
        self.last: datetime | None = None
        self.read = False  # the last run is read once, then kept in memory

    async def tick(self) -> None:
        try:
            if not self.read:
                self.last, self.read = await asyncio.to_thread(self.store.last_prune), True
            now = self.now()
            if not prune_is_due(self.last, now):
                return
            report = await asyncio.to_thread(prune, self.store, self.days, now)
            self.last = now
            _log.info(
                "retention: pruned %d article%s and %d entr%s older than %s (%d days) in %.1f s",
                report.articles, "" if report.articles == 1 else "s",
                report.entries, "y" if report.entries == 1 else "ies",
                report.cutoff.date().isoformat(), self.days, report.seconds,
            )  # fmt: skip
        except Exception:  # a database outage: the next check tries again
            _log.warning("retention: the daily prune failed; it is tried again", exc_info=True)


def add_daily_prune(
    scheduler: AsyncIOScheduler,
    store: Store,
    days: int | None,
    now: Callable[[], datetime],
    *,
    check_seconds: float = CHECK_SECONDS,
) -> bool:
    """Add the daily prune to the scheduler when retention is on; True if it was added.

    The job checks every `check_seconds` whether a day has passed since the last prune
    (kept in the database, so a restart does not prune again, nor skip a day).
    """
    if days is None:
        return False
    from apscheduler.triggers.interval import IntervalTrigger

    job = _DailyPrune(store, days, now)
    scheduler.add_job(
        job.tick,
        IntervalTrigger(seconds=check_seconds),
        id="prune",
        # soon after start (not at once: start-up has work of its own), then every check
        next_run_time=datetime.now(UTC) + timedelta(seconds=min(FIRST_CHECK, check_seconds)),
        max_instances=1,
        coalesce=True,
    )
    return True


class PrunedReplay:
    """The pruned articles' claims, handed to a ledger rebuild in the order they were stored."""

    def __init__(self, store: Store, batch: int = 500) -> None:
        self.store, self.batch = store, batch
        self.after = 0
        self.buffer: deque[PrunedClaims] = deque()
        self.done = False

    def before(self, article_id: int | None) -> int:
        """Replay every pruned article stored before `article_id` (all when None); how many."""
        replayed = 0
        while True:
            if not self.buffer:
                if self.done:
                    return replayed
                self.buffer.extend(self.store.pruned_after(self.after, self.batch))
                if not self.buffer:
                    self.done = True
                    return replayed
                self.after = self.buffer[-1].article_id
            if article_id is not None and self.buffer[0].article_id > article_id:
                return replayed
            self.store.record_pruned_replay(self.buffer.popleft())
            replayed += 1
