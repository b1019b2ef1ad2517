"""What one feed's poll says: a line for the terminal and the logs, and its counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.wording import counted

__all__ = ["FeedReport"]


@dataclass(frozen=True)
class FeedReport:
    """How one feed's poll went, for the terminal and the logs."""

    feed_id: int
    label: str
    status: str  # "ok", "first", "not-modified", "unchanged" or "error"
    new_entries: int = 0
    articles: int = 0
    error: str | None = None
    next_poll: datetime | None = None
    not_a_feed: bool = False  # the URL answered, but with something that is not a feed
    unsaved: int = 0  # entries whose article the database refused; read again next poll
    storage_failed: bool = False  # the database refused a write: `poll --once` exits 1

    def line(self) -> str:
        if self.status == "error":
            when = f" (next attempt {self.next_poll:%Y-%m-%d %H:%M} UTC)" if self.next_poll else ""
            return f"{self.label}: error: {self.error}{when}"
        if self.status in ("not-modified", "unchanged"):
            return f"{self.label}: not modified"
        if self.status == "first":
            them = "it" if self.new_entries == 1 else "them"
            return (
                f"{self.label}: first poll, {counted(self.new_entries, 'existing entry')} "
                f"marked as seen (use --backfill to read {them})"
            )
        new = f"{counted(self.new_entries, 'new entry')}, {counted(self.articles, 'new article')}"
        done = f"{self.label}: {new}"
        if self.unsaved:
            done += (
                f"; {counted(self.unsaved, 'entry')} could not be stored ({self.error}),"
                " kept unread for the next poll"
            )
        return done
