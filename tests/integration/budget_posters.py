"""Posters that share one rate budget: the real senders, each with its own store.

`post_digests` sends a digest to each of its channels through `SlackSender` or
`BotSender`, with a `PostBudget` on a `RateStore` of its own (its own engine and
connections), a few at a time, as one delivery worker does at 08:00. Run as a module
(`python -m tests.integration.budget_posters '<json>'`) it is one such worker in a
process of its own, printing what it did as JSON: what the tests and the burst bench
start several of against one database.
"""

from __future__ import annotations

import asyncio
import json
import sys
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

import discord.http
from pydantic import SecretStr

from bot.chat.delivery import DeliveryError, Sender
from bot.chat.discord_sender import BotSender
from bot.chat.parts import PartLog
from bot.chat.post_budget import PostBudget
from bot.chat.slack_sender import SlackSender, slack_client
from bot.models import Analysis, Digest, DigestItem, Story
from bot.store.rate_store import RateStore, rate_engine
from bot.store.repo import SubscriptionState

__all__ = ["Job", "Result", "digest", "post_digests"]

WHEN = datetime(2027, 3, 5, 8, 0, tzinfo=UTC)
CONCURRENCY = 20  # digests in flight in one worker


@dataclass(frozen=True)
class Job:
    database_url: str
    platform: str  # "slack" or "discord"
    api: str  # the fake's Web API URL (Slack) or REST base (Discord)
    token: str
    channels: list[str]
    tag: str  # part of each digest key: which worker sent it
    max_wait: float = 120.0


@dataclass(frozen=True)
class Result:
    tag: str
    sent: int
    failed: list[str]
    round_trips: dict[str, int]
    slots: int
    pauses: int
    late: int = 0


def digest(key: str) -> Digest:
    """A small digest (one message on either platform) named `key`."""
    story = Story(1, "Japan funds compute", "https://news.example/1", "Desk", WHEN,
                  Analysis(True, 0.9, ("JP",)))  # fmt: skip
    item = DigestItem(story, story.title, "Japan funds compute.")
    return Digest(key, "Sovereign AI digest", WHEN, WHEN, (("JP", (item,)),), 1)


def _sender(job: Job, budget: PostBudget) -> Sender:
    if job.platform == "slack":
        client = slack_client(job.token, {"SLACK_API_URL": job.api}, budget=budget)
        return SlackSender(client)
    discord.http.Route.BASE = job.api
    return BotSender(SecretStr(job.token), max_wait=job.max_wait, budget=budget)


async def post_digests(job: Job) -> Result:
    """Each of the job's channels gets a digest (key `<tag>-<n>-<channel>`), once; a
    channel listed twice gets two."""
    rates = RateStore(rate_engine(job.database_url))
    budget = PostBudget(rates, max_wait=job.max_wait)
    sender = _sender(job, budget)
    gate = asyncio.Semaphore(CONCURRENCY)
    failed: list[str] = []

    async def one(n: int, channel: str) -> None:
        sub = SubscriptionState(n, job.platform, channel, (), None, None, None)
        async with gate:
            try:
                await sender.send(sub, digest(f"{job.tag}-{n}-{channel}"), PartLog())
            except DeliveryError as exc:
                failed.append(f"{channel}: {exc}")

    try:
        await asyncio.gather(*(one(n, c) for n, c in enumerate(job.channels, 1)))
    finally:
        rates.engine.dispose()
    sent = len(job.channels) - len(failed)
    trips, slots = rates.round_trips, budget.taken
    return Result(job.tag, sent, failed, trips, slots, budget.pauses, budget.late)


def main(argv: list[str]) -> int:
    job = Job(**json.loads(argv[1]))
    result = asyncio.run(post_digests(job))
    print(json.dumps(asdict(result)))
    return 0


def run_args(job: Job) -> list[str]:
    """The command line of a worker process doing `job`."""
    return [sys.executable, "-m", "tests.integration.budget_posters", json.dumps(asdict(job))]


def parse(output: str) -> Result:
    data: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return Result(**data)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
