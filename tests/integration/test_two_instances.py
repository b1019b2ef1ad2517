"""Two `sovai run` on one database, ten channels due at the same minute: each digest once.

The second process waits as a standby; the leader is then killed (-9) and the standby takes
over. A test clock (SOVAI_TEST_CLOCK, bot/clock.py) runs the scheduler at 14,400× so that
a digest day passes in six seconds; every message the fake Slack received is counted.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.integration.bot_process import BotProcess, clean_env, test_clock, wait_until
from tests.integration.fake_slack import TOKEN, FakeSlack, serve_fake_slack
from tests.integration.postgres_server import PostgresServer, postgres_or_skip
from tests.integration.run_cli import database_settings

CHANNELS = [f"C{n:02d}" for n in range(1, 11)]
SPEED = 14_400  # a day in 6 s


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    yield from postgres_or_skip()


def _config(path: Path, database: str) -> Path:
    subs = "".join(
        f"  - {{platform: slack, channel: {c}, announce_empty: true}}\n" for c in CHANNELS
    )
    path.write_text(
        f"database: {database}\n"
        "digest: {time: '08:00', timezone: UTC, grace_hours: 48}\n"
        f"subscriptions:\n{subs}",
        encoding="utf-8",
    )
    return path


def _posts(slack: FakeSlack) -> Counter[tuple[str, str, int]]:
    """How many times each (channel, digest, part) was posted."""
    counts: Counter[tuple[str, str, int]] = Counter()
    for channel in CHANNELS:
        for message in slack.messages(channel):
            payload = message["metadata"]["event_payload"]
            counts[(channel, payload["digest_key"], payload["part"])] += 1
    return counts


def _digests_per_channel(slack: FakeSlack) -> dict[str, int]:
    keys = {c: {k for (ch, k, _) in _posts(slack) if ch == c} for c in CHANNELS}
    return {c: len(k) for c, k in keys.items()}


def _run_two(tmp_path: Path, url: str) -> None:
    database, password = database_settings(url)  # the password from the environment
    config = _config(tmp_path / "sovai.yaml", database)
    # the scheduler's day D starts a week from now: every slot comes after the subscriptions
    day = (datetime.now(UTC) + timedelta(days=7)).replace(hour=7, minute=59, second=0)
    with serve_fake_slack() as slack:
        env = clean_env(
            tmp_path,
            {
                "SLACK_BOT_TOKEN": TOKEN,
                "SLACK_API_URL": slack.api_url,
                "SOVAI_TEST_CLOCK": test_clock(day, epoch=time.time() + 4, speed=SPEED),
                **password,
            },
        )
        # started together on a fresh database, as `docker compose up --scale bot=2` does
        bots = [BotProcess(name, config, env, tmp_path) for name in ("one", "two")]
        try:
            wait_until(
                lambda: any("waiting as a standby" in bot.log() for bot in bots),
                "one of the two to wait as a standby",
            )
            second = next(bot for bot in bots if "waiting as a standby" in bot.log())
            first = next(bot for bot in bots if bot is not second)
            wait_until(
                lambda: min(_digests_per_channel(slack).values()) >= 2,
                "two digest rounds with both processes up",
            )
            assert "waiting as a standby" not in first.log()
            assert "digest for" not in second.log()  # the standby sent nothing
            first.kill()
            second.wait_log("took over scheduling")
            wait_until(
                lambda: min(_digests_per_channel(slack).values()) >= 4,
                "two more rounds after the takeover",
            )
            assert second.stop() == 0, second.log()
        finally:
            for bot in bots:
                bot.kill()
        posts = _posts(slack)
    twice = {post: n for post, n in posts.items() if n > 1}
    assert not twice, f"posted more than once: {twice}"
    rounds = _digests_from(posts)
    assert all(len(keys) >= 4 for keys in rounds.values()), rounds
    for keys in rounds.values():  # one digest per channel per day (keys start YYYYMMDD)
        days = Counter(key[:8] for key in keys)
        assert max(days.values()) == 1, keys


def _digests_from(posts: Counter[tuple[str, str, int]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {c: set() for c in CHANNELS}
    for channel, key, _ in posts:
        out[channel].add(key)
    return out


def test_two_instances_on_one_sqlite_file_send_each_digest_once(tmp_path: Path) -> None:
    _run_two(tmp_path, f"sqlite:///{tmp_path}/sovai.db")


@pytest.mark.postgres
def test_two_instances_on_one_postgresql_send_each_digest_once(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    _run_two(tmp_path, postgres.create_database("two_instances"))
