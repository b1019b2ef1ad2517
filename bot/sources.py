"""Managing the feeds sovai polls: list, add, remove, OPML import and export.

The platform-neutral core behind `sovai sources …` (and, later, the `/ai-sources` chat
command). Feeds from the config file and feeds added here live in the same table; the
config's own feeds are changed in the config file, not here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.feeds.opml import OpmlFeed, parse_opml, write_opml
from bot.settings import check_http_url
from bot.store.repo import FeedState, SourceError, Store

if TYPE_CHECKING:  # the poller (trafilatura, aiohttp) is imported by add_source alone
    from bot.feeds.fetch import Fetcher
    from bot.ingest import FeedReport

__all__ = [
    "ImportResult",
    "SourceError",
    "add_source",
    "export_sources",
    "import_sources",
    "source_status",
]


def source_status(feed: FeedState) -> str:
    """'ok', 'new' or 'failing (3 in a row)', as people read it."""
    if feed.error_count:
        return f"failing ({feed.error_count} in a row)"
    return "ok" if feed.last_success_at else "new"


async def add_source(
    store: Store,
    fetcher: Fetcher,
    url: str,
    now: datetime,
    *,
    name: str | None = None,
    interval: int = 60,
    backfill: bool = False,
) -> FeedReport:
    """Add a feed and poll it once; a URL that does not answer with a feed (unreachable,
    refused, an error status, not a feed) is not added: SourceError says why."""
    from bot.feed_check import check_feed
    from bot.ingest import poll_feed
    from bot.offload import off_loop

    url = url.strip()
    try:
        check_http_url(url)
    except ValueError:
        raise SourceError(f"expected an http:// or https:// feed URL, got {url[:200]!r}") from None
    await check_feed(fetcher, url)
    # from chat this runs on the bot's event loop: the store is called off it
    feed = await off_loop(store.add_feed, url, name, interval, now)
    report = await poll_feed(feed, store, fetcher, backfill=backfill)
    if report.not_a_feed:
        await off_loop(store.remove_feed, str(feed.id), "")
        raise SourceError(f"{url} is not a feed: {report.error}")
    return report


@dataclass(frozen=True)
class ImportResult:
    added: tuple[str, ...]
    skipped: tuple[str, ...]


def import_sources(store: Store, data: bytes, now: datetime, interval: int = 60) -> ImportResult:
    """Add every feed of an OPML file; feeds already polled are skipped, not duplicated.

    Imported feeds are polled by the scheduler (or `sovai poll --once`); their first poll
    marks what they already hold as seen.
    """
    added: list[str] = []
    skipped: list[str] = []
    polled = {feed.url: feed for feed in store.feeds()}
    for item in parse_opml(data):
        try:
            check_http_url(item.url)
        except ValueError:
            skipped.append(f"{item.url[:200]}: not an http(s) URL")
            continue
        if item.url in polled:
            skipped.append(f"{item.url}: already polled (feed #{polled[item.url].id})")
            continue
        try:
            feed = store.add_feed(item.url, item.title, interval, now)
        except SourceError as exc:
            skipped.append(f"{item.url}: {exc}")
            continue
        polled[feed.url] = feed
        added.append(item.url)
    return ImportResult(tuple(added), tuple(skipped))


def export_sources(feeds: Sequence[FeedState]) -> bytes:
    """The polled feeds as an OPML document."""
    return write_opml(OpmlFeed(f.url, f.name) for f in feeds)
