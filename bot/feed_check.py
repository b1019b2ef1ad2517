"""Whether a URL answers as a feed, asked before a hand-added source is stored.

A source that is refused (404, no such host, an address the SSRF guard refuses, an HTML
page) would otherwise sit in the table failing on every poll, and the person who added
it would be told "added". Nothing is stored until the URL has answered with a feed.
"""

from __future__ import annotations

import asyncio

from bot.feeds.fetch import Fetcher, FetchError
from bot.feeds.parse import FeedParseError, parse_feed
from bot.redact import redact
from bot.settings import check_http_url
from bot.store.repo import SourceError

__all__ = ["URL_SHOWN", "check_feed", "feed_key"]

URL_SHOWN = 200  # characters of a refused URL repeated in the message
MAX_ID_DIGITS = 18  # a feed id fits in a 64-bit integer; longer digit runs are not ids


async def check_feed(fetcher: Fetcher, url: str) -> int:
    """Fetch and parse `url`; the number of entries it holds, or a SourceError saying
    why it is not a feed (worded for the person adding it)."""
    shown = redact(url[:URL_SHOWN])
    try:
        result = await fetcher.fetch(url)
    except FetchError as exc:
        raise SourceError(f"{shown} does not answer as a feed: {redact(str(exc))}") from None
    try:
        parsed = await asyncio.to_thread(parse_feed, result.body, result.headers)
    except FeedParseError as exc:
        raise SourceError(f"{shown} is not a feed: {redact(str(exc))}") from None
    return len(parsed.entries)


def feed_key(text: str) -> str | None:
    """A feed id (ASCII digits that fit an integer) or an http(s) URL; None otherwise.

    `str.isdigit` is true of "²" and of 5,000-digit runs, which `int()` then refuses."""
    if text.isascii() and text.isdigit():
        return text if len(text) <= MAX_ID_DIGITS else None
    try:
        return check_http_url(text)
    except ValueError:
        return None
