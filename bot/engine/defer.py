"""Queueing the jobs: which queue, which queueing lock, which lock, for each kind of job.

- A *queueing lock* lets at most one job with that key wait in the queue: the scheduler
  can ask for feed 42's poll on every tick, and a feed followed by 300 channels is still
  fetched once (a feed is one row, whoever follows it).
- A *lock* lets at most one job with that key run at a time, across every worker. A
  host gets `fetch.per_host` lock keys (`host:example.org:0`, `…:1`), so no more than
  that many requests at once reach one host, however many workers run; a channel gets
  one, so a slot's digest, its retry and an `/ai-digest now` never post at once.
"""

from __future__ import annotations

import zlib
from datetime import datetime
from typing import Any

import procrastinate
from procrastinate.exceptions import AlreadyEnqueued

__all__ = [
    "ANALYSE",
    "DELIVER",
    "POLL",
    "QUEUES",
    "defer_alert",
    "defer_analyse",
    "defer_digest_now",
    "defer_poll",
    "defer_slot",
    "host_lock",
]

POLL, ANALYSE, DELIVER = "poll", "analyse", "deliver"
QUEUES = (POLL, ANALYSE, DELIVER)


def host_lock(host: str | None, key: int, per_host: int) -> str:
    """One of the host's `per_host` lock keys, chosen by `key` (a feed or entry id)."""
    name = (host or "").lower()
    return f"host:{name}:{zlib.crc32(str(key).encode()) % max(per_host, 1)}"


async def _defer(app: procrastinate.App, task: str, **options: Any) -> bool:
    """Queue a job; False when the same job is already waiting (its queueing lock)."""
    args = options.pop("args")
    try:
        await app.configure_task(f"sovai:{task}", **options).defer_async(**args)
    except AlreadyEnqueued:
        return False
    return True


async def defer_poll(app: procrastinate.App, feed_id: int, host: str | None, per_host: int) -> bool:
    return await _defer(
        app,
        "poll_feed",
        queueing_lock=f"poll:{feed_id}",
        lock=host_lock(host, feed_id, per_host),
        args={"feed_id": feed_id},
    )


async def defer_analyse(
    app: procrastinate.App,
    entry_id: int,
    source: str | None,
    site: str | None,
    host: str | None,
    per_host: int,
) -> bool:
    return await _defer(
        app,
        "analyse",
        queueing_lock=f"entry:{entry_id}",
        lock=host_lock(host, entry_id, per_host),
        args={"entry_id": entry_id, "source": source, "site": site},
    )


async def defer_slot(app: procrastinate.App, subscription_id: int, slot: datetime) -> bool:
    return await _defer(
        app,
        "deliver_slot",
        queueing_lock=f"slot:{subscription_id}:{slot.isoformat()}",
        lock=f"channel:{subscription_id}",
        args={"subscription_id": subscription_id, "slot": slot.isoformat()},
    )


async def defer_digest_now(app: procrastinate.App, subscription_id: int, now: datetime) -> bool:
    return await _defer(
        app,
        "digest_now",
        queueing_lock=f"now:{subscription_id}",
        lock=f"channel:{subscription_id}",
        args={"subscription_id": subscription_id, "now": now.isoformat()},
    )


async def defer_alert(app: procrastinate.App, alert_job_id: int) -> bool:
    return await _defer(
        app,
        "send_alert",
        queueing_lock=f"alert:{alert_job_id}",
        lock=f"alert:{alert_job_id}",
        args={"alert_job_id": alert_job_id},
    )
