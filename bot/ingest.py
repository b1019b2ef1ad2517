"""The polling stage: feed → new entries → article text → analysis → store.

This is the one entry point for polling, shared by `sovai poll --once` and the
scheduler. A failure in one feed or one article is recorded and reported, never
allowed to stop the others.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.analysis.pipeline import ANALYZER_VERSION, analyze
from bot.articles.dedupe import canonical_url
from bot.articles.extract import article_from_entry, extract_article
from bot.feeds.fetch import Fetcher, FetchError
from bot.feeds.parse import FeedParseError, parse_feed
from bot.models import Article
from bot.store.repo import FeedState, NewEntry, Store

__all__ = ["FeedReport", "poll_all", "poll_feed"]

_log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class FeedReport:
    """How one feed's poll went, for the terminal and the logs."""

    feed_id: int
    label: str
    status: str  # "ok", "not-modified" or "error"
    new_entries: int = 0
    articles: int = 0
    error: str | None = None

    def line(self) -> str:
        if self.status == "error":
            return f"{self.label}: error: {self.error}"
        if self.status == "not-modified":
            return f"{self.label}: not modified"
        return f"{self.label}: {self.new_entries} new entries, {self.articles} new articles"


async def poll_all(
    store: Store, fetcher: Fetcher, feeds: Sequence[FeedState] | None = None, clock: Clock = utc_now
) -> list[FeedReport]:
    """Poll the given feeds (all by default) concurrently, within the fetcher's limits."""
    chosen = store.feeds() if feeds is None else feeds
    return list(await asyncio.gather(*(poll_feed(f, store, fetcher, clock) for f in chosen)))


async def poll_feed(
    feed: FeedState, store: Store, fetcher: Fetcher, clock: Clock = utc_now
) -> FeedReport:
    """Poll one feed and read its new articles; errors end up in the report and the store."""
    label = feed.name or feed.url
    try:
        result = await fetcher.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        if result.not_modified:
            store.record_poll(feed.id, clock())
            return FeedReport(feed.id, label, "not-modified")
        parsed = parse_feed(result.body, result.headers)
    except (FetchError, FeedParseError) as exc:
        store.record_poll(feed.id, clock(), error=str(exc))
        _log.warning("feed %s failed: %s", feed.url, exc)
        return FeedReport(feed.id, label, "error", error=str(exc))
    fresh = store.add_entries(feed.id, parsed.entries, clock())
    source = feed.name or parsed.title
    stored = 0
    for new in fresh:
        stored += await _read_article(new, source, store, fetcher, clock)
    store.record_poll(feed.id, clock(), etag=result.etag, last_modified=result.last_modified)
    return FeedReport(feed.id, label, "ok", new_entries=len(fresh), articles=stored)


async def _read_article(
    new: NewEntry, source: str | None, store: Store, fetcher: Fetcher, clock: Clock
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
    analysis = analyze(article.title, article.text, article.published)
    before = store.article_id_for(article.canonical_url)
    article_id = store.save_article(new.id, article, analysis, ANALYZER_VERSION, clock())
    return int(before is None and article_id is not None)


async def _fetch_article(new: NewEntry, source: str | None, fetcher: Fetcher) -> Article:
    entry = new.entry
    if not entry.url:
        return article_from_entry(entry, source)
    try:
        page = await fetcher.fetch(entry.url)
        return extract_article(page.body, page.url, entry, source)
    except FetchError as exc:
        _log.info("article %s unreadable (%s); using the feed's text", entry.url, exc)
        return article_from_entry(entry, source)
