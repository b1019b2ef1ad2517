"""Weekly digests end to end: a real bot under a test clock, the outbox, and the chat commands.

A channel subscribed `weekly fri` at 07:30 Asia/Tokyo (Thursday 22:30 in UTC, so a
weekday read in UTC would be wrong) gets one digest a week, on Friday in Tokyo, and none
on the other days, across restarts; each covers the stories since the one before.
SOVAI_TEST_CLOCK (bot/clock.py) runs the scheduler's time fast; the fake Slack counts.
"""

from __future__ import annotations

import asyncio
import io
import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.chat.commands import CommandContext, Commands
from bot.chat.delivery import TerminalSender, digest_for, resend_unsent, send_digest
from bot.chat.slack_sender import SlackSender, slack_client
from bot.feeds.fetch import Fetcher
from bot.ledger.claims import ArticleRef, claims_in
from bot.models import Analysis, Article, Entry, Figure, Reply
from bot.render.replies import reply_text
from bot.runtime import open_store
from bot.settings import DigestConfig, FeedConfig, SubscriptionConfig, load_settings
from bot.store.db import make_engine, upgrade
from bot.store.repo import Store
from tests.integration.bot_process import BotProcess, clean_env, test_clock, wait_until
from tests.integration.fake_slack import TOKEN, FakeSlack, serve_fake_slack

CHANNEL = "C0WEEKLY"
SUBSCRIBED = datetime(2027, 2, 28, 15, 0, tzinfo=UTC)  # Monday 1 March 00:00 in Tokyo
FIRST_SLOT = datetime(2027, 3, 4, 22, 30, tzinfo=UTC)  # Friday 5 March 07:30 in Tokyo
SECOND_SLOT = FIRST_SLOT + timedelta(days=7)
SPEED = 72_000.0  # one real second is 20 hours
STARTUP = 5.0  # real seconds given to `sovai run` to start before the clock reaches a run's start
STORIES = {  # title: when it was read
    "Japan old supercomputer plan": datetime(2027, 2, 20, 9, 0, tzinfo=UTC),  # before any window
    "Japan funds national AI compute": datetime(2027, 3, 2, 12, 0, tzinfo=UTC),  # week 1
    "Japan picks sovereign AI model builders": datetime(2027, 3, 6, 3, 0, tzinfo=UTC),  # week 2
    "Japan orders 10,000 GPUs for research": datetime(2027, 3, 10, 9, 0, tzinfo=UTC),  # week 2
}
WEEKLY_FRIDAY = SubscriptionConfig(
    platform="slack",
    channel=CHANNEL,
    cadence="weekly",
    weekday="fri",
    time="07:30",
    timezone="Asia/Tokyo",
)


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with serve_fake_slack() as fake:
        yield fake


def _seed(database: str, subscription: SubscriptionConfig, stories: dict[str, datetime]) -> None:
    """The channel as subscribed at SUBSCRIBED, and sovereign-AI stories read at their times."""
    engine = make_engine(database)
    upgrade(engine)
    store = Store(engine)
    store.sync_subscriptions([subscription], SUBSCRIBED)
    store.sync_feeds([FeedConfig(url="https://news.example/feed", name="Desk")], SUBSCRIBED)
    feed_id = store.feeds()[0].id
    for n, (title, read) in enumerate(stories.items()):
        url = f"https://news.example/{n}"
        (new,) = store.add_entries(feed_id, [Entry(key=url, url=url, title=title)], read)
        article = Article(url=url, canonical_url=url, title=title, text=f"{title}. More.")
        analysis = Analysis(relevant=True, relevance=0.9, countries=("JP",), summary=("S.",))
        store.save_article(new.id, article, analysis, "1", read)
    store.close()


def _config(tmp_path: Path, database: str) -> Path:
    config = tmp_path / "sovai.yaml"
    config.write_text(
        f"database: {database}\n"
        "digest: {time: '08:00', timezone: UTC, grace_hours: 48}\n"  # 48 h: 2.4 real seconds
        "subscriptions:\n"
        f"  - platform: slack\n    channel: {CHANNEL}\n    cadence: weekly\n"
        "    weekday: friday\n    time: '07:30'\n    timezone: Asia/Tokyo\n",
        encoding="utf-8",
    )
    return config


