"""Alerts end to end: set in a channel, queued with the announcement that crosses them,
posted to a fake Slack once per announcement and channel, across restarts."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.chat.alerts import AlertSender
from bot.chat.delivery import TerminalSender
from bot.chat.slack_sender import SlackSender, slack_client
from bot.ledger.claims import ArticleRef, claims_in
from bot.models import Analysis, Article, Entry, Figure, Quote
from bot.settings import FeedConfig
from bot.store.db import make_engine, upgrade
from bot.store.repo import Store
from tests.integration.fake_slack import TOKEN, FakeSlack, serve_fake_slack

NOW = datetime.now(UTC).replace(microsecond=0)
CHANNEL = "C0ALERTS"
OTHER = "C0QUIET"


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with serve_fake_slack() as fake:
        yield fake


def open_store(path: Path) -> Store:
    engine = make_engine(f"sqlite:///{path}/sovai.db")
    upgrade(engine)
    store = Store(engine)
    store.sync_feeds([FeedConfig(url="https://wire.example/feed", name="Wire")], NOW)
    return store


def read(store: Store, n: int, text: str, figure: Figure, *, days: float = 0) -> None:
    """An article read by a poll: stored with its claims, queuing the alerts it crosses."""
    feed = store.feeds()[0].id
    url = f"https://outlet{n}.example/{n}"
    when = NOW + timedelta(days=days)
    (entry,) = store.add_entries(feed, [Entry(key=f"k{n}", url=url, title=f"Story {n}")], when)
    analysis = Analysis(
        relevant=True,
        relevance=0.9,
        countries=("KR",),
        figures=(figure,),
        quotes=(Quote("Our own compute, at last <!channel>", "Min-jun Park", key=True),),
    )
    article = Article(url=url, canonical_url=url, title=f"Story {n} <!here>", text=text)
    claims = claims_in(text, analysis, ArticleRef(0, url, when, f"Outlet {n}", article.title))
    store.save_article(entry.id, article, analysis, "t", when, claims=claims)


WON = 1 / 1400
FUND = "South Korea will put ₩2 trillion into its national AI computing centre, officials said."
REPEAT = "The national AI computing centre will get ₩2 trillion, the ministry in Seoul said."
RAISED = "South Korea raised its national AI computing centre budget to ₩3 trillion."


def won(text: str, value: float) -> Figure:
    return Figure(text, "money", value, "KRW", usd=value * WON, key=True)


def flush(store: Store, slack: FakeSlack) -> int:
    async def run() -> int:
        sender = SlackSender(slack_client(TOKEN, {"SLACK_API_URL": slack.api_url}))
        alerts = AlertSender(store, {"slack": sender, "terminal": TerminalSender()}, lambda: NOW)
        return await alerts.flush()

    return asyncio.run(run())


def test_an_alert_fires_once_per_announcement_and_channel_across_restarts(
    tmp_path: Path, slack: FakeSlack
) -> None:
    store = open_store(tmp_path)
    store.add_alert("slack", CHANNEL, "money", 1e9, ["KR"], NOW)
    store.add_alert("slack", OTHER, "money", 5e9, [], NOW)  # not crossed by ₩2tn (≈ $1.4B)
    read(store, 1, FUND, won("₩2 trillion", 2e12))
    assert flush(store, slack) == 1
    [message] = slack.messages(CHANNEL)
    text = str(message)
    assert "₩2 trillion" in text and "money ≥ $1B" in text
    assert "<!channel>" not in text and "<!here>" not in text
    assert OTHER not in slack.channels

    assert flush(store, slack) == 0  # nothing queued twice
    read(store, 2, REPEAT, won("₩2 trillion", 2e12), days=1)  # another outlet: same one
    assert flush(store, slack) == 0
    store.close()

    store = open_store(tmp_path)  # a restart: the outbox remembers
    assert flush(store, slack) == 0
    read(store, 3, RAISED, won("₩3 trillion", 3e12), days=30)  # a revision crosses again
    assert flush(store, slack) == 1
    assert len(slack.messages(CHANNEL)) == 2
    assert "₩2 trillion" in str(slack.messages(CHANNEL)[1]) and "Revised" in str(
        slack.messages(CHANNEL)[1]
    )
    store.close()


def test_an_alert_refused_for_good_is_not_retried_and_an_outage_is(
    tmp_path: Path, slack: FakeSlack
) -> None:
    store = open_store(tmp_path)
    store.add_alert("slack", "C0GONE", "money", 1e9, [], NOW)
    store.add_alert("slack", CHANNEL, "money", 1e9, [], NOW)
    slack.not_in.add("C0GONE")
    slack.fail("chat.postMessage", "internal_error", status=500)  # the first post: an outage
    read(store, 1, FUND, won("₩2 trillion", 2e12))
    sent = flush(store, slack)
    sent += flush(store, slack)
    assert sent == 1  # the outage's alert went on the second try; the other never
    assert len(slack.messages(CHANNEL)) == 1
    assert flush(store, slack) == 0
    assert store.pending_alerts() == []
    store.close()


def test_alerts_removed_or_created_later_do_not_fire_for_what_was_read(
    tmp_path: Path, slack: FakeSlack
) -> None:
    store = open_store(tmp_path)
    read(store, 1, FUND, won("₩2 trillion", 2e12))
    alert = store.add_alert("slack", CHANNEL, "money", 1e9, [], NOW)
    assert alert is not None
    assert flush(store, slack) == 0  # created after the announcement was read
    assert not store.remove_alert("slack", OTHER, alert.id)  # another channel's: refused
    assert store.remove_alert("slack", CHANNEL, alert.id)
    read(store, 2, RAISED, won("₩3 trillion", 3e12), days=30)
    assert flush(store, slack) == 0
    store.close()
