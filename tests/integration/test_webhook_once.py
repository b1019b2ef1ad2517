"""A Discord webhook digest is posted once, even when Discord's answer is lost.

Issue 11: "a 502 after Discord stored the message: duplicates every time; webhooks carry
no nonce and discord.py retries by itself". Webhook posts are tried once (the outbox
retries), every part's id is kept in the outbox row, and the one part whose answer was
lost is looked up in the channel as the bot.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from discord.http import Route

from bot.chat.delivery import resend_unsent, send_digest
from bot.runtime import senders_for
from bot.settings import Settings
from bot.store.repo import Store
from tests.integration.fake_discord import TOKEN, FakeDiscord
from tests.integration.fake_discord import serve_discord as serve_fake
from tests.integration.test_discord import digest_setup

HOOK = "{platform: discord, channel: news, webhook_url_env: DISCORD_WEBHOOK_NEWS, max_stories: 12}"
_MARKER = re.compile(r"-# digest (\S+) · part (\d+)/(\d+)$")


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDiscord]:
    with serve_fake() as running:
        monkeypatch.setattr(Route, "BASE", running.base)
        channel = running.add_channel()
        monkeypatch.setenv("DISCORD_WEBHOOK_NEWS", running.add_webhook(channel))
        yield running


def parts_in(fake: FakeDiscord, channel: str) -> Counter[tuple[str, int, int]]:
    """(digest key, part, parts) of every digest message in the channel, counted."""
    found: Counter[tuple[str, int, int]] = Counter()
    for message in fake.messages[channel]:
        marker = _MARKER.search(message["content"])
        assert marker is not None, message["content"]
        found[(marker[1], int(marker[2]), int(marker[3]))] += 1
    return found


def assert_each_part_once(found: Counter[tuple[str, int, int]]) -> None:
    assert found and all(n == 1 for n in found.values()), found  # nothing twice
    for key, _, parts in found:
        assert {p for k, p, _ in found if k == key} == set(range(1, parts + 1)), found  # all


def _setup(tmp_path: Path, fake: FakeDiscord, env: dict[str, str]) -> tuple[Settings, Store, str]:
    settings, store = digest_setup(tmp_path, HOOK, env)
    (hook,) = fake.webhooks.values()
    return settings, store, str(hook["channel_id"])


def _send_then_resend(settings: Settings, store: Store) -> tuple[str, list[str]]:
    """The first attempt's status and error, then the retry's statuses."""
    senders, config, now = senders_for(settings), settings.config.digest, datetime.now(UTC)
    first = asyncio.run(
        send_digest(store, store.subscriptions()[0], config, senders["discord"], now)
    )
    again = asyncio.run(resend_unsent(store, config, senders_for(settings), now))
    return f"{first.status}: {first.error}", [o.status for o in again]


def test_a_502_after_discord_stored_the_message_posts_no_copy(
    tmp_path: Path, fake: FakeDiscord
) -> None:
    settings, store, channel = _setup(tmp_path, fake, {"DISCORD_BOT_TOKEN": TOKEN})
    fake.fail_after_storing("POST", r"/webhooks/", 502)  # part 1 stored, answer: an HTML 502
    first, again = _send_then_resend(settings, store)
    found = parts_in(fake, channel)
    assert_each_part_once(found)
    assert first.startswith("failed") and "may have been posted" in first
    assert again == ["sent"] and store.unsent_deliveries() == []
    assert len(fake.posted("POST", r"/webhooks/")) == len(found)  # nothing retried blindly
    assert fake.posted("GET", rf"/channels/{channel}/messages$")  # looked up as the bot
    store.close()


def test_a_refused_part_is_retried_without_reposting_the_parts_before_it(
    tmp_path: Path, fake: FakeDiscord
) -> None:
    settings, store, channel = _setup(tmp_path, fake, {})
    fake.fail_later("POST", r"/webhooks/", 502, after=1, code=0, message="bad gateway")
    first, again = _send_then_resend(settings, store)  # a fresh sender: as after a restart
    assert first.startswith("failed") and again == ["sent"]
    assert_each_part_once(parts_in(fake, channel))
    assert len(fake.posted("POST", r"/webhooks/")) == 3  # part 1, part 2 refused once, part 2
    store.close()


def test_without_a_bot_a_lost_answer_is_sent_again_and_the_log_says_why(
    tmp_path: Path, fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    """A webhook cannot read its channel: losing a part would be worse than a copy."""
    settings, store, channel = _setup(tmp_path, fake, {})
    fake.fail_after_storing("POST", r"/webhooks/", 502)
    with caplog.at_level(logging.WARNING):
        first, again = _send_then_resend(settings, store)
    assert first.startswith("failed") and again == ["sent"]
    found = parts_in(fake, channel)
    assert {part for _, part, _ in found} == {1, 2} and sum(found.values()) == 3  # none lost
    assert "cannot read its channel; posting it again" in caplog.text
    store.close()
