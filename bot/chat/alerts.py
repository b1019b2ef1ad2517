"""Sending queued alerts: each queued (alert, announcement) row posted once, then marked.

The rows were queued with the announcement itself (bot/store/ledger_store.py); this
sends them right after the poll that found them, and at start-up (a crash's leftovers).
A row is marked "sending" before its post and keeps the post's part log, so a kill -9
between the platform posting and the row saying so is resolved by the sender's own
check (message metadata, channel history) instead of a second post. A refusal that
retrying cannot fix (a channel the bot is not in) fails the row for good; an outage
leaves it queued, up to `MAX_ATTEMPTS`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from datetime import datetime

from bot.chat.delivery import DeliveryError, PartLog, Sender
from bot.digest.alert_digest import alert_digest
from bot.offload import off_loop
from bot.redact import stored_error
from bot.store.alerts_store import AlertJob
from bot.store.jobs_store import alert_job
from bot.store.repo import Store, SubscriptionState

__all__ = ["MAX_ATTEMPTS", "AlertSender"]

_log = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
Clock = Callable[[], datetime]


def _channel(job: AlertJob) -> SubscriptionState:
    """The alert's channel, addressed as the senders address a subscribed one."""
    return SubscriptionState(
        id=-job.alert.id,
        platform=job.alert.platform,
        channel=job.alert.channel,
        countries=job.alert.countries,
        digest_time=None,
        timezone=None,
        last_error=None,
    )


class AlertSender:
    """Posts queued alerts through the platform senders; one flush at a time."""

    def __init__(self, store: Store, senders: Mapping[str, Sender], clock: Clock) -> None:
        self.store = store
        self.senders = senders
        self.clock = clock
        self._lock = asyncio.Lock()

    async def flush(self, limit: int = 50) -> int:
        """Send what is queued (at most `limit`); the number posted."""
        async with self._lock:
            jobs = await off_loop(self.store.pending_alerts, limit)
            sent = 0
            for job in jobs:
                sent += await self._send(job)
            return sent

    async def send_one(self, job_id: int) -> int:
        """Send one queued alert post (a worker's `alert` job); 0 when already sent or gone.

        The same send as `flush`'s: a retry after a kill finds the row "sending" with its
        part log, and the sender's own check keeps a second post from happening.
        """
        async with self._lock:
            job = await off_loop(alert_job, self.store, job_id)
            return 0 if job is None else await self._send(job)

    async def _send(self, job: AlertJob) -> int:
        sender = self.senders.get(job.alert.platform)
        announcement = await off_loop(self.store.announcement, job.announcement_id)
        now = self.clock()
        if sender is None or announcement is None:
            why = "no sender for this platform" if sender is None else "announcement gone"
            await off_loop(self.store.mark_alert, job.id, "failed", now, error=why)
            return 0
        told = [announcement.story_id] if announcement.story_id else []
        stories = await off_loop(self.store.stories_by_id, told)
        digest = alert_digest(
            job.id,
            job.alert.kind,
            job.alert.threshold,
            announcement,
            stories[0] if stories else None,
        )
        await off_loop(self.store.mark_alert, job.id, "sending", now, attempt=True)
        parts = PartLog.load(
            job.message_ref, lambda log: self.store.record_alert_parts(job.id, log)
        )
        try:
            ref = await sender.send(_channel(job), digest, parts)
        except DeliveryError as exc:
            gave_up = exc.permanent or job.attempts + 1 >= MAX_ATTEMPTS
            _log.warning("alert %d to %s: %s", job.id, job.alert.channel, exc)
            status = "failed" if gave_up else "pending"
            await off_loop(self.store.mark_alert, job.id, status, now, error=stored_error(str(exc)))
            return 0
        except Exception as exc:  # a platform bug must not lose the alert: it stays queued
            _log.exception("alert %d to %s failed", job.id, job.alert.channel)
            status = "failed" if job.attempts + 1 >= MAX_ATTEMPTS else "pending"
            await off_loop(self.store.mark_alert, job.id, status, now, error=stored_error(str(exc)))
            return 0
        await off_loop(self.store.mark_alert, job.id, "sent", now, message_ref=ref)
        return 1
