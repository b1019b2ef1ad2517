"""The outbox: a digest that failed to send is kept and sent once on the next start."""

from __future__ import annotations

import asyncio
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.chat.delivery import (
    DeliveryError,
    PartLog,
    TerminalSender,
    digest_for,
    resend_unsent,
    send_digest,
)
from bot.models import Analysis, Article, Digest, Entry
from bot.settings import DigestConfig, FeedConfig, SubscriptionConfig
from bot.store.db import make_engine, upgrade
from bot.store.repo import Store, SubscriptionState

NOW = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
CONFIG = DigestConfig()


class FailingSender:
    """A platform that is down."""

    def __init__(self) -> None:
        self.calls = 0

    async def send(
        self, subscription: SubscriptionState, digest: Digest, parts: PartLog | None = None
    ) -> str:
        self.calls += 1
        raise ConnectionError("platform unreachable")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    engine = make_engine(f"sqlite:///{tmp_path}/sovai.db")
    upgrade(engine)
    store = Store(engine)
    store.sync_feeds([FeedConfig(url="https://example.org/feed", name="Desk")], NOW)
    store.sync_subscriptions([SubscriptionConfig(platform="slack", channel="C1")], NOW)
    feed_id = store.feeds()[0].id
    entry = Entry(key="k1", url="https://example.org/a", title="Japan builds AI cluster")
    (new,) = store.add_entries(feed_id, [entry], NOW - timedelta(hours=2))
    article = Article(
        url="https://example.org/a",
        canonical_url="https://example.org/a",
        title="Japan builds AI cluster",
        text="Japan's government will build a national AI cluster.",
    )
    analysis = Analysis(relevant=True, relevance=0.9, countries=("JP",), summary=("S.",))
    store.save_article(new.id, article, analysis, "1", NOW - timedelta(hours=2))
    return store


def test_a_failed_send_stays_queued_and_is_sent_once_later(store: Store) -> None:
    (sub,) = store.subscriptions()
    failing = FailingSender()
    outcome = asyncio.run(send_digest(store, sub, CONFIG, failing, NOW))
    assert outcome.status == "failed" and failing.calls == 1
    assert store.subscriptions()[0].last_error == "platform unreachable"
    (queued,) = store.unsent_deliveries()

    out = io.StringIO()
    sender = TerminalSender(stream=out)
    outcomes = asyncio.run(
        resend_unsent(store, CONFIG, {"slack": sender}, NOW + timedelta(hours=1))
    )
    assert [o.status for o in outcomes] == ["sent"]
    assert outcomes[0].digest_key == queued.digest_key
    assert out.getvalue().count("Japan builds AI cluster") == 1
    assert store.unsent_deliveries() == []
    assert store.subscriptions()[0].last_error is None

    # a second restart sends nothing more
    assert asyncio.run(resend_unsent(store, CONFIG, {"slack": sender}, NOW)) == []
    assert out.getvalue().count("Japan builds AI cluster") == 1


def test_a_row_left_sending_by_a_crash_is_sent_on_restart(store: Store) -> None:
    (sub,) = store.subscriptions()
    digest = digest_for(store, sub, CONFIG, NOW)
    ids = [i.story.story_id for i in digest.items]
    delivery = store.open_delivery(sub.id, digest.key, (digest.window_start, NOW), ids, NOW)
    store.mark_delivery(delivery.id, "sending", NOW)  # ... and the process died here
    out = io.StringIO()
    outcomes = asyncio.run(resend_unsent(store, CONFIG, {"slack": TerminalSender(out)}, NOW))
    assert [o.status for o in outcomes] == ["sent"]
    assert "Japan builds AI cluster" in out.getvalue()


def test_the_next_digest_starts_where_the_last_one_ended(store: Store) -> None:
    (sub,) = store.subscriptions()
    out = io.StringIO()
    first = asyncio.run(send_digest(store, sub, CONFIG, TerminalSender(out), NOW))
    assert first.status == "sent" and first.stories == 1
    assert digest_for(store, sub, CONFIG, NOW + timedelta(days=1)).window_start == NOW
    second = asyncio.run(
        send_digest(store, sub, CONFIG, TerminalSender(out), NOW + timedelta(days=1))
    )
    assert second.status == "empty"
    assert out.getvalue().count("Japan builds AI cluster") == 1


def test_an_empty_window_is_silent_unless_the_channel_asks(store: Store) -> None:
    store.sync_subscriptions(
        [
            SubscriptionConfig(platform="slack", channel="C1"),
            SubscriptionConfig(
                platform="slack",
                channel="C2",
                announce_empty=True,
                keywords=("nothing matches this",),
            ),
        ],
        NOW,
    )
    quiet, loud = store.subscriptions()
    assert loud.announce_empty and loud.keywords == ("nothing matches this",)
    out = io.StringIO()
    assert asyncio.run(send_digest(store, loud, CONFIG, TerminalSender(out), NOW)).status == "sent"
    assert "Nothing new on sovereign AI" in out.getvalue()
    later = NOW + timedelta(days=1)
    out2 = io.StringIO()
    assert (
        asyncio.run(send_digest(store, quiet, CONFIG, TerminalSender(out2), NOW)).status == "sent"
    )
    assert asyncio.run(send_digest(store, quiet, CONFIG, TerminalSender(out2), later)).status == (
        "empty"
    )


class RefusingSender:
    """A platform that says no for good (the channel was deleted)."""

    async def send(
        self, subscription: SubscriptionState, digest: Digest, parts: PartLog | None = None
    ) -> str:
        raise DeliveryError("channel_not_found", permanent=True)


def test_a_permanent_refusal_pauses_the_channel_until_it_is_resubscribed(store: Store) -> None:
    (sub,) = store.subscriptions()
    outcome = asyncio.run(send_digest(store, sub, CONFIG, RefusingSender(), NOW))
    assert outcome.status == "failed"
    (paused,) = store.subscriptions()
    assert paused.paused and paused.last_error == "channel_not_found"
    assert store.unsent_deliveries() == []  # not retried
    later = asyncio.run(send_digest(store, paused, CONFIG, RefusingSender(), NOW + timedelta(1)))
    assert later.status == "paused"
    resumed = store.subscribe("slack", "C1", NOW)
    assert not resumed.paused and resumed.last_error is None


def test_stories_of_a_refused_digest_come_with_the_next_one_after_resuming(store: Store) -> None:
    (sub,) = store.subscriptions()
    asyncio.run(send_digest(store, sub, CONFIG, RefusingSender(), NOW))
    resumed = store.subscribe("slack", "C1", NOW)
    out = io.StringIO()
    later = NOW + timedelta(hours=1)
    assert asyncio.run(send_digest(store, resumed, CONFIG, TerminalSender(out), later)).stories == 1
    assert "Japan builds AI cluster" in out.getvalue()
