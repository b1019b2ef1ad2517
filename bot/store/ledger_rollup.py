"""Keeping `ledger_days` and `speaker_days` equal to the rows they sum.

A touched day is recomputed from its rows rather than adjusted by adding and
subtracting: an announcement stops being counted when a revision or a conflict arrives,
its first day moves when an earlier source turns up, a re-read article replaces its
quotes, a prune deletes them. Recomputing one country's day is right whatever happened,
and costs one aggregate over that day's rows.

Every change made through the ORM to an announcement or a quote marks its day (and its
old day) before a flush; a Core statement that bypasses the ORM marks its days with
`mark_quotes_of`. Just before the transaction commits the marked days are recomputed:
on PostgreSQL under a lock per country, so that two workers committing the same day one
after the other each recompute it from what the other has committed.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    and_,
    case,
    cast,
    delete,
    event,
    func,
    insert,
    inspect,
    or_,
    select,
    text,
)
from sqlalchemy.orm import InstrumentedAttribute, Session, sessionmaker

from bot.store.ledger_tables import AnnouncementRow, SpeakerQuoteRow
from bot.store.locks import LOCK_CLASS
from bot.store.rollup_tables import LedgerDayRow, SpeakerDayRow

__all__ = [
    "day_start",
    "ledger_day_select",
    "mark_quotes_of",
    "rebuild_rollups",
    "speaker_day_select",
    "track_rollups",
    "utc_day",
]

LEDGER, SPEAKERS = "ledger_days", "speaker_days"
ROLLUP_LOCK_CLASS = LOCK_CLASS + 1  # pg_advisory_xact_lock(class, country's crc32)
_COUNTED_FIELDS = (
    "country", "first_reported", "kind", "counted", "usd", "value", "conflict_group",
    "revises_id",
)  # fmt: skip
_QUOTE_FIELDS = ("country", "reported_at", "speaker_key")
_MARKS = "sovai_rollup_marks"


def utc_day(s: Session | str, column: Any) -> Any:
    """The UTC calendar day of a stored time, on the session's backend (or the named one)."""
    if (s if isinstance(s, str) else s.get_bind().dialect.name) == "sqlite":
        return func.date(column)
    return cast(func.timezone("UTC", column), Date)


def day_start(day: date) -> datetime:
    return datetime.combine(day, time(), UTC)


def on_days(column: Any, days: Iterable[date]) -> ColumnElement[bool]:
    """`column` falls on one of `days` (UTC): ranges an index on it can serve."""
    return or_(
        *(and_(column >= day_start(d), column < day_start(d) + timedelta(days=1)) for d in days)
    )


def track_rollups(maker: sessionmaker[Session]) -> None:
    """Keep the rollups of every session `maker` makes."""
    event.listen(maker, "before_flush", _mark_changed)
    event.listen(maker, "before_commit", _refresh_marked)


def mark_quotes_of(s: Session, article_ids: Sequence[int]) -> None:
    """Before a Core DELETE of these articles' quotes: mark the days they counted on."""
    day = utc_day(s, SpeakerQuoteRow.reported_at)
    for start in range(0, len(article_ids), 500):
        for country, when in s.execute(
            select(SpeakerQuoteRow.country, day)
            .where(SpeakerQuoteRow.article_id.in_(article_ids[start : start + 500]))
            .distinct()
        ):
            if country is not None:
                _marks(s)[SPEAKERS].add((country, _as_date(when)))


def rebuild_rollups(s: Session) -> None:
    """Recompute every day of both rollups (an upgrade, a generated database)."""
    s.execute(delete(LedgerDayRow))
    s.execute(delete(SpeakerDayRow))
    s.execute(_ledger_insert(s, None))
    s.execute(_speaker_insert(s, None))


def _marks(s: Session) -> dict[str, set[tuple[str, date]]]:
    marks: dict[str, set[tuple[str, date]]] = s.info.setdefault(
        _MARKS, {LEDGER: set(), SPEAKERS: set()}
    )
    return marks


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.astimezone(UTC).date()
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _days_of(
    obj: Any, fields: Sequence[str], country: str, when: str, *, changed: bool
) -> set[tuple[str, date]]:
    """The (country, day) an object counts on now and, if it changed, counted on before;
    with `changed`, nothing unless one of `fields` changed."""
    attrs = inspect(obj).attrs
    if changed and not any(attrs[f].history.has_changes() for f in fields):
        return set()
    countries = [getattr(obj, country), *attrs[country].history.deleted]
    times = [getattr(obj, when), *attrs[when].history.deleted]
    return {(c, _as_date(t)) for c in countries for t in times if c is not None and t is not None}


