"""Subscription and delivery reads and writes: which channel gets which digest, and when."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import SubscriptionConfig
from bot.store.states import Delivery, SubscriptionState, _delivery, _subscription_state
from bot.store.tables import DeliveryRow, SubscriptionRow

__all__ = ["FIRST_DIGEST_LOOKBACK", "ChannelsStore", "SlotState"]

# A channel's first digest reaches this far back before it subscribed (and covers all since)
FIRST_DIGEST_LOOKBACK = timedelta(hours=24)


@dataclass(frozen=True)
class SlotState:
    """What the digest scheduler needs of a subscription, all from the database."""

    subscription: SubscriptionState
    subscribed_at: datetime
    last_slot_at: datetime | None


def _set_cadence(row: SubscriptionRow, cadence: str | None, weekday: int | None) -> None:
    """Apply a chat change of cadence: unset parts are kept, and only a weekly row has a day."""
    if cadence not in (None, "daily", "weekly"):
        raise ValueError(f"cadence must be daily or weekly, not {cadence!r}")
    if weekday is not None and not 0 <= weekday <= 6:
        raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), not {weekday}")
    row.cadence = cadence or row.cadence or "daily"
    if row.cadence == "daily":
        row.weekday = None
    elif weekday is not None:
        row.weekday = weekday
    elif row.weekday is None:
        row.weekday = 0


class ChannelsStore:
    """The channel half of `Store`: subscriptions and the digest outbox."""

    _session: sessionmaker[Session]  # writes: `with self._session.begin()`
    _read: sessionmaker[Session]  # reads: no transaction of their own (see Store)

    def sync_subscriptions(self, subs: Iterable[SubscriptionConfig], now: datetime) -> None:
        """Make the config's subscriptions exist (by platform and channel), filters updated.

        Subscriptions that came from the config and are no longer in it stop receiving
        digests (kept inactive, with their delivery history).
        """
        wanted: dict[tuple[str, str], SubscriptionConfig] = {
            (sub.platform, sub.channel): sub for sub in subs
        }
        with self._session.begin() as s:
            rows = {(row.platform, row.channel): row for row in s.scalars(select(SubscriptionRow))}
            for key, sub in wanted.items():
                row = rows.get(key)
                if row is None:
                    row = SubscriptionRow(
                        platform=sub.platform, channel=sub.channel, origin="config", created_at=now
                    )
                    s.add(row)
                row.countries = list(sub.countries)
                row.digest_time = sub.time
                row.timezone = sub.timezone
                row.cadence = sub.cadence
                row.weekday = sub.weekday_number
                paused = bool((row.filters or {}).get("paused", False))
                row.filters = {
                    "paused": paused,  # kept: resumed by /ai-subscribe or `subscriptions resume`
                    "keywords": list(sub.keywords),
                    "exclude": list(sub.exclude),
                    "max_stories": sub.max_stories,
                    "min_relevance": sub.min_relevance,
                    "announce_empty": sub.announce_empty,
                }
                row.active = True
            for key, row in rows.items():
                if row.origin == "config" and key not in wanted:
                    row.active = False

    def subscribe(
        self,
        platform: str,
        channel: str,
        now: datetime,
        *,
        countries: Sequence[str] = (),
        time: str | None = None,
        timezone: str | None = None,
        cadence: str | None = None,
        weekday: int | None = None,
    ) -> SubscriptionState:
        """Subscribe a channel from chat, or change its countries, time and cadence.

        What is not given is kept (time, zone, cadence). A weekly digest without a
        `weekday` keeps the channel's, or goes on Monday; a daily one has none.
        """
        with self._session.begin() as s:
            row = s.scalar(
                select(SubscriptionRow).where(
                    SubscriptionRow.platform == platform, SubscriptionRow.channel == channel
                )
            )
            if row is None:
                row = SubscriptionRow(
                    platform=platform,
                    channel=channel,
                    origin="chat",
                    filters={},
                    created_at=now,
                    cadence="daily",
                )
                s.add(row)
            row.countries = list(countries)
            row.digest_time = time or row.digest_time
            row.timezone = timezone or row.timezone
            _set_cadence(row, cadence or ("weekly" if weekday is not None else None), weekday)
            row.filters = {k: v for k, v in (row.filters or {}).items() if k != "paused"}
            row.last_error = None
            row.active = True
            s.flush()
            return _subscription_state(row)

    def unsubscribe(self, platform: str, channel: str) -> bool:
        """Stop a channel's digests; False when it was not subscribed."""
        with self._session.begin() as s:
            row = s.scalar(
                select(SubscriptionRow).where(
                    SubscriptionRow.platform == platform,
                    SubscriptionRow.channel == channel,
                    SubscriptionRow.active.is_(True),
                )
            )
            if row is None:
                return False
            row.active = False
            return True

    def subscription_for(self, platform: str, channel: str) -> SubscriptionState | None:
        return next(
            (s for s in self.subscriptions() if s.platform == platform and s.channel == channel),
            None,
        )

    def subscriptions(self) -> list[SubscriptionState]:
        with self._read() as s:
            rows = s.scalars(
                select(SubscriptionRow)
                .where(SubscriptionRow.active.is_(True))
                .order_by(SubscriptionRow.id)
            )
            return [_subscription_state(row) for row in rows]

    def set_subscription_error(self, subscription_id: int, error: str | None) -> None:
        with self._session.begin() as s:
            s.get_one(SubscriptionRow, subscription_id).last_error = error

    def resume_subscription(self, subscription_id: int) -> bool:
        """Send to a paused channel again (its problem fixed); False if there is no such one."""
        with self._session.begin() as s:
            row = s.get(SubscriptionRow, subscription_id)
            if row is None or not row.active:
                return False
            row.filters = {**row.filters, "paused": False}
            row.last_error = None
            return True

    def pause_subscription(self, subscription_id: int, reason: str) -> None:
        """Stop sending to a channel the platform refuses for good, keeping the reason;
        `/ai-subscribe` or `sovai subscriptions resume ID` resumes it."""
        with self._session.begin() as s:
            row = s.get_one(SubscriptionRow, subscription_id)
            row.filters = {**row.filters, "paused": True}
            row.last_error = reason

    def last_window_end(self, subscription_id: int) -> datetime | None:
        """Where the channel's previous digest stopped, so the next one starts there.

        A digest the platform refused for good does not count: once the channel works
        again, the next digest covers what that one would have shown.
        """
        with self._read() as s:
            return s.scalar(
                select(DeliveryRow.window_end)
                .where(
                    DeliveryRow.subscription_id == subscription_id,
                    DeliveryRow.status != "failed",
                )
                .order_by(DeliveryRow.window_end.desc())
                .limit(1)
            )

    def digest_start(self, subscription_id: int, default: datetime) -> datetime:
        """Where the channel's next digest starts: where its last one ended.

        A first digest covers everything since the channel subscribed, and at least from
        `default` (the usual window), so a channel subscribed two days before its first
        digest gets those two days, and one subscribed a minute before gets the last day.
        """
        end = self.last_window_end(subscription_id)
        if end is not None:
            return end
        with self._read() as s:
            created = s.scalar(
                select(SubscriptionRow.created_at).where(SubscriptionRow.id == subscription_id)
            )
        return default if created is None else min(default, created - FIRST_DIGEST_LOOKBACK)

    def slot_states(self) -> list[SlotState]:
        """Every active subscription with its durable digest-slot state."""
        with self._read() as s:
            rows = s.scalars(
                select(SubscriptionRow)
                .where(SubscriptionRow.active.is_(True))
                .order_by(SubscriptionRow.id)
            )
            return [
                SlotState(_subscription_state(row), row.created_at, row.last_slot_at)
                for row in rows
            ]

    def mark_slot(self, subscription_id: int, slot: datetime) -> None:
        """Record a digest slot as handled; never moves the mark backwards."""
        with self._session.begin() as s:
            s.execute(
                update(SubscriptionRow)
                .where(
                    SubscriptionRow.id == subscription_id,
                    or_(
                        SubscriptionRow.last_slot_at.is_(None), SubscriptionRow.last_slot_at < slot
                    ),
                )
                .values(last_slot_at=slot)
            )

    def has_delivery(self, subscription_id: int, digest_key: str) -> bool:
        """Whether this digest already has its outbox row (then the outbox owns it)."""
        with self._read() as s:
            found = s.scalar(
                select(DeliveryRow.id).where(
                    DeliveryRow.subscription_id == subscription_id,
                    DeliveryRow.digest_key == digest_key,
                )
            )
            return found is not None

    def open_delivery(
        self,
        subscription_id: int,
        digest_key: str,
        window: tuple[datetime, datetime],
        story_ids: Sequence[int],
        now: datetime,
    ) -> Delivery:
        """The outbox row for this digest (created once; an existing one is returned)."""
        try:
            with self._session.begin() as s:
                row = DeliveryRow(
                    subscription_id=subscription_id,
                    digest_key=digest_key,
                    window_start=window[0],
                    window_end=window[1],
                    story_ids=list(story_ids),
                    status="pending",
                    attempts=0,
                    created_at=now,
                )
                s.add(row)
                s.flush()
                return _delivery(row)
        except IntegrityError:
            with self._read() as s:
                existing = s.scalar(
                    select(DeliveryRow).where(
                        DeliveryRow.subscription_id == subscription_id,
                        DeliveryRow.digest_key == digest_key,
                    )
                )
                if existing is None:
                    raise
                return _delivery(existing)

    def mark_delivery(
        self,
        delivery_id: int,
        status: str,
        now: datetime,
        *,
        message_ref: str | None = None,
        error: str | None = None,
    ) -> None:
        with self._session.begin() as s:
            row = s.get_one(DeliveryRow, delivery_id)
            row.status = status
            row.error = error
            if status == "sending":
                row.attempts += 1
            if status == "sent":
                row.sent_at = now
                row.message_ref = message_ref

    def record_parts(self, delivery_id: int, parts: str) -> None:
        """Keep what a send in progress has posted so far (a crash must not forget it)."""
        with self._session.begin() as s:
            s.get_one(DeliveryRow, delivery_id).message_ref = parts

    def unsent_deliveries(self) -> list[Delivery]:
        with self._read() as s:
            rows = s.scalars(
                select(DeliveryRow)
                .where(DeliveryRow.status.in_(("pending", "sending")))
                .order_by(DeliveryRow.id)
            )
            return [_delivery(row) for row in rows]
