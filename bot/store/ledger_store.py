"""Recording the ledger: each stored article's claims folded into announcements.

Recording runs inside the transaction that saves the article, so an article is never
stored without its announcements (nor counted twice after a crash between the two), and
the alerts a new announcement or revision sets off are queued in that same transaction:
the outbox then sends each once. `bot/ledger/match.py` decides; this module only reads
the candidates and writes what was decided.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from sqlalchemy import ColumnElement, and_, delete, or_, select
from sqlalchemy.orm import Session

from bot.ledger.model import Claim, Known, Outcome
from bot.models import Analysis
from bot.store.ledger_rollup import mark_quotes_of
from bot.store.ledger_tables import (
    AlertDeliveryRow,
    AlertRow,
    AnnouncementRow,
    AnnouncementSourceRow,
    ArticleCountryRow,
    SpeakerQuoteRow,
)

__all__ = ["Recorded", "record_claims", "record_lookups"]

# The matcher (rapidfuzz) and the programme names (the analysis lexicons) are imported by
# the functions that record claims: a command that only reads the store never needs them.


@dataclass(frozen=True)
class Recorded:
    """What one claim did: the announcement it created or joined, and how."""

    announcement_id: int
    outcome: Outcome


@lru_cache(maxsize=8192)
def _distinct(programme: str) -> frozenset[str]:
    from bot.ledger.programme_key import normalise

    return normalise(programme)[1]


def _known(row: AnnouncementRow, urls: frozenset[str]) -> Known:
    return Known(
        id=row.id,
        country=row.country,
        kind=row.kind,
        key=row.programme_key,
        value=row.value,
        unit=row.unit,
        usd=row.usd,
        first_reported=row.first_reported,
        last_reported=row.last_reported,
        story_id=row.story_id,
        urls=urls,
        distinct=_distinct(row.programme) if row.programme_key else frozenset(),
    )


def _could_match(claim: Claim) -> ColumnElement[bool]:
    """The rows `decide` could match, so a country with thousands of announcements is not
    read whole for every claim: the same story or article, an amount within the matcher's
    tolerance (a little wider; it checks exactly), or a programme name ending in the
    claim's head noun or holding one of its own name words."""
    from bot.ledger.match import SAME_USD, SAME_VALUE

    row = AnnouncementRow
    ors: list[ColumnElement[bool]] = [
        row.story_id == claim.story_id,
        row.id.in_(
            select(AnnouncementSourceRow.announcement_id).where(
                AnnouncementSourceRow.url == claim.url
            )
        ),
        and_(row.unit == claim.unit, row.value.between(*_around(claim.value, 2 * SAME_VALUE))),
    ]
    if claim.usd:
        ors.append(row.usd.between(*_around(claim.usd, 2 * SAME_USD)))
    if not claim.generic:
        head = claim.key.rsplit(" ", 1)[-1]
        ors.append(row.programme_key == head)
        ors.append(row.programme_key.endswith(" " + head, autoescape=True))
        ors += [row.programme_key.contains(word, autoescape=True) for word in claim.distinct]
    return or_(*ors)


def _around(value: float, share: float) -> tuple[float, float]:
    return value * (1 - share), value * (1 + share)


def _candidates(s: Session, claim: Claim) -> tuple[list[Known], dict[int, AnnouncementRow]]:
    from bot.ledger.match import LOOKBACK_DAYS

    since = claim.reported_at - timedelta(days=LOOKBACK_DAYS)
    rows = list(
        s.scalars(
            select(AnnouncementRow)
            .where(
                AnnouncementRow.country == claim.country,
                AnnouncementRow.kind == claim.kind,
                AnnouncementRow.current.is_(True),
                AnnouncementRow.last_reported >= since,
                _could_match(claim),
            )
            .order_by(AnnouncementRow.id)  # ties go the same way on every backend
        )
    )
    by_id = {row.id: row for row in rows}
    read_before = (
        set(
            s.scalars(
                select(AnnouncementSourceRow.announcement_id).where(
                    AnnouncementSourceRow.url == claim.url,
                    AnnouncementSourceRow.announcement_id.in_(list(by_id)),
                )
            )
        )
        if by_id
        else set()
    )
    known = [
        _known(row, frozenset({claim.url}) if row.id in read_before else frozenset())
        for row in rows
    ]
    return known, by_id


def _new_row(claim: Claim, **extra: object) -> AnnouncementRow:
    return AnnouncementRow(
        country=claim.country,
        kind=claim.kind,
        programme=claim.programme,
        programme_key=claim.key,
        actor=claim.actor,
        value=claim.value,
        unit=claim.unit,
        usd=claim.usd,
        rate_date=claim.rate_date,
        figure_text=claim.figure_text,
        quote_text=claim.quote_text,
        quote_speaker=claim.quote_speaker,
        first_reported=claim.reported_at,
        last_reported=claim.reported_at,
        story_id=claim.story_id,
        current=True,
        counted=True,
        source_count=0,
        **extra,
    )


def _add_source(s: Session, row: AnnouncementRow, claim: Claim, article_id: int | None) -> None:
    exists = s.scalar(
        select(AnnouncementSourceRow.id).where(
            AnnouncementSourceRow.announcement_id == row.id,
            AnnouncementSourceRow.url == claim.url,
        )
    )
    if exists is not None:
        return
    s.add(
        AnnouncementSourceRow(
            announcement_id=row.id,
            article_id=article_id,
            source=claim.source,
            url=claim.url,
            title=claim.title,
            figure_text=claim.figure_text,
            reported_at=claim.reported_at,
        )
    )
    row.source_count += 1
    row.last_reported = max(row.last_reported, claim.reported_at)
    row.first_reported = min(row.first_reported, claim.reported_at)
    if row.quote_text is None and claim.quote_text:
        row.quote_text, row.quote_speaker = claim.quote_text, claim.quote_speaker
    if row.actor is None and claim.actor:
        row.actor = claim.actor


