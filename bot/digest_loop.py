"""Digests as durable state: each tick reads every subscription's slot state and sends what is due.

Nothing about digests lives only in memory. The slot a channel last handled is in the
database (`subscriptions.last_slot_at`), so the next due slot is recomputed from it on
every tick: at start, after a restart, after a subscription changed from chat, after the
database came back. A due slot is sent with the slot's instant as the digest's end, which
makes the outbox key (channel, slot and cadence) the same however often and by whichever
process the slot is run (a weekly channel has one slot a week, so one key a week); a slot
whose outbox row already exists belongs to the outbox, which retries it with backoff.
Digests are sent one at a time, so a retry pass and a slot never post the same row at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.exc import SQLAlchemyError

from bot.chat.delivery import Sender, resend_unsent, send_digest
from bot.clock import Clock
from bot.digest.compose import slot_key
from bot.digest.slots import SlotPlan, parse_time, plan_slot
from bot.settings import Settings
from bot.store.channels_store import SlotState
from bot.store.repo import Store
from bot.wording import counted

__all__ = ["DigestLoop", "send_slot"]

_log = logging.getLogger(__name__)
TICK_SECONDS = 2.0  # real seconds between looks at the database (subscription changes)
FIRST_RETRY = timedelta(seconds=30)
MAX_RETRY = timedelta(minutes=30)


def _where(state: SlotState) -> str:
    sub = state.subscription
    return f"{sub.platform} {sub.channel}".replace("terminal stdout", "the terminal")


class DigestLoop:
    """Sends every due digest slot once; retries failures with capped, doubling backoff."""

    def __init__(
        self, settings: Settings, store: Store, senders: Mapping[str, Sender], clock: Clock
    ) -> None:
        self.settings = settings
        self.store = store
        self.senders = senders
        self.clock = clock
        self.retry_at: dict[int, tuple[datetime, timedelta]] = {}  # sub id -> (when, delay)
        self.outbox_retry = (clock.now() + FIRST_RETRY, FIRST_RETRY)
        self.database_down = False
        self.stop = asyncio.Event()

    def plan(self, state: SlotState, now: datetime) -> SlotPlan:
        sub, default = state.subscription, self.settings.config.digest
        return plan_slot(
            subscribed_at=state.subscribed_at,
            last_slot=state.last_slot_at,
            at=parse_time(sub.digest_time or default.time),
            zone=ZoneInfo(sub.timezone or default.timezone),
            now=now,
            grace=timedelta(hours=default.grace_hours),
            weekday=sub.digest_weekday,
        )

    async def announce_safely(self) -> None:
        """One log line per channel saying when its next digest goes out (if it can tell)."""
        now = self.clock.now()
        try:
            states = await asyncio.to_thread(self.store.slot_states)
        except SQLAlchemyError as exc:
            self._database_failed(exc)
            return
        for state in states:
            plan = self.plan(state, now)
            when = plan.due or plan.next_at
            weekly = " (weekly)" if state.subscription.weekly else ""
            _log.info(
                "next digest for %s at %s%s", _where(state), f"{when:%Y-%m-%d %H:%M %Z}", weekly
            )

    async def run(self, stop: asyncio.Event) -> None:
        """Tick until `stop` is set; a send in progress finishes, no new one starts."""
        self.stop = stop
        while not stop.is_set():
            wait = await self.tick()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=wait)

    async def tick(self) -> float:
        """Handle what is due; return the real seconds until the next look."""
        try:
            states = await asyncio.to_thread(self.store.slot_states)
            await self._retry_outbox()
        except SQLAlchemyError as exc:
            self._database_failed(exc)
            return TICK_SECONDS
        if self.database_down:
            _log.info("the database answers again; digests resume")
            self.database_down = False
        wake = TICK_SECONDS
        for state in states:
            if self.stop.is_set():
                break
            now = self.clock.now()
            plan = self.plan(state, now)
            if plan.due is not None or plan.skipped is not None:
                await self._handle(state, plan, now)
            wake = min(wake, self.clock.real_seconds(plan.next_at - now))
        return max(wake, 0.05)

    def _database_failed(self, exc: SQLAlchemyError) -> None:
        if not self.database_down:
            _log.warning("digests wait for the database: %s", str(exc).splitlines()[0])
        self.database_down = True

    async def skip(self, state: SlotState, slot: datetime) -> None:
        """A slot missed beyond the grace is marked handled; its stories go with the next."""
        await asyncio.to_thread(self.store.mark_slot, state.subscription.id, slot)

    async def _handle(self, state: SlotState, plan: SlotPlan, now: datetime) -> None:
        sub = state.subscription
        if plan.skipped is not None:
            try:
                await self.skip(state, plan.skipped)
            except SQLAlchemyError as exc:  # left unmarked: skipped on a later tick
                self._database_failed(exc)
                return
            _log.warning(
                "the digest for %s due %s was missed by more than %g h (the grace: the bot "
                "was down, or the schedule moved to a time already past); skipped, its "
                "stories come with the next digest",
                _where(state),
                f"{plan.skipped:%Y-%m-%d %H:%M %Z}",
                self.settings.config.digest.grace_hours,
            )
            return
        assert plan.due is not None
        retry = self.retry_at.get(sub.id)
        if retry is not None and now < retry[0]:
            return
        try:
            await self._send(state, plan.due, now)
        except SQLAlchemyError as exc:
            self._database_failed(exc)
            self._back_off(sub.id)
        except Exception:  # one channel's failure must not stop the others' digests
            _log.exception("the digest for %s crashed; it will be retried", _where(state))
            self._back_off(sub.id)
        else:
            self.retry_at.pop(sub.id, None)

    async def _send(self, state: SlotState, slot: datetime, now: datetime) -> None:
        await send_slot(self.settings, self.store, self.senders, state, slot, now)

    def _back_off(self, sub_id: int) -> None:
        _, delay = self.retry_at.get(sub_id, (None, FIRST_RETRY / 2))
        delay = min(delay * 2, MAX_RETRY)
        self.retry_at[sub_id] = (self.clock.now() + delay, delay)

    async def _retry_outbox(self) -> None:
        """Digests an outage left queued ("pending") go out again, with doubling backoff."""
        when, delay = self.outbox_retry
        if self.clock.now() < when:
            return
        outcomes = await resend_unsent(
            self.store,
            self.settings.config.digest,
            self.senders,
            self.clock.now(),
            include_sending=False,
        )
        for outcome in outcomes:
            _log.info("retried digest %s: %s", outcome.digest_key, outcome.status)
        failed = any(o.status == "failed" for o in outcomes)
        delay = min(delay * 2, MAX_RETRY) if failed else FIRST_RETRY
        self.outbox_retry = (self.clock.now() + delay, delay)


async def send_slot(
    settings: Settings,
    store: Store,
    senders: Mapping[str, Sender],
    state: SlotState,
    slot: datetime,
    now: datetime,
    *,
    resend: bool = False,
) -> str:
    """Compose and send one channel's digest for one slot, then mark the slot handled.

    The one entry point for a slot: the in-process loop calls it, and so does a worker's
    `deliver` job (bot/engine/tasks.py). A slot whose outbox row exists is the outbox's:
    `resend` (a worker's retry) sends that row again, senders skipping what already
    arrived; the loop leaves it to its own outbox retries. Returns the outcome's status
    ("outbox" when the row was left to the outbox).
    """
    sub = state.subscription
    late = now - slot
    key = slot_key(f"{sub.platform}:{sub.channel}", slot, sub.cadence)
    if await asyncio.to_thread(store.has_delivery, sub.id, key):
        status = "outbox"
        if resend:
            outcomes = await resend_unsent(store, settings.config.digest, senders, now, only=key)
            status = outcomes[0].status if outcomes else "already-sent"
        if status != "failed":
            await asyncio.to_thread(store.mark_slot, sub.id, slot)  # the outbox has it
        return status
    if late > timedelta(minutes=2):
        _log.info(
            "sending the digest for %s missed at %s (%s late)",
            _where(state),
            f"{slot:%Y-%m-%d %H:%M %Z}",
            str(late).split(".")[0],
        )
    outcome = await send_digest(store, sub, settings.config.digest, senders[sub.platform], slot)
    await asyncio.to_thread(store.mark_slot, sub.id, slot)
    _log.info(
        "%sdigest for %s:%s: %s (%s)",
        "weekly " if sub.weekly else "",
        sub.platform,
        sub.channel,
        outcome.status,
        counted(outcome.stories, "story"),
    )
    return outcome.status
