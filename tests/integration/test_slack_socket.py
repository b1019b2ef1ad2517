"""Socket Mode, the default: commands arrive over a WebSocket and are acked on it at once."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from aiohttp import WSMsgType, web
from pydantic import SecretStr

from bot.chat.delivery import TerminalSender
from bot.chat.slack_app import run_slack, slack_problem
from bot.settings import Secrets, Settings, SlackConfig
from tests.integration.chat_bot import ChatBot, make_chat_bot
from tests.integration.fake_slack import APP_TOKEN, TOKEN, FakeSlack, serve_fake_slack
from tests.integration.site_server import Site, serve_site

Json = dict[str, Any]


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as running:
        yield running


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSlack]:
    with serve_fake_slack() as slack:
        monkeypatch.setenv("SLACK_API_URL", slack.api_url)
        yield slack


@pytest.fixture
def chat(tmp_path: Path, site: Site) -> Iterator[ChatBot]:
    bot = make_chat_bot(tmp_path, [site.url("/feed.xml")])
    yield bot
    bot.store.close()


def _settings(chat: ChatBot, app_token: str | None = APP_TOKEN, **slack: Any) -> Settings:
    return replace(
        chat.settings,
        config=chat.settings.config.model_copy(update={"slack": SlackConfig(**slack)}),
        secrets=Secrets(
            slack_bot_token=SecretStr(TOKEN),
            slack_app_token=None if app_token is None else SecretStr(app_token),
        ),
    )


def _envelope(fake: FakeSlack, line: str) -> Json:
    command, _, text = line.partition(" ")
    return {
        "envelope_id": "env-1",
        "type": "slash_commands",
        "accepts_response_payload": True,
        "payload": {
            "team_id": "T0FAKE",
            "channel_id": "C0NEWS",
            "user_id": "U0USER",
            "command": command,
            "text": text,
            "api_app_id": "A0SOVAI",
            "response_url": fake.response_url("socket-1"),
            "trigger_id": "1.2.3",
        },
    }


def test_a_command_over_socket_mode_is_acked_then_answered(chat: ChatBot, fake: FakeSlack) -> None:
    acks: list[tuple[Json, float]] = []

    async def link(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"type": "hello", "num_connections": 1, "debug_info": {}})
        sent = time.monotonic()
        await ws.send_json(_envelope(fake, "/ai-country japan"))
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                acks.append((json.loads(message.data), time.monotonic() - sent))
        return ws

    async def scenario() -> None:
        server = web.Application()
        server.router.add_get("/link", link)
        runner = web.AppRunner(server)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        fake.socket_url = f"ws://127.0.0.1:{runner.addresses[0][1]}/link"
        stop = asyncio.Event()
        running = asyncio.create_task(
            run_slack(_settings(chat), chat.store, {"slack": TerminalSender()}, stop)
        )
        try:
            deadline = time.monotonic() + 30
            while not (acks and fake.responses.get("socket-1")):
                assert time.monotonic() < deadline, "no ack or no answer within 30 s"
                assert not running.done(), "the Slack app stopped by itself"
                await asyncio.sleep(0.05)
        finally:
            stop.set()
            await asyncio.wait_for(running, timeout=15)
            await runner.cleanup()

    asyncio.run(scenario())
    (ack, took) = acks[0]
    assert ack["envelope_id"] == "env-1" and took < 2.0
    answer = fake.responses["socket-1"][0]  # the reply; its chart's line may follow
    assert answer["response_type"] == "ephemeral"
    assert "Japan: sovereign AI in the last 30 days" in json.dumps(answer, ensure_ascii=False)


def test_an_app_token_slack_refuses_turns_commands_off_without_hanging(
    chat: ChatBot, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> None:
        settings = _settings(chat, app_token="xapp-1-revoked")
        await asyncio.wait_for(run_slack(settings, chat.store, {}, asyncio.Event()), timeout=15)

    asyncio.run(scenario())
    assert "Slack refused SLACK_APP_TOKEN: invalid_auth" in caplog.text


def test_a_stop_while_slack_is_unreachable_is_prompt(chat: ChatBot, fake: FakeSlack) -> None:
    fake.socket_url = "ws://127.0.0.1:9/nothing-listens-here"

    async def scenario() -> None:
        stop = asyncio.Event()
        running = asyncio.create_task(run_slack(_settings(chat), chat.store, {}, stop))
        await asyncio.sleep(1.0)  # connecting, failing, retrying...
        assert not running.done()
        stop.set()
        await asyncio.wait_for(running, timeout=10)

    asyncio.run(scenario())


@pytest.mark.parametrize(
    ("app_token", "mode", "problem"),
    [
        (None, "socket", "Socket Mode needs SLACK_APP_TOKEN"),
        (APP_TOKEN, "http", "HTTP mode needs SLACK_SIGNING_SECRET"),
        (APP_TOKEN, "socket", None),
    ],
)
def test_what_each_mode_needs(chat: ChatBot, app_token: str | None, mode: str, problem: str | None):
    found = slack_problem(_settings(chat, app_token, mode=mode))
    assert found == problem or (problem is not None and found is not None and problem in found)
