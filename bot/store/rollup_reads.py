"""A window's sums read from the per-day rollups, with its two partial days read raw.

A window [start, end) is rarely whole days: it runs from now minus N days to now. Its
whole UTC days come from `ledger_days` / `speaker_days` (one row per day and kind, or per
day and speaker); the part of a day at each end is aggregated from the rows themselves,
over the same indexes as before. Both halves go in one statement.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, select, union_all
from sqlalchemy.orm import Session

from bot.store.ledger_rollup import day_start, ledger_day_select, speaker_day_select
from bot.store.ledger_tables import AnnouncementRow, SpeakerQuoteRow
from bot.store.rollup_tables import LedgerDayRow, SpeakerDayRow

__all__ = ["day_rows", "top_speakers", "whole_days"]


def whole_days(start: datetime, end: datetime) -> tuple[date, date] | None:
    """The first whole UTC day of [start, end) and the day after its last; None if the
    window holds no whole day."""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    first = start.date() if start == day_start(start.date()) else start.date() + timedelta(1)
    return (first, end.date()) if first < end.date() else None


def _edges(start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    """The parts of [start, end) outside its whole days: each a plain range, so that each
    is one index range read (an OR of two ranges is read as the country's whole index)."""
    days = whole_days(start, end)
    if days is None:
        return [(start, end)]
    edges = [(start, day_start(days[0])), (day_start(days[1]), end)]
    return [(low, high) for low, high in edges if low < high]


def _rolled(column: Any, start: datetime, end: datetime) -> ColumnElement[bool]:
    days = whole_days(start, end)
    if days is None:
        return false()
    return and_(column >= days[0], column < days[1])


def day_rows(s: Session, countries: Sequence[str], start: datetime, end: datetime) -> Any:
    """(country, day, kind, amount, announcements, conflicts, revisions) of the counted
    announcements, per UTC day, as a subquery; amount is USD for money, else the value."""
    a, r = AnnouncementRow, LedgerDayRow
    names = ("country", "day", "kind", "amount", "announcements", "conflicts", "revisions")
    rolled = select(*(getattr(r, n).label(n) for n in names)).where(
        r.country.in_(list(countries)), _rolled(r.day, start, end)
    )
    raw = [
        ledger_day_select(
            s, a.country.in_(list(countries)), a.first_reported >= low, a.first_reported < high
        )
        for low, high in _edges(start, end)
    ]
    return union_all(rolled, *raw).subquery("days")


def top_speakers(
    s: Session, country: str, start: datetime, end: datetime, limit: int
) -> list[tuple[str, int]]:
    """The most quoted speakers of a country over [start, end), the latest quoted first
    among equals (then by name, so that a tie reads the same every time): (key, quotes)."""
    q, r = SpeakerQuoteRow, SpeakerDayRow
    names = ("country", "day", "speaker_key", "quotes", "last_reported")
    rolled = select(*(getattr(r, n).label(n) for n in names)).where(
        r.country == country, _rolled(r.day, start, end)
    )
    raw = [
        speaker_day_select(s, q.country == country, q.reported_at >= low, q.reported_at < high)
        for low, high in _edges(start, end)
    ]
    both = union_all(rolled, *raw).subquery("quoted")
    quotes = func.sum(both.c.quotes)
    rows = s.execute(
        select(both.c.speaker_key, quotes)
        .group_by(both.c.speaker_key)
        .order_by(quotes.desc(), func.max(both.c.last_reported).desc(), both.c.speaker_key)
        .limit(limit)
    ).all()
    return [(key, int(count)) for key, count in rows]
