"""Posting within the shared rate budget: take a slot, sleep until it comes, then call.

The glue between the policy (`rate_budget`) and its shared state (`rate_store`, one row
per bucket for every worker and process). The platforms' clients use it so that the
senders change by one argument: `slack_budget` (a Web API client and its 429 retry),
`discord_budget` (discord.py's REST client and its answers' headers) and the webhook
sender's two calls (take a slot; heed the answer).

The database is reached off the event loop (a thread), since the loop also answers
chat commands. A wait longer than `max_wait` (a 429 asking for minutes) is not sat out:
the post fails as a `DeliveryError` that is not permanent, so the digest stays queued.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy.exc import SQLAlchemyError

from bot.chat.delivery import DeliveryError
from bot.chat.rate_budget import Bucket, Verdict, too_long
from bot.store.rate_store import RateStore

__all__ = ["MAX_WAIT", "PostBudget"]

_log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_WAIT = 60.0  # seconds a post waits for its slot before the digest stays queued
RETAKES = 4  # slots taken again after pauses before a post gives up
CHECK_AFTER = 0.1  # seconds slept after which a pause reported meanwhile is looked for
LATE = 0.1  # seconds past its slot a sleeper woke (a busy loop): it takes a new slot


class PostBudget:
    """Slots in the shared buckets, waited for; pauses and paces the platforms report."""

    def __init__(
        self,
        store: RateStore,
        *,
        max_wait: float = MAX_WAIT,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.store = store
        self.max_wait = max_wait
        self._sleep = sleep
        self._periods: dict[str, float] = {}
        self.taken = 0  # slots taken by this process
        self.pauses = 0  # pauses it reported (429s, exhausted buckets)
        self.late = 0  # slots given up because the sleeper woke late

    async def take(self, buckets: Sequence[Bucket]) -> float:
        """Wait for the next slot common to `buckets`; the seconds waited. A slot slept
        for is used only if nobody paused the buckets meanwhile (a 429 elsewhere): else
        a slot after the pause is taken. A pause reported in the last `CHECK_AFTER`
        seconds is a race either way, so a short sleep is not checked. A sleeper that
        woke `LATE` (the loop or the machine was busy) takes a new slot too: posts all
        fired late would reach the platform bunched, past its limit."""
        waited = 0.0
        for _ in range(RETAKES):
            wait = await self._db(self.store.reserve, buckets, self.max_wait - waited)
            if wait is None or too_long(waited + wait, self.max_wait):
                raise DeliveryError(
                    f"the rate budget has no slot within {self.max_wait:.0f} s (a pause or "
                    "a queue of posts); the digest stays queued"
                )
            self.taken += 1
            if wait <= 0:
                return waited
            due = time.monotonic() + wait
            await self._sleep(wait)
            waited += wait
            if time.monotonic() - due > LATE:  # a stalled loop: posts fired late bunch up
                self.late += 1
                continue
            if wait < CHECK_AFTER or await self._db(self.store.paused_for, buckets) <= 0:
                return waited
        raise DeliveryError("the rate budget kept being paused; the digest stays queued")

    async def heed(
        self, buckets: Sequence[Bucket], verdict: Verdict, everyone: Sequence[Bucket] = ()
    ) -> None:
        """Act on what an answer said: pause the call's buckets (or the whole account's),
        and keep a pace learned for the call's own bucket, the last of `buckets`."""
        if verdict.pause > 0:
            paused = everyone if verdict.everyone and everyone else buckets
            _log.info("rate budget: %s paused for %.2f s", paused[-1].key, verdict.pause)
            self.pauses += 1
            await self._db(self.store.pause, paused, verdict.pause)
        own = buckets[-1] if buckets else None
        if verdict.period is not None and own is not None:
            known = self._periods.get(own.key, own.period)
            if abs(known - verdict.period) > known / 100:
                await self._db(self.store.learn, own, verdict.period)
            self._periods[own.key] = verdict.period

    async def _db(self, fn: Callable[..., T], *args: Any) -> T:
        try:
            return await asyncio.to_thread(fn, *args)
        except SQLAlchemyError as exc:
            raise DeliveryError(
                f"the rate budget's database cannot be reached ({type(exc).__name__}); "
                "the digest stays queued"
            ) from None
