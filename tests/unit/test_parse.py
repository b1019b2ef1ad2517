"""Feed parsing: RSS, Atom and JSON Feed to entries; non-feeds are errors with a reason."""

from __future__ import annotations

import json

import pytest

from bot.feeds.parse import FeedParseError, parse_feed

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Desk</title>
<item><title>  One\n story </title><link>https://example.org/1</link><guid>g-1</guid>
<pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Some &lt;b&gt;bold&lt;/b&gt; text&lt;/p&gt;</description></item>
<item><title>No guid</title><link>https://example.org/2</link></item>
<item><title>Only a title</title><pubDate>Tue, 24 Nov 2026 11:00:00 GMT</pubDate></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title>
<entry><id>tag:example.org,2026:1</id><title>Atom story</title>
<link href="https://example.org/a1"/><updated>2026-11-24T09:30:00Z</updated>
<summary>Summary</summary></entry></feed>"""


def test_rss_entries_get_keys_links_dates_and_plain_summaries() -> None:
    feed = parse_feed(RSS)
    assert feed.title == "Desk"
    first, second, third = feed.entries
    assert (first.key, first.url, first.title) == ("g-1", "https://example.org/1", "One story")
    assert first.summary == "Some bold text"
    assert (
        first.published is not None and first.published.isoformat() == "2026-11-24T10:00:00+00:00"
    )
    assert second.key == "https://example.org/2"  # no guid: the link is the identity
    assert third.key.startswith("sha1:")  # neither: a hash of title and date
    assert parse_feed(RSS).entries[2].key == third.key  # stable across polls


def test_atom() -> None:
    (entry,) = parse_feed(ATOM).entries
    assert entry.key == "tag:example.org,2026:1"
    assert entry.url == "https://example.org/a1"


def test_json_feed() -> None:
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON desk",
        "items": [
            {
                "id": "j1",
                "url": "https://example.org/j1",
                "title": "JSON story",
                "content_html": "<p>Hello <i>world</i></p>",
                "date_published": "2026-11-24T08:00:00Z",
            },
            "not an item",
        ],
    }
    feed = parse_feed(json.dumps(doc).encode(), {"content-type": "application/feed+json"})
    (entry,) = feed.entries
    assert (entry.key, entry.title, entry.summary) == ("j1", "JSON story", "Hello world")
    assert entry.published is not None and entry.published.hour == 8


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty response body"),
        (b"   \n", "empty response body"),
        (b"<!DOCTYPE html><html><body><p>Hello</p></body></html>", "an HTML page, not a feed"),
        (b'{"hello": "world"}', "not a JSON Feed"),
        (b"{broken json", "invalid JSON Feed"),
    ],
)
def test_non_feeds_are_errors_with_a_reason(body: bytes, reason: str) -> None:
    with pytest.raises(FeedParseError, match=reason):
        parse_feed(body)


def test_windows_1252_declared_encoding_comes_out_as_unicode() -> None:
    body = (
        '<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel>'
        "<title>Caf\u00e9</title><item><guid>x</guid><title>\u201cQuoted\u201d caf\u00e9</title>"
        "</item></channel></rss>"
    ).encode("cp1252")
    feed = parse_feed(body)
    assert feed.title == "Café"
    assert feed.entries[0].title == "“Quoted” café"
