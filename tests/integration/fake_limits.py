"""Rate limits as the fake Slack and Discord APIs enforce them (when a test asks).

`SlidingLimit`: at most `count` calls in any `seconds` (Slack: 1 a second per channel,
with the short bursts Slack allows, read as 3 in any 3 s; each method's tier per
workspace). `WindowLimit`: Discord's buckets, `count` calls in a window that opens with
the first call and resets `seconds` later, told in X-RateLimit-* headers on every answer.
A refused call counts nothing; the refusals are counted for the tests (`refused`).
"""

from __future__ import annotations

import math
import time
from collections import deque
from dataclasses import dataclass, field

__all__ = ["SlidingLimit", "WindowLimit"]


@dataclass
class SlidingLimit:
    count: int
    seconds: float
    calls: dict[str, deque[float]] = field(default_factory=dict)
    refused: int = 0

    def hit(self, key: str, now: float | None = None) -> int | None:
        """None when the call may go; else the Retry-After (whole seconds) to answer."""
        now = time.monotonic() if now is None else now
        log = self.calls.setdefault(key, deque())
        while log and log[0] <= now - self.seconds:
            log.popleft()
        if len(log) >= self.count:
            self.refused += 1
            return max(1, math.ceil(log[0] + self.seconds - now))
        log.append(now)
        return None


@dataclass
class WindowLimit:
    count: int
    seconds: float
    windows: dict[str, tuple[float, int]] = field(default_factory=dict)  # key -> (start, used)
    refused: int = 0

    def hit(self, key: str, now: float | None = None) -> tuple[bool, dict[str, str]]:
        """(allowed, Discord's X-RateLimit-* headers for the answer)."""
        now = time.monotonic() if now is None else now
        start, used = self.windows.get(key, (now, 0))
        if now >= start + self.seconds:
            start, used = now, 0
        allowed = used < self.count
        if allowed:
            used += 1
        else:
            self.refused += 1
        self.windows[key] = (start, used)
        reset_after = max(start + self.seconds - now, 0.001)
        headers = {
            "X-RateLimit-Limit": str(self.count),
            "X-RateLimit-Remaining": str(self.count - used),
            "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": f"fake-{key.split(':')[0]}",
        }
        return allowed, headers
