"""Which days of a window the rollups answer: the whole UTC days, never a partial one."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from bot.store.rollup_reads import whole_days

NOON = datetime(2026, 3, 10, 12, 30, tzinfo=UTC)
MIDNIGHT = datetime(2026, 3, 10, tzinfo=UTC)


def test_a_year_to_now_has_its_two_partial_days_left_out() -> None:
    assert whole_days(NOON - timedelta(days=365), NOON) == (date(2025, 3, 11), date(2026, 3, 10))


def test_a_window_from_midnight_to_midnight_is_all_whole_days() -> None:
    assert whole_days(MIDNIGHT, MIDNIGHT + timedelta(days=3)) == (
        date(2026, 3, 10),
        date(2026, 3, 13),
    )


def test_windows_within_a_day_or_across_one_midnight_have_no_whole_day() -> None:
    assert whole_days(NOON, NOON + timedelta(hours=3)) is None
    assert whole_days(NOON, NOON + timedelta(hours=20)) is None
    assert whole_days(MIDNIGHT, MIDNIGHT + timedelta(hours=23)) is None


def test_days_are_utc_days_whatever_the_zone_of_the_times() -> None:
    tokyo = timezone(timedelta(hours=9))
    start = datetime(2026, 3, 11, 9, 0, tzinfo=tokyo)  # 00:00 UTC on the 11th
    assert whole_days(start, start + timedelta(days=2)) == (date(2026, 3, 11), date(2026, 3, 13))
