"""Chat commands answer while a poll waits on a database lock or digests a huge feed.

Regression for issue 11: "a DB lock of 45 s; a 30,000-entry first poll: the event loop
that answers chat commands is blocked 45.1 s and 1.1 s". The poll and the commands run
on one event loop, as in `sovai run`; a user (another thread) sends `/ai-search` through
the platform-neutral command core every half second while the poll goes on.
"""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.chat.commands import CommandContext, Commands
from bot.chat.delivery import TerminalSender
from bot.feeds.fetch import Fetcher
from bot.ingest import FeedReport, poll_all
from bot.runtime import open_store
from bot.settings import Settings, load_settings
from bot.store.repo import Store
from tests.integration.feed_server import FeedSite, rss, serve_feed
from tests.integration.sqlite_lock import write_lock

ANSWER_BOUND = 1.5  # seconds: the issue asks for under a second; generous for a busy CI
ASKS = 5
ASK_EVERY = 0.5  # seconds between two commands


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with serve_feed() as site:
        yield site


def bot_settings(tmp_path: Path, site: FeedSite) -> Settings:
    config = tmp_path / "sovai.yaml"
    config.write_text(
        f"database: sqlite:///{tmp_path}/sovai.db\n"
        f"feeds:\n  - url: {site.url('/feed.xml')}\n"
        "fetch: {allow_private_networks: true, timeout: 30, max_bytes: 52428800}\n",
        encoding="utf-8",
    )
    return load_settings(config, environ={})


def ask_while(
    loop: asyncio.AbstractEventLoop, commands: Commands, started: Callable[[], bool]
) -> list[float]:
    """Once the poll has started, send /ai-search a few times; seconds each answer took."""
    for _ in range(600):  # at most 30 s for the poll to ask for its feed
        if started():
            break
        time.sleep(0.05)
    took: list[float] = []
    for _ in range(ASKS):
        ctx = CommandContext("slack", "C1", "U1", False, datetime.now(UTC))
        sent = time.monotonic()
        future = asyncio.run_coroutine_threadsafe(commands.handle("search", "kenya", ctx), loop)
        future.result(timeout=120)
        took.append(time.monotonic() - sent)
        time.sleep(ASK_EVERY)
    return took


async def poll_and_ask(
    settings: Settings, store: Store, site: FeedSite
) -> tuple[FeedReport, list[float]]:
    loop = asyncio.get_running_loop()
    fetcher = Fetcher(settings.config.fetch)
    senders = {p: TerminalSender(io.StringIO()) for p in ("slack", "discord", "terminal")}
    commands = Commands(settings, store, fetcher, senders)
    site.requests.clear()
    try:
        poll = asyncio.create_task(poll_all(store, fetcher))
        # the user is another thread, not a task of this loop: it sees the loop's delays
        took = await loop.run_in_executor(
            None, ask_while, loop, commands, lambda: "/feed.xml" in site.requests
        )
        (report,) = await asyncio.wait_for(poll, 120)
        return report, took
    finally:
        await fetcher.aclose()


def first_poll(settings: Settings, store: Store) -> None:
    async def go() -> None:
        fetcher = Fetcher(settings.config.fetch)
        try:
            await poll_all(store, fetcher)
        finally:
            await fetcher.aclose()

    asyncio.run(go())


def test_commands_answer_while_a_poll_waits_on_a_locked_database(
    tmp_path: Path, site: FeedSite
) -> None:
    settings = bot_settings(tmp_path, site)
    store = open_store(settings)
    try:
        site.feed = rss(site, [1])
        first_poll(settings, store)
        site.feed = rss(site, [1, 2, 3, 4])
        with write_lock(tmp_path / "sovai.db", seconds=6):  # another writer, 6 s
            report, took = asyncio.run(poll_and_ask(settings, store, site))
        assert max(took) < ANSWER_BOUND, took
        assert report.articles == 3, report.line()  # the poll waited for the lock, then went on
    finally:
        store.close()


def test_commands_answer_during_a_30000_entry_first_poll(tmp_path: Path, site: FeedSite) -> None:
    settings = bot_settings(tmp_path, site)
    store = open_store(settings)
    try:
        site.feed = rss(site, range(30_000))
        report, took = asyncio.run(poll_and_ask(settings, store, site))
        assert report.status == "first", report.line()
        assert max(took) < ANSWER_BOUND, took
    finally:
        store.close()
