"""The chat role's verdict follows its Discord connection: healthy once discord.py has
connected to the (fake) gateway, 503 naming Discord once the gateway has been gone for
longer than `stall_after` (discord.py tries to resume all the while), healthy again when
the bot has resumed its session by itself.

The role runs in this process (`run_chat_role`), on a real PostgreSQL, so that discord.py
can be pointed at the fake gateway (`Route.BASE`); the listener is real HTTP.
"""

from __future__ import annotations

import asyncio
import os
import urllib.error
from collections.abc import Iterator
from pathlib import Path

import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.engine.roles import run_chat_role
from bot.settings import load_settings
from tests.integration.fake_discord import TOKEN
from tests.integration.fake_gateway import serve_gateway
from tests.integration.postgres_server import PostgresServer, postgres_or_skip
from tests.integration.run_cli import database_settings
from tests.integration.test_health_metrics import free_port, get, samples

pytestmark = pytest.mark.postgres
ROUNDS = 600  # × 0.1 s: every wait below is bounded at a minute


@pytest.fixture
def postgres() -> Iterator[PostgresServer]:
    yield from postgres_or_skip()


async def _until(base: str, path: str, check: object, what: str) -> tuple[int, str]:
    for _ in range(ROUNDS):
        try:
            answer = await asyncio.to_thread(get, f"{base}{path}")
        except urllib.error.URLError:  # the listener opens once the store is ready
            answer = (0, "")
        if callable(check) and check(answer):
            return answer
        await asyncio.sleep(0.1)
    pytest.fail(f"waited a minute for {what}")


def test_the_chat_role_is_healthy_while_discord_is_connected(
    tmp_path: Path, postgres: PostgresServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    database, password = database_settings(postgres.create_database("chat_discord"))
    port = free_port()
    config = tmp_path / "sovai.yaml"
    config.write_text(
        f"database: {database}\nmetrics: {{port: {port}, host: 127.0.0.1, stall_after: 2}}\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    env.pop("DATABASE_URL", None)
    env |= {**password, "DISCORD_BOT_TOKEN": TOKEN, "SOVAI_HEARTBEAT": str(tmp_path / "beat")}
    settings = load_settings(config, environ=env)
    monkeypatch.setattr("bot.chat.discord_connect.RETRY_FIRST", 0.1)
    base = f"http://127.0.0.1:{port}"
    seen: dict[str, object] = {}

    async def scenario() -> None:
        async with serve_gateway() as gateway:
            monkeypatch.setattr(Route, "BASE", gateway.base)
            monkeypatch.setattr(DiscordWebSocket, "DEFAULT_GATEWAY", gateway.url)
            stop = asyncio.Event()
            chat = asyncio.create_task(run_chat_role(settings, stop))
            try:
                seen["ok"] = await _until(
                    base, "/healthz", lambda a: a[0] == 200, "the chat role healthy"
                )
                seen["metrics"] = samples((await asyncio.to_thread(get, f"{base}/metrics"))[1])
                await gateway.drop()
                seen["unready"] = await _until(
                    base, "/readyz", lambda a: a[0] == 503, "/readyz to see Discord gone"
                )
                seen["down"] = await _until(
                    base, "/healthz", lambda a: a[0] == 503, "/healthz past the grace"
                )
                gateway.allow()
                seen["back"] = await _until(
                    base, "/healthz", lambda a: a[0] == 200, "Discord to reconnect"
                )
                seen["connects"] = (gateway.identified, gateway.resumed)
            finally:
                stop.set()
                await asyncio.wait_for(chat, timeout=30)

    asyncio.run(scenario())
    assert seen["ok"] == (200, "ok: chat (Discord)\n")
    metrics = seen["metrics"]
    assert isinstance(metrics, dict)
    assert metrics[("sovai_frontend_connected", frozenset({("platform", "discord")}))] == 1
    assert ("sovai_frontend_connected", frozenset({("platform", "slack")})) not in metrics
    unready, down = seen["unready"], seen["down"]
    assert isinstance(unready, tuple) and "Discord is not connected" in unready[1], unready
    assert isinstance(down, tuple) and "Discord has not been connected for" in down[1], down
    assert seen["back"] == (200, "ok: chat (Discord)\n")
    assert seen["connects"] == (1, 1)  # connected, dropped, then its session resumed
