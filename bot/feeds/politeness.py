"""When to poll a feed next: its interval, what the server asked for, and backoff.

A polite poller comes back no sooner than the feed's interval (and never more often
than the configured minimum), waits longer when the server says its content stays fresh
(Cache-Control max-age, Expires, RSS <ttl>) or asks for a pause (Retry-After on 429 and
503), and backs off exponentially while a feed keeps failing. Every delay is capped, so
a feed is never given up for good: it is retried at least once per cap.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

__all__ = ["PollTiming", "cache_lifetime", "next_poll_at"]

_MAX_AGE = re.compile(r"(?:^|,)\s*(?:s-maxage|max-age)\s*=\s*\"?(\d+)", re.IGNORECASE)
_LONGEST = 365 * 24 * 3600  # seconds; anything a server asks beyond a year is a year
_NO_CACHE = re.compile(r"(?:^|,)\s*(?:no-cache|no-store)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PollTiming:
    """The knobs: all in minutes except the cap, in hours."""

    interval: int
    min_interval: int = 15
    max_delay_hours: float = 24.0

    @property
    def base(self) -> timedelta:
        return timedelta(minutes=max(self.interval, self.min_interval))

    @property
    def cap(self) -> timedelta:
        return max(timedelta(hours=self.max_delay_hours), self.base)


def cache_lifetime(headers: Mapping[str, str], now: datetime) -> timedelta | None:
    """How long the server says the response stays fresh, if it says so."""
    control = headers.get("cache-control", "")
    if _NO_CACHE.search(control):
        return None
    match = _MAX_AGE.search(control)
    if match:  # clamped: a server's number must not overflow our arithmetic
        return timedelta(seconds=min(int(match.group(1)), _LONGEST))
    expires = headers.get("expires")
    if expires:
        try:
            when = email.utils.parsedate_to_datetime(expires)
        except (TypeError, ValueError):
            return None
        when = when if when.tzinfo else when.replace(tzinfo=UTC)
        date_header = headers.get("date")
        try:
            base = email.utils.parsedate_to_datetime(date_header) if date_header else now
        except (TypeError, ValueError):
            base = now
        base = base if base.tzinfo else base.replace(tzinfo=UTC)
        return min(max(timedelta(0), when - base), timedelta(seconds=_LONGEST))
    return None


def next_poll_at(
    now: datetime,
    timing: PollTiming,
    *,
    error_count: int = 0,
    retry_after: float | None = None,
    fresh_for: timedelta | None = None,
    ttl_minutes: int | None = None,
    jitter: float = 0.0,
) -> datetime:
    """The next poll time after a poll at `now`; `jitter` in [0, 1) spreads feeds out."""
    base, cap = timing.base, timing.cap
    if error_count > 0:
        wait = base * (1 << min(error_count - 1, 16))
    else:
        hints = [h for h in (fresh_for, _minutes(ttl_minutes)) if h is not None]
        wait = max([base, *hints])
    if retry_after is not None:
        wait = max(wait, timedelta(seconds=min(retry_after, _LONGEST)))
    wait = min(wait, cap)
    spread = min(base * 0.1, timedelta(minutes=5)) * max(0.0, min(jitter, 1.0))
    return now + wait + spread


def _minutes(value: int | None) -> timedelta | None:
    return timedelta(minutes=min(value, _LONGEST // 60)) if value and value > 0 else None
