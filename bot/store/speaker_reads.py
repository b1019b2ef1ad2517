"""Speakers' cards: who a person is, as the articles say, and their latest quotes.

A card needs a speaker's few latest quotes, key ones first. They are read for all the
speakers of a reply in one statement: a compound of one index-ordered, limited read per
speaker (`ix_speaker_quotes_name`), not a round trip each, and not a ranking of every quote
a much-quoted minister has given. The statement is built once per number of speakers and
quotes, and reads columns, not ORM objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import Row, Select, bindparam, select, union_all
from sqlalchemy.orm import Session, aliased

from bot.ledger.views import QuoteRef, SpeakerFacts
from bot.store.ledger_tables import SpeakerQuoteRow

__all__ = ["speaker_cards"]

_q = SpeakerQuoteRow
_CARD: tuple[Any, ...] = (
    _q.id, _q.speaker_key, _q.speaker, _q.speaker_latin, _q.role, _q.country, _q.text,
    _q.title, _q.url, _q.source, _q.reported_at,
)  # fmt: skip


@cache
def _cards(speakers: int, per_speaker: int) -> Select[Any]:
    alias = aliased(SpeakerQuoteRow)
    latest = [
        select(alias.id)
        .where(alias.speaker_key == bindparam(f"k{i}"))
        .order_by(alias.key.desc(), alias.reported_at.desc(), alias.id.desc())
        .limit(per_speaker)
        .subquery()
        for i in range(speakers)
    ]
    chosen = union_all(*(select(sub.c.id) for sub in latest)).subquery()
    return select(*_CARD).where(_q.id.in_(select(chosen.c.id)))


def speaker_cards(
    s: Session, found: Sequence[tuple[str, int]], quotes: int
) -> tuple[SpeakerFacts, ...]:
    """The cards of `found` (speaker key, quotes counted), in that order, each with its
    `quotes` latest quotes."""
    if not found:
        return ()
    params = {f"k{i}": key for i, (key, _count) in enumerate(found)}
    by_key: dict[str, list[Row[Any]]] = {}
    for row in s.connection().execute(_cards(len(found), max(quotes, 1) * 3), params):
        by_key.setdefault(row.speaker_key, []).append(row)
    return tuple(_card(by_key[key], count, quotes) for key, count in found if by_key.get(key))


def _card(rows: Sequence[Row[Any]], count: int, quotes: int) -> SpeakerFacts:
    """Latest name spelling, role and country, and latest key quotes."""
    newest = sorted(rows, key=lambda r: (r.reported_at, r.id), reverse=True)
    latest = newest[0]
    return SpeakerFacts(
        name=latest.speaker,
        quotes_count=int(count),
        latin=latest.speaker_latin,
        role=next((r.role for r in newest if r.role), None),
        country=latest.country,
        quotes=tuple(
            QuoteRef(r.text, r.title, r.url, r.source, r.reported_at) for r in newest[:quotes]
        ),
    )
