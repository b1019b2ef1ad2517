"""Is the running bot alive: its event loop turns, and its scheduler ticks.

A process can be up, its heartbeat task beating, and yet do nothing: the poll tick stuck
on a database that stopped answering, every poll worker waiting on a lock, the event loop
blocked by a call that should have been a thread. The health listener runs on a thread of
its own, so it can see all three: `SCHEDULER` is stamped by the poll tick itself (its
start and its end) and by a one-second beat on the event loop; `problems` reads them.

A standby (another instance holds the scheduler lock) has no poll tick: only its loop is
judged, as a healthy, waiting bot. The scheduler role (bot/engine/scheduler.py) stamps a
`SchedulerBeat` of its own with `ticking()` around each enqueue tick, and `leading` says
whether it leads; a worker's or the chat role's beat only ever judges its event loop.
"""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

__all__ = ["SCHEDULER", "SchedulerBeat"]

S = TypeVar("S")


@dataclass
class SchedulerBeat:
    """Monotonic stamps written on the event loop and read from the listener's thread
    (single float assignments: no lock needed)."""

    clock: Callable[[], float] = time.monotonic
    leading_since: float | None = None  # the first tick while holding the lock
    tick_started: float | None = None  # a tick in progress
    tick_finished: float | None = None  # the last tick that completed
    loop_beat: float | None = None

    def ticks(self, tick: Callable[[S], Awaitable[None]]) -> Callable[[S], Awaitable[None]]:
        """Decorates the poll tick: stamps its start, and its end when it completes."""

        @functools.wraps(tick)
        async def stamped(owner: S) -> None:
            with self.ticking():
                await tick(owner)

        return stamped

    @contextlib.contextmanager
    def ticking(self) -> Iterator[None]:
        """One tick of whoever leads (the poller, or the scheduler role's enqueuer): its
        start, and its end when the block completes without an exception."""
        now = self.clock()
        if self.leading_since is None:
            self.leading_since = now
        self.tick_started = now
        try:
            yield
            self.tick_finished = self.clock()
        finally:
            self.tick_started = None

    def stops(self, stop: Callable[[S], Awaitable[None]]) -> Callable[[S], Awaitable[None]]:
        """Decorates the poller's stop: no tick is expected any more (standby or exit)."""

        @functools.wraps(stop)
        async def stopped(owner: S) -> None:
            self.stand_down()
            await stop(owner)

        return stopped

    def stand_down(self) -> None:
        """Not leading any more (the lock lost, or the process leaving): no tick expected."""
        self.leading_since = self.tick_started = self.tick_finished = None

    @property
    def leading(self) -> bool:
        """True once this process ticks as the leader; False for a standby."""
        return self.leading_since is not None

    def beat(self) -> None:
        """The event loop's beat (bot/health_server.py runs it every second)."""
        self.loop_beat = self.clock()

    def last_tick_age(self) -> float | None:
        """Seconds since the last completed tick; None when not scheduling."""
        if self.leading_since is None:
            return None
        return self.clock() - (self.tick_finished or self.leading_since)

    def problems(self, stall_after: float, tick_seconds: float) -> list[str]:
        """Why the bot is not alive, in words; empty when it is."""
        now = self.clock()
        found = []
        if self.loop_beat is not None and now - self.loop_beat > stall_after:
            found.append(f"the event loop has not run for {now - self.loop_beat:.0f} s")
        running = self.tick_started
        if running is not None and now - running > stall_after:
            took = now - running
            found.append(f"the scheduler is stalled: its poll tick has run for {took:.0f} s")
        age = self.last_tick_age()
        if running is None and age is not None and age > tick_seconds + stall_after:
            found.append(
                f"the scheduler is stalled: no poll tick completed for {age:.0f} s "
                f"(it ticks every {tick_seconds:.0f} s)"
            )
        return found


SCHEDULER = SchedulerBeat()
