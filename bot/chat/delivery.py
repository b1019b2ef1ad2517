"""Digest delivery through an outbox: recorded before sending, marked after.

The outbox row (unique per channel and digest key) is what makes delivery safe to
retry: a digest whose row says "sent" is never sent again, and a row left "pending" or
"sending" by a crash is sent on the next start. While a digest is sending, the row also
keeps which of its parts were posted (a `PartLog`, written as each post is answered),
so the next attempt posts only the rest and looks up only the one part whose answer a
crash or a 502 swallowed. Which platform a digest goes to is a
`Sender`; without a platform's token the terminal stands in, so a bot with no chat
tokens still shows every digest it would have posted.

A weekly channel's digest is composed as a weekly one (`Digest.cadence`), so a sender can
tell it apart; its window runs from the last digest, like a daily one, and a first one
reaches back a week.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol, TextIO

from bot.chat.parts import PartLog
from bot.chat.week_chart import with_week_chart
from bot.digest.compose import DigestRequest, compose, key_cadence
from bot.metrics import count_digest
from bot.models import Digest
from bot.redact import stored_error
from bot.render.text import render_text
from bot.settings import DigestConfig
from bot.store.repo import Delivery, Store, SubscriptionState

__all__ = [
    "DEFAULT_WINDOW",
    "WEEKLY_WINDOW",
    "DeliveryError",
    "DeliveryOutcome",
    "PartLog",
    "Sender",
    "TerminalSender",
    "digest_for",
    "resend_unsent",
    "send_digest",
]

_log = logging.getLogger(__name__)
DEFAULT_WINDOW = timedelta(hours=24)
WEEKLY_WINDOW = timedelta(days=7)


class Sender(Protocol):
    async def send(
        self, subscription: SubscriptionState, digest: Digest, parts: PartLog | None = None
    ) -> str:
        """Post the digest; return a reference to the message(s) (ids or timestamps).

        Must be safe to call again for the same digest after a crash: parts confirmed in
        `parts` (the outbox row's log) are skipped, and a sender that can see what it
        already posted (Slack message metadata, a channel's history) checks a part begun
        but never confirmed. Without a log (a direct call), it checks what it can.
        """
        ...


class DeliveryError(Exception):
    """A platform refused a digest. `permanent` errors (a channel the bot is not in, a
    deleted webhook, a revoked token) are recorded and not retried until fixed; others
    (rate limits, outages) leave the digest queued for the next attempt."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class TerminalSender:
    """Prints digests; stands in for any platform whose token is not set."""

    def __init__(self, stream: TextIO | None = None, note: str | None = None) -> None:
        self.stream = stream
        self.note = note

    async def send(
        self, subscription: SubscriptionState, digest: Digest, parts: PartLog | None = None
    ) -> str:
        out = self.stream or sys.stdout
        if subscription.platform != "terminal":
            where = f"{subscription.platform} channel {subscription.channel}"
            out.write(f"--- digest for {where}" + (f" ({self.note})" if self.note else "") + "\n")
        out.write(render_text(digest))
        for file in digest.files:
            out.write(f"[{file.title}: {file.filename}, {len(file.data) // 1024 + 1} KB]\n")
        out.flush()
        return "terminal"


@dataclass(frozen=True)
class DeliveryOutcome:
    subscription_id: int
    digest_key: str
    status: str  # "sent", "empty", "already-sent", "failed" or "paused"
    stories: int
    error: str | None = None


def _request(
    sub: SubscriptionState,
    config: DigestConfig,
    start: datetime,
    end: datetime,
    cadence: str | None = None,
) -> DigestRequest:
    """What `sub` asks for over the window; `cadence` overrides the channel's own (a
    queued digest is resent as the cadence it was made for)."""
    cadence = cadence or sub.cadence
    default_size = config.weekly_max_stories if cadence == "weekly" else config.max_stories
    return DigestRequest(
        channel=f"{sub.platform}:{sub.channel}",
        window_start=start,
        window_end=end,
        countries=sub.countries,
        max_stories=sub.max_stories or default_size,
        min_relevance=config.min_relevance if sub.min_relevance is None else sub.min_relevance,
        keywords=sub.keywords,
        exclude=sub.exclude,
        cadence=cadence,
    )


def digest_for(
    store: Store,
    sub: SubscriptionState,
    config: DigestConfig,
    now: datetime,
    since: timedelta | None = None,
) -> Digest:
    """The digest this channel gets now: since its last digest, or the given window.

    A first digest covers all since the channel subscribed, and at least the usual
    window: a day, or a week for a weekly channel (so its preview shows the week).
    """
    default = now - (WEEKLY_WINDOW if sub.weekly else DEFAULT_WINDOW)
    start = now - since if since is not None else store.digest_start(sub.id, default)
    return compose(_request(sub, config, start, now), store.stories(start, now))


async def send_digest(
    store: Store, sub: SubscriptionState, config: DigestConfig, sender: Sender, now: datetime
) -> DeliveryOutcome:
    """Compose and send this channel's digest once, through the outbox."""
    if sub.paused:
        return DeliveryOutcome(sub.id, "", "paused", 0, sub.last_error)
    digest = digest_for(store, sub, config, now)
    story_ids = [item.story.story_id for item in digest.items]
    delivery = store.open_delivery(
        sub.id, digest.key, (digest.window_start, digest.window_end), story_ids, now
    )
    if delivery.status in ("sent", "empty"):  # never re-mark what this digest already was
        return DeliveryOutcome(sub.id, digest.key, "already-sent", len(digest.items))
    if digest.empty and not sub.announce_empty:  # silence, unless the channel asked
        store.mark_delivery(delivery.id, "empty", now)
        return DeliveryOutcome(sub.id, digest.key, "empty", 0)
    return await _deliver(store, sub, delivery, digest, sender, now)


async def _deliver(
    store: Store,
    sub: SubscriptionState,
    delivery: Delivery,
    digest: Digest,
    sender: Sender,
    now: datetime,
) -> DeliveryOutcome:
    if delivery.status in ("sent", "empty"):
        return DeliveryOutcome(sub.id, digest.key, "already-sent", len(digest.items))
    store.mark_delivery(delivery.id, "sending", now)
    digest = await with_week_chart(store, sub, digest)
    parts = PartLog.load(delivery.message_ref, lambda log: store.record_parts(delivery.id, log))
    try:
        ref = await sender.send(sub, digest, parts)
    except DeliveryError as exc:
        _log.warning("digest %s for %s:%s: %s", digest.key, sub.platform, sub.channel, exc)
        count_digest(sub.platform, "failed")
        status, reason = ("failed" if exc.permanent else "pending"), stored_error(str(exc))
        store.mark_delivery(delivery.id, status, now, error=reason)
        if exc.permanent:  # retrying would fail the same way (and may get the bot banned)
            store.pause_subscription(sub.id, reason)
        else:
            store.set_subscription_error(sub.id, reason)
        return DeliveryOutcome(sub.id, digest.key, "failed", len(digest.items), reason)
    except Exception as exc:  # a platform error must not lose the digest: it stays queued
        _log.exception("digest %s for %s:%s failed", digest.key, sub.platform, sub.channel)
        count_digest(sub.platform, "failed")
        reason = stored_error(str(exc))
        store.mark_delivery(delivery.id, "pending", now, error=reason)
        store.set_subscription_error(sub.id, reason)
        return DeliveryOutcome(sub.id, digest.key, "failed", len(digest.items), reason)
    count_digest(sub.platform, "sent")
    store.mark_delivery(delivery.id, "sent", now, message_ref=ref)
    store.set_subscription_error(sub.id, None)
    return DeliveryOutcome(sub.id, digest.key, "sent", len(digest.items))


async def resend_unsent(
    store: Store,
    config: DigestConfig,
    senders: Mapping[str, Sender],
    now: datetime,
    *,
    include_sending: bool = True,
    only: str | None = None,
) -> list[DeliveryOutcome]:
    """Send the digests a crash or an outage left in the outbox, recomposed from their window.

    At start-up rows left "sending" are a crash's leftovers and are sent again (senders
    skip what already arrived); while running, only "pending" rows are retried, since a
    "sending" row may be a send in progress. `only` (a digest key) resends that one row:
    a worker's retry of the job whose send was cut off.
    """
    subs = {s.id: s for s in store.subscriptions()}
    outcomes = []
    for delivery in store.unsent_deliveries():
        if delivery.status == "sending" and not include_sending:
            continue
        if only is not None and delivery.digest_key != only:
            continue
        sub = subs.get(delivery.subscription_id)
        if sub is None:
            continue
        cadence = key_cadence(delivery.digest_key)  # as queued, whatever the channel is now
        request = _request(sub, config, delivery.window_start, delivery.window_end, cadence)
        digest = compose(request, store.stories(delivery.window_start, delivery.window_end))
        sender = senders[sub.platform]
        outcomes.append(await _deliver(store, sub, delivery, digest, sender, now))
    return outcomes
