"""The scheduler: it only ticks and hands work to the polling and delivery stages.

Feeds are polled when due (each has its own next-poll time, with jitter, so a hundred
feeds do not hit the network in the same second), digests go out at each channel's local time, and a
heartbeat file lets a container health check tell a live bot from a hung one.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.articles.story_index import StoryIndex
from bot.chat.delivery import Sender, resend_unsent, send_digest
from bot.feeds.fetch import Fetcher
from bot.heartbeat import write_heartbeat
from bot.ingest import due_feeds, poll_feed
from bot.settings import Settings
from bot.store.repo import FeedState, Store

__all__ = ["Poller", "build_scheduler", "run_scheduler"]

_log = logging.getLogger(__name__)
HEARTBEAT_SECONDS = 60
TICK_SECONDS = 30
RETRY_SECONDS = 300


class Poller:
    """Starts a task for each due feed, never two for the same feed, and stops them all."""

    def __init__(self, store: Store, fetcher: Fetcher) -> None:
        self.store = store
        self.fetcher = fetcher
        self.tasks: dict[int, asyncio.Task[None]] = {}
        self.index = StoryIndex(store)

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
            _log.exception("polling %s crashed", feed.url)
            return
        finally:
            self._done(feed.id)
        if report.status != "error":  # errors are logged as warnings where they happen
            _log.info("poll %s", report.line())

    async def stop(self) -> None:
        for task in list(self.tasks.values()):
            task.cancel()
        await asyncio.gather(*self.tasks.values(), return_exceptions=True)


async def _digest(
    sub_id: int, settings: Settings, store: Store, senders: Mapping[str, Sender]
) -> None:
    sub = next((s for s in store.subscriptions() if s.id == sub_id), None)
    if sub is None:  # unsubscribed since the job was planned
        return
    outcome = await send_digest(
        store, sub, settings.config.digest, senders[sub.platform], datetime.now(UTC)
    )
    _log.info(
        "digest for %s:%s: %s (%d stories)",
        sub.platform,
        sub.channel,
        outcome.status,
        outcome.stories,
    )


async def _retry_pending(settings: Settings, store: Store, senders: Mapping[str, Sender]) -> None:
    """Digests a platform outage left queued go out once it answers again."""
    for outcome in await resend_unsent(
        store, settings.config.digest, senders, datetime.now(UTC), include_sending=False
    ):
        _log.info("retried digest %s: %s", outcome.digest_key, outcome.status)


class DigestPlanner:
    """One job per active subscription at its time; follows /ai-subscribe changes live."""

    def __init__(
        self,
        scheduler: AsyncIOScheduler,
        settings: Settings,
        store: Store,
        senders: Mapping[str, Sender],
    ) -> None:
        self.scheduler = scheduler
        self.settings = settings
        self.store = store
        self.senders = senders
        self.planned: dict[str, tuple[str, str]] = {}  # job id -> (HH:MM, time zone)

    def sync(self) -> None:
        default = self.settings.config.digest
        wanted = {
            f"digest-{sub.id}": (
                sub.id,
                sub.digest_time or default.time,
                sub.timezone or default.timezone,
            )
            for sub in self.store.subscriptions()
        }
        for job_id in set(self.planned) - set(wanted):
            self.scheduler.remove_job(job_id)
            del self.planned[job_id]
        for job_id, (sub_id, at, tz) in wanted.items():
            if self.planned.get(job_id) == (at, tz):
                continue
            hour, minute = at.split(":")
            self.scheduler.add_job(
                _digest,
                CronTrigger(hour=int(hour), minute=int(minute), timezone=tz),
                args=(sub_id, self.settings, self.store, self.senders),
                id=job_id,
                replace_existing=True,
                max_instances=1,
                coalesce=True,
                misfire_grace_time=3600,
            )
            self.planned[job_id] = (at, tz)


def _heartbeat(path: Path) -> None:
    write_heartbeat(path)  # bot/heartbeat.py: an unwritable place is one log line


def build_scheduler(
    settings: Settings,
    store: Store,
    poller: Poller,
    senders: Mapping[str, Sender],
    *,
    digests: bool = True,
    heartbeat: Path | None = None,
) -> AsyncIOScheduler:
    """Jobs: a polling tick (first run now), one per subscription's digest time, and a
    tick that keeps those in step with subscriptions changed from chat."""
    scheduler = AsyncIOScheduler(timezone=UTC)
    now = datetime.now(UTC)
    # One tick polls whatever is due: each feed carries its own next-poll time (interval,
    # server hints, backoff), and feeds added while running are picked up on the next tick.
    scheduler.add_job(
        poller.tick,
        IntervalTrigger(seconds=TICK_SECONDS),
        id="poll",
        next_run_time=now,
        max_instances=1,
        coalesce=True,
    )
    if digests:
        scheduler.add_job(
            _retry_pending,
            IntervalTrigger(seconds=RETRY_SECONDS),
            args=(settings, store, senders),
            id="retry-deliveries",
            max_instances=1,
            coalesce=True,
        )
        planner = DigestPlanner(scheduler, settings, store, senders)
        planner.sync()
        scheduler.add_job(
            planner.sync,
            IntervalTrigger(seconds=TICK_SECONDS),
            id="plan-digests",
            max_instances=1,
            coalesce=True,
        )
    if heartbeat is not None:
        scheduler.add_job(
            _heartbeat,
            "interval",
            seconds=HEARTBEAT_SECONDS,
            args=(heartbeat,),
            id="heartbeat",
            next_run_time=now,
        )
    return scheduler


async def run_scheduler(
    settings: Settings,
    store: Store,
    senders: Mapping[str, Sender],
    stop: asyncio.Event,
    *,
    digests: bool = True,
    heartbeat: Path | None = None,
) -> None:
    """Run until `stop` is set; digests left unsent by a previous run go out first."""
    fetcher = Fetcher(settings.config.fetch)
    try:
        if digests:
            for outcome in await resend_unsent(
                store, settings.config.digest, senders, datetime.now(UTC)
            ):
                _log.info("resent digest %s: %s", outcome.digest_key, outcome.status)
        poller = Poller(store, fetcher)
        scheduler = build_scheduler(
            settings, store, poller, senders, digests=digests, heartbeat=heartbeat
        )
        scheduler.start()
        _log.info("running: polling %d feeds; Ctrl-C to stop", len(store.feeds()))
        for sub in store.subscriptions() if digests else ():
            job = scheduler.get_job(f"digest-{sub.id}")
            if job is not None and job.next_run_time is not None:
                where = f"{sub.platform} {sub.channel}".replace("terminal stdout", "the terminal")
                _log.info(
                    "next digest for %s at %s", where, f"{job.next_run_time:%Y-%m-%d %H:%M %Z}"
                )
        await stop.wait()
        scheduler.shutdown(wait=False)
        await poller.stop()
    finally:
        await fetcher.aclose()
