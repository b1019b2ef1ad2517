"""Alerts: a channel's thresholds, and their outbox (one row per alert and announcement).

The outbox rows are written in the transaction that records the announcement
(ledger_store.py), so an announcement crossing a threshold is never recorded without
its alert queued; the unique (alert, announcement) key is why each goes once per
channel, across restarts and however many times the story is read again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.store.ledger_tables import AlertDeliveryRow, AlertRow

__all__ = ["MAX_ALERTS_PER_CHANNEL", "Alert", "AlertJob", "AlertsStore"]

MAX_ALERTS_PER_CHANNEL = 25


@dataclass(frozen=True)
class Alert:
    id: int
    platform: str
    channel: str
    kind: str
    threshold: float
    countries: tuple[str, ...]
    created_at: datetime


@dataclass(frozen=True)
class AlertJob:
    """One queued alert post: which alert, for which announcement, and how far it got."""

    id: int
    alert: Alert
    announcement_id: int
    status: str
    attempts: int
    message_ref: str | None


def _alert(row: AlertRow) -> Alert:
    return Alert(
        row.id,
        row.platform,
        row.channel,
        row.kind,
        row.threshold,
        tuple(row.countries or ()),
        row.created_at,
    )


class AlertsStore:
    """The alerts half of `Store`."""

    _session: sessionmaker[Session]  # writes: `with self._session.begin()`
    _read: sessionmaker[Session]  # reads: no transaction of their own (see Store)

    def add_alert(
        self,
        platform: str,
        channel: str,
        kind: str,
        threshold: float,
        countries: Sequence[str],
        now: datetime,
        created_by: str | None = None,
    ) -> Alert | None:
        """A new alert for the channel; None when the channel has `MAX_ALERTS_PER_CHANNEL`."""
        with self._session.begin() as s:
            held = list(
                s.scalars(
                    select(AlertRow.id).where(
                        AlertRow.platform == platform, AlertRow.channel == channel
                    )
                )
            )
            if len(held) >= MAX_ALERTS_PER_CHANNEL:
                return None
            row = AlertRow(
                platform=platform,
                channel=channel,
                kind=kind,
                threshold=threshold,
                countries=list(countries),
                created_by=created_by,
                created_at=now,
            )
            s.add(row)
            s.flush()
            return _alert(row)

    def alerts_for(self, platform: str, channel: str) -> list[Alert]:
        with self._read() as s:
            rows = s.scalars(
                select(AlertRow)
                .where(AlertRow.platform == platform, AlertRow.channel == channel)
                .order_by(AlertRow.id)
            )
            return [_alert(row) for row in rows]

    def remove_alert(self, platform: str, channel: str, alert_id: int) -> bool:
        """Remove one of this channel's alerts (never another channel's)."""
        with self._session.begin() as s:
            result = s.execute(
                delete(AlertRow).where(
                    AlertRow.id == alert_id,
                    AlertRow.platform == platform,
                    AlertRow.channel == channel,
                )
            )
            return bool(getattr(result, "rowcount", 0))

    def pending_alerts(self, limit: int = 50) -> list[AlertJob]:
        """Queued alert posts, oldest first (and those a crash left half-sent)."""
        with self._read() as s:
            rows = s.execute(
                select(AlertDeliveryRow, AlertRow)
                .join(AlertRow, AlertRow.id == AlertDeliveryRow.alert_id)
                .where(AlertDeliveryRow.status.in_(["pending", "sending"]))
                .order_by(AlertDeliveryRow.id)
                .limit(limit)
            )
            return [
                AlertJob(d.id, _alert(a), d.announcement_id, d.status, d.attempts, d.message_ref)
                for d, a in rows
            ]

    def mark_alert(
        self,
        job_id: int,
        status: str,
        now: datetime,
        *,
        error: str | None = None,
        message_ref: str | None = None,
        attempt: bool = False,
    ) -> None:
        values: dict[str, object] = {"status": status, "error": error}
        if message_ref is not None:
            values["message_ref"] = message_ref
        if status == "sent":
            values["sent_at"] = now
        with self._session.begin() as s:
            statement = update(AlertDeliveryRow).where(AlertDeliveryRow.id == job_id)
            if attempt:
                statement = statement.values(attempts=AlertDeliveryRow.attempts + 1)
            s.execute(statement.values(**values))

    def record_alert_parts(self, job_id: int, log: str) -> None:
        """What of an alert was posted so far (its PartLog), as each post is answered."""
        with self._session.begin() as s:
            s.execute(
                update(AlertDeliveryRow)
                .where(AlertDeliveryRow.id == job_id)
                .values(message_ref=log)
            )
