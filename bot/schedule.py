"""The scheduler: it only ticks and hands work to the polling and delivery stages.

Feeds are polled on their own intervals (with jitter, so a hundred feeds do not hit the
network in the same second), digests go out at each channel's local time, and a
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

from bot.chat.delivery import Sender, resend_unsent, send_digest
from bot.feeds.fetch import Fetcher
from bot.ingest import poll_feed
from bot.settings import Settings
from bot.store.repo import Store, SubscriptionState

__all__ = ["build_scheduler", "run_scheduler"]

_log = logging.getLogger(__name__)
HEARTBEAT_SECONDS = 60


async def _poll(feed_id: int, store: Store, fetcher: Fetcher) -> None:
    feed = next((f for f in store.feeds() if f.id == feed_id), None)
    if feed is None:
        return
    report = await poll_feed(feed, store, fetcher)
    if report.status != "error":  # errors are logged as warnings where they happen
        _log.info("poll %s", report.line())


async def _digest(
    sub: SubscriptionState, settings: Settings, store: Store, senders: Mapping[str, Sender]
) -> None:
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


def _heartbeat(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(datetime.now(UTC).isoformat(), encoding="utf-8")


def build_scheduler(
    settings: Settings,
    store: Store,
    fetcher: Fetcher,
    senders: Mapping[str, Sender],
    *,
    digests: bool = True,
    heartbeat: Path | None = None,
) -> AsyncIOScheduler:
    """Jobs: one per feed (first run now), one per subscription's digest time."""
    scheduler = AsyncIOScheduler(timezone=UTC)
    now = datetime.now(UTC)
    for feed in store.feeds():
        interval = feed.interval_minutes
        scheduler.add_job(
            _poll,
            IntervalTrigger(minutes=interval, jitter=min(300, interval * 6)),
            args=(feed.id, store, fetcher),
            id=f"feed-{feed.id}",
            next_run_time=now,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=interval * 60,
        )
    if digests:
        default = settings.config.digest
        for sub in store.subscriptions():
            hour, minute = (sub.digest_time or default.time).split(":")
            scheduler.add_job(
                _digest,
                CronTrigger(
                    hour=int(hour), minute=int(minute), timezone=sub.timezone or default.timezone
                ),
                args=(sub, settings, store, senders),
                id=f"digest-{sub.id}",
                max_instances=1,
                coalesce=True,
                misfire_grace_time=3600,
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
        scheduler = build_scheduler(
            settings, store, fetcher, senders, digests=digests, heartbeat=heartbeat
        )
        scheduler.start()
        _log.info("running: polling %d feeds; Ctrl-C to stop", len(store.feeds()))
        for job in scheduler.get_jobs():
            if job.id.startswith("digest-"):
                sub = job.args[0]
                _log.info(
                    "next digest for %s:%s at %s",
                    sub.platform,
                    sub.channel,
                    f"{job.next_run_time:%Y-%m-%d %H:%M %Z}",
                )
        await stop.wait()
        scheduler.shutdown(wait=False)
    finally:
        await fetcher.aclose()
