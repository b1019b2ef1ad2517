"""Posting digests to Slack through the outbox, against a fake Slack Web API."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from bot.chat.delivery import digest_for, resend_unsent, send_digest
from bot.chat.slack_sender import SlackSender, slack_client
from bot.models import Analysis, Article, Entry
from bot.render.slack_blocks import render_slack
from bot.settings import DigestConfig, FeedConfig, SubscriptionConfig
from bot.store.db import make_engine, upgrade
from bot.store.repo import Store
from bot.store.tables import DeliveryRow
from tests.integration.fake_slack import TOKEN, FakeSlack, serve_fake_slack
from tests.integration.site_server import serve_site

NOW = datetime.now(UTC).replace(microsecond=0)
CONFIG = DigestConfig()
CHANNEL = "C0DIGEST"
TITLE = "<!channel> Japan builds a national AI cluster"


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with serve_fake_slack() as fake:
        yield fake


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path}/sovai.db")
    upgrade(engine)
    return engine


@pytest.fixture
def store(engine: Engine) -> Iterator[Store]:
    store = Store(engine)
    store.sync_feeds([FeedConfig(url="https://example.org/feed", name="Desk")], NOW)
    store.sync_subscriptions([SubscriptionConfig(platform="slack", channel=CHANNEL)], NOW)
    feed_id = store.feeds()[0].id
    for n, country in enumerate(("JP", "IN", "FR", "KR")):
        url = f"https://example.org/{n}"
        title = TITLE if n == 0 else f"Story {n}: {country} orders 10,000 GPUs"
        (new,) = store.add_entries(feed_id, [Entry(key=f"k{n}", url=url, title=title)], NOW)
        article = Article(url=url, canonical_url=url, title=title, text=f"{title}. More.")
        analysis = Analysis(relevant=True, relevance=0.9, countries=(country,), summary=("S.",))
        store.save_article(new.id, article, analysis, "1", NOW - timedelta(hours=1))
    yield store
    store.close()


def _sender(slack: FakeSlack) -> SlackSender:
    return SlackSender(slack_client(TOKEN, {"SLACK_API_URL": slack.api_url}))


def _statuses(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.scalars(select(DeliveryRow.status)))


def _send(store: Store, slack: FakeSlack) -> str:
    (sub,) = store.subscriptions()
    return asyncio.run(send_digest(store, sub, CONFIG, _sender(slack), NOW)).status


def test_a_digest_is_posted_once_with_metadata_and_escaped_feed_text(
    store: Store, slack: FakeSlack, engine: Engine
) -> None:
    assert _send(store, slack) == "sent"
    (call,) = slack.calls_to("chat.postMessage")
    payload = json.dumps(call.args, ensure_ascii=False)
    assert "&lt;!channel&gt; Japan builds" in payload
    assert "<!channel>" not in payload
    assert "link_names" not in call.args
    assert call.args["metadata"]["event_type"] == "sovai_digest"
    assert call.args["metadata"]["event_payload"]["part"] == 1
    assert slack.calls_to("conversations.history") == []  # a first send has nothing to check
    assert _statuses(engine) == ["sent"]


def test_a_repeated_send_of_the_same_digest_posts_nothing(store: Store, slack: FakeSlack) -> None:
    (sub,) = store.subscriptions()
    digest = digest_for(store, sub, CONFIG, NOW)
    first = asyncio.run(_sender(slack).send(sub, digest))
    again = asyncio.run(_sender(slack).send(sub, digest))
    assert first == again == slack.messages(CHANNEL)[0]["ts"]
    assert len(slack.calls_to("chat.postMessage")) == 1


def test_rate_limit_is_waited_out_as_slack_asks(store: Store, slack: FakeSlack) -> None:
    slack.fail("chat.postMessage", "ratelimited", status=429, retry_after=1)
    started = time.monotonic()
    assert _send(store, slack) == "sent"
    assert time.monotonic() - started >= 1.0  # Retry-After was followed
    assert len(slack.calls_to("chat.postMessage")) == 2
    assert len(slack.messages(CHANNEL)) == 1


def test_a_rate_limit_that_lasts_leaves_the_digest_queued(
    store: Store, slack: FakeSlack, engine: Engine
) -> None:
    for _ in range(4):  # the first try and three retries
        slack.fail("chat.postMessage", "ratelimited", status=429, retry_after=0)
    assert _send(store, slack) == "failed"
    assert _statuses(engine) == ["pending"]  # retried later, not given up
    assert "ratelimited" in (store.subscriptions()[0].last_error or "")
    assert asyncio.run(resend_unsent(store, CONFIG, {"slack": _sender(slack)}, NOW))[0].status == (
        "sent"
    )


def test_not_in_channel_is_recorded_and_not_retried(
    store: Store, slack: FakeSlack, engine: Engine
) -> None:
    slack.not_in.add(CHANNEL)
    assert _send(store, slack) == "failed"
    last_error = store.subscriptions()[0].last_error or ""
    assert "not_in_channel" in last_error and "/invite" in last_error
    assert _statuses(engine) == ["failed"]
    assert asyncio.run(resend_unsent(store, CONFIG, {"slack": _sender(slack)}, NOW)) == []
    assert len(slack.calls_to("chat.postMessage")) == 1  # the refused one, not retried


def test_a_revoked_token_is_permanent(store: Store, slack: FakeSlack, engine: Engine) -> None:
    slack.token = "xoxb-another"
    assert _send(store, slack) == "failed"
    assert "invalid_auth" in (store.subscriptions()[0].last_error or "")
    assert _statuses(engine) == ["failed"]


def test_a_message_too_long_for_slack_is_split_and_not_reposted(
    store: Store, slack: FakeSlack
) -> None:
    (sub,) = store.subscriptions()
    digest = digest_for(store, sub, CONFIG, NOW)
    (whole,) = render_slack(digest)
    slack.max_blocks = len(whole["blocks"]) - 1  # the whole is refused, either half fits
    ref = asyncio.run(_sender(slack).send(sub, digest))
    calls = slack.calls_to("chat.postMessage")
    assert [c.args["metadata"]["event_payload"].get("piece") for c in calls] == [None, "1", "2"]
    posted = slack.messages(CHANNEL)
    assert len(posted) == 2 and ref == ",".join(m["ts"] for m in posted)
    assert all(len(m["blocks"]) <= slack.max_blocks for m in posted)
    sections = [b for b in whole["blocks"] if b["type"] != "divider"]
    assert [b for m in posted for b in m["blocks"] if b["type"] != "divider"] == sections

    again = asyncio.run(_sender(slack).send(sub, digest))  # as after a crash: nothing new
    assert again == ref and len(slack.calls_to("chat.postMessage")) == 3


def _row_status(db: Path) -> str | None:
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT status FROM deliveries ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else str(row[0])


def _wait(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {timeout:.0f} s for {what}")
        time.sleep(0.1)


def test_a_digest_killed_mid_post_is_finished_on_restart_without_a_second_copy(
    tmp_path: Path, slack: FakeSlack
) -> None:
    db = tmp_path / "sovai.db"
    config = tmp_path / "sovai.yaml"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    env.pop("DATABASE_URL", None)
    env |= {
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_API_URL": slack.api_url,
        "SOVAI_HEARTBEAT": str(tmp_path / "heartbeat"),
    }

    def sovai(*args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "--config", str(config), *args],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    with serve_site() as site:
        config.write_text(
            f"database: sqlite:///{db}\nfeeds:\n  - url: {site.url('/feed.xml')}\n"
            f"subscriptions:\n  - platform: slack\n    channel: {CHANNEL}\n"
            "fetch: {allow_private_networks: true}\n",
            encoding="utf-8",
        )
        poll = sovai("poll", "--once", "--backfill")
        _, err = poll.communicate(timeout=120)
        assert poll.returncode == 0, err

        slack.post_delay = 60  # Slack posts, then answers late: the kill lands in between
        digest = sovai("digest")
        try:
            _wait(lambda: bool(slack.messages(CHANNEL)), "the first chat.postMessage")
            assert digest.poll() is None, digest.communicate()
            digest.kill()  # SIGKILL: no cleanup, no "sent" mark
            digest.communicate(timeout=30)
        finally:
            if digest.poll() is None:
                digest.kill()
        assert _row_status(db) == "sending"
        slack.post_delay = 0

        run = sovai("run")  # at start-up, rows left "sending" are sent again
        try:
            _wait(lambda: _row_status(db) == "sent", "the outbox row to be marked sent")
            run.send_signal(signal.SIGTERM)
            _, err = run.communicate(timeout=30)
        finally:
            if run.poll() is None:
                run.kill()
                run.communicate()
    assert run.returncode == 0, err
    (history,) = slack.calls_to("conversations.history")  # the restart looked first
    assert history.args["include_all_metadata"] in ("1", "true")
    posted = [m["metadata"]["event_payload"] for m in slack.messages(CHANNEL)]
    parts = {(p["part"], p.get("piece")) for p in posted}
    assert len(parts) == len(posted) == posted[0]["parts"]  # every part, exactly one copy
    assert len(slack.calls_to("chat.postMessage")) == len(posted)