def _slot_of(message: dict[str, Any]) -> str:
    return str(message["metadata"]["event_payload"]["digest_key"]).split("-")[0]


def _run(
    name: str,
    tmp_path: Path,
    slack: FakeSlack,
    clock: tuple[datetime, datetime, float],
    expect: str | None = None,
) -> BotProcess:
    """`sovai run` with the test clock going from `start` at `speed`× until it has passed
    `until` (and `expect` is in the log, and a second of ticks has run at least)."""
    start, until, speed = clock
    epoch = time.time() + STARTUP  # the clock reaches `start` once the bot is up
    env = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_API_URL": slack.api_url}
    env["SOVAI_TEST_CLOCK"] = test_clock(start, epoch=epoch, speed=speed)
    config = _config(tmp_path, f"sqlite:///{tmp_path}/sovai.db")
    bot = BotProcess(name, config, clean_env(tmp_path, env), tmp_path)
    try:
        bot.wait_log(f"next digest for slack {CHANNEL}")
        if expect is not None:
            bot.wait_log(expect)
        real_end = max(epoch + (until - start).total_seconds() / speed, time.time() + 1.0)
        wait_until(lambda: time.time() > real_end, f"the test clock to pass {until}", timeout=60)
        assert bot.proc.poll() is None, bot.log()  # it ran all that time
        assert bot.stop() == 0, bot.log()
    finally:
        bot.kill()
    return bot


def test_one_weekly_digest_a_week_on_its_weekday_across_restarts(
    tmp_path: Path, slack: FakeSlack
) -> None:
    _seed(f"sqlite:///{tmp_path}/sovai.db", WEEKLY_FRIDAY, STORIES)
    titles = list(STORIES)

    # the clock runs on across restarts: each run starts after the last one stopped, with
    # STARTUP seconds to boot (the clock then reads up to STARTUP × SPEED before `start`)
    sent = f"weekly digest for slack:{CHANNEL}: sent"
    gap = timedelta(seconds=(STARTUP + 1) * SPEED)

    # from before the subscription to Friday evening in Tokyo: Friday's digest only
    first_end = FIRST_SLOT + timedelta(hours=12)
    week1 = _run("week1", tmp_path, slack, (SUBSCRIBED, first_end, SPEED), sent)
    assert "next digest for slack C0WEEKLY at 2027-03-04 22:30 UTC (weekly)" in week1.log()
    (first,) = slack.messages(CHANNEL)
    assert _slot_of(first) == "20270304T2230"
    assert "-weekly-" in first["metadata"]["event_payload"]["digest_key"]
    shown = json.dumps(first, ensure_ascii=False)
    assert "Sovereign AI weekly digest — 25 Feb – 04 Mar 2027" in shown
    assert titles[1] in shown
    assert titles[0] not in shown and titles[2] not in shown

    # restarted: the weekend and the next week to Friday evening: one more, with what came since
    second_end = SECOND_SLOT + timedelta(hours=12)
    week2 = _run("week2", tmp_path, slack, (first_end + gap, second_end, SPEED), sent)
    assert "next digest for slack C0WEEKLY at 2027-03-11 22:30 UTC (weekly)" in week2.log()
    assert [_slot_of(m) for m in slack.messages(CHANNEL)] == ["20270304T2230", "20270311T2230"]
    second = json.dumps(slack.messages(CHANNEL)[1], ensure_ascii=False)
    assert "Sovereign AI weekly digest — 04 Mar – 11 Mar 2027" in second
    assert titles[2] in second and titles[3] in second and titles[1] not in second

    # restarted on Saturday, the Friday slot still within the 48 h grace: not sent again
    later = SECOND_SLOT + timedelta(hours=36)
    again = _run("again", tmp_path, slack, (later, later + timedelta(seconds=2), 1.0))
    assert "next digest for slack C0WEEKLY at 2027-03-18 22:30 UTC (weekly)" in again.log()
    assert len(slack.messages(CHANNEL)) == 2
    assert "missed" not in again.log() and sent not in again.log()


# The outbox and windows, on a real store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    database = f"sqlite:///{tmp_path}/sovai.db"
    many = {
        f"Japan AI compute story {n}": FIRST_SLOT - timedelta(hours=3 * n + 1) for n in range(20)
    }
    _seed(database, WEEKLY_FRIDAY, many)
    opened = Store(make_engine(database))
    yield opened
    opened.close()