def _recount(s: Session, group: int) -> None:
    """In a conflict, the amount most outlets reported is the one totals count."""
    members = list(
        s.scalars(
            select(AnnouncementRow)
            .where(AnnouncementRow.conflict_group == group, AnnouncementRow.current.is_(True))
            .order_by(AnnouncementRow.source_count.desc(), AnnouncementRow.id)
        )
    )
    for position, member in enumerate(members):
        member.counted = position == 0


def _apply(s: Session, claim: Claim, article_id: int | None) -> Recorded:
    from bot.ledger.match import decide

    candidates, rows = _candidates(s, claim)
    decision = decide(claim, candidates)
    known = rows[decision.known.id] if decision.known else None
    if decision.outcome is Outcome.SAME and known is not None:
        _add_source(s, known, claim, article_id)
        s.flush()
        if known.conflict_group is not None:
            _recount(s, known.conflict_group)
        return Recorded(known.id, Outcome.SAME)
    row = _new_row(claim)
    if known is not None and decision.outcome is Outcome.REVISION:
        row.revises_id = known.id
        superseded = (
            [AnnouncementRow.conflict_group == known.conflict_group]
            if known.conflict_group is not None
            else [AnnouncementRow.id == known.id]
        )
        for earlier in s.scalars(select(AnnouncementRow).where(*superseded)):
            earlier.current = earlier.counted = False  # through the ORM: the rollup sees it
    elif known is not None and decision.outcome is Outcome.CONFLICT:
        known.conflict_group = known.conflict_group or known.id
        row.conflict_group = known.conflict_group
    elif known is not None and decision.outcome is Outcome.EARLIER:
        row.current = row.counted = False
    s.add(row)
    s.flush()
    if known is not None and decision.outcome is Outcome.EARLIER and known.revises_id is None:
        known.revises_id = row.id
    _add_source(s, row, claim, article_id)
    s.flush()
    if row.conflict_group is not None:
        _recount(s, row.conflict_group)
    return Recorded(row.id, decision.outcome)


def _threshold_value(claim: Claim) -> float:
    return (claim.usd or 0.0) if claim.kind == "money" else claim.value


def _queue_alerts(s: Session, claim: Claim, recorded: Recorded, now: datetime) -> None:
    """Queue the alerts this new announcement or revision crosses (the alerts' outbox)."""
    if recorded.outcome not in (Outcome.NEW, Outcome.REVISION):
        return
    amount = _threshold_value(claim)
    for alert in s.scalars(
        select(AlertRow).where(AlertRow.kind == claim.kind, AlertRow.threshold <= amount)
    ):
        if alert.countries and claim.country not in alert.countries:
            continue
        s.add(
            AlertDeliveryRow(
                alert_id=alert.id,
                announcement_id=recorded.announcement_id,
                status="pending",
                attempts=0,
                created_at=now,
            )
        )


def record_claims(
    s: Session,
    claims: Sequence[Claim],
    article_id: int | None,
    now: datetime,
    *,
    alerts: bool = True,
) -> list[Recorded]:
    """Fold one article's claims into the ledger (in the caller's transaction)."""
    out: list[Recorded] = []
    for claim in claims:
        recorded = _apply(s, claim, article_id)
        if alerts:
            _queue_alerts(s, claim, recorded, now)
        out.append(recorded)
    return out


def record_lookups(
    s: Session,
    article_id: int,
    story_id: int,
    analysis: Analysis,
    fetched_at: datetime,
    article: tuple[str | None, str, str | None],
    *,
    new: bool = False,
) -> None:
    """The rows commands filter on: the article's countries, and its attributed quotes.

    `article` is (title, url, source) for the speaker's quotes to link back to. A replay
    replaces the article's earlier rows; a `new` article (stored in this transaction) has
    none, and three statements an article are saved.
    """
    if not new:
        s.execute(delete(ArticleCountryRow).where(ArticleCountryRow.article_id == article_id))
        mark_quotes_of(s, [article_id])
        s.execute(delete(SpeakerQuoteRow).where(SpeakerQuoteRow.article_id == article_id))
    for rank, code in enumerate(dict.fromkeys(analysis.countries)):
        s.add(
            ArticleCountryRow(
                article_id=article_id,
                country=code,
                story_id=story_id,
                relevant=analysis.relevant,
                fetched_at=fetched_at,
                rank=rank,
            )
        )
    if not analysis.relevant:
        return
    title, url, source = article
    main = analysis.countries[0] if analysis.countries else None
    for quote in analysis.quotes:
        if not quote.speaker or not quote.speaker.strip():
            continue
        name = " ".join(quote.speaker.split())
        latin = " ".join((quote.speaker_latin or "").split())
        s.add(
            SpeakerQuoteRow(
                article_id=article_id,
                story_id=story_id,
                speaker=name,
                speaker_key=name.casefold()[:256],
                surname_key=(latin or name).rsplit(" ", 1)[-1].casefold()[:128],
                speaker_latin=quote.speaker_latin,
                role=quote.role,
                country=main,
                text=quote.text,
                key=quote.key,
                title=title,
                url=url,
                source=source,
                reported_at=fetched_at,
            )
        )
