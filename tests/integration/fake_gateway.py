"""A Discord gateway on 127.0.0.1 that discord.py connects to: enough of the API to log
in (`users/@me`, `oauth2/applications/@me`, `gateway/bot`) and a WebSocket that says
HELLO, answers IDENTIFY with READY and RESUME with RESUMED, and acknowledges heartbeats.

`drop()` closes the bot's connection (close code 4000) and turns later ones away the
same way until `allow()`: a gateway outage, as the bot sees one. It runs on the test's
event loop (`async with serve_gateway() as gateway`); point discord.py at it with
`discord.http.Route.BASE = gateway.base` and `DiscordWebSocket.DEFAULT_GATEWAY = gateway.url`.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import yarl
from aiohttp import WSMsgType, web

from tests.integration.fake_discord import APP_ID, BOT_ID, user

__all__ = ["FakeGateway", "serve_gateway"]

HELLO, IDENTIFY, RESUME, HEARTBEAT, HEARTBEAT_ACK, DISPATCH = 10, 2, 6, 1, 11, 0
GOING_AWAY = 4000  # "unknown error": discord.py may reconnect after it


@dataclass
class FakeGateway:
    port: int = 0
    up: bool = True
    identified: int = 0
    resumed: int = 0
    sockets: set[web.WebSocketResponse] = field(default_factory=set)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def url(self) -> yarl.URL:
        """discord.py's `DiscordWebSocket.DEFAULT_GATEWAY` (an unsharded bot asks no API)."""
        return yarl.URL(f"ws://127.0.0.1:{self.port}/ws")

    async def drop(self) -> None:
        self.up = False
        for ws in list(self.sockets):
            await ws.close(code=GOING_AWAY, message=b"gateway outage")

    def allow(self) -> None:
        self.up = True


def _ready(gateway: FakeGateway) -> dict[str, Any]:
    return {
        "op": DISPATCH,
        "t": "READY",
        "s": 1,
        "d": {
            "v": 10,
            "user": user(BOT_ID, "sovai"),
            "guilds": [],
            "session_id": f"session-{gateway.identified}",
            "resume_gateway_url": f"ws://127.0.0.1:{gateway.port}/ws",
            "application": {"id": APP_ID, "flags": 0},
        },
    }


def _json(data: dict[str, Any]) -> web.Response:
    """discord.py parses a body only when its type is exactly `application/json`."""
    return web.Response(
        body=json.dumps(data).encode(), headers={"Content-Type": "application/json"}
    )


def _app(gateway: FakeGateway) -> web.Application:
    async def me(_: web.Request) -> web.Response:
        return _json(user(BOT_ID, "sovai"))

    async def application(_: web.Request) -> web.Response:
        owner = user("1100000000000000009", "owner")
        return _json(
            {"id": APP_ID, "name": "sovai", "description": "", "icon": None, "flags": 0}
            | {"bot_public": False, "bot_require_code_grant": False, "verify_key": "0"}
            | {"owner": owner}
        )

    async def bot_gateway(_: web.Request) -> web.Response:
        limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        url = f"ws://127.0.0.1:{gateway.port}/ws"
        return _json({"url": url, "shards": 1, "session_start_limit": limit})

    async def socket(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        if not gateway.up:
            await ws.close(code=GOING_AWAY, message=b"gateway outage")
            return ws
        gateway.sockets.add(ws)
        try:
            await ws.send_json({"op": HELLO, "d": {"heartbeat_interval": 45_000}})
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    continue
                op = message.json().get("op")
                if op == IDENTIFY:
                    gateway.identified += 1
                    await ws.send_json(_ready(gateway))
                elif op == RESUME:  # after a drop discord.py resumes its session
                    gateway.resumed += 1
                    await ws.send_json({"op": DISPATCH, "t": "RESUMED", "s": 2, "d": {}})
                elif op == HEARTBEAT:
                    await ws.send_json({"op": HEARTBEAT_ACK})
        finally:
            gateway.sockets.discard(ws)
        return ws

    app = web.Application()
    app.router.add_get("/api/v10/users/@me", me)
    app.router.add_get("/api/v10/oauth2/applications/@me", application)
    app.router.add_get("/api/v10/gateway/bot", bot_gateway)
    app.router.add_get("/ws", socket)
    return app


@contextlib.asynccontextmanager
async def serve_gateway() -> AsyncIterator[FakeGateway]:
    gateway = FakeGateway()
    runner = web.AppRunner(_app(gateway), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    gateway.port = int(runner.addresses[0][1])
    try:
        yield gateway
    finally:
        await gateway.drop()
        await runner.cleanup()
