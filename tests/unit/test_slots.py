"""Digest slots under a controlled clock: DST days, missed slots, grace, new channels.

Daily slots first, then weekly ones (one weekday, once per ISO week) under the same rules.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.digest.slots import SlotPlan, latest_slot, next_slot, plan_slot, slot_on

NEW_YORK = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
SANTIAGO = ZoneInfo("America/Santiago")
GRACE = timedelta(hours=12)


def fired(
    at: time,
    zone: ZoneInfo,
    start: datetime,
    end: datetime,
    weekday: int | None = None,
    last: datetime | None = None,
) -> list[datetime]:
    """Every slot a scheduler following `plan_slot` minute by minute sends in [start, end)."""
    sent: list[datetime] = []
    now = start
    while now < end:
        plan = plan_slot(
            subscribed_at=start,
            last_slot=last,
            at=at,
            zone=zone,
            now=now,
            grace=GRACE,
            weekday=weekday,
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


# Weekly slots: `weekday` 0 = Monday ... 6 = Sunday

MON, WED, FRI, SUN = 0, 2, 4, 6
TOKYO = ZoneInfo("Asia/Tokyo")


def _local(sent: list[datetime], zone: ZoneInfo) -> list[str]:
    return [s.astimezone(zone).strftime("%a %m-%d %H:%M") for s in sent]


def test_a_weekly_digest_fires_once_a_week_on_its_weekday_only() -> None:
    start = datetime(2026, 12, 2, 0, 0, tzinfo=UTC)  # a Wednesday
    sent = fired(time(8, 0), TOKYO, start, start + timedelta(days=21), weekday=MON)
    assert _local(sent, TOKYO) == ["Mon 12-07 08:00", "Mon 12-14 08:00", "Mon 12-21 08:00"]
    assert sent[0] == datetime(2026, 12, 6, 23, 0, tzinfo=UTC)  # Sunday in UTC


@pytest.mark.parametrize(
    ("weekday", "at", "expected", "weeks"),
    [
        (
            SUN,
            time(23, 30),
            ["Sun 12-27 23:30", "Sun 01-03 23:30", "Sun 01-10 23:30"],
            [(2026, 52), (2026, 53), (2027, 1)],
        ),
        (
            MON,
            time(0, 15),
            ["Mon 12-28 00:15", "Mon 01-04 00:15", "Mon 01-11 00:15"],
            [(2026, 53), (2027, 1), (2027, 2)],
        ),
    ],
)
def test_week_boundaries_and_the_new_year_each_get_one_digest(
    weekday: int, at: time, expected: list[str], weeks: list[tuple[int, int]]
) -> None:
    # ISO week 53 of 2026 runs from Mon 28 Dec to Sun 3 Jan 2027: one digest in it; in UTC
    # these slots fall on the day before (Tokyo is 9 h ahead), which must not matter
    start = datetime(2026, 12, 24, 0, 0, tzinfo=UTC)
    sent = fired(at, TOKYO, start, start + timedelta(days=20), weekday=weekday)
    assert _local(sent, TOKYO) == expected
    assert [s.astimezone(TOKYO).isocalendar()[:2] for s in sent] == weeks


def test_weekly_digests_keep_their_local_time_across_dst_weeks() -> None:
    start = datetime(2026, 10, 19, 0, 0, tzinfo=UTC)
    sent = fired(time(8, 0), NEW_YORK, start, start + timedelta(days=21), weekday=MON)
    assert _local(sent, NEW_YORK) == ["Mon 10-19 08:00", "Mon 10-26 08:00", "Mon 11-02 08:00"]
    assert [s.hour for s in sent] == [12, 12, 13]  # EDT, EDT, then EST
    assert sent[2] - sent[1] == timedelta(days=7, hours=1)


def test_a_weekly_time_that_occurs_twice_fires_once_and_a_missing_one_at_the_next_minute() -> None:
    fall_back = datetime(2026, 10, 29, 0, 0, tzinfo=UTC)  # Sunday 1 Nov: 01:30 happens twice
    sent = fired(time(1, 30), NEW_YORK, fall_back, fall_back + timedelta(days=11), weekday=SUN)
    assert sent == [
        datetime(2026, 11, 1, 5, 30, tzinfo=UTC),
        datetime(2026, 11, 8, 6, 30, tzinfo=UTC),
    ]
    spring = datetime(2026, 3, 5, 0, 0, tzinfo=UTC)  # Sunday 8 Mar: 02:30 does not exist
    sent = fired(time(2, 30), NEW_YORK, spring, spring + timedelta(days=11), weekday=SUN)
    assert _local(sent, NEW_YORK) == ["Sun 03-08 03:00", "Sun 03-15 02:30"]


def test_a_week_missed_while_down_is_sent_once_within_the_grace() -> None:
    slot = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)  # Monday
    kwargs = {"at": time(8, 0), "zone": ZoneInfo("UTC"), "grace": GRACE, "weekday": MON}
    plan = plan_slot(
        subscribed_at=slot - timedelta(days=60),
        last_slot=slot - timedelta(days=14),  # the bot was down all last week
        now=slot + timedelta(hours=3),
        **kwargs,  # type: ignore[arg-type]
    )
    assert plan == SlotPlan(due=slot, skipped=None, next_at=slot + timedelta(days=7))
    again = plan_slot(
        subscribed_at=slot - timedelta(days=60),
        last_slot=slot,
        now=slot + timedelta(hours=3),
        **kwargs,  # type: ignore[arg-type]
    )
    assert again.due is None and again.skipped is None and again.next_at == plan.next_at


def test_a_week_older_than_the_grace_is_skipped_and_the_next_week_awaited() -> None:
    slot = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    plan = plan_slot(
        subscribed_at=slot - timedelta(days=60),
        last_slot=slot - timedelta(days=7),
        at=time(8, 0),
        zone=ZoneInfo("UTC"),
        now=slot + timedelta(days=2),  # back on Wednesday
        grace=GRACE,
        weekday=MON,
    )
    assert plan == SlotPlan(due=None, skipped=slot, next_at=slot + timedelta(days=7))
    after = plan_slot(
        subscribed_at=slot - timedelta(days=60),
        last_slot=slot,  # the skip was recorded: nothing more this week
        at=time(8, 0),
        zone=ZoneInfo("UTC"),
        now=slot + timedelta(days=2),
        grace=GRACE,
        weekday=MON,
    )
    assert after.due is None and after.skipped is None


def test_moving_the_weekday_in_a_week_already_served_waits_for_the_next_week() -> None:
    monday = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    tuesday = monday + timedelta(days=1)
    sent = fired(time(8, 0), ZoneInfo("UTC"), tuesday, tuesday + timedelta(days=16), WED, monday)
    assert _local(sent, ZoneInfo("UTC")) == ["Wed 12-16 08:00", "Wed 12-23 08:00"]
    later_today = fired(
        time(18, 0), ZoneInfo("UTC"), monday, monday + timedelta(days=7), MON, monday
    )
    assert later_today == []  # Monday's digest went at 08:00: 18:00 waits for next Monday


def test_moving_the_weekday_in_a_week_not_yet_served_fires_on_the_new_day() -> None:
    last_friday = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)
    tuesday = datetime(2026, 12, 8, 12, 0, tzinfo=UTC)
    sent = fired(
        time(8, 0), ZoneInfo("UTC"), tuesday, tuesday + timedelta(days=8), WED, last_friday
    )
    assert _local(sent, ZoneInfo("UTC")) == ["Wed 12-09 08:00", "Wed 12-16 08:00"]
    thursday = datetime(2026, 12, 10, 12, 0, tzinfo=UTC)  # Wednesday already past this week
    plan = plan_slot(
        subscribed_at=last_friday - timedelta(days=30),
        last_slot=last_friday,
        at=time(8, 0),
        zone=ZoneInfo("UTC"),
        now=thursday,
        grace=GRACE,
        weekday=WED,
    )
    assert plan.due is None and plan.skipped == datetime(2026, 12, 9, 8, 0, tzinfo=UTC)
    assert plan.next_at == datetime(2026, 12, 16, 8, 0, tzinfo=UTC)


def test_switching_between_daily_and_weekly_sends_no_second_digest_that_period() -> None:
    utc = ZoneInfo("UTC")
    tuesday = datetime(2026, 12, 8, 8, 0, tzinfo=UTC)  # today's daily digest went out
    weekly = fired(time(8, 0), utc, tuesday, tuesday + timedelta(days=7), MON, tuesday)
    assert _local(weekly, utc) == ["Mon 12-14 08:00"]
    monday = datetime(2026, 12, 14, 8, 0, tzinfo=UTC)  # the weekly one went out, now daily
    daily = fired(time(8, 0), utc, monday, monday + timedelta(days=2), None, monday)
    assert _local(daily, utc) == ["Tue 12-15 08:00"]


def test_a_new_weekly_channel_waits_for_its_weekday() -> None:
    subscribed = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # Monday, an hour after 08:00
    plan = plan_slot(
        subscribed_at=subscribed,
        last_slot=None,
        at=time(8, 0),
        zone=ZoneInfo("UTC"),
        now=subscribed + timedelta(minutes=5),
        grace=GRACE,
        weekday=MON,
    )
    assert plan.due is None and plan.next_at == datetime(2026, 12, 14, 8, 0, tzinfo=UTC)


def test_next_and_latest_weekly_slot_bracket_now() -> None:
    now = datetime(2026, 12, 9, 12, 0, tzinfo=UTC)  # Wednesday
    assert latest_slot(now, time(8, 0), TOKYO, FRI) == datetime(2026, 12, 3, 23, 0, tzinfo=UTC)
    assert next_slot(now, time(8, 0), TOKYO, weekday=FRI) == datetime(
        2026, 12, 10, 23, 0, tzinfo=UTC
    )
    assert latest_slot(now, time(8, 0), TOKYO, WED) == datetime(2026, 12, 8, 23, 0, tzinfo=UTC)
