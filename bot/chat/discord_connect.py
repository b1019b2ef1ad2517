"""Keeping the Discord bot connected: a fresh client per try, capped backoff, forever.

discord.py's own reconnect loop logs a traceback at every try, grows its delay to 17
minutes, and fails outright when the first gateway connection does (its resume step
reads the websocket it never had). So the client runs with `reconnect=False` (it still
resumes when Discord asks it to) and this loop does the rest: a new client logs in and
connects; a failure is one log line and another try after 1, 2, 4 … s (at most
`reconnect.CAP`); only a refusal retrying cannot heal (a revoked token, intents not
granted) is one error line and leaves Discord off while Slack and the digests go on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

import discord

from bot.chat.reconnect import NETWORK_ERRORS, Backoff, describe, install_one_line

__all__ = ["PERMANENT_CLOSE", "RETRY_FIRST", "keep_connected"]

_log = logging.getLogger(__name__)
RETRY_FIRST = 1.0  # seconds before the second try (doubling, capped)
PERMANENT_CLOSE = frozenset({4004, 4010, 4011, 4012, 4013, 4014})  # token, shards, intents
_TRANSIENT: tuple[type[BaseException], ...] = (
    *NETWORK_ERRORS,
    discord.HTTPException,
    discord.GatewayNotFound,
)


class _Permanent(Exception):
    """A refusal that retrying will not heal."""


async def keep_connected(
    make_client: Callable[[], discord.Client], token: str, stop: asyncio.Event
) -> None:
    """Stay connected until `stop` is set, or until Discord refuses for good; never raises."""
    install_one_line("discord.client", "discord.gateway", "discord.http")
    backoff = Backoff(first=RETRY_FIRST)
    try:
        while not stop.is_set():
            client = make_client()
            problem = await _connect_once(client, token, stop)
            if problem is None:
                return
            if client.is_ready():  # it was up: start the backoff afresh
                backoff.reset()
            delay = backoff.next_delay()
            _log.warning(
                "Discord: cannot connect (%s); trying again in %.0f s (attempt %d)",
                *(problem, delay, backoff.attempt),
            )
            if not await backoff.wait(stop, delay):
                return
    except _Permanent as exc:
        _log.error("%s", exc)


async def _connect_once(client: discord.Client, token: str, stop: asyncio.Event) -> str | None:
    """Log in and stay connected until `stop` (None) or a failure (what it was, briefly)."""

    async def run() -> None:
        await client.login(token)
        await client.connect(reconnect=False)

    running = asyncio.create_task(run())
    halt = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({running, halt}, return_when=asyncio.FIRST_COMPLETED)
        if not running.done():
            return None
        running.result()
        return "the gateway closed"
    except discord.LoginFailure:
        raise _Permanent(
            "Discord refused DISCORD_BOT_TOKEN: Discord is off, the rest keeps running"
        ) from None
    except discord.PrivilegedIntentsRequired as exc:
        raise _Permanent(f"Discord: {exc}; Discord is off, the rest keeps running") from None
    except discord.ConnectionClosed as exc:
        if exc.code in PERMANENT_CLOSE:
            raise _Permanent(f"Discord closed the gateway ({exc.code}: {exc.reason})") from None
        return describe(exc)
    except _TRANSIENT as exc:
        return describe(exc)
    except Exception as exc:  # a bug or a surprise: shown in full, and still tried again
        _log.exception("Discord stopped unexpectedly")
        return describe(exc)
    finally:
        halt.cancel()
        await client.close()
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await running
