"""Terminal output for the CLI: tables and progress bars (rich), only when on a terminal."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from bot.redact import redact
from bot.settings import WEEKDAYS, Settings
from bot.sources import source_status
from bot.store.repo import FeedState, SubscriptionState

__all__ = ["print_sources", "print_subscriptions", "progress_bar"]

PROGRESS_FROM = 5  # a bar for a handful of feeds is noise


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for long work; a no-op when stderr is not a terminal."""
    console = Console(stderr=True)
    if total < PROGRESS_FROM or not console.is_terminal:
        yield lambda: None
        return
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)


def _when(value: datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else "-"


def print_sources(feeds: Sequence[FeedState]) -> None:
    """One row per feed: status, last success, last error, next poll, items."""
    console = Console(width=None if Console().is_terminal else 200)
    if not feeds:
        console.print("no feeds: add one with `sovai sources add URL` or in the config file")
        return
    table = Table("id", "name", "status", "last success", "next poll", "items", "last error / URL")
    for feed in feeds:
        # escaped: "[redacted]" and any [brackets] in an error are text, not rich markup
        detail = escape(redact((feed.last_error if feed.error_count else feed.url) or ""))
        table.add_row(
            str(feed.id),
            escape(feed.name or "-"),
            source_status(feed),
            _when(feed.last_success_at),
            _when(feed.next_poll_at),
            str(feed.entry_count),
            detail,
            style="red" if feed.error_count else None,
        )
    console.print(table)
    console.print("times in UTC")


def _schedule(sub: SubscriptionState, time: str, zone: str) -> str:
    """'08:00 Asia/Tokyo', or 'Fri 07:30 Asia/Tokyo (weekly)'."""
    when = f"{sub.digest_time or time} {sub.timezone or zone}"
    day = sub.digest_weekday
    return f"{WEEKDAYS[day][:3]} {when} (weekly)" if sub.weekly and day is not None else when


def print_subscriptions(
    subs: Sequence[SubscriptionState], last_sent: Sequence[datetime | None], settings: Settings
) -> None:
    """One row per channel: countries, digest time, status with the last delivery problem."""
    console = Console(width=None if Console().is_terminal else 200)
    default = settings.config.digest
    table = Table("id", "platform", "channel", "countries", "digest at", "last digest", "status")
    for sub, sent in zip(subs, last_sent, strict=True):
        status = "ok"  # errors stored by an older version may still hold a token
        if sub.paused:
            status = f"paused: {redact(sub.last_error or '')}"
        elif sub.last_error:
            status = f"last error: {redact(sub.last_error)}"
        table.add_row(
            str(sub.id),
            sub.platform,
            escape(sub.channel),
            ", ".join(sub.countries) or "all",
            _schedule(sub, default.time, default.timezone),
            _when(sent),
            escape(status),
            style="red" if sub.paused else None,
        )
    console.print(table)
