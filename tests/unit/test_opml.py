"""OPML import and export."""

from __future__ import annotations

import pytest

from bot.feeds.opml import OpmlError, OpmlFeed, parse_opml, write_opml

NESTED = b"""<?xml version="1.0"?>
<opml version="1.0"><head><title>Mine</title></head><body>
  <outline text="Asia">
    <outline text="Desk A" type="rss" xmlUrl="https://a.example/feed.xml"/>
    <outline title="Desk B" text="B" type="rss" xmlUrl="https://b.example/rss"/>
  </outline>
  <outline text="Duplicate" type="rss" xmlUrl="https://a.example/feed.xml"/>
  <outline text="A folder without feeds"/>
</body></opml>"""


def test_nested_outlines_are_read_in_order_without_duplicates() -> None:
    assert parse_opml(NESTED) == [
        OpmlFeed("https://a.example/feed.xml", "Desk A"),
        OpmlFeed("https://b.example/rss", "Desk B"),
    ]


def test_export_then_import_round_trips() -> None:
    feeds = [
        OpmlFeed("https://a.example/feed.xml?x=1&y=2", "Desk <A> & co"),
        OpmlFeed("https://c.example/"),
    ]
    assert parse_opml(write_opml(feeds)) == [
        feeds[0],
        OpmlFeed("https://c.example/", "https://c.example/"),
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<rss></rss>", "not an OPML document"),
        (b"<opml><body>", "not valid XML"),
        (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><opml>&lol;</opml>',
            "DOCTYPE or entities is refused",
        ),
    ],
)
def test_bad_documents_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(OpmlError, match=reason):
        parse_opml(data)
