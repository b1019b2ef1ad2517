"""Queueing the jobs: which queue, which queueing lock, which lock, for each kind of job.

- A *queueing lock* lets at most one job with that key wait in the queue: the scheduler
  can ask for feed 42's poll on every tick, and a feed followed by 300 channels is still
  fetched once (a feed is one row, whoever follows it).
- A *lock* lets at most one job with that key run at a time, across every worker. A
  host gets `fetch.per_host` lock keys (`host:example.org:0`, `…:1`), so no more than
  that many requests at once reach one host, however many workers run; a channel gets
  one, so a slot's digest, its retry and an `/ai-digest now` never post at once.

Each kind of job is one row of a table (`JobKind`: task, queue, key formats), read by
both sides: `defer` queues a kind's job, and bot/engine/tasks.py declares the task under
the same name and queue. `defer_many` queues a batch in one statement (a poll's new
entries: one transaction instead of one per entry).
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import procrastinate
from procrastinate.exceptions import AlreadyEnqueued

__all__ = [
    "ALERT",
    "ANALYSE",
    "ANALYSE_ENTRY",
    "DELIVER",
    "DIGEST_NOW",
    "POLL",
    "POLL_FEED",
    "QUEUES",
    "SLOT",
    "JobKind",
    "analyse_args",
    "defer",
    "defer_alert",
    "defer_analyse",
    "defer_digest_now",
    "defer_many",
    "defer_poll",
    "defer_slot",
    "host_lock",
]

POLL, ANALYSE, DELIVER = "poll", "analyse", "deliver"
QUEUES = (POLL, ANALYSE, DELIVER)
NAMESPACE = "sovai"
HOST = "{host_lock}"  # a kind locked per host: the lock key is given with each job


@dataclass(frozen=True)
class JobKind:
    """One kind of job: its task's name and queue, and its keys as formats over its
    arguments (`{feed_id}`), so the same job always gets the same keys."""

    task: str
    queue: str
    queueing_lock: str
    lock: str

    @property
    def name(self) -> str:
        """The task's registered name (its blueprint is added under `NAMESPACE`)."""
        return f"{NAMESPACE}:{self.task}"

    def options(self, args: Mapping[str, Any], lock: str | None = None) -> dict[str, Any]:
        """The job's `queueing_lock` and `lock`; `lock` is the host's key (`host_lock`)
        for a kind locked per host, and ignored for the others."""
        if self.lock != HOST:
            lock = self.lock.format(**args)
        elif not lock:
            raise ValueError(f"a {self.task} job needs its host's lock key (host_lock)")
        return {"queueing_lock": self.queueing_lock.format(**args), "lock": lock}


POLL_FEED = JobKind("poll_feed", POLL, "poll:{feed_id}", HOST)
ANALYSE_ENTRY = JobKind("analyse", ANALYSE, "entry:{entry_id}", HOST)
CHANNEL = "channel:{subscription_id}"  # a slot's digest and `/ai-digest now` never post at once
SLOT = JobKind("deliver_slot", DELIVER, "slot:{subscription_id}:{slot}", CHANNEL)
DIGEST_NOW = JobKind("digest_now", DELIVER, "now:{subscription_id}", CHANNEL)
ALERT = JobKind("send_alert", DELIVER, "alert:{alert_job_id}", "alert:{alert_job_id}")


def host_lock(host: str | None, key: int, per_host: int) -> str:
    """One of the host's `per_host` lock keys, chosen by `key` (a feed or entry id)."""
    name = (host or "").lower()
    return f"host:{name}:{zlib.crc32(str(key).encode()) % max(per_host, 1)}"


async def defer(
    app: procrastinate.App, kind: JobKind, args: Mapping[str, Any], lock: str | None = None
) -> bool:
    """Queue a job; False when the same job is already waiting (its queueing lock)."""
    try:
        await app.configure_task(kind.name, **kind.options(args, lock)).defer_async(**args)
    except AlreadyEnqueued:
        return False
    return True


async def defer_many(
    app: procrastinate.App,
    kind: JobKind,
    batch: Sequence[Mapping[str, Any]],
    locks: Sequence[str | None] | None = None,
) -> int:
    """Queue a batch of one kind's jobs in one statement; how many were queued.

    The batch is one transaction: if one of its jobs is already waiting, the database
    refuses all of them, and they are queued one by one instead (each waiting one
    skipped), so the outcome is the same as deferring each."""
    if not batch:
        return 0
    keys = list(locks) if locks is not None else [None] * len(batch)
    jobs = [
        app.configure_task(kind.name, **kind.options(args, lock)).make_new_job(**args)
        for args, lock in zip(batch, keys, strict=True)
    ]
    try:
        await app.job_manager.batch_defer_jobs_async(jobs)
    except AlreadyEnqueued:
        return sum([await defer(app, kind, a, lock) for a, lock in zip(batch, keys, strict=True)])
    return len(jobs)


async def defer_poll(app: procrastinate.App, feed_id: int, host: str | None, per_host: int) -> bool:
    return await defer(app, POLL_FEED, {"feed_id": feed_id}, host_lock(host, feed_id, per_host))


def analyse_args(entry_id: int, source: str | None, site: str | None) -> dict[str, Any]:
    return {"entry_id": entry_id, "source": source, "site": site}


async def defer_analyse(
    app: procrastinate.App,
    entry_id: int,
    source: str | None,
    site: str | None,
    host: str | None,
    per_host: int,
) -> bool:
    lock = host_lock(host, entry_id, per_host)
    return await defer(app, ANALYSE_ENTRY, analyse_args(entry_id, source, site), lock)


async def defer_slot(app: procrastinate.App, subscription_id: int, slot: datetime) -> bool:
    return await defer(app, SLOT, {"subscription_id": subscription_id, "slot": slot.isoformat()})


async def defer_digest_now(app: procrastinate.App, subscription_id: int, now: datetime) -> bool:
    args = {"subscription_id": subscription_id, "now": now.isoformat()}
    return await defer(app, DIGEST_NOW, args)


async def defer_alert(app: procrastinate.App, alert_job_id: int) -> bool:
    return await defer(app, ALERT, {"alert_job_id": alert_job_id})
