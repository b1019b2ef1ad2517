"""A window's sums read from the per-day rollups, with its two partial days read raw.

A window [start, end) is rarely whole days: it runs from now minus N days to now. Its
whole UTC days come from `ledger_days` / `speaker_days` (one row per day and kind, or per
day and speaker); the part of a day at each end is aggregated from the rows themselves,
each end its own index range (an OR of two ranges is read as a country's whole index).
All three parts go in one statement.

The statements are built once per backend, their window given as parameters: building
and keying a compound statement costs about a millisecond, more than SQLite takes to run
it. A window with no whole day reads an empty range of days and one raw range.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Select, String, bindparam, func, select, type_coerce, union_all
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from bot.store.ledger_rollup import day_start, ledger_day_select, speaker_day_select
from bot.store.ledger_tables import AnnouncementRow, SpeakerQuoteRow
from bot.store.rollup_tables import LedgerDayRow, SpeakerDayRow

__all__ = ["day_rows", "top_speakers", "totals_rows", "whole_days"]

_EDGES = (("s0", "s1"), ("t0", "t1"))
_LEDGER = ("country", "day", "kind", "amount", "announcements", "conflicts", "revisions")
_SPEAKERS = ("country", "day", "speaker_key", "quotes", "last_reported")


def whole_days(start: datetime, end: datetime) -> tuple[date, date] | None:
    """The first whole UTC day of [start, end) and the day after its last; None if the
    window holds no whole day."""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    first = start.date() if start == day_start(start.date()) else start.date() + timedelta(1)
    return (first, end.date()) if first < end.date() else None


def _window(start: datetime, end: datetime) -> dict[str, Any]:
    """The statements' parameters: whole days [d0, d1), raw [s0, s1) and [t0, t1)."""
    days = whole_days(start, end)
    if days is None:
        none = start.date()
        return {"d0": none, "d1": none, "s0": start, "s1": end, "t0": end, "t1": end}
    first, last = day_start(days[0]), day_start(days[1])
    return {"d0": days[0], "d1": days[1], "s0": start, "s1": first, "t0": last, "t1": end}


def _backend(s: Session) -> str:
    return s.get_bind().dialect.name


@cache
def _days(backend: str) -> Any:
    a, r = AnnouncementRow, LedgerDayRow
    countries: BindParameter[Any] = bindparam("countries", expanding=True)
    rolled = select(*(getattr(r, n).label(n) for n in _LEDGER)).where(
        r.country.in_(countries), r.day >= bindparam("d0"), r.day < bindparam("d1")
    )
    edges = [
        ledger_day_select(
            backend,
            a.country.in_(countries),
            a.first_reported >= bindparam(low),
            a.first_reported < bindparam(high),
        )
        for low, high in _EDGES
    ]
    return union_all(rolled, *edges).subquery("days")


@cache
def _day_rows(backend: str) -> Select[Any]:
    days = _days(backend)
    day = type_coerce(days.c.day, String)  # parsed below: SQLite's date parser is slow
    counts = (days.c.announcements, days.c.conflicts, days.c.revisions)
    return select(day, days.c.kind, days.c.amount, *counts).order_by(days.c.day, days.c.kind)


@cache
def _totals_rows(backend: str) -> Select[Any]:
    days = _days(backend)
    sums = (days.c.amount, days.c.announcements, days.c.conflicts, days.c.revisions)
    return select(days.c.country, days.c.kind, *(func.sum(c) for c in sums)).group_by(
        days.c.country, days.c.kind
    )


def day_rows(
    s: Session, country: str, start: datetime, end: datetime
) -> list[tuple[date, str, float, int, int, int]]:
    """(day, kind, amount, announcements, conflicts, revisions) of a country's counted
    announcements per UTC day, oldest first; amount is USD for money, else the value."""
    backend = _backend(s)
    params = {"countries": [country]} | _window(start, end)
    rows = s.connection().execute(_day_rows(backend), params)
    if backend != "sqlite":  # typed by the driver already
        return [tuple(row) for row in rows]
    return [(date.fromisoformat(day), *rest) for day, *rest in rows]


def totals_rows(
    s: Session, countries: Sequence[str], start: datetime, end: datetime
) -> list[tuple[str, str, float, int, int, int]]:
    """(country, kind, amount, announcements, conflicts, revisions) over [start, end)."""
    params = {"countries": list(countries)} | _window(start, end)
    return [
        (country, kind, float(amount or 0.0), int(count), int(conflicts), int(revisions))
        for country, kind, amount, count, conflicts, revisions in s.connection().execute(
            _totals_rows(_backend(s)), params
        )
    ]


@cache
def _top_speakers(backend: str) -> Select[Any]:
    q, r = SpeakerQuoteRow, SpeakerDayRow
    country: BindParameter[str] = bindparam("country")
    rolled = select(*(getattr(r, n).label(n) for n in _SPEAKERS)).where(
        r.country == country, r.day >= bindparam("d0"), r.day < bindparam("d1")
    )
    edges = [
        speaker_day_select(
            backend,
            q.country == country,
            q.reported_at >= bindparam(low),
            q.reported_at < bindparam(high),
        )
        for low, high in _EDGES
    ]
    both = union_all(rolled, *edges).subquery("quoted")
    quotes = func.sum(both.c.quotes)
    return (
        select(both.c.speaker_key, quotes)
        .group_by(both.c.speaker_key)
        .order_by(quotes.desc(), func.max(both.c.last_reported).desc(), both.c.speaker_key)
        .limit(bindparam("limit"))
    )


def top_speakers(
    s: Session, country: str, start: datetime, end: datetime, limit: int
) -> list[tuple[str, int]]:
    """The most quoted speakers of a country over [start, end), the latest quoted first
    among equals (then by name, so that a tie reads the same every time): (key, quotes)."""
    params = {"country": country, "limit": limit} | _window(start, end)
    rows = s.connection().execute(_top_speakers(_backend(s)), params)
    return [(key, int(count)) for key, count in rows]
