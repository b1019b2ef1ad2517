"""Staying connected to Slack and Discord: capped backoff, forever, one log line a try.

A chat platform that cannot be reached (DNS down, an outage page, a proxy's HTML 500)
is a state to wait out, not an error to crash on: the connection is tried again after
1, 2, 4 … seconds, at most `CAP` apart, for as long as the bot runs, and each failed try
is one line in the log, without a traceback. Only a refusal that retrying cannot heal
(a revoked token) stops that platform, with one clear line; the rest keeps running.
The libraries' own reconnect loops log tracebacks at every try; `OneLine` folds those
records into one line when the error is a network one.
"""

from __future__ import annotations

import asyncio
import logging

import aiohttp

from bot.net_errors import network_reason

__all__ = ["CAP", "FIRST", "NETWORK_ERRORS", "Backoff", "OneLine", "describe", "install_one_line"]

FIRST = 1.0  # seconds before the second try
CAP = 300.0  # never more than this between tries
NETWORK_ERRORS: tuple[type[BaseException], ...] = (OSError, aiohttp.ClientError, TimeoutError)


def describe(exc: BaseException) -> str:
    """An error in a few words: its type and message, no traceback, no URL path."""
    if isinstance(exc, NETWORK_ERRORS):  # a sentence: "DNS lookup of slack.com failed"
        return network_reason(exc)
    text = str(exc).split("\n", 1)[0][:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class Backoff:
    """Delays of 1, 2, 4 … seconds up to the cap; `reset` after a good connection."""

    def __init__(self, first: float = FIRST, cap: float = CAP) -> None:
        self.first = first
        self.cap = cap
        self.attempt = 0

    def next_delay(self) -> float:
        self.attempt += 1
        return float(min(self.cap, self.first * 2 ** (self.attempt - 1)))

    def reset(self) -> None:
        self.attempt = 0

    async def wait(self, stop: asyncio.Event, delay: float) -> bool:
        """Sleep `delay` s unless stopped first; True when it is time to try again."""
        try:
            await asyncio.wait_for(stop.wait(), timeout=delay)
        except TimeoutError:
            return True
        return False


class OneLine(logging.Filter):
    """Drops the traceback of a record whose exception is a network error (or whose
    cause is), keeping its message and adding the error in a few words."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if exc is not None and _network(exc):
            record.msg = f"{record.getMessage()} ({describe(exc)})"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return True


def _network(exc: BaseException) -> bool:
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 5:
        if isinstance(current, NETWORK_ERRORS) or type(current).__name__ in (
            "ConnectionClosed",
            "GatewayNotFound",
            "SlackApiError",
            "HTTPException",
            "DiscordServerError",
        ):
            return True
        current = current.__cause__ or current.__context__
        seen += 1
    return False


def install_one_line(*names: str) -> None:
    """Fold network tracebacks into one line on these loggers (idempotent)."""
    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(f, OneLine) for f in logger.filters):
            logger.addFilter(OneLine())
