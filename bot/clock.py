"""The digest scheduler's clock: the real one, or a test clock set by SOVAI_TEST_CLOCK.

Digest slots are days apart, so tests of "exactly once over several days", "the bot was
down at 08:00" or "the database was down at 08:00" need the scheduler to see a chosen
time, running faster than real time. That is the only purpose of the test clock:

    SOVAI_TEST_CLOCK="2026-12-01T07:59:00+00:00 epoch=1764575940.0 speed=3600"

means: at the real Unix time `epoch` the scheduler's clock reads the given instant, and it
runs `speed` times faster (default 1; `epoch` defaults to the process start, so several
processes share one timeline only when it is given). It moves digest slots, windows and
the missed-digest grace only: polling, timeouts and the database stay on real time. The
variable's name says what it is for, it must be spelled out in full to take effect, and
the bot logs a warning at start while it is set. Never set it in production.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

__all__ = ["TEST_CLOCK_VARIABLE", "Clock", "clock_from_env"]

_log = logging.getLogger(__name__)
TEST_CLOCK_VARIABLE = "SOVAI_TEST_CLOCK"


@dataclass(frozen=True)
class Clock:
    """Real time when `start` is None; otherwise start + (real elapsed since epoch) * speed."""

    start: datetime | None = None
    epoch: float = 0.0
    speed: float = 1.0

    def now(self) -> datetime:
        if self.start is None:
            return datetime.now(UTC)
        return self.start + timedelta(seconds=(time.time() - self.epoch) * self.speed)

    def real_seconds(self, span: timedelta) -> float:
        """How long to sleep, in real seconds, for `span` to pass on this clock."""
        return max(span.total_seconds(), 0.0) / self.speed


def _parse(value: str) -> Clock:
    instant, *options = value.split()
    start = datetime.fromisoformat(instant)
    if start.tzinfo is None:
        raise ValueError("the instant needs a UTC offset, e.g. 2026-12-01T08:00:00+00:00")
    fields = dict(option.split("=", 1) for option in options)
    unknown = set(fields) - {"epoch", "speed"}
    if unknown:
        raise ValueError(f"unknown option(s) {sorted(unknown)}; expected epoch= and speed=")
    speed = float(fields.get("speed", "1"))
    if not 0 < speed <= 1_000_000:
        raise ValueError("speed must be positive")
    return Clock(start.astimezone(UTC), float(fields.get("epoch", time.time())), speed)


def clock_from_env(environ: Mapping[str, str]) -> Clock:
    """The real clock, unless SOVAI_TEST_CLOCK sets a test one (logged as a warning)."""
    value = environ.get(TEST_CLOCK_VARIABLE)
    if not value:
        return Clock()
    try:
        clock = _parse(value)
    except ValueError as exc:
        raise ValueError(f"{TEST_CLOCK_VARIABLE}={value!r}: {exc}") from None
    _log.warning(
        "%s is set: digests follow a test clock (now %s, %g× real time); tests only",
        TEST_CLOCK_VARIABLE,
        f"{clock.now():%Y-%m-%d %H:%M:%S %Z}",
        clock.speed,
    )
    return clock
