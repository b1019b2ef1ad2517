"""A poll keeps a feed's newest entries only: the same ones every time, each item once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.feeds.history import newest_entries
from bot.feeds.parse import parse_feed
from bot.models import Entry

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def dated(key: str, days_ago: int | None) -> Entry:
    when = None if days_ago is None else T0 - timedelta(days=days_ago)
    return Entry(key=key, url=None, title=key, published=when)


def test_a_short_feed_is_kept_whole_in_its_order() -> None:
    entries = [dated("b", 3), dated("a", 1)]
    assert newest_entries(entries, 5) == entries


def test_the_newest_by_date_are_kept_even_in_an_oldest_first_feed() -> None:
    entries = [dated(f"e{n}", 100 - n) for n in range(100)]  # oldest first
    kept = newest_entries(entries, 3)
    assert [e.key for e in kept] == ["e97", "e98", "e99"]  # feed order kept


def test_undated_entries_come_after_dated_ones_in_feed_order() -> None:
    entries = [dated("u1", None), dated("old", 9), dated("u2", None), dated("new", 1)]
    assert [e.key for e in newest_entries(entries, 3)] == ["u1", "old", "new"]
    assert [e.key for e in newest_entries(entries, 2)] == ["old", "new"]


def description_only(text: str, date: str = "") -> bytes:
    """An RSS 2.0 item that is only a description (and maybe a date)."""
    when = f"<pubDate>{date}</pubDate>" if date else ""
    return f"<item><description>{text}</description>{when}</item>".encode()


def feed_of(*items: bytes) -> list[Entry]:
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>D</title>'
    return parse_feed(body + b"".join(items) + b"</channel></rss>").entries


def test_an_item_listed_twice_counts_once_and_the_first_is_kept() -> None:
    again = Entry("a", None, "a again", published=T0)
    entries = [dated("a", 1), dated("b", 2), again, dated("c", 3)]
    kept = newest_entries(entries, 2)
    assert [(e.key, e.title) for e in kept] == [("a", "a"), ("b", "b")]
    assert [e.key for e in newest_entries(entries, 5)] == ["a", "b", "c"]


def test_linkless_items_are_the_same_items_on_every_poll() -> None:
    """Items with no guid, link or title are keyed by their text and date: the same text
    is one entry however often a feed lists it, and a changed text is a new item."""
    kenya, rwanda = "Kenya builds a national AI cluster.", "Rwanda opens a sovereign cloud."
    first = newest_entries(feed_of(description_only(kenya), description_only(rwanda)), 10)
    second = newest_entries(
        feed_of(
            description_only("Chile plans a national AI centre."),
            description_only(kenya),
            description_only(f"<![CDATA[{rwanda}]]>"),
            description_only(kenya),
        ),
        10,
    )
    assert len(second) == 3  # the repeated Kenya item counts once
    assert {e.key for e in first} < {e.key for e in second}  # nothing seen is new again
    (new,) = [e for e in second if e.key not in {e.key for e in first}]
    assert new.summary == "Chile plans a national AI centre." and new.url is None


def test_a_linkless_items_date_is_part_of_what_it_is() -> None:
    text = "Weekly note: the national compute centre is open."
    monday, tuesday = "Mon, 23 Nov 2026 09:00:00 GMT", "Tue, 24 Nov 2026 09:00:00 GMT"
    keys = [e.key for e in feed_of(description_only(text, monday), description_only(text, tuesday))]
    assert len(set(keys)) == 2
    assert keys[0] == feed_of(description_only(text, monday))[0].key
