"""`sovai run` with `metrics: {port: 0}`: /metrics scraped over HTTP and parsed as
Prometheus parses it, and /healthz going 503 (with the reason) when the database is gone
or the scheduler stalls, then 200 again when it is back.

The bot is a real process: its feed a real local server, Slack the fake one (HTTP mode,
signed slash commands), its database SQLite or a PostgreSQL server stopped under it.
"""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.settings import FeedConfig
from bot.store.db import make_engine, upgrade
from bot.store.repo import Store
from tests.integration.bot_process import (
    BotProcess,
    clean_env,
    pg_start_again,
    pg_stop_keeping_data,
    wait_until,
)
from tests.integration.fake_slack import TOKEN, FakeSlack, serve_fake_slack
from tests.integration.feed_server import FeedSite, rss, serve_feed
from tests.integration.postgres_server import PostgresServer, postgres_or_skip
from tests.integration.run_cli import database_settings
from tests.integration.test_slack import SECRET, signed

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]
LISTENING = re.compile(r"health and metrics on http://127\.0\.0\.1:(\d+)")


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with serve_feed() as running:
        running.feed = rss(running, [1, 2])
        yield running


@pytest.fixture
def postgres() -> Iterator[PostgresServer]:
    yield from postgres_or_skip()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode()


def listener(bot: BotProcess) -> str:
    bot.wait_log("health and metrics on")
    found = LISTENING.search(bot.log())
    assert found, bot.log()
    return f"http://127.0.0.1:{found.group(1)}"


def samples(text: str) -> Samples:
    """Every sample of a Prometheus text page, parsed by prometheus_client's own parser."""
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def value(found: Samples, name: str, **labels: str) -> float:
    return found[(name, frozenset(labels.items()))]


def config(tmp_path: Path, database: str, feed: str, extra: str = "") -> Path:
    path = tmp_path / "sovai.yaml"
    path.write_text(
        f"database: {database}\n"
        f"feeds:\n  - {{url: '{feed}', name: Desk}}\n"
        "fetch: {allow_private_networks: true, timeout: 10}\n"
        f"metrics: {{port: 0, host: 127.0.0.1, stall_after: 2}}\n{extra}",
        encoding="utf-8",
    )
    return path


def seed_polled_before(database: str, feed: str) -> None:
    """The feed was polled two hours ago and is due again: the bot's first poll reads the
    items it finds as new articles (a first poll would only mark them seen)."""
    engine = make_engine(database)
    upgrade(engine)
    store = Store(engine)
    now = datetime.now(UTC)
    store.sync_feeds([FeedConfig(url=feed, name="Desk")], now - timedelta(hours=3))
    store.record_poll(store.feeds()[0].id, now - timedelta(hours=2), now - timedelta(hours=1))
    store.close()


def slash(slack: FakeSlack, url: str, channel: str, line: str, n: int) -> dict[str, object]:
    """A signed slash command from `channel`, as Slack posts it; the reply it gets."""
    name, _, text = line.partition(" ")
    body = urlencode(
        {
            "team_id": "T0FAKE",
            "channel_id": channel,
            "user_id": "U0USER",
            "command": name,
            "text": text,
            "api_app_id": "A0SOVAI",
            "response_url": slack.response_url(f"r{n}"),
            "trigger_id": f"1.2.{n}",
        }
    )
    request = urllib.request.Request(url, data=body.encode(), headers=signed(body))
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.status == 200
    wait_until(lambda: bool(slack.responses.get(f"r{n}")), f"the reply to {line}")
    return slack.responses[f"r{n}"][0]


def test_metrics_count_polls_articles_digests_and_commands(tmp_path: Path, site: FeedSite) -> None:
    database = f"sqlite:///{tmp_path}/data/sovai.db"
    feed = site.url("/feed.xml")
    seed_polled_before(database, feed)
    slack_port = free_port()
    subs = "".join(
        f"  - {{platform: slack, channel: {c}, announce_empty: true}}\n"
        for c in ("C0NEWS", "C0BUSY")
    )
    extra = f"slack: {{mode: http, port: {slack_port}}}\nsubscriptions:\n{subs}"
    path = config(tmp_path, database, feed, extra)
    with serve_fake_slack() as slack:
        env = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET}
        env["SLACK_API_URL"] = slack.api_url
        bot = BotProcess("metrics", path, clean_env(tmp_path, env), tmp_path)
        try:
            base = listener(bot)
            bot.wait_log("poll Desk: 2 new entries, 2 new articles")
            events = f"http://127.0.0.1:{slack_port}/slack/events"
            bot.wait_log("Slack: listening for commands")
            slash(slack, events, "C0NEWS", "/ai-help", 1)
            slash(slack, events, "C0NEWS", "/ai-digest now", 2)
            for _ in range(20):  # Slack has an outage: C0BUSY's digest stays queued
                slack.fail("chat.postMessage", "internal_error")
            refused = slash(slack, events, "C0BUSY", "/ai-digest now", 3)
            assert "could not be posted" in str(refused)
            status, page = get(f"{base}/metrics")
            health = get(f"{base}/healthz")
            ready = get(f"{base}/readyz")
            assert bot.stop() == 0, bot.log()
        finally:
            bot.kill()
    assert status == 200 and health == (200, "ok\n") and ready == (200, "ok\n")
    found = samples(page)
    assert value(found, "sovai_polls_total", outcome="ok") >= 1
    assert value(found, "sovai_polls_total", outcome="error") == 0
    assert value(found, "sovai_articles_read_total") == 2
    assert value(found, "sovai_articles_analysed_total") == 2
    assert value(found, "sovai_digests_total", platform="slack", outcome="sent") == 1
    assert value(found, "sovai_digests_total", platform="slack", outcome="failed") >= 1
    assert value(found, "sovai_outbox_pending") == 1
    assert value(found, "sovai_alerts_pending") == 0
    assert value(found, "sovai_feed_failures_in_a_row", feed="Desk", id="1") == 0
    assert value(found, "sovai_database_up") == 1
    # polled in this run, not two hours ago as seeded
    assert value(found, "sovai_last_successful_poll_age_seconds") < 3600
    assert ("sovai_scheduler_last_tick_age_seconds", frozenset()) in found
    latency = "sovai_command_duration_seconds_count"
    assert value(found, latency, platform="slack", command="help") == 1
    assert value(found, latency, platform="slack", command="digest") == 2
    assert "Traceback" not in bot.log()


