"""The records a briefing shows: its timeline, revisions and conflicts, with their sources.

They used to take six statements (each part, the conflicting groups' rows, the sources,
the revised records); on PostgreSQL each is a round trip, and under load a round trip is
where the time goes. Now three: the window's latest conflict groups; one compound read of
every record shown (each part an index-ordered, limited read) with the records they
revise; their sources. The parts are picked out of that read again here, which gives the
same records: each part's statement already holds its own top rows, and the records only
revised are never current, so they fall in no part. All three are built once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Row, Select, bindparam, func, select, union_all
from sqlalchemy.orm import Session, aliased

from bot.ledger.views import Announcement
from bot.store.ledger_tables import AnnouncementRow, AnnouncementSourceRow

__all__ = ["Shown", "announcement_of", "shown_records"]

TIMELINE = 8
SHOWN_REVISIONS = 4
SHOWN_CONFLICTS = 3
SOURCES_SHOWN = 3

_a = AnnouncementRow


@dataclass(frozen=True)
class Shown:
    timeline: tuple[Announcement, ...]
    revisions: tuple[Announcement, ...]
    conflict_groups: tuple[int, ...]
    conflicting: tuple[Announcement, ...]  # the groups' current records, most reported first


def announcement_of(row: Any, sources: Sequence[tuple[str, str]] = ()) -> Announcement:
    """A stored record (ORM object or row) as commands show it."""
    return Announcement(
        id=row.id,
        country=row.country,
        kind=row.kind,
        programme=row.programme,
        value=row.value,
        unit=row.unit,
        figure_text=row.figure_text,
        first_reported=row.first_reported,
        last_reported=row.last_reported,
        usd=row.usd,
        rate_date=row.rate_date,
        actor=row.actor,
        quote_text=row.quote_text,
        quote_speaker=row.quote_speaker,
        source_count=row.source_count,
        sources=tuple(sources),
        current=row.current,
        counted=row.counted,
        conflict_group=row.conflict_group,
        named=bool(row.programme_key),
        story_id=row.story_id,
    )


def _window() -> tuple[Any, ...]:
    return (
        _a.country == bindparam("country"),
        _a.first_reported >= bindparam("start"),
        _a.first_reported < bindparam("end"),
        _a.current.is_(True),
    )


@cache
def _groups() -> Select[Any]:
    return (
        select(_a.conflict_group)
        .where(*_window(), _a.conflict_group.is_not(None))
        .group_by(_a.conflict_group)
        .order_by(func.max(_a.first_reported).desc())
        .limit(SHOWN_CONFLICTS)
    )


@cache
def _records() -> Select[Any]:
    newest = (_a.first_reported.desc(), _a.id.desc())
    parts = [
        select(_a.id).where(*_window()).order_by(*newest).limit(bindparam("timeline")),
        select(_a.id)
        .where(*_window(), _a.revises_id.is_not(None))
        .order_by(*newest)
        .limit(SHOWN_REVISIONS),
        select(_a.id).where(
            _a.conflict_group.in_(bindparam("groups", expanding=True)), _a.current.is_(True)
        ),
    ]
    shown = union_all(*(select(part.subquery().c.id) for part in parts)).cte("shown")
    other = aliased(AnnouncementRow)
    revised = select(other.revises_id).join(shown, other.id == shown.c.id)
    # one IN over a union: an OR of two INs made PostgreSQL scan the whole table
    wanted = union_all(select(shown.c.id), revised).subquery("wanted")
    return select(AnnouncementRow.__table__).where(_a.id.in_(select(wanted.c.id)))


@cache
def _sources() -> Any:
    src = AnnouncementSourceRow
    return (
        select(src.announcement_id, src.source, src.url)
        .where(src.announcement_id.in_(bindparam("ids", expanding=True)))
        .order_by(src.reported_at, src.id)
    )


def shown_records(
    s: Session, country: str, start: datetime, end: datetime, *, detail: bool = True
) -> Shown:
    """The window's records to show; without `detail` (a comparison) the latest one only."""
    conn = s.connection()
    window = {"country": country, "start": start, "end": end}
    groups = [g for (g,) in conn.execute(_groups(), window) if g is not None] if detail else []
    latest = TIMELINE if detail else 1
    params = window | {"timeline": latest, "groups": groups}
    rows = list(conn.execute(_records(), params))
    inside = sorted(
        (r for r in rows if r.current and r.country == country and start <= r.first_reported < end),
        key=lambda r: (r.first_reported, r.id),
        reverse=True,
    )
    timeline = inside[:latest]
    revisions = [r for r in inside if r.revises_id is not None][:SHOWN_REVISIONS] if detail else []
    conflicting = sorted(
        (r for r in rows if r.current and r.conflict_group in groups),
        key=lambda r: (-r.source_count, r.id),
    )
    by_id = _with_sources(conn, {r.id: r for r in rows}, [*timeline, *revisions, *conflicting])
    return Shown(
        timeline=tuple(by_id[r.id] for r in timeline),
        revisions=tuple(by_id[r.id] for r in revisions),
        conflict_groups=tuple(groups),
        conflicting=tuple(by_id[r.id] for r in conflicting),
    )


def _with_sources(
    conn: Any, loaded: dict[int, Row[Any]], shown: Sequence[Row[Any]]
) -> dict[int, Announcement]:
    """The shown records with their first sources and the records they revise."""
    ids = list(dict.fromkeys(r.id for r in shown))
    sources: dict[int, list[tuple[str, str]]] = {}
    for ident, source, url in conn.execute(_sources(), {"ids": ids}) if ids else ():
        held = sources.setdefault(ident, [])
        if len(held) < SOURCES_SHOWN:
            held.append((source or url, url))
    out = {}
    for ident in ids:
        row = loaded[ident]
        shown_one = announcement_of(row, sources.get(ident, ()))
        if row.revises_id in loaded:
            shown_one = replace(shown_one, revises=announcement_of(loaded[row.revises_id]))
        out[ident] = shown_one
    return out
