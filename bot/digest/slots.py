"""Digest slots: when a channel's daily or weekly digest is due, as pure functions of the clock.

A slot is one day's digest time in the channel's zone, as a UTC instant; a weekly digest's
slots are those of one weekday only (`weekday`, 0 = Monday). The rules here are why a
digest neither goes twice nor goes missing around clock changes and outages:

- A local time that occurs twice (the fall-back hour) is its first occurrence, so the
  digest fires once; a time that does not exist (spring forward, Santiago's midnight) fires
  at the next minute that does.
- One scheduled digest per local date, or per ISO week (Monday to Sunday, local dates) for
  a weekly digest: a channel that moves its time later on a day whose digest already went
  out waits for the next day, and one that moves its weekday in a week already served
  waits for the next week.
- A slot missed while the bot or its database was down is still sent when it comes back,
  within a grace; only the latest missed slot is sent (its window starts where the last
  digest ended, so it carries the stories of the slots it replaces). Older ones are skipped,
  and the caller says so in the log. A weekly channel moving its weekday to a day already
  past this week is the same case: that day's slot is sent late within the grace, or
  skipped, and the next week's awaited.

Nothing here reads the clock: `now` is an argument, so tests are exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

__all__ = ["SlotPlan", "latest_slot", "next_slot", "parse_time", "plan_slot", "slot_on"]

DAY = timedelta(days=1)
WEEK = timedelta(days=7)
SCAN_DAYS = 16  # days searched for a slot: a week, the day a gap may push it to, and margin
MINUTE = timedelta(minutes=1)
MAX_GAP_MINUTES = 26 * 60  # the longest clock jump on record (Samoa skipped a whole day)


def parse_time(hhmm: str) -> time:
    """'08:30' as a time of day (the store keeps digest times as HH:MM)."""
    hour, minute = hhmm.split(":")
    return time(int(hour), int(minute))


def _exists(local: datetime, zone: ZoneInfo) -> bool:
    """Whether a wall-clock time happens in `zone` (it does not in a spring-forward gap)."""
    back = local.astimezone(UTC).astimezone(zone)
    return back.replace(tzinfo=None) == local.replace(tzinfo=None)


def slot_on(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of the digest at `at` on local `day`.

    `fold=0` picks the first of two occurrences; a time in a gap moves to the first
    minute after it that exists (the moment the clocks jumped to).
    """
    local = datetime.combine(day, at, tzinfo=zone)
    for step in range(MAX_GAP_MINUTES + 1):
        candidate = local + step * MINUTE  # wall-clock arithmetic: same tzinfo
        if _exists(candidate, zone):
            return candidate.astimezone(UTC)
    raise ValueError(f"no valid time near {local:%Y-%m-%d %H:%M} in {zone.key}")


def _local_date(instant: datetime, zone: ZoneInfo) -> date:
    return instant.astimezone(zone).date()


def _is_slot_day(day: date, weekday: int | None) -> bool:
    return weekday is None or day.weekday() == weekday


def _period(day: date, weekday: int | None) -> date:
    """The first day of the period holding `day`: the day itself, or its ISO week's Monday.

    A channel gets one scheduled digest per period, however its time or weekday moves.
    """
    return day if weekday is None else day - timedelta(days=day.weekday())


def _period_length(weekday: int | None) -> timedelta:
    return DAY if weekday is None else WEEK


def next_slot(
    after: datetime,
    at: time,
    zone: ZoneInfo,
    floor: date | None = None,
    weekday: int | None = None,
) -> datetime:
    """The first slot strictly after `after`, in a period after `floor`'s if given.

    `weekday` (0 = Monday) makes the slots weekly, on that day; None, daily.
    """
    day = _local_date(after, zone) - DAY  # a slot moved by a gap may fall on the next date
    if floor is not None:
        day = max(day, _period(floor, weekday) + _period_length(weekday))
    for _ in range(SCAN_DAYS):
        if _is_slot_day(day, weekday):
            slot = slot_on(day, at, zone)
            if slot > after:
                return slot
        day += DAY
    raise AssertionError("a slot exists in every period")  # pragma: no cover


def latest_slot(now: datetime, at: time, zone: ZoneInfo, weekday: int | None = None) -> datetime:
    """The last slot at or before `now` (daily, or weekly on `weekday`)."""
    day = _local_date(now, zone) + DAY
    for _ in range(SCAN_DAYS):
        if _is_slot_day(day, weekday):
            slot = slot_on(day, at, zone)
            if slot <= now:
                return slot
        day -= DAY
    raise AssertionError("a slot exists in every period")  # pragma: no cover


@dataclass(frozen=True)
class SlotPlan:
    """What to do about one channel now: send `due`, give up `skipped`, or wait.

    `next_at` is the slot after the one decided on, when to look again.
    """

    due: datetime | None
    skipped: datetime | None
    next_at: datetime

    def late(self, now: datetime) -> timedelta:
        return now - self.due if self.due is not None else timedelta(0)


def plan_slot(
    *,
    subscribed_at: datetime,
    last_slot: datetime | None,
    at: time,
    zone: ZoneInfo,
    now: datetime,
    grace: timedelta,
    weekday: int | None = None,
) -> SlotPlan:
    """The channel's slot to handle at `now`, from durable state alone.

    `last_slot` is the last slot handled (sent, empty or skipped); without one, the first
    slot is the first after the channel subscribed. `weekday` (0 = Monday) plans a weekly
    digest on that day, one per ISO week; None, a daily one.
    """
    after = last_slot or subscribed_at
    floor = _local_date(last_slot, zone) if last_slot is not None else None
    latest = latest_slot(now, at, zone, weekday)
    new_period = floor is None or _period(_local_date(latest, zone), weekday) > _period(
        floor, weekday
    )
    if latest > after and new_period:
        upcoming = next_slot(latest, at, zone, weekday=weekday)
        if now - latest <= grace:
            return SlotPlan(due=latest, skipped=None, next_at=upcoming)
        return SlotPlan(due=None, skipped=latest, next_at=upcoming)
    return SlotPlan(due=None, skipped=None, next_at=next_slot(after, at, zone, floor, weekday))