def test_a_weekly_digest_covers_the_week_and_holds_more_than_a_daily_one(store: Store) -> None:
    (sub,) = store.subscriptions()
    assert (sub.cadence, sub.digest_weekday) == ("weekly", 4)
    config = DigestConfig()
    digest = digest_for(store, sub, config, FIRST_SLOT)
    assert digest.cadence == "weekly" and digest.window_start == FIRST_SLOT - timedelta(days=7)
    assert len(digest.items) == config.weekly_max_stories and digest.total_stories == 20
    daily = store.subscribe("slack", CHANNEL, FIRST_SLOT, cadence="daily")
    as_daily = digest_for(store, daily, config, FIRST_SLOT)
    assert as_daily.cadence == "daily" and len(as_daily.items) == config.max_stories
    assert as_daily.window_start == SUBSCRIBED - timedelta(hours=24)  # all since it subscribed


def test_each_weekly_digest_is_posted_once_and_the_next_starts_where_it_ended(
    store: Store,
) -> None:
    (sub,) = store.subscriptions()
    out = io.StringIO()
    first = asyncio.run(send_digest(store, sub, DigestConfig(), TerminalSender(out), FIRST_SLOT))
    assert first.status == "sent" and "-weekly-" in first.digest_key
    again = asyncio.run(send_digest(store, sub, DigestConfig(), TerminalSender(out), FIRST_SLOT))
    assert again.status == "already-sent" and again.digest_key == first.digest_key
    assert out.getvalue().count("Sovereign AI weekly digest") == 1
    nxt = digest_for(store, sub, DigestConfig(), SECOND_SLOT)
    assert nxt.window_start == FIRST_SLOT and nxt.key != first.digest_key


class DownSender:
    async def send(self, subscription: Any, digest: Any, parts: Any = None) -> str:
        raise ConnectionError("platform unreachable")


def test_a_queued_weekly_digest_is_resent_as_a_weekly_one_after_switching_to_daily(
    store: Store,
) -> None:
    (sub,) = store.subscriptions()
    failed = asyncio.run(send_digest(store, sub, DigestConfig(), DownSender(), FIRST_SLOT))
    assert failed.status == "failed"
    store.subscribe("slack", CHANNEL, FIRST_SLOT, cadence="daily")
    out = io.StringIO()
    senders = {"slack": TerminalSender(out)}
    (outcome,) = asyncio.run(resend_unsent(store, DigestConfig(), senders, FIRST_SLOT))
    assert outcome.status == "sent" and outcome.digest_key == failed.digest_key
    assert outcome.stories == DigestConfig().weekly_max_stories
    assert "Sovereign AI weekly digest — 25 Feb – 04 Mar 2027" in out.getvalue()


def test_the_config_sets_and_clears_the_cadence(store: Store) -> None:
    assert store.subscriptions()[0].digest_weekday == 4
    store.sync_subscriptions([WEEKLY_FRIDAY.model_copy(update={"weekday": None})], FIRST_SLOT)
    assert store.subscriptions()[0].digest_weekday == 0  # Monday, the default
    store.sync_subscriptions([SubscriptionConfig(platform="slack", channel=CHANNEL)], FIRST_SLOT)
    (daily,) = store.subscriptions()
    assert (daily.cadence, daily.weekday, daily.digest_weekday) == ("daily", None, None)


# /ai-subscribe and /ai-digest preview, through the shared command core


def _commands(tmp_path: Path) -> tuple[Commands, Store, io.StringIO]:
    config = tmp_path / "chat.yaml"
    config.write_text(f"database: sqlite:///{tmp_path}/chat.db\n", encoding="utf-8")
    settings = load_settings(config, environ={})
    store = open_store(settings)
    posted = io.StringIO()
    senders = {p: TerminalSender(posted) for p in ("slack", "discord", "terminal")}
    return Commands(settings, store, Fetcher(settings.config.fetch), senders), store, posted


def _ask(commands: Commands, line: str, now: datetime) -> Reply:
    name, _, text = line.removeprefix("/ai-").partition(" ")
    ctx = CommandContext("slack", "C1", "U1", True, now)
    return asyncio.run(commands.handle(name, text, ctx))


