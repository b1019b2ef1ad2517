"""The jobs a worker runs: each is one stage's own entry point, given an id.

- `poll_feed(feed_id)`: `bot.ingest.poll_feed`, with the new entries queued as
  `analyse` jobs instead of read in line;
- `analyse(entry_id, …)`: `bot.read_entries.read_entry`, the article read, analysed, stored;
- `deliver_slot(subscription_id, slot)`: `bot.digest_loop.send_slot`;
- `digest_now(subscription_id, now)`: `bot.chat.delivery.send_digest` (`/ai-digest now`);
- `send_alert(alert_job_id)`: `bot.chat.alerts.AlertSender.send_one`.

Delivery is at least once (a job whose worker died is run again), so each job is
idempotent: it reads its row when it runs and does nothing when the work is done (a feed
not due, an entry already read, a slot already marked, an alert already sent); a post cut
off mid-way is finished through the outbox's part log, never posted twice. Failures that
retrying can fix (the database refused a write, a platform outage) raise, and the engine
retries them with exponential backoff.

Each task is declared from its kind's row in bot/engine/defer.py (`_task`), so a job is
queued and run under one name and queue. What a job costs the database is kept down: a
poll queues all its new entries' `analyse` jobs in one statement, and after storing an
article a worker looks for queued alert posts only while some alert exists (`AlertWatch`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TypeVar
from urllib.parse import urlsplit

import procrastinate
from procrastinate import Blueprint, RetryStrategy

from bot.articles.story_index import StoryIndex
from bot.chat.alerts import AlertSender
from bot.chat.delivery import Sender, send_digest
from bot.digest_loop import send_slot
from bot.engine.defer import (
    ALERT,
    ANALYSE_ENTRY,
    DIGEST_NOW,
    POLL_FEED,
    SLOT,
    JobKind,
    analyse_args,
    defer_alert,
    defer_many,
    host_lock,
)
from bot.feeds.fetch import Fetcher
from bot.ingest import poll_feed
from bot.offload import off_loop
from bot.poll_events import observe_poll
from bot.read_entries import ReadOutcome, read_entry
from bot.settings import Settings
from bot.store.jobs_store import alerts_configured, feed_state, slot_state, unread_entry
from bot.store.repo import Store
from bot.store.states import StorageError

__all__ = [
    "ALERTS_RECHECK",
    "RETRY",
    "AlertWatch",
    "JobFailed",
    "WorkerContext",
    "bind",
    "blueprint",
]

_log = logging.getLogger(__name__)
# waits of 2, 4, 8, 16, 32, 64 and 128 s: a database restart or a platform outage of a few
# minutes is ridden out; after that the outbox row stays pending for `sovai run`'s own
# retries or the next slot, and an entry stays unread for the feed's next poll
RETRY = RetryStrategy(max_attempts=7, exponential_wait=2)
# how long a worker trusts "no alert is set up" before asking the database again
ALERTS_RECHECK = timedelta(seconds=30)
blueprint = Blueprint()
Job = TypeVar("Job", bound=Callable[..., Awaitable[object]])


def _task(kind: JobKind) -> Callable[[Job], Job]:
    """Declare a task under its kind's name and queue (bot/engine/defer.py), retried."""

    def declare(job: Job) -> Job:
        blueprint.task(name=kind.task, queue=kind.queue, retry=RETRY)(job)
        return job

    return declare


class JobFailed(Exception):
    """A job whose work is not done, and which retrying may finish: the engine retries it."""


@dataclass
class AlertWatch:
    """Whether any alert is set up, asked at most every `ALERTS_RECHECK`.

    A stored article can queue alert posts only when some alert exists; without one, a
    worker need not look for queued posts after every article (a read each). An alert
    set up meanwhile loses nothing: its posts wait in their outbox, and the scheduler's
    sweep (bot/engine/scheduler.py, every minute) queues them if no worker has."""

    configured: bool = False
    checked_at: datetime | None = None

    async def may_have_queued(self, store: Store, now: datetime) -> bool:
        if self.checked_at is None or now - self.checked_at >= ALERTS_RECHECK:
            self.configured = await off_loop(alerts_configured, store)
            self.checked_at = now
        return self.configured


