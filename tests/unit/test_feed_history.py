"""A poll keeps a feed's newest entries only: the same ones every time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.feeds.history import newest_entries
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
