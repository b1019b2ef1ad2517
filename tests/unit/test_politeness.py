"""Next-poll times: interval floor, server hints, Retry-After, capped backoff."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.feeds.politeness import PollTiming, cache_lifetime, next_poll_at

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
HOURLY = PollTiming(interval=60)


def after(**kwargs: object) -> timedelta:
    return next_poll_at(NOW, HOURLY, **kwargs) - NOW  # type: ignore[arg-type]


def test_the_interval_never_goes_below_the_minimum() -> None:
    assert next_poll_at(NOW, PollTiming(interval=1)) - NOW == timedelta(minutes=15)
    assert after() == timedelta(hours=1)


def test_server_freshness_and_ttl_lengthen_the_wait_up_to_the_cap() -> None:
    assert after(fresh_for=timedelta(hours=3)) == timedelta(hours=3)
    assert after(ttl_minutes=120) == timedelta(hours=2)
    assert after(fresh_for=timedelta(minutes=5)) == timedelta(hours=1)  # never sooner
    assert after(fresh_for=timedelta(days=30)) == timedelta(hours=24)  # capped


def test_errors_back_off_exponentially_and_are_capped() -> None:
    waits = [after(error_count=n) for n in range(1, 8)]
    assert waits[:5] == [timedelta(hours=h) for h in (1, 2, 4, 8, 16)]
    assert waits[5] == waits[6] == timedelta(hours=24)


def test_retry_after_is_honoured_and_capped() -> None:
    assert after(error_count=1, retry_after=3 * 3600) == timedelta(hours=3)
    assert after(error_count=1, retry_after=60) == timedelta(hours=1)
    assert after(error_count=1, retry_after=10**9) == timedelta(hours=24)


def test_jitter_spreads_polls_by_at_most_a_tenth_of_the_interval_or_five_minutes() -> None:
    assert after(jitter=0.999) < timedelta(hours=1, minutes=5)
    assert after(jitter=0.5) == timedelta(hours=1, minutes=2, seconds=30)
    short = PollTiming(interval=20)
    assert next_poll_at(NOW, short, jitter=0.5) - NOW == timedelta(minutes=21)


def test_cache_lifetime_from_headers() -> None:
    assert cache_lifetime({"cache-control": "public, max-age=600"}, NOW) == timedelta(minutes=10)
    assert cache_lifetime({"cache-control": "s-maxage=60, max-age=30"}, NOW) == timedelta(minutes=1)
    assert cache_lifetime({"cache-control": "no-cache, max-age=600"}, NOW) is None
    headers = {"expires": "Wed, 25 Nov 2026 14:00:00 GMT", "date": "Wed, 25 Nov 2026 12:00:00 GMT"}
    assert cache_lifetime(headers, NOW) == timedelta(hours=2)
    assert cache_lifetime({"expires": "0"}, NOW) is None
    assert cache_lifetime({}, NOW) is None
