"""The polling stage: feed → new entries → article text → analysis → store.

This is the one entry point for polling, shared by `sovai poll --once`, `sovai sources
add` and the scheduler. A failure in one feed or one article is recorded and reported,
never allowed to stop the others.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.analysis.pipeline import ANALYZER_VERSION, analyze
from bot.articles.dedupe import canonical_url, unwrap_redirect
from bot.articles.extract import article_from_entry, extract_article
from bot.articles.similarity import find_story, fingerprint
from bot.articles.story_index import StoryIndex
from bot.feeds.fetch import Fetcher, FetchError
from bot.feeds.parse import FeedParseError, parse_feed
from bot.feeds.politeness import PollTiming, cache_lifetime, next_poll_at
from bot.models import Article
from bot.store.repo import FeedState, NewEntry, Store

__all__ = ["FeedReport", "due_feeds", "poll_all", "poll_feed"]

_log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
MAX_ANALYSED_CHARS = 60_000  # a long report's first 60,000 characters say what it is about


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class FeedReport:
    """How one feed's poll went, for the terminal and the logs."""

    feed_id: int
    label: str
    status: str  # "ok", "first", "not-modified", "unchanged" or "error"
    new_entries: int = 0
    articles: int = 0
    error: str | None = None
    next_poll: datetime | None = None
    not_a_feed: bool = False  # the URL answered, but with something that is not a feed

    def line(self) -> str:
        if self.status == "error":
            when = f" (next attempt {self.next_poll:%Y-%m-%d %H:%M} UTC)" if self.next_poll else ""
            return f"{self.label}: error: {self.error}{when}"
        if self.status in ("not-modified", "unchanged"):
            return f"{self.label}: not modified"
        if self.status == "first":
            return (
                f"{self.label}: first poll, {self.new_entries} existing entries marked as seen "
                "(use --backfill to read them)"
            )
        return f"{self.label}: {self.new_entries} new entries, {self.articles} new articles"


@dataclass(frozen=True)
class _Policy:
    timing: PollTiming
    jitter: float


async def poll_all(
    store: Store,
    fetcher: Fetcher,
    feeds: Sequence[FeedState] | None = None,
    clock: Clock = utc_now,
    *,
    backfill: bool = False,
    on_done: Callable[[FeedReport], None] | None = None,
) -> list[FeedReport]:
    """Poll the given feeds (all by default) concurrently, within the fetcher's limits."""
    chosen = store.feeds() if feeds is None else feeds

    index = StoryIndex(store)

    async def one(feed: FeedState) -> FeedReport:
        report = await poll_feed(feed, store, fetcher, clock, backfill=backfill, index=index)
        # poll_feed turns every failure into an error report, so one feed never cancels
        # the others' polls
        if on_done is not None:
            on_done(report)
        return report

    return list(await asyncio.gather(*(one(f) for f in chosen)))


def due_feeds(store: Store, now: datetime) -> list[FeedState]:
    """Feeds whose next poll time has come (new feeds are due at once)."""
    return store.due_feeds(now)


async def poll_feed(
    feed: FeedState,
    store: Store,
    fetcher: Fetcher,
    clock: Clock = utc_now,
    *,
    backfill: bool = False,
    index: StoryIndex | None = None,
) -> FeedReport:
    """Poll one feed and read its new articles; errors end up in the report and the store.

    `index` (shared by the polls of a pass or of a running bot) holds the recent stories
    new articles are compared with; without one, it is read from the store. Whatever goes
    wrong, even a bug, is recorded as a failed poll with backoff: a feed that breaks the
    code must not be retried every tick, nor stop the other feeds.
    """
    cfg = fetcher.config
    policy = _Policy(
        PollTiming(feed.interval_minutes, cfg.min_interval, cfg.max_delay_hours), random.random()
    )
    try:
        return await _poll(feed, store, fetcher, clock, policy, backfill, index)
    except Exception as exc:
        _log.exception("polling %s failed unexpectedly", feed.url)
        return _failed(
            feed, store, policy, clock(), f"unexpected {type(exc).__name__}: {exc}", None
        )


