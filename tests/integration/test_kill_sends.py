"""kill -9 at random points of digest sends, twenty times, then a restart: every part of
every digest arrives once (issue 11: webhooks got "58 extra messages after 17 kills").

Each round adds a dozen stories, forks a real process that sends three channels' digests
(two messages each) and kills it with SIGKILL at a random moment; the next round is the
restart. The fakes wait a little between storing a message and answering, so many kills
land where a message exists but its sender never heard so.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

import pytest

from bot.models import Analysis, Article, Entry
from bot.runtime import open_store
from bot.settings import FeedConfig, load_settings
from bot.store.repo import Store
from tests.integration.fake_discord import TOKEN, FakeDiscord, serve_discord
from tests.integration.fake_slack import TOKEN as SLACK_TOKEN
from tests.integration.fake_slack import FakeSlack, serve_fake_slack
from tests.integration.test_webhook_once import assert_each_part_once, parts_in

ROUNDS = 20
CHANNELS = 3
ROOT = Path(__file__).resolve().parents[2]
START = datetime.now(UTC).replace(microsecond=0) - timedelta(days=2)
Parts = Counter[tuple[str, int, int]]


@pytest.fixture
def fakes() -> Iterator[tuple[FakeDiscord, FakeSlack]]:
    with serve_discord() as discord, serve_fake_slack() as slack:
        discord.answer_delay = slack.post_delay = 0.04
        yield discord, slack


def add_stories(store: Store, round_: int, read: datetime) -> None:
    """Twelve new stories with long summaries: two Discord messages a digest."""
    store.sync_feeds([FeedConfig(url="https://example.org/feed", name="Desk")], read)
    feed = store.feeds()[0].id
    for i in range(12):
        url = f"https://example.org/{round_}/{i}"
        title = f"Round {round_}: town {i} funds {100 * (i + 1)} GPUs for an AI centre"
        (new,) = store.add_entries(feed, [Entry(key=url, url=url, title=title)], read)
        article = Article(url=url, canonical_url=url, title=title, text=title)
        summary = (f"{title}. " + "The council plans more. " * 30,)
        analysis = Analysis(relevant=True, relevance=0.9, countries=("JP",), summary=summary)
        store.save_article(new.id, article, analysis, "1", read)


def _config(tmp_path: Path, mode: str, discord: FakeDiscord, slack: FakeSlack) -> dict[str, str]:
    """Write the config of three channels; the environment the sender needs."""
    env = {"DISCORD_BOT_TOKEN": TOKEN}
    subs = []
    for n in range(CHANNELS):
        if mode == "slack":
            subs.append(f"{{platform: slack, channel: C{n}, max_stories: 12}}")
        elif mode == "bot":
            subs.append(
                f"{{platform: discord, channel: '{discord.add_channel()}', max_stories: 12}}"
            )
        else:
            env[f"DISCORD_WEBHOOK_{n}"] = discord.add_webhook(discord.add_channel())
            subs.append(
                f"{{platform: discord, channel: news{n}, webhook_url_env: DISCORD_WEBHOOK_{n},"
                " max_stories: 12}"
            )
    if mode == "slack":
        env = {"SLACK_BOT_TOKEN": SLACK_TOKEN, "SLACK_API_URL": slack.api_url}
    lines = "".join(f"  - {s}\n" for s in subs)
    (tmp_path / "sovai.yaml").write_text(
        f"database: sqlite:///{tmp_path}/sovai.db\nsubscriptions:\n{lines}", encoding="utf-8"
    )
    return env


class Forks:
    """The forking sender process (see send_forks.py) and its children."""

    def __init__(self, config: Path, base: str, env: dict[str, str], log: IO[str]) -> None:
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
        clean |= env | {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), *sys.path]))}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.send_forks", str(config), base],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            env=clean,
            cwd=config.parent,
            text=True,
        )
        assert self._read() == "ready"

    def _read(self) -> str:
        assert self.proc.stdout is not None and self.proc.stdin is not None
        line = str(self.proc.stdout.readline()).strip()
        assert line, "the forking sender died"
        return line

    def _ask(self, line: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self._read()

    def round(self, now: datetime, kill_after: float | None) -> int:
        """One child sending at `now`, killed after `kill_after` s; its exit code."""
        pid = int(self._ask(f"go {now.isoformat()}"))
        if kill_after is not None:
            time.sleep(kill_after)
            os.kill(pid, signal.SIGKILL)  # harmless if it already exited (a zombie)
        return int(self._ask(f"wait {pid}"))

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(30)
        finally:
            self.proc.kill()


def _slack_parts(slack: FakeSlack, channel: str) -> Parts:
    found: Parts = Counter()
    for message in slack.messages(channel):
        payload = message["metadata"]["event_payload"]
        found[(payload["digest_key"], payload["part"], payload["parts"])] += 1
    return found


@pytest.mark.parametrize("mode", ["webhook", "bot", "slack"])
def test_kill_9_at_random_points_loses_nothing_and_posts_nothing_twice(
    tmp_path: Path, fakes: tuple[FakeDiscord, FakeSlack], mode: str
) -> None:
    discord, slack = fakes
    env = _config(tmp_path, mode, discord, slack)
    config = tmp_path / "sovai.yaml"
    store = open_store(load_settings(config, environ=env))
    rng = random.Random(11)
    with (tmp_path / "forks.log").open("w") as log:
        forks = Forks(config, discord.base, env, log)
        try:
            now = START
            add_stories(store, 0, now - timedelta(minutes=1))
            begun = time.monotonic()
            assert forks.round(now, None) == 0  # one whole round: how long a send takes
            span = time.monotonic() - begun
            mid_send = 0  # kills that left a digest "sending" in the outbox
            for n in range(1, ROUNDS + 1):
                now = START + timedelta(hours=n)
                add_stories(store, n, now - timedelta(minutes=1))
                assert forks.round(now, rng.uniform(0.2 * span, span)) in (0, -signal.SIGKILL)
                mid_send += any(d.status == "sending" for d in store.unsent_deliveries())
            assert forks.round(now, None) == 0  # the restart that finishes what is left
        finally:
            forks.close()
    assert mid_send >= ROUNDS // 4, f"only {mid_send} of {ROUNDS} kills landed mid-send"
    assert store.unsent_deliveries() == []
    for n in range(CHANNELS):
        if mode == "slack":
            found = _slack_parts(slack, f"C{n}")
        else:
            sub = store.subscriptions()[n]
            hooks = list(discord.webhooks.values())
            found = parts_in(discord, str(hooks[n]["channel_id"]) if hooks else sub.channel)
        assert_each_part_once(found)
        assert len({key for key, _, _ in found}) >= 3  # digests kept coming
    store.close()
