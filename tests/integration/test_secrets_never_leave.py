"""A Discord webhook answering with a redirect loop: its token appears nowhere.

Before, aiohttp's TooManyRedirects (its repr holds the URL of each of the redirects, in
discord.py's `/api/v10/webhooks/ID/TOKEN` form) went into 20 log lines, the outbox's
`deliveries.error`, `sovai subscriptions list` and the `/ai-digest preview` footer that
any member of the channel sees; at DEBUG discord.py logs the URL of every post.
"""

from __future__ import annotations

import asyncio
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.chat.commands import CommandContext, Commands
from bot.feeds.fetch import Fetcher
from bot.models import Reply
from bot.render.replies import reply_text
from bot.runtime import open_store, senders_for
from bot.settings import load_settings
from tests.integration.fake_discord import FakeDiscord, serve_discord
from tests.integration.test_discord import add_stories

# `sovai` with discord.py pointed at the fake (as `discord.http.Route.BASE` is in-process)
CLI = (
    "import sys\nfrom discord.http import Route\nRoute.BASE = sys.argv[1]\n"
    "from bot.cli import main\nsys.exit(main(sys.argv[2:]))\n"
)


@pytest.fixture
def looping(tmp_path: Path) -> Iterator[tuple[FakeDiscord, str, str]]:
    """The fake Discord, whose webhook answers every POST with a redirect to itself."""
    with serve_discord() as fake:
        url = fake.add_webhook(fake.add_channel())
        wid, token = url.rsplit("/", 2)[1:]
        where = {"Location": f"/api/v10/webhooks/{wid}/{token}?wait=1"}
        for _ in range(200):
            fake.failures.append(("POST", re.compile(r"/webhooks/"), 307, {}, where))
        yield fake, url, token


def sovai(
    fake: FakeDiscord, hook: str, tmp_path: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    env.pop("DATABASE_URL", None)
    env |= {"DISCORD_WEBHOOK_NEWS": hook, "SOVAI_LOG_LEVEL": "DEBUG"}
    command = [sys.executable, "-c", CLI, fake.base, "--config", str(tmp_path / "sovai.yaml")]
    return subprocess.run(
        [*command, *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )


def database_text(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return "\n".join(conn.iterdump())


def preview_as_member(tmp_path: Path, hook: str, line: str) -> Reply:
    os.environ["DISCORD_WEBHOOK_NEWS"] = hook
    try:
        settings = load_settings(tmp_path / "sovai.yaml", environ={})
        store = open_store(settings)

        async def ask() -> Reply:
            fetcher = Fetcher(settings.config.fetch)
            try:
                commands = Commands(settings, store, fetcher, senders_for(settings))
                ctx = CommandContext("discord", "news", "U2", False, datetime.now(UTC))
                name, _, text = line.removeprefix("/ai-").partition(" ")
                return await commands.handle(name, text, ctx)
            finally:
                await fetcher.aclose()

        try:
            return asyncio.run(ask())
        finally:
            store.close()
    finally:
        del os.environ["DISCORD_WEBHOOK_NEWS"]


def test_a_redirect_looping_webhook_leaks_its_token_nowhere(
    tmp_path: Path, looping: tuple[FakeDiscord, str, str]
) -> None:
    fake, hook, token = looping
    (tmp_path / "sovai.yaml").write_text(
        f"database: sqlite:///{tmp_path}/sovai.db\nsubscriptions:\n"
        "  - {platform: discord, channel: news, webhook_url_env: DISCORD_WEBHOOK_NEWS}\n",
        encoding="utf-8",
    )
    store = open_store(load_settings(tmp_path / "sovai.yaml", environ={}))
    add_stories(store, 2, datetime.now(UTC))
    store.close()

    sent = sovai(fake, hook, tmp_path, "digest")
    # the webhook sender follows no redirect: one refused post, and the digest failed
    assert len(fake.posted("POST", r"/webhooks/")) >= 1
    assert "discord:news: failed" in sent.stderr and "answered with a redirect" in sent.stderr
    assert "DEBUG" in sent.stderr  # the level at which discord.py logs every URL
    listed = sovai(fake, hook, tmp_path, "subscriptions", "list")
    assert "answered with a redirect" in " ".join(listed.stdout.split())
    member = preview_as_member(tmp_path, hook, "/ai-digest preview")
    assert member.footer is not None and "answered with a redirect" in member.footer
    stored = database_text(tmp_path / "sovai.db")
    assert "answered with a redirect" in stored  # the error is kept, only without the token

    wid = hook.split("/")[-2]
    shown = [reply_text(member), member.footer]
    for where, text in [
        ("log", sent.stderr + sent.stdout),
        ("list", listed.stdout + listed.stderr),
        ("database", stored),
        *(("reply", t) for t in shown),
    ]:
        assert token not in text, where
        assert token[:20] not in text, where
    assert sent.returncode == 1  # a delivery failed: scripts can tell
    for text in shown:  # what a member sees says what failed, not where
        assert f"/webhooks/{wid}" not in text and "127.0.0.1" not in text
