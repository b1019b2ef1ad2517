"""`sovai doctor` as a self-hoster runs it, against the fake Slack and Discord and a local
feed server: every row ok (exit 0) on a sound set-up, and each thing got wrong named with
what to do (exit 1), nothing posted anywhere."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.fake_discord import TOKEN as DISCORD_TOKEN
from tests.integration.fake_discord import FakeDiscord, serve_discord
from tests.integration.fake_slack import APP_TOKEN, FakeSlack, serve_fake_slack
from tests.integration.fake_slack import TOKEN as SLACK_TOKEN
from tests.integration.feed_server import FeedSite, rss, serve_feed

# `sovai` with discord.py pointed at the fake (as `discord.http.Route.BASE` is in-process)
CLI = (
    "import sys\nfrom discord.http import Route\nRoute.BASE = sys.argv[1]\n"
    "from bot.cli import main\nsys.exit(main(sys.argv[2:]))\n"
)
SEND_MESSAGES = 1 << 11


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with serve_feed() as running:
        running.feed = rss(running, [1, 2, 3])
        yield running


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with serve_fake_slack() as fake:
        fake.socket_url = "ws://127.0.0.1:9/socket"  # apps.connections.open hands it out
        yield fake


@pytest.fixture
def discord() -> Iterator[FakeDiscord]:
    with serve_discord() as fake:
        yield fake


def doctor(
    tmp_path: Path, discord: FakeDiscord, config: str, env: dict[str, str]
) -> tuple[int, str]:
    (tmp_path / "sovai.yaml").write_text(config, encoding="utf-8")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    clean.pop("DATABASE_URL", None)
    command = [sys.executable, "-c", CLI, discord.base, "--config", "sovai.yaml", "doctor"]
    done = subprocess.run(
        command, cwd=tmp_path, env=clean | env, capture_output=True, text=True, timeout=120
    )
    return done.returncode, done.stdout + done.stderr


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("│")[1:-1]]


def row(output: str, check: str) -> str:
    """The table row whose first cell is `check`, its other cells joined (wrapped lines too)."""
    lines = output.splitlines()
    for i, line in enumerate(lines):
        cells = _cells(line)
        if cells and cells[0] == check:
            parts = [cells[1:]]
            for more in lines[i + 1 :]:
                rest = _cells(more)
                if not rest or rest[0]:
                    break
                parts.append(rest[1:])
            columns = [" ".join(p[n] for p in parts if p[n]) for n in range(len(parts[0]))]
            return re.sub(r"\s+", " ", " ".join(c for c in columns if c))
    raise AssertionError(f"no row {check!r} in:\n{output}")


def _setup(
    tmp_path: Path,
    site: FeedSite,
    slack: FakeSlack,
    discord: FakeDiscord,
    *,
    data: str = "data",
    feeds: str = "",
    subs: str = "",
) -> tuple[str, dict[str, str]]:
    """A config with a feed, a Slack channel, a Discord channel the bot posts to and one
    with a webhook (plus `feeds` and `subs`, YAML lines), and the environment it needs."""
    open_channel = discord.add_channel(name="news")
    hook = discord.add_webhook(discord.add_channel(name="alerts"))
    config = (
        f"database: sqlite:///{tmp_path}/{data}/sovai.db\n"
        f"feeds:\n  - {{url: '{site.url('/feed.xml')}', name: Desk}}\n{feeds}"
        "fetch: {allow_private_networks: true, timeout: 10}\n"
        "subscriptions:\n"
        "  - {platform: slack, channel: C0NEWS, timezone: Asia/Tokyo}\n"
        f"  - {{platform: discord, channel: '{open_channel}'}}\n"
        "  - {platform: discord, channel: alerts, webhook_url_env: DISCORD_WEBHOOK_ALERTS}\n"
        f"{subs}"
    )
    env = {
        "SLACK_BOT_TOKEN": SLACK_TOKEN,
        "SLACK_APP_TOKEN": APP_TOKEN,
        "SLACK_API_URL": slack.api_url,
        "DISCORD_BOT_TOKEN": DISCORD_TOKEN,
        "DISCORD_WEBHOOK_ALERTS": hook,
    }
    return config, env


def test_a_sound_set_up_is_all_ok(
    tmp_path: Path, site: FeedSite, slack: FakeSlack, discord: FakeDiscord
) -> None:
    config, env = _setup(tmp_path, site, slack, discord)
    status, output = doctor(tmp_path, discord, config, env)
    assert status == 0, output
    assert "no problems found" in output
    assert row(output, "config").startswith("ok ")
    assert "not created yet" in row(output, "database")
    assert row(output, "data directory").startswith("ok ")
    assert "token accepted: sovai in workspace Fake" in row(output, "slack")
    assert row(output, "slack scopes") == "ok all 9 the features need"
    assert "SLACK_APP_TOKEN accepted" in row(output, "slack commands")
    assert "logged in as sovai" in row(output, "discord")
    assert "can post digests here" in row(output, "discord #news")
    assert "posts to channel" in row(output, "discord webhook DISCORD_WEBHOOK_ALERTS")
    assert row(output, "feed Desk") == "ok reachable: 3 items"
    assert row(output, "clock").startswith("ok within")
    assert "Asia/Tokyo" in row(output, "time zones")
    assert not (tmp_path / "data").exists()  # it only looked
    assert not slack.calls_to("chat.postMessage") and not discord.posted()
    assert not any(r.method == "POST" for r in discord.requests)


def test_each_mistake_is_a_problem_row_with_what_to_do(
    tmp_path: Path, site: FeedSite, slack: FakeSlack, discord: FakeDiscord
) -> None:
    denied = discord.add_channel(name="locked")
    overwrite = {"id": discord.roles[0]["id"], "type": 0, "allow": "0", "deny": str(SEND_MESSAGES)}
    discord.channels[denied]["permission_overwrites"] = [overwrite]
    gone = discord.add_webhook(discord.add_channel(name="old"))
    discord.webhooks[gone.split("/")[-2]]["deleted"] = True
    (tmp_path / "not-a-folder").write_text("a file where the data folder should be")
    config, env = _setup(
        tmp_path,
        site,
        slack,
        discord,
        data="not-a-folder/data",
        feeds=f"  - {{url: '{site.url('/gone.xml')}', name: Gone}}\n",
        subs=f"  - {{platform: discord, channel: '{denied}'}}\n"
        "  - {platform: discord, channel: old, webhook_url_env: DISCORD_WEBHOOK_OLD}\n",
    )
    slack.missing_scopes = {"files:write"}
    env = {**env, "DISCORD_WEBHOOK_OLD": gone, "SLACK_APP_TOKEN": "xapp-1-wrong"}
    status, output = doctor(tmp_path, discord, config, env)
    assert status == 1, output
    assert "problems found" in output
    scopes = row(output, "slack scopes")
    assert scopes.startswith("problem missing files:write (charts and exports)")
    assert "reinstall the app" in scopes
    assert "SLACK_APP_TOKEN refused: invalid_auth" in row(output, "slack commands")
    locked = row(output, "discord #locked")
    assert locked.startswith("problem the bot lacks Send Messages")
    assert "sovai discord invite" in locked
    assert row(output, "discord #news").startswith("ok ")
    old = row(output, "discord webhook DISCORD_WEBHOOK_OLD")
    assert "unknown webhook" in old and "put its URL in DISCORD_WEBHOOK_OLD" in old
    assert "404" in row(output, "feed Gone")
    assert "Not a directory" in row(output, "data directory")
    assert DISCORD_TOKEN not in output and gone.split("/")[-1] not in output


def test_a_config_error_is_the_doctors_first_row(tmp_path: Path, discord: FakeDiscord) -> None:
    status, output = doctor(tmp_path, discord, "feeds:\n  - url: ftp://x\n", {})
    assert status == 1
    assert "sovai.yaml:2" in row(output, "config") and "correct the file" in output


def test_chat_platforms_without_tokens_are_skipped_or_named(
    tmp_path: Path, site: FeedSite, discord: FakeDiscord
) -> None:
    config = (
        f"database: sqlite:///{tmp_path}/sovai.db\n"
        f"feeds:\n  - {{url: '{site.url('/feed.xml')}'}}\n"
        "fetch: {allow_private_networks: true}\n"
        "subscriptions:\n  - {platform: slack, channel: C0NEWS}\n"
    )
    status, output = doctor(tmp_path, discord, config, {})
    assert status == 1
    assert "SLACK_BOT_TOKEN not set" in row(output, "slack")
    assert row(output, "discord").startswith("skipped not configured")
    assert row(output, f"feed {site.url('/feed.xml')}").startswith("ok reachable")


def test_a_damaged_database_file_is_a_problem_and_left_as_it_was(
    tmp_path: Path, site: FeedSite, discord: FakeDiscord
) -> None:
    damaged = tmp_path / "sovai.db"
    damaged.write_bytes(b"this is not a database, it was overwritten by a backup script" * 100)
    config = (
        f"database: sqlite:///{damaged}\n"
        f"feeds:\n  - {{url: '{site.url('/feed.xml')}'}}\n"
        "fetch: {allow_private_networks: true}\n"
    )
    before = damaged.read_bytes()
    status, output = doctor(tmp_path, discord, config, {})
    assert status == 1
    database = row(output, "database")
    assert database.startswith("problem the database file is damaged")
    assert "restore a backup or move it away" in database
    assert damaged.read_bytes() == before
