"""Digests as durable state, run as a self-hoster would break them, under a test clock.

The bot down across a digest time, PostgreSQL down across it, a new channel's first digest,
and SIGTERM during a send: each digest is sent once, and nothing it should carry is lost.
SOVAI_TEST_CLOCK (bot/clock.py) sets the scheduler's time; messages are counted at the
fake Slack, or read from the terminal.
"""

from __future__ import annotations

import asyncio
import io
import signal
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.chat.delivery import TerminalSender, digest_for
from bot.clock import Clock
from bot.digest_loop import DigestLoop
from bot.models import Analysis, Article, Entry
from bot.runtime import open_store
from bot.settings import DigestConfig, FeedConfig, SubscriptionConfig
from bot.store.db import make_engine, upgrade
from bot.store.repo import Store
from tests.integration.bot_process import (
    BotProcess,
    clean_env,
    pg_start_again,
    pg_stop_keeping_data,
    test_clock,
    wait_until,
)
from tests.integration.fake_slack import TOKEN, FakeSlack, serve_fake_slack
from tests.integration.postgres_server import PostgresServer, postgres_or_skip
from tests.integration.run_cli import database_settings, settings_for

CHANNEL = "C0DIGEST"


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with serve_fake_slack() as fake:
        yield fake


@pytest.fixture
def postgres() -> Iterator[PostgresServer]:
    yield from postgres_or_skip()


def _slack_config(tmp_path: Path, database: str) -> Path:
    config = tmp_path / "sovai.yaml"
    config.write_text(
        f"database: {database}\n"
        "digest: {time: '08:00', timezone: UTC}\n"
        f"subscriptions:\n  - {{platform: slack, channel: {CHANNEL}, announce_empty: true}}\n",
        encoding="utf-8",
    )
    return config


def _slack_env(tmp_path: Path, slack: FakeSlack, clock: str) -> dict[str, str]:
    extra = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_API_URL": slack.api_url, "SOVAI_TEST_CLOCK": clock}
    return clean_env(tmp_path, extra)


def _keys(slack: FakeSlack) -> list[str]:
    return [m["metadata"]["event_payload"]["digest_key"] for m in slack.messages(CHANNEL)]


def _day() -> datetime:
    """08:00 UTC a week ahead: every slot of these tests comes after the subscription."""
    return (datetime.now(UTC) + timedelta(days=7)).replace(hour=8, minute=0, second=0)


def test_bot_down_across_the_digest_time_sends_it_once_after_restart(
    tmp_path: Path, slack: FakeSlack
) -> None:
    config = _slack_config(tmp_path, f"sqlite:///{tmp_path}/sovai.db")
    slot = _day()
    runs = [(slot - timedelta(hours=1), "before"), (slot + timedelta(hours=1), "after")]
    runs.append((slot + timedelta(hours=1, minutes=30), "again"))
    for start, name in runs:
        clock = test_clock(start, epoch=time.time())
        bot = BotProcess(name, config, _slack_env(tmp_path, slack, clock), tmp_path)
        try:
            bot.wait_log("next digest for slack")
            if name == "after":
                bot.wait_log(f"digest for slack:{CHANNEL}: sent")
            time.sleep(1.0)  # the digest loop's first tick has run by then
            assert bot.stop() == 0, bot.log()
        finally:
            bot.kill()
        if name == "before":
            assert not slack.messages(CHANNEL)
        if name == "after":
            assert "missed at" in bot.log()  # said in the log
    assert len(_keys(slack)) == 1, _keys(slack)


@pytest.mark.postgres
def test_database_down_across_the_digest_time_sends_it_once_after_recovery(
    tmp_path: Path, slack: FakeSlack, postgres: PostgresServer
) -> None:
    database, password = database_settings(postgres.create_database("outage"))
    config = _slack_config(tmp_path, database)
    epoch = time.time()
    slot = _day()  # at 60× real time, 20 s from now
    clock = test_clock(slot - timedelta(minutes=20), epoch=epoch, speed=60)
    bot = BotProcess("outage", config, _slack_env(tmp_path, slack, clock) | password, tmp_path)
    try:
        bot.wait_log("next digest for slack")
        pg_stop_keeping_data(postgres)
        assert not slack.messages(CHANNEL), "the slot came before the outage began"
        wait_until(lambda: time.time() > epoch + 24, "the digest time to pass", timeout=40)
        assert not slack.messages(CHANNEL)
        pg_start_again(postgres)
        wait_until(lambda: bool(slack.messages(CHANNEL)), "the digest after recovery")
        time.sleep(3)  # several ticks: nothing more goes out
        assert bot.stop() == 0, bot.log()
    finally:
        bot.kill()
    assert len(_keys(slack)) == 1, _keys(slack)
    assert "the database answers again" in bot.log()


