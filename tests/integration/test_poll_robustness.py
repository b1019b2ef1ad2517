"""Hostile numbers and malformed items never stop a feed's polling, nor lose its items."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from bot.feeds.fetch import Fetcher
from bot.ingest import FeedReport, poll_feed
from bot.settings import FeedConfig, FetchConfig
from bot.store.db import make_engine, upgrade
from bot.store.repo import Store

Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    engine = make_engine(f"sqlite:///{tmp_path}/sovai.db")
    upgrade(engine)
    store = Store(engine)
    store.sync_feeds([FeedConfig(url="https://feeds.test/feed")], datetime.now(UTC))
    yield store
    store.close()


def poll(store: Store, handler: Handler) -> FeedReport:
    async def go() -> FeedReport:
        fetcher = Fetcher(FetchConfig(timeout=5), transport=httpx.MockTransport(handler))
        try:
            return await poll_feed(store.feeds()[0], store, fetcher, backfill=True)
        finally:
            await fetcher.aclose()

    return asyncio.run(go())


def rss(*links: str, headers: dict[str, str] | None = None) -> Handler:
    items = "".join(
        f"<item><title>Item {i}</title><link>{link}</link><guid>g{i}</guid>"
        f"<description>Kenya will build a national AI supercomputer, item {i}.</description>"
        "</item>"
        for i, link in enumerate(links)
    )
    body = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    )

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/feed":
            return httpx.Response(200, stream=httpx.ByteStream(body.encode()), headers=headers)
        return httpx.Response(404)

    return handler


def test_a_malformed_item_link_does_not_cost_the_other_items(store: Store) -> None:
    report = poll(store, rss("https://a.test/1", "https://bad.test:80a/x", "https://a.test/3"))
    assert report.status == "ok" and report.new_entries == 3
    assert report.articles >= 2  # the good ones are read (from the feed's text: pages 404)
    assert store.feeds()[0].error_count == 0


@pytest.mark.parametrize(
    "headers",
    [
        {"cache-control": "max-age=99999999999999999"},
        {"expires": "Fri, 31 Dec 9999 23:59:59 GMT", "date": "Wed, 25 Nov 2026 00:00:00 GMT"},
    ],
)
def test_absurd_freshness_is_capped_not_a_crash(store: Store, headers: dict[str, str]) -> None:
    report = poll(store, rss("https://a.test/1", headers=headers))
    assert report.status == "ok"
    assert report.next_poll is not None
    assert report.next_poll - datetime.now(UTC) <= timedelta(hours=24, minutes=6)


def test_an_absurd_retry_after_is_capped(store: Store) -> None:
    report = poll(store, lambda r: httpx.Response(503, headers={"retry-after": "9" * 20}))
    assert report.status == "error" and report.next_poll is not None
    assert report.next_poll - datetime.now(UTC) <= timedelta(hours=24, minutes=6)


def test_a_json_feed_with_a_list_for_a_url_is_read(store: Store) -> None:
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "items": [{"id": "1", "url": ["https://a.test/x"], "title": "Odd", "content_text": "x"}],
    }
    data = json.dumps(doc).encode()
    report = poll(store, lambda r: httpx.Response(200, stream=httpx.ByteStream(data)))
    assert report.status == "ok" and report.new_entries == 1


def test_an_unparsable_url_is_a_feed_error_with_backoff(store: Store) -> None:
    store.add_feed("https://xn--a.test/feed", None, 60, datetime.now(UTC))
    bad = next(f for f in store.feeds() if "xn--" in f.url)

    async def go() -> FeedReport:
        fetcher = Fetcher(FetchConfig(timeout=5), transport=httpx.MockTransport(rss()))
        try:
            return await poll_feed(bad, store, fetcher)
        finally:
            await fetcher.aclose()

    report = asyncio.run(go())
    assert report.status == "error" and report.next_poll is not None


def test_an_unexpected_failure_is_recorded_with_backoff_not_retried_every_tick(
    store: Store,
) -> None:
    # a response whose body was consumed already makes the fetcher fail in a way no rule
    # foresees: the poll must still end as a recorded error with a next attempt
    report = poll(store, lambda r: httpx.Response(200, content=b"<rss/>"))
    assert report.status == "error" and (report.error or "").startswith("unexpected")
    feed = store.feeds()[0]
    assert feed.error_count == 1 and feed.next_poll_at is not None
    assert feed.next_poll_at > datetime.now(UTC) + timedelta(minutes=30)


def test_entries_a_stopped_poll_stored_but_did_not_read_are_read_next_time(store: Store) -> None:
    from bot.models import Entry

    first = poll(store, rss("https://a.test/1"))  # backfill: read at once
    assert first.articles == 1
    # a later poll stored two new entries, then the bot was stopped before reading them
    feed = store.feeds()[0]
    left = [Entry(f"g{i}", f"https://a.test/{i + 1}", f"Item {i}") for i in (1, 2)]
    assert len(store.add_entries(feed.id, left, datetime.now(UTC))) == 2
    report = poll(store, rss("https://a.test/1", "https://a.test/2", "https://a.test/3"))
    assert report.status == "ok" and report.new_entries == 0  # nothing new in the feed...
    assert report.articles == 2  # ... but the two entries left unread are read now
    assert store.unread_entries(feed.id) == []
