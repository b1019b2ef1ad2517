"""Reading a feed's unread entries: article page → text → analysis → store.

An entry becomes read only in the transaction that stores its article (or links it to
one already stored), so a save the database refuses (locked past the busy timeout, disk
full, server gone) leaves it unread, and the next poll reads it again: nothing is lost.
After such a refusal the rest of the feed's entries wait for the next poll too, rather
than each waiting out the busy timeout in turn.

Every store call and every CPU-heavy step (extraction, analysis, duplicate detection)
runs on a poll worker thread (bot/offload.py), never on the loop that answers chat.

An entry without a web link (an RSS item that is only a description, an Atom entry whose
id is a `tag:` URI) is never fetched: its own text is what is analysed, and a story with
no title of its own is headed by the start of that text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urlsplit

from bot.analysis.pipeline import ANALYZER_VERSION, analyze
from bot.analysis.sentences import sentences
from bot.articles.dedupe import canonical_url, unwrap_redirect
from bot.articles.extract import article_from_entry, extract_article
from bot.articles.similarity import find_story, fingerprint
from bot.articles.story_index import StoryIndex
from bot.feeds.fetch import Fetcher, FetchError
from bot.ledger.claims import article_ref, claims_in
from bot.metrics import count_article_analysed, count_article_read
from bot.models import Article
from bot.offload import off_loop
from bot.store.repo import NewEntry, Store
from bot.store.states import StorageError, storage_reason
from bot.wording import counted

__all__ = ["MAX_ANALYSED_CHARS", "ReadOutcome", "headline_of", "read_entry", "read_unread"]

_log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
MAX_ANALYSED_CHARS = 60_000  # a long report's first 60,000 characters say what it is about
HEADLINE_CHARS = 100


@dataclass(frozen=True)
class ReadOutcome:
    """How reading a feed's unread entries went."""

    articles: int  # new articles stored
    unsaved: int = 0  # entries left unread because the database refused a write
    error: str | None = None  # what the database said, in one short line


async def read_unread(
    feed_id: int,
    source: str | None,
    store: Store,
    fetcher: Fetcher,
    clock: Clock,
    index: StoryIndex,
    *,
    site: str | None = None,
) -> ReadOutcome:
    """Read the feed's unread entries (the new ones, and any a failed poll left).

    `source` is the feed's name or title; `site` (the feed's host) names the source of
    an article made of the feed's own text when the feed has neither, rather than the
    entry's key standing in for a link.
    """
    pending = await off_loop(store.unread_entries, feed_id)
    stored = 0
    for position, new in enumerate(pending):
        try:
            stored += await read_entry(new, source, store, fetcher, clock, index, site)
        except StorageError as exc:
            reason = storage_reason(exc)
            left = len(pending) - position
            _log.warning(
                "feed %d: %s left unread for the next poll: %s",
                feed_id,
                counted(left, "entry"),
                reason,
            )
            return ReadOutcome(stored, left, reason)
        except Exception:  # a bug on one item must not cost the feed its other items
            _log.exception(
                "reading entry %r of feed %d failed; skipped", new.entry.key[:200], feed_id
            )
            try:  # nor be retried on every poll for ever
                await off_loop(store.mark_read, new.id, clock())
            except StorageError as exc:
                left = len(pending) - position
                return ReadOutcome(stored, left, storage_reason(exc))
    return ReadOutcome(stored)


async def read_entry(
    new: NewEntry,
    source: str | None,
    store: Store,
    fetcher: Fetcher,
    clock: Clock,
    index: StoryIndex,
    site: str | None,
) -> int:
    """Fetch, extract, analyse and store one entry's article; 1 if a new article was stored.

    The one entry point for reading an article: a poll calls it for each unread entry,
    and a worker's `analyse` job for the one entry it names (bot/engine/tasks.py).
    """
    entry = new.entry
    if entry.url is not None and _web_link(entry.url):
        existing = await off_loop(store.article_id_for, canonical_url(entry.url))
        if existing is not None:
            await off_loop(store.link_entry, new.id, existing, clock())
            return 0
    article = await _fetch_article(new, source, fetcher)
    count_article_read()
    if article.source is None and site:
        article = replace(article, source=site)
    if not article.text.strip():
        _log.info("entry %s has no text to analyse", entry.key[:200])
        await off_loop(store.mark_read, new.id, clock())
        return 0
    return await off_loop(_analyse_and_save, new, article, store, clock, index)


def _analyse_and_save(
    new: NewEntry, article: Article, store: Store, clock: Clock, index: StoryIndex
) -> int:
    """Analysis, duplicate detection and the save, in one worker call (CPU and SQL)."""
    text = article.text[:MAX_ANALYSED_CHARS]
    analysis = analyze(article.title, text, article.published, article.language)
    count_article_analysed()
    fp = fingerprint(article.title, text)
    if not article.title:  # analysed as the publisher wrote it; shown with a headline
        article = replace(article, title=headline_of(text))
    with index.saving:
        now = clock()
        story_id = find_story(fp, index.recent(now))
        claims = claims_in(text, analysis, article_ref(article, now))
        saved = store.save_article(
            new.id,
            article,
            analysis,
            ANALYZER_VERSION,
            now,
            story_id=story_id,
            fingerprint=dict(fp.to_json()),
            claims=claims,
        )
        if saved.new:
            index.add(now, story_id or saved.id, fp, saved.id)
    return int(saved.new)


async def _fetch_article(new: NewEntry, source: str | None, fetcher: Fetcher) -> Article:
    entry = new.entry
    if entry.url is None or not _web_link(entry.url):
        return article_from_entry(entry, source, feed_id=new.feed_id)
    try:
        page = await fetcher.fetch(unwrap_redirect(entry.url))
        return await off_loop(extract_article, page.body, page.url, entry, source)
    except FetchError as exc:
        _log.info("article %s unreadable (%s); using the feed's text", entry.url[:300], exc)
        return article_from_entry(entry, source, feed_id=new.feed_id)


def headline_of(text: str, limit: int = HEADLINE_CHARS) -> str:
    """A headline for an item that is only text, as feed readers make one: its first
    sentence when that is short, else its first words cut at a space, with "…"."""
    flat = " ".join(text.split())
    first = sentences(flat[: 4 * limit])[:1]
    if first and len(first[0]) <= limit:
        return first[0]
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def _web_link(url: str) -> bool:
    """Whether `url` is a page to fetch: http(s) with a host, not a `tag:` or `urn:` id."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return True  # a broken web link: the fetcher says why, and the feed's text is used
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
