"""Slash commands as Slack sends them: signed form posts to the app's HTTP endpoint.

The app acknowledges at once and answers at the command's `response_url`, which here
points at the fake Slack, as does its Web API client.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest
import yaml
from pydantic import SecretStr

from bot.chat.commands import Commands
from bot.chat.slack_app import EVENTS_PATH, SLASH_COMMANDS, SlackBot
from bot.chat.slack_sender import SlackSender, slack_client
from bot.feeds.fetch import Fetcher
from bot.settings import Secrets, SlackConfig
from tests.integration.chat_bot import ChatBot, make_chat_bot
from tests.integration.fake_slack import TOKEN, FakeSlack, serve_fake_slack
from tests.integration.site_server import Site, serve_site

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
CHANNEL = "C0NEWS"
ACK_WITHIN = 2.0  # seconds; Slack's own limit is 3
Json = dict[str, Any]
MANIFEST = Path(__file__).parents[2] / "config" / "slack-manifest.yaml"


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as running:
        yield running


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with serve_fake_slack() as slack:
        slack.users = {"U0USER": {"is_admin": False}, "U0OWNER": {"is_owner": True}}
        yield slack


@pytest.fixture
def chat(tmp_path: Path, site: Site) -> Iterator[ChatBot]:
    bot = make_chat_bot(tmp_path, [site.url("/feed.xml")])
    yield bot
    bot.store.close()


def signed(body: str, *, at: float | None = None, secret: str = SECRET) -> dict[str, str]:
    """The headers Slack adds: a timestamp and the HMAC of `v0:timestamp:body`."""
    stamp = str(int(time.time() if at is None else at))
    mac = hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256)
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": f"v0={mac.hexdigest()}",
    }


@dataclass
class SlackUser:
    """Types slash commands into a channel, as Slack would deliver them to the app."""

    http: aiohttp.ClientSession
    url: str
    fake: FakeSlack
    sent: int = 0

    def form(self, line: str, user: str = "U0USER") -> tuple[str, str]:
        self.sent += 1
        name, _, text = line.partition(" ")
        answer_id = f"cmd{self.sent}"
        body = urlencode(
            {
                "token": "deprecated-verification-token",
                "team_id": "T0FAKE",
                "team_domain": "fake",
                "channel_id": CHANNEL,
                "channel_name": "news",
                "user_id": user,
                "user_name": user.lower(),
                "command": name,
                "text": text,
                "api_app_id": "A0SOVAI",
                "is_enterprise_install": "false",
                "response_url": self.fake.response_url(answer_id),
                "trigger_id": f"1.2.{self.sent}",
            }
        )
        return body, answer_id

    async def post(self, body: str, headers: dict[str, str]) -> tuple[int, str, float]:
        started = time.monotonic()
        async with self.http.post(self.url, data=body.encode(), headers=headers) as response:
            return response.status, await response.text(), time.monotonic() - started

    async def command(self, line: str, user: str = "U0USER") -> Json:
        """Acked at once (asserted), then the first message posted to the response_url
        (the reply; a line about its chart may follow it)."""
        body, answer_id = self.form(line, user)
        status, text, took = await self.post(body, signed(body))
        assert (status, text) == (200, "") and took < ACK_WITHIN, (status, text, took)
        deadline = time.monotonic() + 30
        while not self.fake.responses.get(answer_id):
            assert time.monotonic() < deadline, f"no answer to {line!r} within 30 s"
            await asyncio.sleep(0.05)
        return self.fake.responses[answer_id][0]


def _text(answer: Json) -> str:
    return json.dumps(answer.get("blocks"), ensure_ascii=False) + str(answer.get("text"))


@asynccontextmanager
async def slack_app(chat: ChatBot, fake: FakeSlack) -> AsyncIterator[SlackUser]:
    settings = replace(
        chat.settings,
        config=chat.settings.config.model_copy(
            update={"slack": SlackConfig(mode="http", admins=("U0LISTED",))}
        ),
        secrets=Secrets(slack_bot_token=SecretStr(TOKEN), slack_signing_secret=SecretStr(SECRET)),
    )
    client = slack_client(TOKEN, {"SLACK_API_URL": fake.api_url})
    fetcher = Fetcher(settings.config.fetch)
    commands = Commands(settings, chat.store, fetcher, {"slack": SlackSender(client)})
    bot = SlackBot(settings, commands, client)
    port = await bot.start(host="127.0.0.1", port=0)
    try:
        async with aiohttp.ClientSession() as http:
            yield SlackUser(http, f"http://127.0.0.1:{port}{EVENTS_PATH}", fake)
    finally:
        await bot.stop()
        await fetcher.aclose()


@pytest.mark.parametrize(
    ("line", "says", "shown_to"),
    [
        ("/ai-help", "/ai-subscribe [countries…]", "ephemeral"),
        ("/ai-country japan", "Japan: sovereign AI in the last 30 days", "ephemeral"),
        ("/ai-search supercomputer", "Japan unveils national AI supercomputer", "ephemeral"),
        ("/ai-sources", "1 source", "ephemeral"),
        ("/ai-digest", "This channel is not subscribed", "ephemeral"),
        ("/ai-unsubscribe", "This channel was not subscribed", "ephemeral"),
        ("/ai-subscribe JP at 07:30", "Subscribed", "in_channel"),
        ("/ai-country atlantis", "I don't know the country", "ephemeral"),
        (
            "/ai-compare JP korea",
            "Sovereign AI in the last 30 days: Japan, South Korea",
            "ephemeral",
        ),
        ("/ai-compare " + "JP " * 3000, "Compare 2 to 6 countries", "ephemeral"),
        ("/ai-speaker Ishida", "Haruto Ishida", "ephemeral"),
        ("/ai-speaker <!channel> @here", "No one named", "ephemeral"),
        ("/ai-alert", "No alerts here", "ephemeral"),
        ("/ai-alert add money>=1bn", "Only admins", "ephemeral"),
        ("/ai-alert add " + "9" * 5000, "Only admins", "ephemeral"),
        ("/ai-export", "announcements of the last 365 days", "ephemeral"),
    ],
)
def test_each_command_is_acked_at_once_and_answered_at_its_response_url(
    chat: ChatBot, fake: FakeSlack, line: str, says: str, shown_to: str
) -> None:
    async def scenario() -> Json:
        async with slack_app(chat, fake) as user:
            return await user.command(line)

    answer = asyncio.run(scenario())
    assert says in _text(answer)
    assert answer["response_type"] == shown_to
    assert answer["unfurl_links"] is False


def test_a_digest_posted_from_slack_arrives_after_the_ack(chat: ChatBot, fake: FakeSlack) -> None:
    async def scenario() -> list[Json]:
        async with slack_app(chat, fake) as user:
            subscribed = await user.command("/ai-subscribe JP")
            preview = await user.command("/ai-digest preview")
            assert fake.calls_to("chat.postMessage") == []  # a preview posts nothing
            fake.post_delay = 4  # Slack is slow today: the ack must not wait for it
            posted = await user.command("/ai-digest now")
            fake.post_delay = 0
            gone = await user.command("/ai-unsubscribe")
            return [subscribed, preview, posted, gone]

    subscribed, preview, posted, gone = asyncio.run(scenario())
    assert subscribed["response_type"] == "in_channel" and "Japan" in _text(subscribed)
    assert preview["response_type"] == "ephemeral"
    assert "Japan unveils national AI supercomputer" in _text(preview)
    assert "Posted the digest" in _text(posted)
    (message,) = fake.messages(CHANNEL)
    assert message["metadata"]["event_type"] == "sovai_digest"
    assert "Japan unveils national AI supercomputer" in json.dumps(message["blocks"])
    assert gone["response_type"] == "in_channel" and "Unsubscribed" in _text(gone)


def test_requests_not_signed_by_slack_are_refused(chat: ChatBot, fake: FakeSlack) -> None:
    async def scenario() -> list[int]:
        async with slack_app(chat, fake) as user:
            body, _ = user.form("/ai-help")
            good = signed(body)
            attempts = [
                (body.replace("ai-help", "ai-hack"), good),  # tampered body
                (body, signed(body, at=time.time() - 6 * 60)),  # replayed: 6 minutes old
                (body, {"Content-Type": good["Content-Type"]}),  # no signature at all
                (body, {**good, "X-Slack-Signature": "v0=" + "0" * 64}),  # a wrong one
                (body, signed(body, secret="not-our-secret")),
            ]
            statuses = [(await user.post(b, h))[0] for b, h in attempts]
            await asyncio.sleep(0.3)  # time enough for an answer that should not come
            return statuses

    assert asyncio.run(scenario()) == [401] * 5
    assert fake.responses == {}


def test_only_admins_add_or_remove_sources(chat: ChatBot, fake: FakeSlack, site: Site) -> None:
    wire = site.url("/wire.xml")

    async def scenario() -> list[Json]:
        async with slack_app(chat, fake) as user:
            return [
                await user.command(f"/ai-sources add {wire}", user="U0USER"),
                await user.command(f"/ai-sources add {wire}", user="U0LISTED"),
                await user.command("/ai-sources remove 2", user="U0OWNER"),
                await user.command("/ai-sources", user="U0USER"),
            ]

    refused, added, removed, listed = asyncio.run(scenario())
    assert "Only admins can add or remove sources" in _text(refused)
    assert "Source added" in _text(added)  # listed in slack.admins
    assert "removed" in _text(removed)  # a workspace owner, per users.info
    assert "1 source" in _text(listed)
    asked = [c.args["user"] for c in fake.calls_to("users.info")]
    assert asked == ["U0USER", "U0OWNER"]  # the listed admin needs no lookup; none for lists


def test_the_manifest_declares_exactly_the_commands_the_app_serves() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    declared = {c["command"] for c in manifest["features"]["slash_commands"]}
    assert declared == set(SLASH_COMMANDS)
    assert all(c["description"] for c in manifest["features"]["slash_commands"])
    assert manifest["settings"]["socket_mode_enabled"] is True
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert scopes == {
        "chat:write",
        "commands",
        "files:write",
        "im:write",
        "channels:history",
        "groups:history",
        "im:history",
        "mpim:history",
        "users:read",
    }
