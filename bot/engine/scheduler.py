"""The scheduler role: one process per database queues what is due; workers do it.

`sovai run --role scheduler` takes the same scheduler lock as `sovai run`
(bot/store/locks.py), so of any number started, one enqueues and the others wait as
standbys, taking over within seconds of its exit; a `sovai run` on the same database
and a scheduler role exclude each other the same way. While it leads, every tick it

- queues a `poll_feed` job for each due feed (the queueing lock keeps one waiting per
  feed; a feed queued in the last `REQUEUE` is not asked again, to spare the database),
  as many as the analyse queue has room for (bot/engine/backlog.py);
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
from bot.engine.backlog import PollBudget
from bot.engine.defer import ANALYSE, POLL, defer_alert, defer_poll, defer_slot
from bot.engine.recovery import recover_stalled
from bot.liveness import SchedulerBeat
from bot.offload import off_loop
from bot.schedule import beat, lock_held, wait_for_lock
from bot.settings import Settings
from bot.store.jobs_store import due_feeds_first, last_entry_id
from bot.store.locks import SchedulerLock, scheduler_lock
from bot.store.repo import Store

__all__ = ["Enqueuer", "queue_counts", "run_enqueuer", "stalled_seconds"]

_log = logging.getLogger(__name__)
REQUEUE = timedelta(minutes=10)
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
    budget: PollBudget = field(default_factory=PollBudget)

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

    async def _feeds(self, now: datetime) -> int:
        per_host = self.settings.config.fetch.per_host
        jobs = await queue_counts(self.app)
        polls = jobs.waiting.get(POLL, 0)
        self.budget.observe(polls, await off_loop(last_entry_id, self.store))
        room = self.budget.room(polls, jobs.waiting.get(ANALYSE, 0))
        queued = 0
        if room <= 0:
            return 0
        # feeds waiting or being polled are still due: ask for enough to fill the room
        # past them (a feed polled is due no more, so `queued` may hold many more)
        ahead = polls + jobs.running.get(POLL, 0)
        due = await off_loop(due_feeds_first, self.store, now, room + ahead)
        for feed in due:
            if queued >= room:
                break
            if self._fresh(f"poll:{feed.id}:{feed.next_poll_at}", now):
                queued += await defer_poll(self.app, feed.id, urlsplit(feed.url).hostname, per_host)
        self.budget.queued(queued)
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


@dataclass(frozen=True)
class QueueCounts:
    """Jobs per queue waiting to run (`todo`) and running (`doing`)."""

    waiting: dict[str, int]
    running: dict[str, int]


async def queue_counts(app: procrastinate.App) -> QueueCounts:
    """One count over the live jobs (Procrastinate's own `list_queues` counts every status
    of every queue in nested scans)."""
    rows = await app.connector.execute_query_all_async(
        "SELECT queue_name, status::text AS status, count(*) AS n FROM procrastinate_jobs "
        "WHERE status IN ('todo', 'doing') GROUP BY queue_name, status"
    )
    counts: dict[str, dict[str, int]] = {"todo": {}, "doing": {}}
    for row in rows:
        counts[str(row["status"])][str(row["queue_name"])] = int(row["n"])
    return QueueCounts(counts["todo"], counts["doing"])


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
