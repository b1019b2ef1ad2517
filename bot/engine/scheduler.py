"""The scheduler role: one process per database queues what is due; workers do it.

`sovai run --role scheduler` takes the same scheduler lock as `sovai run`
(bot/store/locks.py), so of any number started, one enqueues and the others wait as
standbys, taking over within seconds of its exit; a `sovai run` on the same database
and a scheduler role exclude each other the same way. While it leads, every tick it

- queues a `poll_feed` job for each due feed (the queueing lock keeps one waiting per
  feed; a feed queued in the last `REQUEUE` is not asked again, to spare the database);
- queues a `deliver_slot` job for each channel's due digest slot (a missed one is
  marked skipped, as in one process);
- queues a `send_alert` job for each queued alert post, every `ALERT_SWEEP`;
- hands back to the queue the jobs of workers that stopped beating (killed, frozen, cut
  off): a job survives its worker. Workers do the same (bot/engine/recovery.py), so work
  still finishes while no scheduler runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import procrastinate

from bot.clock import clock_from_env
from bot.digest_loop import DigestLoop
from bot.engine.defer import POLL, defer_alert, defer_poll, defer_slot
from bot.engine.recovery import recover_stalled
from bot.liveness import SchedulerBeat
from bot.offload import off_loop
from bot.schedule import beat, lock_held, wait_for_lock
from bot.settings import Settings
from bot.store.jobs_store import due_feeds_first
from bot.store.locks import SchedulerLock, scheduler_lock
from bot.store.repo import Store

__all__ = ["Enqueuer", "run_enqueuer", "stalled_seconds"]

_log = logging.getLogger(__name__)
REQUEUE = timedelta(minutes=10)
# Polls waiting in the queue at most: Procrastinate's fetch slows as locked jobs pile up
# (measured: 118 jobs/s run with 400 waiting, 8 with 2,000; procrastinate issue #1242),
# so a cold start over 10,000 feeds is queued a slice at a time as workers drain it.
MAX_WAITING_POLLS = 300
ALERT_SWEEP = timedelta(seconds=60)


def _seconds(name: str, default: float) -> float:
    try:
        return max(float(os.environ.get(name, default)), 0.1)
    except ValueError:
        return default


def tick_seconds() -> float:
    """Seconds between the scheduler's looks at the database (SOVAI_ENQUEUE_SECONDS)."""
    return _seconds("SOVAI_ENQUEUE_SECONDS", 5.0)


def stalled_seconds() -> float:
    """A worker silent this long is gone and its jobs are run again (SOVAI_STALLED_SECONDS)."""
    return _seconds("SOVAI_STALLED_SECONDS", 30.0)


@dataclass
class Enqueuer:
    """One leader's state: what it queued lately, so each tick asks only for the new."""

    settings: Settings
    store: Store
    app: procrastinate.App
    queued: dict[str, datetime] = field(default_factory=dict)
    alerts_at: datetime = field(default_factory=lambda: datetime.min.replace(tzinfo=UTC))

    def _fresh(self, key: str, now: datetime) -> bool:
        if (at := self.queued.get(key)) is not None and now - at < REQUEUE:
            return False
        self.queued[key] = now
        return True

    async def tick(self, now: datetime) -> int:
        """Queue what is due; the number of jobs queued."""
        queued = await self._feeds(now) + await self._slots()
        if now - self.alerts_at >= ALERT_SWEEP:
            self.alerts_at = now
            for alert in await off_loop(self.store.pending_alerts, 500):
                queued += await defer_alert(self.app, alert.id)
        await self.recover_stalled()
        self.queued = {k: at for k, at in self.queued.items() if now - at < REQUEUE}
        return queued

    async def _waiting(self, queue: str) -> int:
        stats = await self.app.job_manager.list_queues_async(queue=queue, status="todo")
        return sum(int(row["todo"]) for row in stats)

    async def _feeds(self, now: datetime) -> int:
        per_host = self.settings.config.fetch.per_host
        room = MAX_WAITING_POLLS - await self._waiting(POLL)
        queued = 0
        # feeds already waiting are still due: ask for enough to fill the room past them
        due = await off_loop(due_feeds_first, self.store, now, room + len(self.queued))
        for feed in due:
            if queued >= room:
                break
            if self._fresh(f"poll:{feed.id}:{feed.next_poll_at}", now):
                queued += await defer_poll(self.app, feed.id, urlsplit(feed.url).hostname, per_host)
        return queued

    async def _slots(self) -> int:
        loop = DigestLoop(self.settings, self.store, {}, clock_from_env(os.environ))
        queued = 0
        for state in await off_loop(self.store.slot_states):
            now, sub_id = loop.clock.now(), state.subscription.id
            plan = loop.plan(state, now)
            if plan.skipped is not None:
                _log.warning(
                    "digest slot %s of subscription %d missed beyond the grace; skipped",
                    f"{plan.skipped:%Y-%m-%d %H:%M %Z}",
                    sub_id,
                )
                await loop.skip(state, plan.skipped)
            elif plan.due is not None and self._fresh(f"slot:{sub_id}:{plan.due}", now):
                queued += await defer_slot(self.app, sub_id, plan.due)
        return queued

    async def recover_stalled(self) -> int:
        """Jobs of workers that stopped beating go back to the queue (bot/engine/recovery.py)."""
        return await recover_stalled(self.app, self.settings.database_url, stalled_seconds())


async def _lead(
    enqueuer: Enqueuer, lock: SchedulerLock, stop: asyncio.Event, stamps: SchedulerBeat
) -> bool:
    """Queue due work while holding the lock; True when the lock was lost. Each tick that
    completes is stamped on `stamps`, for /healthz (bot/liveness.py)."""
    _log.info("scheduling: queueing due feeds and digests for the workers")
    while not stop.is_set():
        try:
            with stamps.ticking():
                await enqueuer.tick(datetime.now(UTC))
        except Exception:  # a database outage: the next tick tries again
            _log.warning("queueing due work failed; trying again", exc_info=True)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=tick_seconds())
        if not stop.is_set() and not await lock_held(lock):
            _log.error("lost the scheduler lock (database connection gone): queueing stopped")
            return True
    return False


async def run_enqueuer(
    settings: Settings,
    store: Store,
    app: procrastinate.App,
    stop: asyncio.Event,
    heartbeat: Path,
    stamps: SchedulerBeat | None = None,
) -> None:
    """Lead (or wait as a standby) until `stop` is set; `stamps` says which, for /healthz."""
    lock = scheduler_lock(settings.database_url)
    stamps = stamps or SchedulerBeat()
    beating = asyncio.create_task(beat(heartbeat, stop))
    try:
        while await wait_for_lock(lock, stop):
            lost = await _lead(Enqueuer(settings, store, app), lock, stop, stamps)
            stamps.stand_down()
            if not lost:
                break
    finally:
        stamps.stand_down()
        await asyncio.to_thread(lock.release)
        beating.cancel()
        await asyncio.gather(beating, return_exceptions=True)