async def _poll(
    feed: FeedState,
    store: Store,
    fetcher: Fetcher,
    clock: Clock,
    policy: _Policy,
    backfill: bool,
    index: StoryIndex | None,
) -> FeedReport:
    try:
        result = await fetcher.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    except FetchError as exc:
        return _failed(feed, store, policy, clock(), str(exc), exc.retry_after)
    now = clock()
    fresh_for = cache_lifetime(result.headers, now)
    if result.not_modified:
        later = next_poll_at(now, policy.timing, fresh_for=fresh_for, jitter=policy.jitter)
        store.record_poll(feed.id, now, later)
        return FeedReport(feed.id, feed.label, "not-modified", next_poll=later)
    body_hash = hashlib.sha256(result.body).hexdigest()
    if body_hash == feed.body_hash:  # same bytes as last time: nothing to parse
        later = next_poll_at(now, policy.timing, fresh_for=fresh_for, jitter=policy.jitter)
        store.record_poll(feed.id, now, later, etag=result.etag, last_modified=result.last_modified)
        return FeedReport(feed.id, feed.label, "unchanged", next_poll=later)
    try:
        parsed = parse_feed(result.body, result.headers)
    except FeedParseError as exc:
        return _failed(feed, store, policy, now, str(exc), None, not_a_feed=True)
    first = feed.last_success_at is None and not backfill
    fresh = store.add_entries(feed.id, parsed.entries, now, read=first)
    stored = 0
    if not first:
        index = index or StoryIndex(store)
        source = feed.name or parsed.title
        # the new entries, and any a stopped poll left unread
        for new in store.unread_entries(feed.id):
            try:
                stored += await _read_article(new, source, store, fetcher, clock, index)
            except Exception:  # one bad item must not cost the feed its other items
                _log.exception("reading entry %r of %s failed", new.entry.key, feed.url)
            store.mark_read(new.id, clock())
    now = clock()
    later = next_poll_at(
        now,
        policy.timing,
        fresh_for=fresh_for,
        ttl_minutes=parsed.ttl_minutes,
        jitter=policy.jitter,
    )
    store.record_poll(
        feed.id,
        now,
        later,
        etag=result.etag,
        last_modified=result.last_modified,
        body_hash=body_hash,
    )
    status = "first" if first else "ok"
    return FeedReport(feed.id, feed.label, status, len(fresh), stored, next_poll=later)


def _failed(
    feed: FeedState,
    store: Store,
    policy: _Policy,
    now: datetime,
    error: str,
    retry_after: float | None,
    *,
    not_a_feed: bool = False,
) -> FeedReport:
    later = next_poll_at(
        now,
        policy.timing,
        error_count=feed.error_count + 1,
        retry_after=retry_after,
        jitter=policy.jitter,
    )
    store.record_poll(feed.id, now, later, error=error)
    _log.warning("feed %s failed (%d in a row): %s", feed.url, feed.error_count + 1, error)
    return FeedReport(
        feed.id, feed.label, "error", error=error, next_poll=later, not_a_feed=not_a_feed
    )


async def _read_article(
    new: NewEntry,
    source: str | None,
    store: Store,
    fetcher: Fetcher,
    clock: Clock,
    index: StoryIndex,
) -> int:
    """Fetch, extract, analyse and store one entry's article; 1 if a new article was stored."""
    entry = new.entry
    if entry.url:
        existing = store.article_id_for(canonical_url(entry.url))
        if existing is not None:
            store.link_entry(new.id, existing)
            return 0
    article = await _fetch_article(new, source, fetcher)
    if not article.text.strip():
        _log.info("entry %s has no text to analyse", entry.key)
        return 0
    # CPU-bound work runs off the event loop, so chat commands stay answered meanwhile
    text = article.text[:MAX_ANALYSED_CHARS]
    analysis = await asyncio.to_thread(analyze, article.title, text, article.published)
    fp = await asyncio.to_thread(fingerprint, article.title, text)
    before = store.article_id_for(article.canonical_url)
    now = clock()
    story_id = find_story(fp, index.recent(now))
    article_id = store.save_article(
        new.id,
        article,
        analysis,
        ANALYZER_VERSION,
        now,
        story_id=story_id,
        fingerprint=dict(fp.to_json()),
    )
    if before is None:
        index.add(now, story_id or article_id, fp)
    return int(before is None)


async def _fetch_article(new: NewEntry, source: str | None, fetcher: Fetcher) -> Article:
    entry = new.entry
    if not entry.url:
        return article_from_entry(entry, source, feed_id=new.feed_id)
    try:
        page = await fetcher.fetch(unwrap_redirect(entry.url))
        return await asyncio.to_thread(extract_article, page.body, page.url, entry, source)
    except FetchError as exc:
        _log.info("article %s unreadable (%s); using the feed's text", entry.url, exc)
        return article_from_entry(entry, source, feed_id=new.feed_id)