def _unhealthy(base: str, says: str) -> bool:
    status, text = get(f"{base}/healthz")
    return status == 503 and says in text


def _healthy(base: str) -> bool:
    return get(f"{base}/healthz") == (200, "ok\n")


def _outage(
    bot: BotProcess, cut: Callable[[], object], says: str, mend: Callable[[], object]
) -> str:
    """Healthy, then `cut`: 503 saying `says` (and /readyz 503 too), then `mend`: healthy
    again; the bot then stops cleanly. Returns what /readyz said during the outage."""
    try:
        base = listener(bot)
        wait_until(lambda: _healthy(base), "/healthz to say ok")
        cut()
        wait_until(lambda: _unhealthy(base, says), f"/healthz to say 503: {says}")
        ready = get(f"{base}/readyz")
        mend()
        wait_until(lambda: _healthy(base), "/healthz to recover")
        assert get(f"{base}/readyz") == (200, "ok\n")
        assert bot.stop() == 0, bot.log()
    finally:
        bot.kill()
    assert ready[0] == 503, ready
    return ready[1]


def test_healthz_is_503_while_the_sqlite_database_is_gone(tmp_path: Path, site: FeedSite) -> None:
    path = config(tmp_path, f"sqlite:///{tmp_path}/data/sovai.db", site.url("/feed.xml"))
    bot = BotProcess("gone", path, clean_env(tmp_path), tmp_path)
    data, away = tmp_path / "data", tmp_path / "unmounted"
    ready = _outage(bot, lambda: data.rename(away), "sovai.db is gone", lambda: away.rename(data))
    assert "sovai.db is gone" in ready  # the volume went away


@pytest.mark.postgres
def test_healthz_is_503_while_postgres_is_down(
    tmp_path: Path, site: FeedSite, postgres: PostgresServer
) -> None:
    database, password = database_settings(postgres.create_database("health"))
    path = config(tmp_path, database, site.url("/feed.xml"))
    bot = BotProcess("pg", path, clean_env(tmp_path, password), tmp_path)
    ready = _outage(
        bot,
        lambda: pg_stop_keeping_data(postgres),
        "the database does not answer",
        lambda: pg_start_again(postgres),
    )
    assert "the database does not answer" in ready


@pytest.mark.postgres
def test_healthz_says_the_scheduler_stalled_while_its_tick_waits_on_a_lock(
    tmp_path: Path, site: FeedSite, postgres: PostgresServer
) -> None:
    """Another session locks the feeds table: the next poll tick waits on it, longer than
    `stall_after` (2 s here), while the database itself still answers the probe.

    (SQLite in WAL mode cannot block a reader while the bot has the file open; there a
    tick stalls when every poll worker waits on the write lock, a slower scene to set.)"""
    database, password = database_settings(postgres.create_database("stall"))
    path = config(tmp_path, database, site.url("/feed.xml"))
    bot = BotProcess("stall", path, clean_env(tmp_path, password), tmp_path)
    try:
        base = listener(bot)
        wait_until(lambda: _healthy(base), "/healthz to say ok")
        with postgres.connect("stall") as hog, hog.transaction():
            hog.execute("LOCK TABLE feeds IN ACCESS EXCLUSIVE MODE")  # held to the block's end
            wait_until(
                lambda: _unhealthy(base, "the scheduler is stalled: its poll tick has run"),
                "/healthz to see the stalled tick",
                timeout=90,
            )
            _, text = get(f"{base}/healthz")
        assert "database" not in text, text  # the probe's own query is not blocked
        wait_until(lambda: _healthy(base), "/healthz to recover", timeout=60)
        assert bot.stop() == 0, bot.log()
    finally:
        bot.kill()
