"""The scheduler: it only ticks and hands work to the polling and delivery stages.

Feeds are polled when due (each has its own next-poll time, with jitter, so a hundred
feeds do not hit the network in the same second), digests go out at each channel's local
time (bot/digest_loop.py, from durable state), and a heartbeat file lets a container health
check tell a live bot from a hung one.

Only one process schedules per database: `run_scheduler` first takes the scheduler lock
(bot/store/locks.py). A second `sovai run` waits as a standby, says so once in the log, and
takes over within seconds of the first one's exit. A leader that loses its lock (its
PostgreSQL connection dropped) stops polling and sending at once and waits to take it back.
On SIGTERM (`docker stop`) the digest being sent is given up to DRAIN_SECONDS to finish.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.exc import SQLAlchemyError

from bot.articles.story_index import StoryIndex
from bot.chat.alerts import AlertSender
from bot.chat.delivery import Sender, resend_unsent
from bot.clock import Clock, clock_from_env
from bot.digest_loop import DigestLoop
from bot.feeds.fetch import Fetcher
from bot.heartbeat import write_heartbeat
from bot.ingest import due_feeds, poll_feed
from bot.liveness import SCHEDULER
from bot.poll_events import observe_poll
from bot.retention import add_daily_prune
from bot.settings import Settings
from bot.store.locks import NoLock, SchedulerLock, scheduler_lock
from bot.store.repo import FeedState, Store
from bot.wording import counted

__all__ = ["DRAIN_SECONDS", "Poller", "build_scheduler", "run_scheduler"]

_log = logging.getLogger(__name__)
HEARTBEAT_SECONDS = 60
TICK_SECONDS = 30
LOCK_SECONDS = 5.0  # how often a standby tries the lock, and a leader checks it still holds
DRAIN_SECONDS = 20.0  # how long a digest being sent may take to finish after SIGTERM


class Poller:
    """Starts a task for each due feed, never two for the same feed, and stops them all."""

    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        after_poll: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.tasks: dict[int, asyncio.Task[None]] = {}
        self.index = StoryIndex(store)
        self.after_poll = after_poll  # alerts go out as soon as the poll that found them ends

    @SCHEDULER.ticks  # bot/liveness.py: /healthz sees a stalled tick
    async def tick(self) -> None:
        for feed in await due_feeds(self.store, datetime.now(UTC)):
            if feed.id not in self.tasks:
                self.tasks[feed.id] = asyncio.create_task(self._poll(feed))

    def _done(self, feed_id: int) -> None:
        self.tasks.pop(feed_id, None)

    async def _poll(self, feed: FeedState) -> None:
        try:
            report = await poll_feed(feed, self.store, self.fetcher, index=self.index)
        except Exception:  # one feed's bug must not stop polling
            _log.exception("polling %s crashed", feed.label)
            return
        finally:
            self._done(feed.id)
        observe_poll(feed, report)  # bot/poll_events.py: counted; logged once per state change
        if report.articles and self.after_poll is not None:
            try:
                await self.after_poll()
            except Exception:  # queued alerts stay queued: the next poll or start sends them
                _log.exception("sending alerts after polling %s failed", feed.label)

    @SCHEDULER.stops
    async def stop(self) -> None:
        for task in list(self.tasks.values()):
            task.cancel()
        await asyncio.gather(*self.tasks.values(), return_exceptions=True)


async def _beat(path: Path, stop: asyncio.Event) -> None:
    """The heartbeat, leader and standby alike: a standby is a healthy, waiting bot."""
    while not stop.is_set():
        write_heartbeat(path)  # bot/heartbeat.py: an unwritable place is one log line
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=HEARTBEAT_SECONDS)


def build_scheduler(poller: Poller) -> AsyncIOScheduler:
    """The polling tick (first run now); digests have their own loop (bot/digest_loop.py)."""
    scheduler = AsyncIOScheduler(timezone=UTC)
    # One tick polls whatever is due: each feed carries its own next-poll time (interval,
    # server hints, backoff), and feeds added while running are picked up on the next tick.
    scheduler.add_job(
        poller.tick,
        IntervalTrigger(seconds=TICK_SECONDS),
        id="poll",
        next_run_time=datetime.now(UTC),
        max_instances=1,
        coalesce=True,
    )
    return scheduler


async def _wait_for_lock(lock: SchedulerLock, stop: asyncio.Event) -> bool:
    """Take the scheduler lock, waiting as a standby while another process holds it."""
    told: str | None = None
    while not stop.is_set():
        try:
            if await asyncio.to_thread(lock.acquire):
                if told == "standby":
                    _log.info("took over scheduling: the other instance is gone")
                elif told == "unreachable":
                    _log.info("the database answers again: scheduling resumes")
                return True
            if told != "standby":
                holder = await asyncio.to_thread(lock.holder)
                _log.warning(
                    "another sovai (%s) is scheduling for this database (lock: %s); waiting "
                    "as a standby, ready to take over",
                    holder,
                    lock.where,
                )
                told = "standby"
        except (SQLAlchemyError, OSError) as exc:
            if told != "unreachable":
                _log.warning(
                    "cannot take the scheduler lock (%s): %s; trying again every %g s",
                    lock.where,
                    str(exc).splitlines()[0],
                    LOCK_SECONDS,
                )
                told = "unreachable"
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=LOCK_SECONDS)
    return False


async def _holds(lock: SchedulerLock) -> bool:
    try:
        return await asyncio.wait_for(asyncio.to_thread(lock.still_held), timeout=30)
    except TimeoutError:
        return False


async def _digests(loop: DigestLoop, store: Store, settings: Settings, halt: asyncio.Event) -> None:
    """Digests a previous run left unsent go out first, then the loop over due slots."""
    try:
        for outcome in await resend_unsent(
            store, settings.config.digest, loop.senders, loop.clock.now()
        ):
            _log.info("resent digest %s: %s", outcome.digest_key, outcome.status)
    except Exception:  # a database outage at start: the loop's retries take over
        _log.warning("resending unsent digests failed; they are retried", exc_info=True)
    await loop.announce_safely()
    await loop.run(halt)


async def _flush_alerts(alerts: AlertSender) -> None:
    try:
        await alerts.flush()
    except Exception:
        _log.warning("sending queued alerts failed; retried after the next poll", exc_info=True)


async def _finish(task: asyncio.Task[None], *, lost: bool) -> None:
    """Let the digest in progress finish (bounded) on a stop; cut it at once on a lost lock."""
    if lost:
        task.cancel()
    try:
        await asyncio.wait_for(task, timeout=DRAIN_SECONDS)
    except TimeoutError:
        _log.warning(
            "the digest in progress did not finish within %g s; it is sent again on the next start",
            DRAIN_SECONDS,
        )
    except asyncio.CancelledError:
        if not lost:
            raise


async def _lead(
    settings: Settings,
    store: Store,
    senders: Mapping[str, Sender],
    stop: asyncio.Event,
    lock: SchedulerLock,
    fetcher: Fetcher,
    clock: Clock,
    digests: bool,
) -> bool:
    """Poll and send digests (and alerts) while holding the lock; True when the lock was lost."""
    alerts = AlertSender(store, senders, clock.now) if digests else None
    poller = Poller(store, fetcher, after_poll=alerts.flush if alerts else None)
    scheduler = build_scheduler(poller)
    add_daily_prune(scheduler, store, settings.config.retention.articles_days, clock.now)
    scheduler.start()
    halt = asyncio.Event()
    loop = DigestLoop(settings, store, senders, clock)
    task = asyncio.create_task(_digests(loop, store, settings, halt)) if digests else None
    # alerts a crash or an outage left queued
    leftovers = asyncio.create_task(_flush_alerts(alerts)) if alerts is not None else None
    with contextlib.suppress(Exception):  # a database outage is reported where it bites
        feeds = await asyncio.to_thread(store.feeds)
        _log.info("running: polling %s; Ctrl-C to stop", counted(len(feeds), "feed"))
    lost = False
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=LOCK_SECONDS)
        if not stop.is_set() and not await _holds(lock):
            lost = True
            _log.error("lost the scheduler lock (database connection gone): scheduling stopped")
            break
    halt.set()
    scheduler.shutdown(wait=False)
    await poller.stop()
    if leftovers is not None:
        leftovers.cancel()
        await asyncio.gather(leftovers, return_exceptions=True)
    if task is not None:
        await _finish(task, lost=lost)
    return lost


async def run_scheduler(
    settings: Settings,
    store: Store,
    senders: Mapping[str, Sender],
    stop: asyncio.Event,
    *,
    digests: bool = True,
    heartbeat: Path | None = None,
) -> None:
    """Run until `stop` is set, scheduling only while holding this database's lock.

    `sovai poll` (digests=False) takes no lock: it only polls, as it always did.
    """
    clock = clock_from_env(os.environ)
    lock = scheduler_lock(settings.database_url) if digests else NoLock()
    fetcher = Fetcher(settings.config.fetch)
    beat = asyncio.create_task(_beat(heartbeat, stop)) if heartbeat is not None else None
    try:
        while await _wait_for_lock(lock, stop):
            lost = await _lead(settings, store, senders, stop, lock, fetcher, clock, digests)
            if not lost:
                break
            _log.info("waiting to take the scheduler lock back")
    finally:
        await asyncio.to_thread(lock.release)
        if beat is not None:
            beat.cancel()
            await asyncio.gather(beat, return_exceptions=True)
        await fetcher.aclose()