def _mark_changed(s: Session, _context: Any, _instances: Any) -> None:
    marks = _marks(s)
    for objects, changed in ((s.new, False), (s.dirty, True), (s.deleted, False)):
        for obj in objects:
            if isinstance(obj, AnnouncementRow):
                marks[LEDGER] |= _days_of(
                    obj, _COUNTED_FIELDS, "country", "first_reported", changed=changed
                )
            elif isinstance(obj, SpeakerQuoteRow):
                marks[SPEAKERS] |= _days_of(
                    obj, _QUOTE_FIELDS, "country", "reported_at", changed=changed
                )


def _refresh_marked(s: Session) -> None:
    if not any(_marks(s).values()):
        return
    s.flush()  # the last changes mark their days too
    marks = s.info.pop(_MARKS)
    countries = sorted({country for keys in marks.values() for country, _ in keys})
    if s.get_bind().dialect.name == "postgresql":
        for country in countries:  # in one order: two commits cannot wait on each other
            s.execute(
                text("SELECT pg_advisory_xact_lock(:c, :k)"),
                {"c": ROLLUP_LOCK_CLASS, "k": zlib.crc32(country.encode()) & 0x7FFFFFFF},
            )
    for country in countries:
        ledger = sorted(d for c, d in marks[LEDGER] if c == country)
        speakers = sorted(d for c, d in marks[SPEAKERS] if c == country)
        if ledger:
            s.execute(_delete_days(LedgerDayRow, country, ledger))
            s.execute(_ledger_insert(s, (country, ledger)))
        if speakers:
            s.execute(_delete_days(SpeakerDayRow, country, speakers))
            s.execute(_speaker_insert(s, (country, speakers)))


def _delete_days(table: type[LedgerDayRow | SpeakerDayRow], country: str, days: list[date]) -> Any:
    return delete(table).where(table.country == country, table.day.in_(days))


def _only(
    country_column: InstrumentedAttribute[Any],
    time_column: InstrumentedAttribute[Any],
    where: tuple[str, list[date]] | None,
) -> list[ColumnElement[bool]]:
    if where is None:
        return [country_column.is_not(None)]
    country, days = where
    return [country_column == country, on_days(time_column, days)]


def ledger_day_select(s: Session | str, *where: ColumnElement[bool]) -> Any:
    """(country, day, kind, amount, announcements, conflicts, revisions) of the counted
    announcements per UTC day: amount is USD for money, else the value."""
    a = AnnouncementRow
    day = utc_day(s, a.first_reported)
    amount = func.coalesce(func.sum(case((a.kind == "money", a.usd), else_=a.value)), 0.0)
    return (
        select(a.country, day, a.kind, amount, func.count(), *_counts(a))
        .where(a.counted.is_(True), *where)
        .group_by(a.country, day, a.kind)
    )


def _counts(a: type[AnnouncementRow]) -> tuple[Any, Any]:
    return func.count(a.conflict_group), func.count(a.revises_id)


def speaker_day_select(s: Session | str, *where: ColumnElement[bool]) -> Any:
    """(country, day, speaker key, quotes, last quoted) per UTC day."""
    q = SpeakerQuoteRow
    day = utc_day(s, q.reported_at)
    return (
        select(q.country, day, q.speaker_key, func.count(), func.max(q.reported_at))
        .where(*where)
        .group_by(q.country, day, q.speaker_key)
    )


def _ledger_insert(s: Session, where: tuple[str, list[date]] | None) -> Any:
    a = AnnouncementRow
    columns = ["country", "day", "kind", "amount", "announcements", "conflicts", "revisions"]
    query = ledger_day_select(s, *_only(a.country, a.first_reported, where))
    return insert(LedgerDayRow).from_select(columns, query)


def _speaker_insert(s: Session, where: tuple[str, list[date]] | None) -> Any:
    q = SpeakerQuoteRow
    columns = ["country", "day", "speaker_key", "quotes", "last_reported"]
    query = speaker_day_select(s, *_only(q.country, q.reported_at, where))
    return insert(SpeakerDayRow).from_select(columns, query)
