"""What a self-hoster reads in the logs and the outbox, from the real code paths:

- a delivery that cannot reach Slack or Discord says why in a sentence, no class names;
- a feed that keeps failing is one warning, and its recovery one line, over real polls;
- `sovai db upgrade` prints one line and logs nothing;
- `log_format: json` makes every log line of a running bot one JSON object.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from discord.http import Route

from bot.chat.delivery import send_digest
from bot.feeds.fetch import Fetcher
from bot.ingest import poll_feed
from bot.poll_events import observe_poll
from bot.runtime import open_store, senders_for
from bot.settings import load_settings
from bot.store.repo import Store
from tests.integration.bot_process import BotProcess, clean_env
from tests.integration.fake_discord import TOKEN as DISCORD_TOKEN
from tests.integration.fake_slack import TOKEN as SLACK_TOKEN
from tests.integration.feed_server import FeedSite, rss, serve_feed
from tests.integration.run_cli import sovai
from tests.integration.test_discord import add_stories


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with serve_feed() as running:
        running.feed = rss(running, [1])
        yield running


def feed_config(tmp_path: Path, site: FeedSite, extra: str = "") -> Path:
    """A config polling the site's feed, named Desk, with the database in `tmp_path`."""
    config = tmp_path / "sovai.yaml"
    config.write_text(
        f"database: sqlite:///{tmp_path}/sovai.db\n{extra}"
        f"feeds:\n  - {{url: '{site.url('/feed.xml')}', name: Desk}}\n"
        "fetch: {allow_private_networks: true}\n",
        encoding="utf-8",
    )
    return config


def closed_port() -> int:
    """A port nothing listens on (bound, then let go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _store(tmp_path: Path, platform: str, env: dict[str, str]) -> tuple[object, Store]:
    config = tmp_path / "sovai.yaml"
    config.write_text(
        f"database: sqlite:///{tmp_path}/sovai.db\n"
        f"subscriptions:\n  - {{platform: {platform}, channel: '1100000000000000777'}}\n",
        encoding="utf-8",
    )
    settings = load_settings(config, environ=env)
    store = open_store(settings)
    add_stories(store, 2, datetime.now(UTC))
    return settings, store


def _deliver(settings: object, store: Store, platform: str) -> str:
    sender = senders_for(settings)[platform]  # type: ignore[arg-type]
    sub = store.subscriptions()[0]
    outcome = asyncio.run(
        send_digest(store, sub, settings.config.digest, sender, datetime.now(UTC))  # type: ignore[attr-defined]
    )
    assert outcome.status == "failed"
    return outcome.error or ""


@pytest.mark.parametrize(
    ("api", "says"),
    [
        ("http://127.0.0.1:{port}/api/", "127.0.0.1 refused the connection"),
        ("http://slack.invalid/api/", "DNS lookup of slack.invalid failed"),
    ],
)
def test_slack_out_of_reach_is_said_in_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, api: str, says: str
) -> None:
    monkeypatch.setenv("SLACK_API_URL", api.format(port=closed_port()))
    settings, store = _store(tmp_path, "slack", {"SLACK_BOT_TOKEN": SLACK_TOKEN})
    try:
        error = _deliver(settings, store, "slack")
    finally:
        store.close()
    assert error.startswith(f"Slack could not be reached: {says}"), error
    assert "Error" not in error and "ConnectionKey" not in error


def test_discord_out_of_reach_is_said_in_a_sentence(tmp_path: Path) -> None:
    settings, store = _store(tmp_path, "discord", {"DISCORD_BOT_TOKEN": DISCORD_TOKEN})
    base = Route.BASE
    Route.BASE = f"http://127.0.0.1:{closed_port()}/api/v10"
    try:
        error = _deliver(settings, store, "discord")
    finally:
        Route.BASE = base
        store.close()
    assert error.startswith("Discord could not be reached: 127.0.0.1 refused the connection")
    assert "Error" not in error


def test_a_feed_failing_poll_after_poll_is_logged_once_and_its_recovery_once(
    tmp_path: Path, site: FeedSite, caplog: pytest.LogCaptureFixture
) -> None:
    config = feed_config(tmp_path, site)
    store = open_store(load_settings(config, environ={}))

    async def polls() -> None:
        fetcher = Fetcher(load_settings(config, environ={}).config.fetch)
        try:
            for body in [b"<html>moved</html>"] * 3 + [rss(site, [1, 2])] * 2:
                site.feed = body
                feed = store.feeds()[0]  # as the scheduler's tick reads it
                observe_poll(feed, await poll_feed(feed, store, fetcher))
        finally:
            await fetcher.aclose()

    try:
        with caplog.at_level(logging.INFO):
            asyncio.run(polls())
    finally:
        store.close()
    lines = [r.getMessage() for r in caplog.records if r.name in ("bot.poll_events", "bot.ingest")]
    assert len(lines) == 3, lines
    assert lines[0].startswith("poll Desk: error:") and "logged again when it recovers" in lines[0]
    assert lines[1].startswith("poll Desk:") and "(recovered after 3 failed polls)" in lines[1]
    assert "recovered" not in lines[2]
    assert site.url("/feed.xml") not in "\n".join(lines)


def test_db_upgrade_prints_one_line(tmp_path: Path) -> None:
    (tmp_path / "sovai.yaml").write_text(f"database: sqlite:///{tmp_path}/sovai.db\n")
    first = sovai("--config", "sovai.yaml", "db", "upgrade", cwd=tmp_path)
    again = sovai("--config", "sovai.yaml", "db", "upgrade", cwd=tmp_path)
    assert first.returncode == 0 and again.returncode == 0
    assert len(first.stdout.splitlines()) == 1 and "upgraded from empty" in first.stdout
    assert len(again.stdout.splitlines()) == 1 and "already up to date" in again.stdout
    assert first.stderr == "" and again.stderr == ""


def test_a_running_bot_logs_json_lines(tmp_path: Path, site: FeedSite) -> None:
    config = feed_config(tmp_path, site, "log_format: json\n")
    bot = BotProcess("json", config, clean_env(tmp_path), tmp_path)
    try:
        bot.wait_log("poll Desk: first poll")
        assert bot.stop() == 0, bot.log()
    finally:
        bot.kill()
    lines = bot.log().splitlines()
    printed = [line for line in lines if not line.startswith("{")]
    assert printed == [], printed  # every line a JSON object, the last word too
    events = [json.loads(line) for line in lines if line.startswith("{")]
    assert events[-1]["message"] == "sovai stopped"
    assert {"time", "level", "logger", "message"} <= set(events[0])
    assert any(e["message"].startswith("database migrated from empty") for e in events)
    assert any(e["logger"] == "bot.poll_events" for e in events)
