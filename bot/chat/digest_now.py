"""`/ai-digest now`: posted by this process, or queued for a worker in the chat role.

In one process the command composes and posts the digest itself. The chat role
(`sovai run --role chat`) only answers commands; it sets a queue here at start
(bot/engine/chat.py), and the command then queues a `digest_now` job that a worker posts
through the same outbox, so a front end never holds a long post and two front ends never
post the same digest.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from bot.chat.delivery import DeliveryOutcome, Sender, send_digest
from bot.settings import DigestConfig
from bot.store.repo import Store, SubscriptionState

__all__ = ["Enqueue", "post_now", "queue_with"]

# queues the digest of this subscription up to `now`; False when one is already waiting
Enqueue = Callable[[SubscriptionState, datetime], Awaitable[bool]]
_queue: list[Enqueue] = []


def queue_with(enqueue: Enqueue | None) -> None:
    """From now on `/ai-digest now` queues with `enqueue` (None: posts in-process again)."""
    _queue.clear()
    if enqueue is not None:
        _queue.append(enqueue)


async def post_now(
    store: Store, sub: SubscriptionState, config: DigestConfig, sender: Sender, now: datetime
) -> DeliveryOutcome:
    """Post the channel's digest now, or queue it ("queued", "already-queued")."""
    if not _queue or sub.paused:
        return await send_digest(store, sub, config, sender, now)
    queued = await _queue[0](sub, now)
    return DeliveryOutcome(sub.id, "", "queued" if queued else "already-queued", 0)
