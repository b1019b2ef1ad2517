"""Which of a feed's entries a poll keeps: the newest few, however long the feed.

A feed that lists its whole archive (100,000 items) must cost a poll no more than one
that lists its last 500: older items are never stored, so never read, and the same
newest ones are chosen every time, so an item once left out is not picked up later.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.models import Entry

__all__ = ["newest_entries"]


def newest_entries(entries: Sequence[Entry], limit: int) -> list[Entry]:
    """The `limit` newest entries, in the feed's order: dated ones by date, then undated
    ones in feed order (feeds list their newest first)."""
    if len(entries) <= limit:
        return list(entries)
    ranked = sorted(
        range(len(entries)),
        key=lambda i: (entries[i].published is None, -_timestamp(entries[i]), i),
    )
    return [entries[i] for i in sorted(ranked[:limit])]


def _timestamp(entry: Entry) -> float:
    return entry.published.timestamp() if entry.published is not None else 0.0
