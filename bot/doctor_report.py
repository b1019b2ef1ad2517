"""A doctor's finding and the table that shows them all: ok, problem or skipped, and what to do.

Kept apart from the checks so that every check module (the local ones, the chat ones)
builds the same rows without importing the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Literal

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bot.redact import redact
from bot.wording import counted

__all__ = ["Check", "ServerTime", "ok", "print_checks", "problem", "server_time", "skipped"]

Status = Literal["ok", "problem", "skipped"]
_STYLE = {"ok": "green", "problem": "bold red", "skipped": "dim"}


@dataclass(frozen=True)
class Check:
    """One row: what was checked, how it went, and (for a problem) what to do."""

    name: str
    status: Status
    detail: str
    fix: str = ""


def ok(name: str, detail: str) -> Check:
    return Check(name, "ok", detail)


def problem(name: str, detail: str, fix: str) -> Check:
    return Check(name, "problem", detail, fix)


def skipped(name: str, detail: str) -> Check:
    return Check(name, "skipped", detail)


@dataclass(frozen=True)
class ServerTime:
    """A server's clock as its `Date` header gave it, and ours when the answer came."""

    host: str
    theirs: datetime
    ours: datetime

    @property
    def skew(self) -> float:
        """Seconds our clock is ahead of theirs (negative: behind)."""
        return (self.ours - self.theirs).total_seconds()


def server_time(host: str, date_header: str | None) -> ServerTime | None:
    """The server's time from an HTTP `Date` header, None when there is none to read."""
    if not date_header:
        return None
    try:
        theirs = parsedate_to_datetime(date_header)
    except (TypeError, ValueError):
        return None
    if theirs.tzinfo is None:
        theirs = theirs.replace(tzinfo=UTC)
    return ServerTime(host, theirs, datetime.now(UTC))


def print_checks(checks: Sequence[Check], console: Console | None = None) -> None:
    """The table, then one line with the count of problems."""
    out = console or Console(width=None if Console().is_terminal else 160)
    table = Table("check", "result", "details", "what to do")
    for check in checks:
        table.add_row(
            escape(check.name),
            f"[{_STYLE[check.status]}]{check.status}[/]",
            escape(redact(check.detail)),
            escape(redact(check.fix)),
        )
    out.print(table)
    problems = sum(c.status == "problem" for c in checks)
    if problems:
        out.print(f"{counted(problems, 'problem')} found")
    else:
        out.print(f"no problems found ({len(checks)} checks)")
