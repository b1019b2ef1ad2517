"""The polling stage: feed → new entries → article text → analysis → store.

This is the one entry point for polling, shared by `sovai poll --once`, `sovai sources
add` and the scheduler. A failure in one feed or one article is recorded and reported,
never allowed to stop the others; an entry whose article could not be stored stays
unread for the next poll, and the report says so (`storage_failed`, `unsaved`).

Store calls and parsing run on poll worker threads (bot/offload.py), so the event loop
that answers chat commands never waits on a database lock or a huge feed. A poll stores
only a feed's newest `fetch.max_entries_per_poll` entries: a feed of 100,000 items is
polled like one of 500, and its older items are never seen nor read.

Memory does not grow with the number of feeds: at most `in_flight_limit` feeds of a
fetcher are polled at once, however the polls were started (bot/poll_gate.py), and a
poll lets go of the feed's body and parsed entries before it reads the articles.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from bot.articles.story_index import StoryIndex
from bot.feeds.fetch import Fetcher, FetchError
from bot.feeds.history import newest_entries
from bot.feeds.parse import FeedParseError, parse_feed
from bot.feeds.politeness import PollTiming, cache_lifetime, next_poll_at
from bot.offload import off_loop
from bot.poll_failures import PollPolicy, failed_poll, record_failure
from bot.poll_gate import in_flight_limit, poll_gate
from bot.poll_report import FeedReport
from bot.read_entries import MAX_ANALYSED_CHARS, ReadOutcome, read_unread
from bot.store.repo import FeedState, Store
from bot.store.states import StorageError, one_line, storage_reason
from bot.wording import counted

__all__ = [
    "MAX_ANALYSED_CHARS",
    "FeedReport",
    "due_feeds",
    "in_flight_limit",
    "newest_entries",
    "poll_all",
    "poll_feed",
]

_log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
# reads a feed's unread entries (feed id, source, site); in-process by default, a worker
# queues one `analyse` job per entry instead (bot/engine/tasks.py)
Reader = Callable[[int, str | None, str | None], Awaitable[ReadOutcome]]


def utc_now() -> datetime:
    return datetime.now(UTC)


async def poll_all(
    store: Store,
    fetcher: Fetcher,
    feeds: Sequence[FeedState] | None = None,
    clock: Clock = utc_now,
    *,
    backfill: bool = False,
    on_done: Callable[[FeedReport], None] | None = None,
) -> list[FeedReport]:
    """Poll the given feeds (all by default) concurrently, within the fetcher's limits.

    A fixed number of runners (`in_flight_limit`) take the feeds in order, so 10,000
    feeds cost that many coroutines, not 10,000; reports come back in the feeds' order.
    """
    chosen = await off_loop(store.feeds) if feeds is None else feeds
    index = StoryIndex(store)
    reports: dict[int, FeedReport] = {}
    queue = iter(enumerate(chosen))  # shared: each feed is taken by exactly one runner

    async def runner() -> None:
        for position, feed in queue:
            report = await poll_feed(feed, store, fetcher, clock, backfill=backfill, index=index)
            # poll_feed turns every failure into an error report, so one feed never
            # cancels the others' polls
            reports[position] = report
            if on_done is not None:
                on_done(report)

    runners = min(in_flight_limit(fetcher.config), len(chosen))
    await asyncio.gather(*(runner() for _ in range(runners)))
    return [reports[position] for position in range(len(chosen))]


async def due_feeds(store: Store, now: datetime) -> list[FeedState]:
    """Feeds whose next poll time has come (new feeds are due at once)."""
    return await off_loop(store.due_feeds, now)


def _sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


async def poll_feed(
    feed: FeedState,
    store: Store,
    fetcher: Fetcher,
    clock: Clock = utc_now,
    *,
    backfill: bool = False,
    index: StoryIndex | None = None,
    reader: Reader | None = None,
) -> FeedReport:
    """Poll one feed and read its new articles; errors end up in the report and the store.

    `index` (shared by the polls of a pass or of a running bot) holds the recent stories
    new articles are compared with; without one, it is read from the store. `reader`
    replaces reading the new entries here (a worker queues them instead). Whatever goes
    wrong, even a bug, is recorded as a failed poll with backoff: a feed that breaks the
    code must not be retried every tick, nor stop the other feeds.
    """
    cfg = fetcher.config
    policy = PollPolicy(
        PollTiming(feed.interval_minutes, cfg.min_interval, cfg.max_delay_hours), random.random()
    )
    async with poll_gate(fetcher):
        return await _guarded(_Poll(feed, store, fetcher, clock, policy, backfill, index, reader))


@dataclass(frozen=True)
class _Poll:
    """One poll's feed and what it polls with, handed down its steps."""

    feed: FeedState
    store: Store
    fetcher: Fetcher
    clock: Clock
    policy: PollPolicy
    backfill: bool
    index: StoryIndex | None
    reader: Reader | None


