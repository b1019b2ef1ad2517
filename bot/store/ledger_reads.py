"""Reading the ledger for commands: a country's facts, a speaker, announcements to export.

Each read aggregates in SQL over an index and fetches only the rows a reply shows, so a
command costs the same with 1,000 stored articles or 1,000,000: totals by kind are one
GROUP BY over `ix_announcements_counted`, story counts one COUNT over the country index,
the timeline and speakers a LIMIT each.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.ledger.views import Announcement, CountryFacts, SpeakerFacts, Totals
from bot.store.briefing_reads import SOURCES_SHOWN, announcement_of, shown_records
from bot.store.ledger_rollup import utc_day
from bot.store.ledger_tables import (
    AnnouncementRow,
    AnnouncementSourceRow,
    ArticleCountryRow,
    SpeakerQuoteRow,
)
from bot.store.rollup_reads import day_rows, top_speakers, totals_rows
from bot.store.speaker_reads import speaker_cards

__all__ = ["LedgerReads"]

TOP_SPEAKERS = 4
LATEST_STORIES = 6


def _in_window(start: datetime, end: datetime) -> ColumnElement[bool]:
    return and_(AnnouncementRow.first_reported >= start, AnnouncementRow.first_reported < end)


class LedgerReads:
    """The ledger half of `Store` that commands read."""

    _session: sessionmaker[Session]  # writes: `with self._session.begin()`
    _read: sessionmaker[Session]  # reads: no transaction of their own (see Store)

    def country_facts(
        self, country: str, start: datetime, end: datetime, *, detail: bool = True
    ) -> CountryFacts:
        """A country's facts over [start, end); `detail=False` skips what `/ai-compare`
        does not show (revisions, conflicts, the chart, several speakers)."""
        with self._read() as s:
            days = day_rows(s, country, start, end) if detail else None
            totals = (
                _totals_of(days)
                if days is not None
                else _totals(s, [country], start, end).get(country, Totals())
            )
            stories = _story_count(s, [country], start, end).get(country, 0)
            speakers = _speakers(s, country, start, end, TOP_SPEAKERS if detail else 1)
            shown = shown_records(s, country, start, end, detail=detail)
            if not detail:
                return CountryFacts(
                    country, start, end, totals, stories, shown.timeline, (), (), speakers
                )
            return CountryFacts(
                country=country,
                window_start=start,
                window_end=end,
                totals=totals,
                total_stories=stories,
                timeline=shown.timeline,
                revisions=tuple(a for a in shown.revisions if a.revises is not None),
                conflicts=_grouped(shown.conflict_groups, shown.conflicting),
                speakers=speakers,
                story_ids=_latest_stories(s, country, start, end),
                chart=_chart_of(days or []),
            )

    def announcements(
        self, country: str | None, since: datetime | None, limit: int = 100_000
    ) -> list[Announcement]:
        """Every recorded announcement (revised and conflicting ones too), oldest first,
        each with all its sources and the record it revises: what an export holds."""
        with self._read() as s:
            query = select(AnnouncementRow).order_by(AnnouncementRow.first_reported)
            if country:
                query = query.where(AnnouncementRow.country == country)
            if since:
                query = query.where(AnnouncementRow.first_reported >= since)
            rows = list(s.scalars(query.limit(limit)))
            return _with_sources(s, rows, limit=None)

    def announcement(self, ident: int) -> Announcement | None:
        """One announcement with its sources and the record it revises (for an alert)."""
        with self._read() as s:
            row = s.get(AnnouncementRow, ident)
            return _with_sources(s, [row])[0] if row is not None else None

    def trend(
        self, start: datetime, end: datetime, countries: Sequence[str] = (), top: int = 6
    ) -> dict[str, list[tuple[date, float]]]:
        """USD announced per day and country over [start, end), for the weekly chart: the
        `top` countries by money (or only `countries`), each announcement counted once."""
        with self._read() as s:
            day = utc_day(s, AnnouncementRow.first_reported)
            query = (
                select(AnnouncementRow.country, day, func.sum(AnnouncementRow.usd))
                .where(
                    AnnouncementRow.kind == "money",
                    AnnouncementRow.counted.is_(True),
                    _in_window(start, end),
                )
                .group_by(AnnouncementRow.country, day)
            )
            if countries:
                query = query.where(AnnouncementRow.country.in_(list(countries)))
            series: dict[str, list[tuple[date, float]]] = {}
            for country, when, usd in s.execute(query):
                key = when if isinstance(when, date) else date.fromisoformat(str(when))
                series.setdefault(country, []).append((key, float(usd or 0.0)))
        ranked = sorted(series, key=lambda c: -sum(v for _, v in series[c]))[:top]
        return {c: sorted(series[c]) for c in ranked if any(v for _, v in series[c])}

    def speakers_named(self, name: str, limit: int = 5) -> list[SpeakerFacts]:
        """The people quoted under `name`: a full name, or a surname (then all who bear it,
        most quoted first), each with their latest quotes."""
        folded = " ".join(name.split()).casefold()
        column = SpeakerQuoteRow.speaker_key if " " in folded else SpeakerQuoteRow.surname_key
        with self._read() as s:
            found = s.execute(
                select(SpeakerQuoteRow.speaker_key, func.count())
                .where(column == folded[:256])
                .group_by(SpeakerQuoteRow.speaker_key)
                .order_by(func.count().desc())
                .limit(limit)
            ).all()
            return list(speaker_cards(s, [(key, int(count)) for key, count in found], quotes=3))


def _totals(
    s: Session, countries: Sequence[str], start: datetime, end: datetime
) -> dict[str, Totals]:
    parts: dict[str, dict[str, Any]] = {}
    for country, kind, amount, count, conflicts, revisions in totals_rows(s, countries, start, end):
        part = parts.setdefault(country, {"announcements": 0, "conflicts": 0, "revisions": 0})
        part["announcements"] += count
        part["conflicts"] += conflicts
        part["revisions"] += revisions
        part[_FIELD[kind]] = amount
    return {country: Totals(**part) for country, part in parts.items()}


def _story_count(
    s: Session, countries: Sequence[str], start: datetime, end: datetime
) -> dict[str, int]:
    rows = s.execute(
        select(ArticleCountryRow.country, func.count(ArticleCountryRow.story_id.distinct()))
        .where(
            ArticleCountryRow.country.in_(list(countries)),
            ArticleCountryRow.relevant.is_(True),
            ArticleCountryRow.fetched_at >= start,
            ArticleCountryRow.fetched_at < end,
        )
        .group_by(ArticleCountryRow.country)
    ).all()
    return {country: int(count) for country, count in rows}


def _latest_stories(s: Session, country: str, start: datetime, end: datetime) -> tuple[int, ...]:
    rows = s.scalars(
        select(ArticleCountryRow.story_id)
        .where(
            ArticleCountryRow.country == country,
            ArticleCountryRow.relevant.is_(True),
            ArticleCountryRow.fetched_at >= start,
            ArticleCountryRow.fetched_at < end,
        )
        .order_by(ArticleCountryRow.fetched_at.desc())
        .limit(LATEST_STORIES * 4)  # several articles of one story come together
    )
    return tuple(dict.fromkeys(rows))[:LATEST_STORIES]


def _with_sources(
    s: Session, rows: Sequence[AnnouncementRow], limit: int | None = SOURCES_SHOWN
) -> list[Announcement]:
    """The announcements with their sources (first `limit` each) and revised records."""
    ids = [row.id for row in rows]
    sources: dict[int, list[tuple[str, str]]] = {}
    for start in range(0, len(ids), 500):
        for ident, source, url in s.execute(
            select(
                AnnouncementSourceRow.announcement_id,
                AnnouncementSourceRow.source,
                AnnouncementSourceRow.url,
            )
            .where(AnnouncementSourceRow.announcement_id.in_(ids[start : start + 500]))
            .order_by(AnnouncementSourceRow.reported_at, AnnouncementSourceRow.id)
        ):
            held = sources.setdefault(ident, [])
            if limit is None or len(held) < limit:
                held.append((source or url, url))
    earlier_ids = [row.revises_id for row in rows if row.revises_id is not None]
    earlier = {
        row.id: announcement_of(row)
        for start in range(0, len(earlier_ids), 500)
        for row in s.scalars(
            select(AnnouncementRow).where(AnnouncementRow.id.in_(earlier_ids[start : start + 500]))
        )
    }
    out = []
    for row in rows:
        shown = announcement_of(row, sources.get(row.id, ()))
        if row.revises_id in earlier:
            shown = replace(shown, revises=earlier[row.revises_id])
        out.append(shown)
    return out


def _grouped(
    groups: Sequence[int], shown: Sequence[Announcement]
) -> tuple[tuple[Announcement, ...], ...]:
    """The conflicting records by group, latest group first; a group left with one
    current record is no longer a conflict."""
    return tuple(
        tuple(a for a in shown if a.conflict_group == group)
        for group in groups
        if sum(a.conflict_group == group for a in shown) > 1
    )


_FIELD = {"money": "usd", "gpus": "gpus", "power": "mw", "compute": "eflops"}
_DayRow = tuple[date, str, float, int, int, int]  # day, kind, amount, count, conflicts, revisions


def _totals_of(days: Sequence[_DayRow]) -> Totals:
    amounts: dict[str, list[float]] = {}
    counts = [0, 0, 0]
    for _, kind, amount, count, conflicts, revisions in days:
        amounts.setdefault(_FIELD[kind], []).append(amount)
        counts = [counts[0] + count, counts[1] + conflicts, counts[2] + revisions]
    sums = {field: math.fsum(values) for field, values in amounts.items()}
    return Totals(**sums, announcements=counts[0], conflicts=counts[1], revisions=counts[2])


def _chart_of(days: Sequence[_DayRow]) -> tuple[tuple[date, float, float], ...]:
    by_day: dict[date, list[float]] = {}
    for when, kind, amount, *_ in days:
        if kind in ("money", "gpus"):
            by_day.setdefault(when, [0.0, 0.0])[0 if kind == "money" else 1] += amount
    return tuple((when, usd, gpus) for when, (usd, gpus) in sorted(by_day.items()))


def _speakers(
    s: Session, country: str, start: datetime, end: datetime, limit: int
) -> tuple[SpeakerFacts, ...]:
    return speaker_cards(s, top_speakers(s, country, start, end, limit), quotes=1)
