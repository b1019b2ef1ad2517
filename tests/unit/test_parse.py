"""Feed parsing: RSS, Atom and JSON Feed to entries; non-feeds are errors with a reason."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.feeds.parse import FeedParseError, ParsedFeed, parse_feed
from tests.unit.test_fastparse import feedparser_result

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


# -- feed text as the publisher wrote it: one fixture per case, both parse paths -------------

FEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"
T24 = datetime(2026, 11, 24, tzinfo=UTC)


def both_paths(name: str) -> list[ParsedFeed]:
    """The fixture through parse_feed, and (XML) through feedparser alone: they agree."""
    body = (FEEDS / name).read_bytes()
    results = [parse_feed(body)]
    if name.endswith(".xml"):
        results.append(feedparser_result(body))
    return results


def fields(feed: ParsedFeed) -> list[tuple[str | None, str | None, str | None, datetime | None]]:
    """What is stored of each entry besides its key: url, title, summary, date."""
    return [(e.url, e.title, e.summary, e.published) for e in feed.entries]


KENYA = (
    "Kenya will build a national AI supercomputer with 2,000 GPUs, the ministry of "
    "information said."
)
RWANDA = "Rwanda opens a sovereign cloud for public services."
EXPECTED = {
    "rss_description_only_items.xml": (
        "Nairobi Tech Desk",
        [
            (None, None, KENYA, T24.replace(hour=10)),
            (None, None, RWANDA, None),
            (None, None, RWANDA, None),  # listed twice: the same item (same key, below)
            (None, None, RWANDA, T24.replace(day=25, hour=9)),  # posted again, another day
        ],  # the item with no text at all has nothing to show: it is not an entry
    ),
    "atom_entries_without_id_or_link.xml": (
        "Atom notes",
        [
            (None, None, "Japan funds a national AI cluster of 18,000 chips.", T24.replace(hour=9)),
            (None, None, "India widens its national AI compute programme.", None),
            ("tag:notes.example,2026:3", "An id that is not a web link", None, None),
        ],
    ),
    "rss1_items_without_about.xml": (
        "RDF & notes",
        [
            (None, None, "France\u2019s sovereign AI fund doubles.", T24.replace(hour=8)),
            (None, "Q&A session on national compute", "A transcript.", None),
        ],
    ),
    "rss_character_references.xml": (
        "References & more",
        [
            (None, "Don\u2019t wait for foreign clouds", "don\u2019t", None),  # cp1252 &#146;
            (
                None,
                "\u201cSovereign\u201d compute",
                "\u201cWe will build it ourselves,\u201d the minister said.",
                None,
            ),
            (None, "Q&A session", "Tom & Jerry", None),  # escaped twice, then three times
            (None, "AT&T &notice < 5", "AT&T &notice", None),  # not references: as written
        ],
    ),
    "atom_titles_html_and_text.xml": (
        "Atom desk",
        [
            ("urn:title:1", "Q&A session", None, None),
            ("urn:title:2", "Atom feeds", None, None),
            ("urn:title:3", "History of the <blink> tag", None, None),  # type="text"
            ("urn:title:4", "Fish & chips", None, None),  # text, escaped twice
        ],
    ),
    "atom_summaries_text_and_html.xml": (
        "Atom summaries",
        [
            ("urn:summary:1", None, "History of the <blink> tag", None),
            ("urn:summary:2", None, "a < b && c > d", None),  # content type="text"
            ("urn:summary:3", None, "Plain by default: <b>kept</b>", None),
            ("urn:summary:4", None, "History of the tag", None),  # declared HTML: stripped
        ],
    ),
    "rss_html_summaries.xml": (
        "HTML desk",
        [
            (None, None, "First paragraph. Second one\u2019s here.", None),
            (None, None, "line one line two", None),  # <br> separates, scripts are dropped
            (None, None, "GPUs grid", None),
        ],
    ),
    "json_feed_text_only.json": (
        "JSON notes",
        [
            (None, None, "Chile plans a national AI compute centre & a fund.", None),
            (None, None, "Brazil\u2019s sovereign cloud opens.", T24.replace(hour=8)),
            (None, "<b>Plain</b> JSON title", None, None),  # JSON Feed titles are plain text
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_feed_text_reaches_the_store_as_the_publisher_wrote_it(name: str) -> None:
    title, entries = EXPECTED[name]
    for feed in both_paths(name):
        assert feed.title == title
        assert fields(feed) == entries


def test_every_case_has_its_own_fixture() -> None:
    assert sorted(p.name for p in FEEDS.iterdir()) == sorted(EXPECTED)


def test_items_without_guid_or_link_are_keyed_by_their_content() -> None:
    for feed in both_paths("rss_description_only_items.xml"):
        kenya, rwanda, repeated, reposted = (e.key for e in feed.entries)
        assert all(key.startswith("sha1:") for key in (kenya, rwanda, reposted))
        assert repeated == rwanda  # the same text (CDATA or escaped) is the same item
        assert reposted != rwanda  # the same text on another date is another post
        assert kenya != rwanda
    again = parse_feed((FEEDS / "rss_description_only_items.xml").read_bytes())
    assert [e.key for e in again.entries] == [e.key for e in feed.entries]  # every poll


def test_a_content_key_follows_the_text_not_the_markup() -> None:
    def key_of(description: str) -> str:
        body = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>D</title>'
            f"<item><description>{description}</description></item></channel></rss>"
        )
        (entry,) = parse_feed(body.encode()).entries
        return entry.key

    plain = key_of("Rwanda opens a sovereign cloud.")
    assert key_of("&lt;p&gt;Rwanda opens a &lt;b&gt;sovereign&lt;/b&gt; cloud.&lt;/p&gt;") == plain
    assert key_of("Rwanda opens a sovereign cloud!") != plain


def test_a_title_only_item_keeps_the_key_earlier_versions_stored() -> None:
    """Keys of items with a title and no guid or link are the hash of the title as
    feedparser gives it (HTML and all) and the date, as before titles were decoded."""
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>D</title>'
        b"<item><title>Tom &amp;amp; Jerry</title>"
        b"<pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>"
    )
    (entry,) = parse_feed(body).entries
    assert entry.title == "Tom & Jerry"
    seed = "Tom &amp; Jerry\x002026-11-24T10:00:00+00:00"
    assert entry.key == "sha1:" + hashlib.sha1(seed.encode()).hexdigest()
