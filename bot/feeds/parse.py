"""Feed bytes to Entry objects: RSS, Atom (feedparser) and JSON Feed.

feedparser is handed bytes and headers, never a URL, so that all network access goes
through the fetcher's limits. A body that is not a feed is an error with a reason, not
"no new items", so that a broken feed shows up as broken.

Titles and summaries come out as plain text (bot/feeds/feed_text.py): HTML stripped only
where the feed declares HTML, every character reference decoded. An item with no guid,
id or link is still kept when it has a title or some text (RSS 2.0 allows an item that
is only a description): its key is a hash of that content, so the same item is the same
entry on every poll, and it is shown without a link.
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

from bot.feeds import fastparse
from bot.feeds.feed_text import one_line, reader_text
from bot.models import Entry

__all__ = ["FeedParseError", "ParsedFeed", "make_entry", "parse_feed"]


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
        reader_text(parsed.feed.get("title"), _detail_type(parsed.feed, "title", "text/plain")),
        [e for e in entries if e is not None],
        int(ttl) if ttl.isascii() and ttl.isdigit() else None,
    )


def make_entry(
    key: str | None,
    link: str | None,
    title: tuple[str | None, str],
    summary: str | None,
    published: datetime | None,
) -> Entry | None:
    """The one place both parse paths make an Entry, from the feed's identity fields, the
    raw title with its content type, and the summary already as plain text.

    Without a key or a link the entry is keyed by a hash of its content; with no content
    either (no title, no text) there is nothing to show, and it is None.
    """
    raw_title, title_type = title
    url = link or None
    key = key or url or _hash_key(one_line(raw_title), summary, published)
    if key is None:
        return None
    text = reader_text(raw_title, title_type)
    return Entry(key=str(key)[:1024], url=url, title=text, summary=summary, published=published)


def _entry(item: Mapping[str, Any]) -> Entry | None:
    published = _struct_time(item.get("published_parsed") or item.get("updated_parsed"))
    summary = reader_text(item.get("summary"), _summary_type(item))
    title = (item.get("title"), _detail_type(item, "title", "text/plain"))
    return make_entry(
        item.get("id") or item.get("guid"), item.get("link"), title, summary, published
    )


def _detail_type(item: Mapping[str, Any], name: str, default: str) -> str:
    """The content type feedparser declares for `name` (its `name_detail`)."""
    detail = item.get(f"{name}_detail")
    if isinstance(detail, Mapping) and detail.get("value") == item.get(name):
        return str(detail.get("type") or default)
    return default


def _summary_type(item: Mapping[str, Any]) -> str:
    """The summary's content type: its own detail's, or that of the content it was copied
    from (feedparser copies a text or HTML `content` to a missing summary, type aside);
    HTML when it cannot be told, as an RSS description is."""
    summary = item.get("summary")
    for detail in (item.get("summary_detail"), *(item.get("content") or ())):
        if isinstance(detail, Mapping) and detail.get("value") == summary:
            return str(detail.get("type") or "text/html")
    return "text/html"


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
        published = _iso_date(item.get("date_published") or item.get("date_modified"))
        raw_id = item.get("id")
        title = (_string(item.get("title")), "text/plain")  # JSON Feed titles are plain text
        entry = make_entry(
            str(raw_id) if raw_id else None, link, title, _json_summary(item), published
        )
        if entry is not None:
            entries.append(entry)
    return ParsedFeed(reader_text(doc.get("title"), "text/plain"), entries)


def _json_summary(item: dict[str, Any]) -> str | None:
    """The summary, else the plain text, else the text of the HTML (JSON Feed 1.1)."""
    for name, content_type in (
        ("summary", "text/plain"),
        ("content_text", "text/plain"),
        ("content_html", "text/html"),
    ):
        text = reader_text(_string(item.get(name)), content_type)
        if text is not None:
            return text
    return None


def _string(value: Any) -> str | None:
    """A JSON Feed field that should be a string, or None when it is something else."""
    return value if isinstance(value, str) and value else None


def _hash_key(title: str | None, text: str | None, published: datetime | None) -> str | None:
    """A key for an item with no guid, id or link: a hash of its title and date (as
    feedparser gives the title, so that keys stored by earlier versions still match), or,
    with no title, of its text and date; None when it has neither."""
    when = published.isoformat() if published else ""
    if title:
        seed = f"{title}\x00{when}"
    elif text:
        seed = f"\x00{text}\x00{when}"  # a title never starts with NUL: no clash
    else:
        return None
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
