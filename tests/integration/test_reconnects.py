"""Slack and Discord come back by themselves after an outage at start (issue 11):
"Slack answering one HTML 500 page at Socket Mode start: slash commands stay off until a
manual restart"; "Discord unreachable at start (DNS failure): 55 lines of traceback, and
no further attempt". Each failed try is one log line, without a traceback."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiohttp import WSMsgType, web
from discord.http import Route

from bot.chat.delivery import TerminalSender, send_digest
from bot.chat.discord_app import serve_discord
from bot.chat.slack_app import run_slack
from bot.chat.slack_sender import SlackSender, slack_client
from bot.runtime import senders_for
from tests.integration.chat_bot import ChatBot, make_chat_bot
from tests.integration.fake_discord import TOKEN as DISCORD_TOKEN
from tests.integration.fake_discord import serve_discord as serve_fake_discord
from tests.integration.fake_slack import TOKEN, FakeSlack, serve_fake_slack
from tests.integration.site_server import serve_site
from tests.integration.test_discord import digest_setup
from tests.integration.test_slack_socket import _envelope, _settings

HTML_500 = "<html><head><title>500 Internal Server Error</title></head><body>oops</body></html>"


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSlack]:
    with serve_fake_slack() as slack:
        monkeypatch.setenv("SLACK_API_URL", slack.api_url)
        yield slack


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[ChatBot]:
    with serve_site() as site:
        bot = make_chat_bot(tmp_path, [site.url("/feed.xml")])
        yield bot
        bot.store.close()


def _tracebacks(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.exc_info or r.exc_text]


def test_an_html_500_at_socket_mode_start_is_retried_and_commands_come_back(
    chat: ChatBot, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    fake.fail("apps.connections.open", "", status=500, page=HTML_500)  # labelled as JSON
    fake.fail("apps.connections.open", "", status=502, page=HTML_500, content_type="text/html")
    acks: list[str] = []

    async def link(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"type": "hello", "num_connections": 1, "debug_info": {}})
        await ws.send_json(_envelope(fake, "/ai-help"))
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                acks.append(json.loads(message.data)["envelope_id"])
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
            for _ in range(600):  # at most 30 s
                if acks and fake.responses.get("socket-1"):
                    break
                assert not running.done(), "the Slack app gave up"
                await asyncio.sleep(0.05)
        finally:
            stop.set()
            await asyncio.wait_for(running, timeout=15)
            await runner.cleanup()

    with caplog.at_level(logging.INFO):
        asyncio.run(scenario())
    assert acks == ["env-1"] and fake.responses.get("socket-1"), "the command was not answered"
    assert len(fake.calls_to("apps.connections.open")) == 3  # 500, 502, then the URL
    said = "Slack Socket Mode: apps.connections.open answered"
    tries = [r.getMessage() for r in caplog.records if said in r.getMessage()]
    assert tries == [f"{said} HTTP 500", f"{said} HTTP 502"]
    assert "has no attribute" not in caplog.text and _tracebacks(caplog) == []


def test_an_html_error_page_during_a_send_is_stored_as_what_it_is(
    chat: ChatBot, fake: FakeSlack
) -> None:
    """Not "'ClientResponse' object has no attribute 'get'"."""
    sub = replace(chat.store.subscribe("slack", "C0NEWS", datetime.now(UTC)), announce_empty=True)
    fake.fail("chat.postMessage", "", status=500, page=HTML_500)
    sender = SlackSender(slack_client(TOKEN))
    config = chat.settings.config.digest
    outcome = asyncio.run(send_digest(chat.store, sub, config, sender, datetime.now(UTC)))
    assert outcome.status == "failed"
    assert outcome.error == "Slack refused the digest: HTTP 500", outcome.error


def test_discord_unreachable_at_start_is_retried_one_line_a_try(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    with serve_fake_discord() as fake:
        settings, store = digest_setup(
            tmp_path,
            "{platform: terminal, channel: stdout}",
            {"DISCORD_BOT_TOKEN": DISCORD_TOKEN},
            1,
        )
        monkeypatch.setattr(Route, "BASE", "http://sovai-test-discord.invalid/api/v10")  # no DNS
        monkeypatch.setattr("bot.chat.discord_connect.RETRY_FIRST", 0.1)

        async def scenario() -> None:
            stop = asyncio.Event()
            running = asyncio.create_task(serve_discord(settings, store, {}, stop))
            try:
                for _ in range(600):  # at most 30 s
                    if _tries(caplog) >= 3:
                        break
                    assert not running.done(), "Discord gave up"
                    await asyncio.sleep(0.05)
                Route.BASE = fake.base  # the network is back
                for _ in range(600):
                    if fake.posted("GET", r"/users/@me$"):
                        break
                    await asyncio.sleep(0.05)
            finally:
                stop.set()
                await asyncio.wait_for(running, timeout=15)

        with caplog.at_level(logging.INFO):
            asyncio.run(scenario())
        assert _tries(caplog) >= 3 and fake.posted("GET", r"/users/@me$")  # it came back
        assert _tracebacks(caplog) == [] and "Traceback" not in caplog.text
        store.close()


def _tries(caplog: pytest.LogCaptureFixture) -> int:
    return sum("Discord: cannot connect" in r.getMessage() for r in caplog.records)


def test_a_refused_discord_token_is_one_line_and_stops_discord_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    with serve_fake_discord() as fake:
        monkeypatch.setattr(Route, "BASE", fake.base)
        settings, store = digest_setup(
            tmp_path, "{platform: terminal, channel: stdout}", {"DISCORD_BOT_TOKEN": "revoked"}, 1
        )
        started = time.monotonic()
        asyncio.run(asyncio.wait_for(serve_discord(settings, store, {}, asyncio.Event()), 15))
        assert time.monotonic() - started < 15
        errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
        assert errors == [
            "Discord refused DISCORD_BOT_TOKEN: Discord is off, the rest keeps running"
        ]
        assert len(fake.posted("GET", r"/users/@me$")) == 1 and _tracebacks(caplog) == []
        assert senders_for(settings)  # the senders (and the rest) are unaffected
        store.close()
