"""A weekly digest's chart posted by the Discord bot: one message with the PNG after the
digest's embeds, once, even when the send is repeated."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from discord.http import Route
from pydantic import SecretStr

from bot.chat.discord_sender import BotSender
from bot.chat.discord_webhook import WebhookSender
from bot.chat.parts import PartLog
from bot.models import Analysis, Attachment, Digest, DigestItem, Story
from bot.store.repo import SubscriptionState
from tests.integration.fake_discord import TOKEN, FakeDiscord, serve_discord

CHANNEL = "223344556677889900"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
WHEN = datetime(2027, 3, 5, 7, 30, tzinfo=UTC)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDiscord]:
    with serve_discord() as running:
        monkeypatch.setattr(Route, "BASE", running.base)
        running.channels[CHANNEL] = {"id": CHANNEL, "type": 0, "guild_id": "7", "name": "news"}
        running.messages[CHANNEL] = []
        yield running


def weekly(files: tuple[Attachment, ...]) -> Digest:
    story = Story(1, "Japan funds compute", "https://news.example/1", "Desk", WHEN,
                  Analysis(True, 0.9, ("JP",)))  # fmt: skip
    item = DigestItem(story, story.title, "Japan funds compute.")
    return Digest(
        key="20270305T0730-weekly-abc",
        title="Sovereign AI weekly digest",
        window_start=WHEN,
        window_end=WHEN,
        groups=(("JP", (item,)),),
        total_stories=1,
        cadence="weekly",
        files=files,
    )


SUB = SubscriptionState(1, "discord", CHANNEL, (), None, None, None)
CHART = Attachment("week.png", PNG, "image/png", "The week's announced money", "A bar chart")


def test_the_weeks_chart_follows_the_digest_once(fake: FakeDiscord) -> None:
    sender = BotSender(SecretStr(TOKEN))
    log = PartLog()
    asyncio.run(sender.send(SUB, weekly((CHART,)), log))
    messages = fake.messages[CHANNEL]
    assert len(messages) == 2
    assert messages[0]["embeds"] and not messages[0].get("attachments")
    [file] = messages[1]["attachments"]
    assert file["filename"] == "week.png"
    asyncio.run(sender.send(SUB, weekly((CHART,)), log))  # a retry of the same send
    assert len(fake.messages[CHANNEL]) == 2


def test_a_daily_digest_posts_no_file_message(fake: FakeDiscord) -> None:
    asyncio.run(BotSender(SecretStr(TOKEN)).send(SUB, weekly(()), PartLog()))
    assert len(fake.messages[CHANNEL]) == 1


def webhook_sender(fake: FakeDiscord, env: str = "NEWS_HOOK") -> WebhookSender:
    url = fake.add_webhook(CHANNEL)
    return WebhookSender({CHANNEL: env}, lambda name: SecretStr(url) if name == env else None)


def test_a_webhooks_weekly_digest_is_followed_by_its_chart_once(fake: FakeDiscord) -> None:
    sender = webhook_sender(fake)
    log = PartLog()
    asyncio.run(sender.send(SUB, weekly((CHART,)), log))
    messages = fake.messages[CHANNEL]
    assert len(messages) == 2
    assert messages[0]["embeds"] and not messages[0]["attachments"]
    [file] = messages[1]["attachments"]
    assert (file["filename"], file["size"]) == ("week.png", len(PNG))
    assert (file["content_type"], file["description"]) == ("image/png", CHART.alt)
    assert messages[1]["content"] == CHART.title
    assert messages[1]["allowed_mentions"] == {"parse": []}
    asyncio.run(sender.send(SUB, weekly((CHART,)), log))  # the outbox retrying the send
    assert len(fake.messages[CHANNEL]) == 2


def test_a_webhooks_chart_begun_before_a_crash_is_not_posted_twice(fake: FakeDiscord) -> None:
    sender = webhook_sender(fake)
    log = PartLog()
    log.begin("files")  # a kill -9 while the chart's POST was on its way
    asyncio.run(sender.send(SUB, weekly((CHART,)), log))
    assert len(fake.messages[CHANNEL]) == 1  # the digest; the chart left out, not doubled


def test_a_refused_chart_leaves_the_webhooks_digest_delivered(
    fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    sender = webhook_sender(fake)
    fake.request_limit = 1_000  # the chart's request is too large for this server
    log = PartLog()
    asyncio.run(sender.send(SUB, weekly((CHART,)), log))
    assert len(fake.messages[CHANNEL]) == 1
    assert log.ref("files") == "refused"
    assert "its chart was refused (HTTP 413)" in caplog.text