def test_subscribe_weekly_from_chat_and_preview_the_week(tmp_path: Path) -> None:
    commands, store, posted = _commands(tmp_path)
    now = datetime.now(UTC)
    try:
        said = reply_text(_ask(commands, "/ai-subscribe JP weekly mon at 08:00 tz Asia/Tokyo", now))
        assert "Schedule: Weekly digest on Monday at 08:00 Asia/Tokyo" in said
        kept = reply_text(_ask(commands, "/ai-subscribe JP weekly sunday", now))
        assert "Weekly digest on Sunday at 08:00 Asia/Tokyo" in kept  # time and zone kept
        assert "Weekly digest on Sunday" in reply_text(_ask(commands, "/ai-subscribe weekly", now))
        preview = _ask(commands, "/ai-digest preview", now)
        assert preview.digest is not None and preview.digest.cadence == "weekly"
        assert preview.digest.window_start <= now - timedelta(days=7)
        assert "Sovereign AI weekly digest" in preview.title
        assert posted.getvalue() == ""
        daily = reply_text(_ask(commands, "/ai-subscribe daily", now))
        assert "Schedule: Daily digest at 08:00 Asia/Tokyo" in daily
        sub = store.subscription_for("slack", "C1")
        assert sub is not None and (sub.cadence, sub.weekday, sub.countries) == ("daily", None, ())
        bad = _ask(commands, "/ai-subscribe JP weekly someday", now)
        assert bad.error and "Weekday must be mon…sun, e.g. weekly mon" in bad.title
        assert sub == store.subscription_for("slack", "C1")  # a refused command changes nothing
    finally:
        asyncio.run(commands.fetcher.aclose())
        store.close()


# The week's chart


def _announce(store: Store, n: int, country: str, text: str, figure: Figure, at: datetime) -> None:
    feed_id = store.feeds()[0].id
    url = f"https://wire.example/chart-{n}"
    (new,) = store.add_entries(feed_id, [Entry(key=url, url=url, title=f"Chart {n}")], at)
    analysis = Analysis(True, 0.9, (country,), (), (figure,), ("S.",))
    article = Article(url=url, canonical_url=url, title=f"Chart {n}", text=text)
    claims = claims_in(text, analysis, ArticleRef(0, url, at, "Wire", f"Chart {n}"))
    store.save_article(new.id, article, analysis, "1", at, claims=claims)


def test_a_weekly_digest_posts_the_weeks_chart_once_after_it(
    store: Store, slack: FakeSlack
) -> None:
    yen = Figure("¥1 trillion", "money", 1e12, "JPY", usd=6.7e9, key=True)
    won = Figure("₩2 trillion", "money", 2e12, "KRW", usd=1.4e9, key=True)
    _announce(store, 1, "JP", "Japan puts ¥1 trillion into its AI compute fund.", yen,
              FIRST_SLOT - timedelta(days=3))  # fmt: skip
    _announce(store, 2, "KR", "Korea puts ₩2 trillion into its AI computing centre.", won,
              FIRST_SLOT - timedelta(days=2))  # fmt: skip
    (sub,) = store.subscriptions()
    sender = SlackSender(slack_client(TOKEN, {"SLACK_API_URL": slack.api_url}))
    sent = asyncio.run(send_digest(store, sub, DigestConfig(), sender, FIRST_SLOT))
    assert sent.status == "sent"
    [chart] = slack.files.finished()
    assert chart.channel == CHANNEL and (chart.data or b"").startswith(b"\x89PNG")
    messages = slack.messages(CHANNEL)
    assert "files" in messages[-1]  # the chart comes after the digest's messages
    again = asyncio.run(send_digest(store, sub, DigestConfig(), sender, FIRST_SLOT))
    assert again.status == "already-sent" and len(slack.files.finished()) == 1


def test_a_daily_digest_or_a_week_without_money_has_no_chart(
    store: Store, slack: FakeSlack
) -> None:
    (sub,) = store.subscriptions()
    sender = SlackSender(slack_client(TOKEN, {"SLACK_API_URL": slack.api_url}))
    assert asyncio.run(send_digest(store, sub, DigestConfig(), sender, FIRST_SLOT)).status == "sent"
    assert slack.files.finished() == []
