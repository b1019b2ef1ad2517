"""Digest slots under a controlled clock: DST days, missed slots, grace, new channels."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.digest.slots import SlotPlan, latest_slot, next_slot, plan_slot, slot_on

NEW_YORK = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
SANTIAGO = ZoneInfo("America/Santiago")
GRACE = timedelta(hours=12)


def fired(at: time, zone: ZoneInfo, start: datetime, end: datetime) -> list[datetime]:
    """Every slot a scheduler following `plan_slot` minute by minute sends in [start, end)."""
    sent: list[datetime] = []
    last: datetime | None = None
    now = start
    while now < end:
        plan = plan_slot(
            subscribed_at=start,
            last_slot=last,
            at=at,
            zone=zone,
            now=now,
            grace=GRACE,
        )
        if plan.due is not None:
            sent.append(plan.due)
            last = plan.due
        now += timedelta(minutes=1)
    return sent


@pytest.mark.parametrize(
    ("zone", "day", "expected_utc"),
    [
        (NEW_YORK, date(2026, 11, 1), datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),  # EDT, first
        (LONDON, date(2026, 10, 25), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),  # BST, first
    ],
)
def test_a_time_that_occurs_twice_on_fall_back_day_fires_once(
    zone: ZoneInfo, day: date, expected_utc: datetime
) -> None:
    assert slot_on(day, time(1, 30), zone) == expected_utc
    start = datetime.combine(day, time(0, 0), tzinfo=zone).astimezone(UTC)
    sent = fired(time(1, 30), zone, start, start + timedelta(hours=6))
    assert sent == [expected_utc]


def test_santiago_midnight_that_does_not_exist_fires_at_one() -> None:
    # 2026-09-06: clocks go from 23:59:59 on the 5th straight to 01:00 on the 6th
    slot = slot_on(date(2026, 9, 6), time(0, 0), SANTIAGO)
    assert slot == datetime(2026, 9, 6, 4, 0, tzinfo=UTC)
    assert slot.astimezone(SANTIAGO).strftime("%H:%M") == "01:00"
    start = datetime(2026, 9, 5, 12, 0, tzinfo=UTC)
    assert fired(time(0, 0), SANTIAGO, start, start + timedelta(hours=24)) == [slot]


def test_spring_forward_gap_fires_at_the_next_valid_minute() -> None:
    # New York 2026-03-08: 02:00 becomes 03:00, so 02:30 fires at 03:00 EDT
    slot = slot_on(date(2026, 3, 8), time(2, 30), NEW_YORK)
    assert slot == datetime(2026, 3, 8, 7, 0, tzinfo=UTC)
    start = datetime(2026, 3, 8, 4, 0, tzinfo=UTC)
    assert fired(time(2, 30), NEW_YORK, start, start + timedelta(hours=8)) == [slot]
    london = slot_on(date(2026, 3, 29), time(1, 15), LONDON)  # 01:00 becomes 02:00
    assert london.astimezone(LONDON).strftime("%H:%M") == "02:00"


def test_ordinary_days_fire_once_a_day_at_local_time() -> None:
    start = datetime(2026, 3, 6, 0, 0, tzinfo=UTC)
    sent = fired(time(8, 0), NEW_YORK, start, start + timedelta(days=4))
    local = [s.astimezone(NEW_YORK).strftime("%m-%d %H:%M") for s in sent]
    assert local == ["03-06 08:00", "03-07 08:00", "03-08 08:00", "03-09 08:00"]


def test_a_slot_missed_while_down_is_sent_once_within_the_grace() -> None:
    slot = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    plan = plan_slot(
        subscribed_at=slot - timedelta(days=30),
        last_slot=slot - timedelta(days=1),
        at=time(8, 0),
        zone=ZoneInfo("UTC"),
        now=slot + timedelta(hours=3),
        grace=GRACE,
    )
    assert plan == SlotPlan(due=slot, skipped=None, next_at=slot + timedelta(days=1))
    assert plan.late(slot + timedelta(hours=3)) == timedelta(hours=3)
    again = plan_slot(
        subscribed_at=slot - timedelta(days=30),
        last_slot=slot,
        at=time(8, 0),
        zone=ZoneInfo("UTC"),
        now=slot + timedelta(hours=3),
        grace=GRACE,
    )
    assert again.due is None and again.skipped is None


def test_a_slot_older_than_the_grace_is_skipped_and_the_next_one_awaited() -> None:
    slot = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    plan = plan_slot(
        subscribed_at=slot - timedelta(days=30),
        last_slot=slot - timedelta(days=3),
        at=time(8, 0),
        zone=ZoneInfo("UTC"),
        now=slot + timedelta(hours=13),
        grace=GRACE,
    )
    assert plan == SlotPlan(due=None, skipped=slot, next_at=slot + timedelta(days=1))


def test_a_new_channel_waits_for_its_first_slot_after_subscribing() -> None:
    subscribed = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    plan = plan_slot(
        subscribed_at=subscribed,
        last_slot=None,
        at=time(8, 0),
        zone=ZoneInfo("UTC"),
        now=subscribed + timedelta(minutes=5),
        grace=GRACE,
    )
    assert plan.due is None and plan.next_at == datetime(2026, 12, 2, 8, 0, tzinfo=UTC)


def test_moving_the_time_later_on_a_day_already_served_waits_for_tomorrow() -> None:
    sent = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    plan = plan_slot(
        subscribed_at=sent - timedelta(days=9),
        last_slot=sent,
        at=time(9, 0),
        zone=ZoneInfo("UTC"),
        now=sent + timedelta(hours=2),
        grace=GRACE,
    )
    assert plan.due is None and plan.next_at == datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def test_next_and_latest_slot_bracket_now() -> None:
    now = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    assert latest_slot(now, time(1, 30), NEW_YORK) == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)
    assert next_slot(now, time(1, 30), NEW_YORK) == datetime(2026, 11, 2, 6, 30, tzinfo=UTC)
