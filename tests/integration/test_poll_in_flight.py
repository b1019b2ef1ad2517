"""Feeds in flight are bounded, whoever starts the polls, and no feed or article is lost.

Regression for issue 15's polling memory: a pass over 1,000 feeds started every feed's
poll at once; feeds fetched faster than their articles were read piled up, each holding
its body and parsed entries, so memory grew with the number of feeds. Here articles are
slow to answer, as they are on the web, and the server counts feed requests as they
arrive: requests seen minus polls finished is the number of feeds in flight.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.feeds.fetch import Fetcher
from bot.ingest import FeedReport, in_flight_limit, poll_all, poll_feed
from bot.settings import FeedConfig, FetchConfig
from bot.store.db import make_engine, upgrade
from bot.store.repo import FeedState, Store
from tests.integration.many_feeds_server import ManyFeeds, serve_many_feeds

FEEDS = 40
ITEMS = 2
CONFIG = FetchConfig(allow_private_networks=True, concurrency=3, per_host=3, timeout=30)


@pytest.fixture
def site() -> Iterator[ManyFeeds]:
    with serve_many_feeds(FEEDS, ITEMS, article_delay=0.03) as site:
        yield site


@pytest.fixture
def store(tmp_path: Path, site: ManyFeeds) -> Iterator[Store]:
    engine = make_engine(f"sqlite:///{tmp_path / 'sovai.db'}")
    upgrade(engine)
    store = Store(engine)
    store.sync_feeds([FeedConfig(url=site.url(n)) for n in range(FEEDS)], datetime.now(UTC))
    yield store
    store.close()


class InFlight:
    """Feeds whose request the server has seen and whose poll has not finished."""

    def __init__(self, site: ManyFeeds) -> None:
        self.site, self.done, self.most = site, 0, 0

    def finished(self, _report: FeedReport | None = None) -> None:
        # called as a poll returns, before any other poll can start a fetch
        with self.site.lock:
            self.most = max(self.most, self.site.feed_requests - self.done)
        self.done += 1


def assert_nothing_lost(site: ManyFeeds, store: Store, reports: list[FeedReport]) -> None:
    assert [r.status for r in reports] == ["ok"] * FEEDS, [r.error for r in reports]
    assert sum(r.articles for r in reports) == FEEDS * ITEMS
    assert site.feed_requests == FEEDS
    assert len(site.articles) == FEEDS * ITEMS
    assert set(site.articles.values()) == {1}  # each article page read once
    assert all(not store.unread_entries(f.id) for f in store.feeds())


async def poll_everything(
    store: Store, feeds: list[FeedState], in_flight: InFlight
) -> list[FeedReport]:
    fetcher = Fetcher(CONFIG)
    try:
        return await poll_all(store, fetcher, feeds, backfill=True, on_done=in_flight.finished)
    finally:
        await fetcher.aclose()


def test_a_pass_over_many_feeds_keeps_few_in_flight_and_loses_nothing(
    site: ManyFeeds, store: Store
) -> None:
    feeds = store.feeds()
    in_flight = InFlight(site)
    reports = asyncio.run(poll_everything(store, feeds, in_flight))
    assert [r.feed_id for r in reports] == [f.id for f in feeds]  # in the feeds' order
    assert_nothing_lost(site, store, reports)
    assert 2 <= in_flight.most <= in_flight_limit(CONFIG) == 6


async def poll_each_as_a_task(store: Store, in_flight: InFlight) -> list[FeedReport]:
    """As the scheduler does: one task per due feed, all started at once."""
    fetcher = Fetcher(CONFIG)

    async def one(feed: FeedState) -> FeedReport:
        report = await poll_feed(feed, store, fetcher, backfill=True)
        in_flight.finished()
        return report

    try:
        return list(await asyncio.gather(*(one(f) for f in store.feeds())))
    finally:
        await fetcher.aclose()


def test_polls_started_all_at_once_still_wait_for_a_place(site: ManyFeeds, store: Store) -> None:
    in_flight = InFlight(site)
    reports = asyncio.run(poll_each_as_a_task(store, in_flight))
    assert_nothing_lost(site, store, reports)
    assert 2 <= in_flight.most <= in_flight_limit(CONFIG)
