"""One post rate budget for every poster: the real senders, each worker with a store of
its own, against fake Slack and Discord APIs that enforce the platforms' limits, with
the budget's table on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.store.db import make_engine, upgrade
from tests.integration import fake_discord, fake_slack
from tests.integration.budget_posters import Job, parse, post_digests, run_args
from tests.integration.fake_discord import FakeDiscord, serve_discord
from tests.integration.fake_slack import FakeSlack, serve_fake_slack

ROOT = Path(__file__).resolve().parents[2]
PROCESS_TIMEOUT = 180


@pytest.fixture
def budget_url(database_url: str) -> str:
    engine = make_engine(database_url)
    upgrade(engine)
    engine.dispose()
    return database_url


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with serve_fake_slack() as fake:
        fake.enforce_limits()
        yield fake


@pytest.fixture
def discord() -> Iterator[FakeDiscord]:
    with serve_discord() as fake:
        fake.enforce_limits()
        yield fake


def _post(url: str, body: dict[str, Any], headers: dict[str, str]) -> tuple[int, Any]:
    data = json.dumps(body).encode()
    request = urllib.request.Request(url, data, {"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.headers
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers


def test_the_fakes_refuse_posts_past_the_platforms_limits(
    slack: FakeSlack, discord: FakeDiscord
) -> None:
    """Without a budget, posting as fast as one can trips both fakes' limits."""
    auth = {"Authorization": f"Bearer {fake_slack.TOKEN}"}
    posts = [
        _post(slack.api_url + "chat.postMessage", {"channel": "C1", "text": "hi"}, auth)
        for _ in range(4)
    ]
    assert [status for status, _ in posts] == [200, 200, 200, 429]
    assert int(posts[-1][1]["Retry-After"]) >= 1
    assert (
        _post(slack.api_url + "chat.postMessage", {"channel": "C2", "text": "hi"}, auth)[0] == 200
    )

    channel = discord.add_channel()
    url = f"{discord.base}/channels/{channel}/messages"
    bot = {"Authorization": f"Bot {fake_discord.TOKEN}"}
    answers = [_post(url, {"content": "hi"}, bot) for _ in range(6)]
    assert [status for status, _ in answers] == [200] * 5 + [429]
    remaining = [h["X-RateLimit-Remaining"] for _, h in answers[:5]]
    assert remaining == ["4", "3", "2", "1", "0"]
    assert float(answers[-1][1]["X-RateLimit-Reset-After"]) > 0
    assert slack.refused == 1 and discord.refused == 1


def _workers(jobs: list[Job]) -> list[Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(run_args(job), cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        for job in jobs
    ]
    results = []
    for proc in procs:
        out, _ = proc.communicate(timeout=PROCESS_TIMEOUT)
        assert proc.returncode == 0
        results.append(parse(out))
    return results


def _slack_parts(slack: FakeSlack, channels: set[str]) -> Counter[tuple[str, str]]:
    """How many times each (digest key, part) is in the channels."""
    found: Counter[tuple[str, str]] = Counter()
    for channel in channels:
        for message in slack.messages(channel):
            payload = (message.get("metadata") or {}).get("event_payload") or {}
            found[(str(payload.get("digest_key")), str(payload.get("part")))] += 1
    return found


def test_worker_processes_posting_to_the_same_slack_channels_keep_within_the_limits(
    budget_url: str, slack: FakeSlack
) -> None:
    channels = ["C1", "C2", "C3"] * 2  # each worker posts twice to each channel
    jobs = [
        Job(budget_url, "slack", slack.api_url, fake_slack.TOKEN, channels, f"w{n}")
        for n in range(2)
    ]
    results = _workers(jobs)
    assert [r.failed for r in results] == [[], []]
    assert sum(r.sent for r in results) == 12
    found = _slack_parts(slack, set(channels))
    assert len(found) == 12 and set(found.values()) == {1}  # nothing lost, nothing twice
    assert slack.refused == 0
    assert all(r.pauses == 0 for r in results)


def test_worker_processes_posting_to_the_same_discord_channels_keep_within_the_buckets(
    budget_url: str, discord: FakeDiscord
) -> None:
    ids = [discord.add_channel(name=f"news-{n}") for n in range(3)]
    jobs = [
        Job(budget_url, "discord", discord.base, fake_discord.TOKEN, ids * 2, f"w{n}")
        for n in range(2)
    ]
    results = _workers(jobs)
    assert [r.failed for r in results] == [[], []]
    nonces = Counter(m.get("nonce") for cid in ids for m in discord.messages[cid])
    assert len(nonces) == 12 and set(nonces.values()) == {1}
    assert discord.refused == 0


def test_a_slack_429_pauses_every_poster_in_the_workspace(
    budget_url: str, slack: FakeSlack
) -> None:
    """Two workers (stores of their own) on two channels: the first post is answered 429
    with Retry-After 2; no post of either goes out sooner, and none is lost or doubled."""
    slack.fail("chat.postMessage", "ratelimited", status=429, retry_after=2)
    jobs = [
        Job(budget_url, "slack", slack.api_url, fake_slack.TOKEN, [channel] * 2, tag)
        for tag, channel in (("a", "C1"), ("b", "C2"))
    ]

    async def both() -> list[Any]:
        return list(await asyncio.gather(*(post_digests(job) for job in jobs)))

    results = asyncio.run(both())
    assert [r.failed for r in results] == [[], []]
    calls = slack.calls_to("chat.postMessage")
    refused, later = calls[0], calls[1:]
    assert len(later) == 4
    assert min(c.at for c in later) >= refused.at + 2 - 0.05
    assert sum(r.pauses for r in results) == 1
    found = _slack_parts(slack, {"C1", "C2"})
    assert len(found) == 4 and set(found.values()) == {1}
    assert slack.refused == 0  # the budget's limits: only the one injected 429


def test_a_discord_429_pauses_the_route_for_every_poster(
    budget_url: str, discord: FakeDiscord
) -> None:
    channel = discord.add_channel()
    discord.rate_limit("POST", rf"/channels/{channel}/messages$", retry_after=2.0)
    jobs = [
        Job(budget_url, "discord", discord.base, fake_discord.TOKEN, [channel] * 2, tag)
        for tag in ("a", "b")
    ]

    async def both() -> list[Any]:
        return list(await asyncio.gather(*(post_digests(job) for job in jobs)))

    results = asyncio.run(both())
    assert [r.failed for r in results] == [[], []]
    posts = discord.posted()
    refused, later = posts[0], posts[1:]
    assert len(later) == 4
    assert min(p.at for p in later) >= refused.at + 2 - 0.05
    assert sum(r.pauses for r in results) >= 1
    nonces = Counter(m.get("nonce") for m in discord.messages[channel])
    assert len(nonces) == 4 and set(nonces.values()) == {1}
    assert discord.refused == 0
