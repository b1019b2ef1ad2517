"""Which of a feed's entries a poll keeps: the newest few, however long the feed.

A feed that lists its whole archive (100,000 items) must cost a poll no more than one
that lists its last 500: older items are never stored, so never read, and the same
newest ones are chosen every time, so an item once left out is not picked up later.

An item is its key (bot/feeds/parse.py): its guid or link, or for an item with neither
a hash of its content, so an item listed twice in a feed, or the same linkless text on
every poll, is one entry, and counts once towards the limit.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.models import Entry

__all__ = ["newest_entries"]


def newest_entries(entries: Sequence[Entry], limit: int) -> list[Entry]:
    """The `limit` newest entries, in the feed's order: dated ones by date, then undated
    ones in feed order (feeds list their newest first); of entries with the same key only
    the first is kept, as the store would keep it."""
    unique = _first_of_each_key(entries)
    if len(unique) <= limit:
        return unique
    ranked = sorted(
        range(len(unique)),
        key=lambda i: (unique[i].published is None, -_timestamp(unique[i]), i),
    )
    return [unique[i] for i in sorted(ranked[:limit])]


def _first_of_each_key(entries: Sequence[Entry]) -> list[Entry]:
    seen: set[str] = set()
    unique: list[Entry] = []
    for entry in entries:
        if entry.key not in seen:
            seen.add(entry.key)
            unique.append(entry)
    return unique


def _timestamp(entry: Entry) -> float:
    return entry.published.timestamp() if entry.published is not None else 0.0
