"""Feed bytes to Entry objects: RSS, Atom (feedparser) and JSON Feed.

feedparser is handed bytes and headers, never a URL, so that all network access goes
through the fetcher's limits. A body that is not a feed is an error with a reason, not
"no new items", so that a broken feed shows up as broken.
"""

from __future__ import annotations

import calendar
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

from bot.articles.extract import html_to_text
from bot.feeds import fastparse
from bot.models import Entry

__all__ = ["FeedParseError", "ParsedFeed", "parse_feed"]


class FeedParseError(Exception):
    """The body is not a usable feed; the message says why."""


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    entries: list[Entry]
    ttl_minutes: int | None = None


def parse_feed(body: bytes, headers: Mapping[str, str] | None = None) -> ParsedFeed:
    """Parse a feed document; raise FeedParseError when it is not one."""
    if not body.strip():
        raise FeedParseError("empty response body")
    head = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    content_type = (headers or {}).get("content-type", "")
    if head == b"{" or "json" in content_type:
        return _parse_json_feed(body)
    fast = fastparse.fast_parse(body, headers)  # same result, several times faster, or None
    if fast is not None:
        return fast
    parsed = feedparser.parse(body, response_headers=dict(headers or {}))
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        looks_html = b"<html" in body[:2048].lower()
        why = (
            "an HTML page, not a feed"
            if looks_html
            else f"not a feed ({reason or 'unknown format'})"
        )
        raise FeedParseError(why)
    entries = [_entry(item) for item in parsed.entries]
    ttl = str(parsed.feed.get("ttl") or "").strip()[:9]
    return ParsedFeed(
        _clean(parsed.feed.get("title")),
        [e for e in entries if e is not None],
        int(ttl) if ttl.isascii() and ttl.isdigit() else None,
    )


def _entry(item: Mapping[str, Any]) -> Entry | None:
    link = item.get("link") or None
    title = _clean(item.get("title"))
    published = _struct_time(item.get("published_parsed") or item.get("updated_parsed"))
    key = item.get("id") or item.get("guid") or link or _hash_key(title, published)
    if key is None:
        return None
    summary = _clean(html_to_text(item.get("summary")))
    return Entry(key=str(key)[:1024], url=link, title=title, summary=summary, published=published)


def _parse_json_feed(body: bytes) -> ParsedFeed:
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedParseError(f"invalid JSON Feed: {exc}") from None
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise FeedParseError("JSON document is not a JSON Feed (no jsonfeed.org version)")
    entries: list[Entry] = []
    for item in doc.get("items") or []:
        if not isinstance(item, dict):
            continue
        link = _string(item.get("url")) or _string(item.get("external_url"))
        title = _clean(item.get("title"))
        published = _iso_date(item.get("date_published") or item.get("date_modified"))
        key = item.get("id") or link or _hash_key(title, published)
        if key is None:
            continue
        summary = _clean(
            item.get("summary")
            or item.get("content_text")
            or html_to_text(item.get("content_html"))
        )
        entries.append(Entry(str(key)[:1024], link, title, summary, published))
    return ParsedFeed(_clean(doc.get("title")), entries)


def _string(value: Any) -> str | None:
    """A JSON Feed field that should be a string, or None when it is something else."""
    return value if isinstance(value, str) and value else None


def _hash_key(title: str | None, published: datetime | None) -> str | None:
    if not title:
        return None
    seed = f"{title}\x00{published.isoformat() if published else ''}"
    return "sha1:" + hashlib.sha1(seed.encode("utf-8")).hexdigest()


def _struct_time(value: Any) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, TypeError):
        return None


def _iso_date(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None