async def _guarded(p: _Poll) -> FeedReport:
    """`_poll`, with any failure, even a bug, turned into a recorded failed poll."""
    feed, store, policy, clock = p.feed, p.store, p.policy, p.clock
    try:
        return await _poll(p)
    except StorageError as exc:  # one line: SQLAlchemy's text carries the whole statement
        reason = f"database error: {storage_reason(exc)}"
        return await failed_poll(feed, store, policy, clock(), reason, None, storage=True)
    except Exception as exc:
        _log.exception("polling %s failed unexpectedly", feed.label)
        reason = one_line(f"unexpected {type(exc).__name__}: {exc}")
        return await failed_poll(feed, store, policy, clock(), reason, None)


@dataclass(frozen=True)
class _Stored:
    """What a poll still needs once the feed's entries are stored: not the body nor the
    parsed entries, which are let go before the articles are read (`_fetch_and_store`)."""

    fresh: int
    first: bool
    title: str | None
    ttl_minutes: int | None
    fresh_for: timedelta | None
    etag: str | None
    last_modified: str | None
    body_hash: str


async def _poll(p: _Poll) -> FeedReport:
    feed, store, policy = p.feed, p.store, p.policy
    stored = await _fetch_and_store(p)
    if isinstance(stored, FeedReport):
        return stored
    outcome = ReadOutcome(0)  # a first poll only marks the entries seen
    if not stored.first:
        outcome = await _read_new(p, stored.title)
    now = p.clock()
    if outcome.unsaved:
        # recorded as a failed poll, without the validators, so the next poll reads the
        # feed again (not "unchanged") and with it the entries left unread
        why = f"{counted(outcome.unsaved, 'entry')} not stored: {outcome.error}"
        later = await record_failure(feed, store, policy, now, why, None)
        return FeedReport(
            feed.id,
            feed.label,
            "ok",
            stored.fresh,
            outcome.articles,
            error=outcome.error,
            next_poll=later,
            unsaved=outcome.unsaved,
            storage_failed=True,
        )
    later = next_poll_at(
        now,
        policy.timing,
        fresh_for=stored.fresh_for,
        ttl_minutes=stored.ttl_minutes,
        jitter=policy.jitter,
    )
    await off_loop(
        store.record_poll,
        feed.id,
        now,
        later,
        etag=stored.etag,
        last_modified=stored.last_modified,
        body_hash=stored.body_hash,
    )
    status = "first" if stored.first else "ok"
    return FeedReport(feed.id, feed.label, status, stored.fresh, outcome.articles, next_poll=later)


async def _fetch_and_store(p: _Poll) -> FeedReport | _Stored:
    """Fetch and parse the feed and store its new entries; a report when that is all
    there is to do (not modified, unchanged, an error)."""
    feed, store, fetcher, clock, policy = p.feed, p.store, p.fetcher, p.clock, p.policy
    try:
        result = await fetcher.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    except FetchError as exc:
        return await failed_poll(feed, store, policy, clock(), str(exc), exc.retry_after)
    now = clock()
    fresh_for = cache_lifetime(result.headers, now)
    if result.not_modified:
        later = next_poll_at(now, policy.timing, fresh_for=fresh_for, jitter=policy.jitter)
        await off_loop(store.record_poll, feed.id, now, later)
        return FeedReport(feed.id, feed.label, "not-modified", next_poll=later)
    body_hash = await off_loop(_sha256, result.body)
    if body_hash == feed.body_hash:  # same bytes as last time: nothing to parse
        later = next_poll_at(now, policy.timing, fresh_for=fresh_for, jitter=policy.jitter)
        await off_loop(
            store.record_poll,
            feed.id,
            now,
            later,
            etag=result.etag,
            last_modified=result.last_modified,
        )
        return FeedReport(feed.id, feed.label, "unchanged", next_poll=later)
    try:
        parsed = await off_loop(parse_feed, result.body, result.headers)
    except FeedParseError as exc:
        return await failed_poll(feed, store, policy, now, str(exc), None, not_a_feed=True)
    first = feed.last_success_at is None and not p.backfill
    entries = await off_loop(newest_entries, parsed.entries, fetcher.config.max_entries_per_poll)
    fresh = await off_loop(store.add_entries, feed.id, entries, clock(), read=first)
    return _Stored(
        len(fresh),
        first,
        parsed.title,
        parsed.ttl_minutes,
        fresh_for,
        result.etag,
        result.last_modified,
        body_hash,
    )


async def _read_new(p: _Poll, title: str | None) -> ReadOutcome:
    """Read the feed's unread entries: here, or through `reader` (a worker queues them)."""
    source = p.feed.name or title
    site = urlsplit(p.feed.url).hostname  # names the source when the feed has no name
    if p.reader is not None:
        return await p.reader(p.feed.id, source, site)
    reading = p.index if p.index is not None else StoryIndex(p.store)  # an empty one is falsy
    return await read_unread(p.feed.id, source, p.store, p.fetcher, p.clock, reading, site=site)
