"""A bound on the feeds polled at once through one fetcher, however the polls started.

Fetching is bounded by the fetcher's own slots, but a fetched feed then waits for the
poll workers (hashing, parsing, storing, reading its articles) and meanwhile holds its
body and entries. `poll_all` used to start every feed's poll at once and the scheduler
still starts one task per due feed: on a fast network fetched feeds piled up in front
of the workers, and memory grew with the number of feeds (bench/poll.py). With the
gate a poll begins, and fetches, only when one of `in_flight_limit` places is free,
and keeps it until the poll is done: twice the fetch slots, so the fetcher stays busy
while the workers catch up. Nothing waits for ever: every poll ends (timeouts on every
request), and the places are taken in the order polls asked for them.
"""

from __future__ import annotations

import asyncio
from weakref import WeakKeyDictionary

from bot.feeds.fetch import Fetcher
from bot.settings import FetchConfig

__all__ = ["IN_FLIGHT_PER_REQUEST", "in_flight_limit", "poll_gate"]

IN_FLIGHT_PER_REQUEST = 2  # feeds polled at once per fetch slot
_gates: WeakKeyDictionary[Fetcher, asyncio.Semaphore] = WeakKeyDictionary()


def in_flight_limit(config: FetchConfig) -> int:
    """How many feeds may be polled at once through a fetcher with this configuration."""
    return IN_FLIGHT_PER_REQUEST * config.concurrency


def poll_gate(fetcher: Fetcher) -> asyncio.Semaphore:
    """The fetcher's places for polls, shared by every poll that uses it (one fetcher
    serves one event loop, and so does its gate)."""
    gate = _gates.get(fetcher)
    if gate is None:
        gate = _gates[fetcher] = asyncio.Semaphore(in_flight_limit(fetcher.config))
    return gate