@dataclass(frozen=True)
class WorkerContext:
    """What a worker process's jobs share: one store, fetcher, story index and senders."""

    settings: Settings
    store: Store
    fetcher: Fetcher
    senders: Mapping[str, Sender]
    app: procrastinate.App
    index: StoryIndex
    alerts: AlertWatch = field(default_factory=AlertWatch)

    def now(self) -> datetime:
        return datetime.now(UTC)


_bound: list[WorkerContext] = []


def bind(context: WorkerContext | None) -> None:
    """Give this process's jobs their context (None: unbind, at the worker's exit)."""
    _bound.clear()
    if context is not None:
        _bound.append(context)


def _context() -> WorkerContext:
    if not _bound:
        raise RuntimeError("no worker context: jobs run inside `sovai worker`")
    return _bound[0]


@_task(POLL_FEED)
async def poll_feed_job(feed_id: int) -> str:
    """Poll the feed if it is still due (a job run twice polls it once)."""
    ctx = _context()
    feed = await off_loop(feed_state, ctx.store, feed_id)
    if feed is None:
        return "gone"
    if feed.next_poll_at is not None and feed.next_poll_at > ctx.now():
        return "not-due"
    per_host = ctx.settings.config.fetch.per_host
    host = urlsplit(feed.url).hostname

    async def queue_unread(feed_id: int, source: str | None, site: str | None) -> ReadOutcome:
        unread = await off_loop(ctx.store.unread_entries, feed_id)
        batch = [analyse_args(new.id, source, site) for new in unread]
        locks = [host_lock(_host(new.entry.url) or host, new.id, per_host) for new in unread]
        await defer_many(ctx.app, ANALYSE_ENTRY, batch, locks)  # one statement for all
        return ReadOutcome(0)

    report = await poll_feed(feed, ctx.store, ctx.fetcher, index=ctx.index, reader=queue_unread)
    observe_poll(feed, report)
    return report.status


@_task(ANALYSE_ENTRY)
async def analyse_job(entry_id: int, source: str | None, site: str | None) -> int:
    """Read, analyse and store one entry's article, unless it has been read already."""
    ctx = _context()
    new = await off_loop(unread_entry, ctx.store, entry_id)
    if new is None:
        return 0
    try:
        stored = await read_entry(new, source, ctx.store, ctx.fetcher, ctx.now, ctx.index, site)
    except StorageError:
        raise  # the entry stays unread: retried with backoff
    except Exception:  # a bug on one item: skipped, as a poll in one process skips it
        _log.exception("reading entry %r failed; skipped", new.entry.key[:200])
        await off_loop(ctx.store.mark_read, new.id, ctx.now())
        return 0
    if stored and await ctx.alerts.may_have_queued(ctx.store, ctx.now()):
        for alert in await off_loop(ctx.store.pending_alerts):
            await defer_alert(ctx.app, alert.id)
    return stored


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


@_task(SLOT)
async def deliver_slot_job(subscription_id: int, slot: str) -> str:
    """Send one channel's digest for one slot; a retry finishes the outbox row it left."""
    ctx = _context()
    state = await off_loop(slot_state, ctx.store, subscription_id)
    if state is None:
        return "gone"
    when = datetime.fromisoformat(slot)
    status = await send_slot(
        ctx.settings, ctx.store, ctx.senders, state, when, ctx.now(), resend=True
    )
    if status == "failed":
        raise JobFailed(f"the digest for subscription {subscription_id} at {slot} failed")
    return status


@_task(DIGEST_NOW)
async def digest_now_job(subscription_id: int, now: str) -> str:
    """`/ai-digest now` from the chat role: the digest up to the moment it was asked for."""
    ctx = _context()
    state = await off_loop(slot_state, ctx.store, subscription_id)
    if state is None:
        return "gone"
    sub = state.subscription
    sender, asked = ctx.senders[sub.platform], datetime.fromisoformat(now)
    outcome = await send_digest(ctx.store, sub, ctx.settings.config.digest, sender, asked)
    if outcome.status == "failed" and not sub.paused:
        raise JobFailed(f"the digest for {sub.platform}:{sub.channel} failed: {outcome.error}")
    return outcome.status


@_task(ALERT)
async def send_alert_job(alert_job_id: int) -> int:
    """Post one queued alert; its row's attempts and part log make a retry safe."""
    ctx = _context()
    return await AlertSender(ctx.store, ctx.senders, ctx.now).send_one(alert_job_id)
