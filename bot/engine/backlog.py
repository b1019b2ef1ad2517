"""How many polls a scheduler tick may queue: backpressure from the analyse queue.

Procrastinate's fetch slows as jobs that carry a `lock` pile up in the queue (measured:
222 jobs/s run with 400 waiting, 8 with 2,000; its issue #1242), and every `analyse` job
carries its host's lock. A poll is cheap and may find many new entries (a feed's first
poll finds all of them, 20 to 200), each an `analyse` job; so queueing polls as fast as
workers take them, on a cold start over 10,000 feeds, fills the analyse queue with
thousands of jobs and the workers then spend their time waiting for the next one.

So the scheduler queues a poll only while the analyse jobs it will soon add fit under a
bound: what waits now, plus what the waiting polls will add, at the entries a poll has
lately found (learned from the ticks: new entry ids over polls finished). A cold start
begins from a full feed's worth, so the first tick queues ten polls, not 300; a higher
measure is believed at once, a lower one gradually.
The unqueued feeds lose nothing: they stay due and are asked for on a later tick.

Pure: the scheduler (bot/engine/scheduler.py) reads the counts and queues the jobs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

__all__ = ["MAX_WAITING_ANALYSE", "MAX_WAITING_POLLS", "PollBudget", "max_waiting_analyse"]

# polls waiting at most: each carries its host's lock too
MAX_WAITING_POLLS = 300
# analyse jobs waiting at most (SOVAI_MAX_WAITING_ANALYSE): enough to keep 4 workers of 8
# jobs busy through several ticks at ~16 articles/s each, small enough for a quick fetch
MAX_WAITING_ANALYSE = 500
FIRST_GUESS = 50.0  # entries a poll finds, before any poll is seen: a feed's first poll
LEARN = 0.3  # weight of each tick's lower measure in the running estimate
MIN_SEEN = 3  # polls finished in a tick for a lower measure to count


def max_waiting_analyse() -> int:
    try:
        return max(int(os.environ.get("SOVAI_MAX_WAITING_ANALYSE", MAX_WAITING_ANALYSE)), 1)
    except ValueError:
        return MAX_WAITING_ANALYSE


@dataclass
class PollBudget:
    """One leader's running estimate of entries per poll, and the room it leaves.

    Each tick: `observe` with the waiting polls and the newest entry id, then `room` with
    the waiting counts, then `queued` with the polls actually queued."""

    max_polls: int = MAX_WAITING_POLLS
    max_analyse: int = field(default_factory=max_waiting_analyse)
    per_poll: float = FIRST_GUESS
    _waiting_polls: int | None = None
    _queued: int = 0
    _newest_entry: int = 0

    def observe(self, waiting_polls: int, newest_entry: int) -> None:
        """Learn entries per poll from what happened since the last tick: a higher
        measure at once (the queue must not overflow while learning), a lower one
        gradually and only over a few polls (one quiet feed says little)."""
        if self._waiting_polls is not None:
            finished = self._waiting_polls + self._queued - waiting_polls
            found = newest_entry - self._newest_entry
            if finished > 0 and found >= 0:
                measured = found / finished
                if measured > self.per_poll:
                    self.per_poll = measured
                elif finished >= MIN_SEEN:
                    self.per_poll += LEARN * (measured - self.per_poll)
        self._waiting_polls, self._newest_entry, self._queued = waiting_polls, newest_entry, 0

    def room(self, waiting_polls: int, waiting_analyse: int) -> int:
        """Polls this tick may queue: under both bounds, counting each waiting poll as
        the entries a poll finds (at least one: a burst after quiet polls stays bound)."""
        per_poll = max(self.per_poll, 1.0)
        coming = waiting_analyse + waiting_polls * per_poll
        by_analyse = int((self.max_analyse - coming) // per_poll)
        return max(min(self.max_polls - waiting_polls, by_analyse), 0)

    def queued(self, polls: int) -> None:
        self._queued += polls