def _seed(database: str, subscribed: datetime, titles: list[str]) -> None:
    """A channel that subscribed at `subscribed`, and stories read an hour after that."""
    engine = make_engine(database)
    upgrade(engine)
    store = Store(engine)
    terminal = SubscriptionConfig(platform="terminal", channel="stdout")
    store.sync_subscriptions([terminal], subscribed)
    store.sync_feeds([FeedConfig(url="https://news.example/feed", name="Desk")], subscribed)
    feed_id = store.feeds()[0].id
    for n, title in enumerate(titles):
        read = subscribed + timedelta(hours=1, minutes=n)
        url = f"https://news.example/{n}"
        (new,) = store.add_entries(feed_id, [Entry(key=url, url=url, title=title)], read)
        article = Article(url=url, canonical_url=url, title=title, text=f"{title}. More.")
        analysis = Analysis(relevant=True, relevance=0.9, countries=("JP",), summary=("S.",))
        store.save_article(new.id, article, analysis, "1", read)
    store.close()


def test_a_new_subscriptions_first_digest_covers_the_time_since_it_subscribed(
    tmp_path: Path,
) -> None:
    database = f"sqlite:///{tmp_path}/sovai.db"
    slot = (datetime.now(UTC) - timedelta(days=2)).replace(hour=8, minute=0, second=0)
    titles = [f"Japan sovereign AI story {n}" for n in range(3)]
    _seed(database, slot - timedelta(hours=30), titles)  # stories 29 h before the digest
    config = tmp_path / "sovai.yaml"
    config.write_text(f"database: {database}\n", encoding="utf-8")
    clock = test_clock(slot - timedelta(seconds=2), epoch=time.time())
    bot = BotProcess("first", config, clean_env(tmp_path, {"SOVAI_TEST_CLOCK": clock}), tmp_path)
    try:
        bot.wait_log("digest for terminal:stdout: sent")
        assert bot.stop() == 0, bot.log()
    finally:
        bot.kill()
    assert "digest for terminal:stdout: sent (3 stories)" in bot.log()
    assert all(title in bot.stdout() for title in titles), bot.stdout()


def test_sigterm_lets_the_digest_in_progress_finish(tmp_path: Path, slack: FakeSlack) -> None:
    db = tmp_path / "sovai.db"
    config = _slack_config(tmp_path, f"sqlite:///{db}")
    clock = test_clock(_day() - timedelta(seconds=6), epoch=time.time())
    slack.post_delay = 4  # Slack stores the message, then answers late: SIGTERM lands between
    bot = BotProcess("drain", config, _slack_env(tmp_path, slack, clock), tmp_path)
    try:
        wait_until(lambda: bool(slack.messages(CHANNEL)), "the digest's chat.postMessage")
        bot.proc.send_signal(signal.SIGTERM)
        assert bot.stop() == 0, bot.log()
    finally:
        bot.kill()
    with sqlite3.connect(db) as conn:
        statuses = [row[0] for row in conn.execute("SELECT status FROM deliveries")]
    assert statuses == ["sent"], bot.log()
    assert len(_keys(slack)) == 1
    assert "sovai stopped" in bot.log()


def test_a_first_digest_sent_by_hand_also_covers_the_time_since_subscribing(
    tmp_path: Path,
) -> None:
    database = f"sqlite:///{tmp_path}/sovai.db"
    now = datetime.now(UTC)
    titles = [f"India national AI compute story {n}" for n in range(3)]
    _seed(database, now - timedelta(hours=40), titles)  # read 39 h ago: outside a 24 h window
    store = Store(make_engine(database))
    try:
        (sub,) = store.subscriptions()
        digest = digest_for(store, sub, DigestConfig(), now)
    finally:
        store.close()
    assert sorted(item.headline for item in digest.items) == titles


@pytest.mark.postgres
def test_a_missed_slot_the_database_cannot_mark_is_skipped_on_a_later_tick(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    """The database refuses writes (read-only, as a standby or a full disk leaves it) just
    as a slot missed beyond the grace is to be marked skipped: the loop waits for the
    database instead of dying, and marks the slot once writes work again."""
    name = "readonly"
    body = "digest: {time: '08:00', timezone: UTC, grace_hours: 12}\n"
    body += "subscriptions:\n  - {platform: terminal, channel: stdout}\n"
    settings = settings_for(postgres.create_database(name), tmp_path / "sovai.yaml", body)
    store = open_store(settings)
    try:
        # three days on, at 21:00: that morning's 08:00 slot is 13 h past, beyond the grace
        day = datetime.now(UTC).date() + timedelta(days=3)
        clock = Clock(datetime(day.year, day.month, day.day, 21, tzinfo=UTC), time.time())
        loop = DigestLoop(settings, store, {"terminal": TerminalSender(io.StringIO())}, clock)

        def read_only(on: bool) -> None:
            with postgres.connect() as conn:
                setting = "on" if on else "off"
                conn.execute(f"ALTER DATABASE {name} SET default_transaction_read_only = {setting}")
            store.engine.dispose()  # new connections take the database's setting

        read_only(True)
        asyncio.run(loop.tick())  # before the fix: ReadOnlySqlTransaction out of the loop
        assert loop.database_down
        (state,) = store.slot_states()
        assert state.last_slot_at is None
        read_only(False)
        asyncio.run(loop.tick())
        (state,) = store.slot_states()
        assert state.last_slot_at == datetime(day.year, day.month, day.day, 8, tzinfo=UTC)
        assert not loop.database_down
    finally:
        store.close()
