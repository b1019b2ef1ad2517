"""The three roles beyond one process: scheduler, worker and chat front end.

Each opens the shared store (migrated and the config synced, under the start-up lock,
as `sovai run` does), creates the job engine's tables on first use, and runs until
SIGTERM or Ctrl-C. Every role needs PostgreSQL: the job queue lives in the database.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
from collections.abc import Sequence
from datetime import datetime

from bot.articles.story_index import StoryIndex
from bot.engine.app import ensure_schema, make_app, require_postgres
from bot.engine.defer import defer_digest_now
from bot.engine.scheduler import run_enqueuer, stalled_seconds
from bot.engine.tasks import WorkerContext, bind
from bot.feeds.fetch import Fetcher
from bot.heartbeat import heartbeat_path
from bot.runtime import open_store, senders_for
from bot.schedule import DRAIN_SECONDS, beat
from bot.settings import Settings
from bot.store.repo import SubscriptionState

__all__ = ["run_chat_role", "run_scheduler_role", "run_worker"]

_log = logging.getLogger(__name__)
FETCH_SECONDS = 0.5


def quiet_engine_logs() -> None:
    """Keep the engine's per-job start and end lines (observability); drop its line per
    job queued and its start-up chatter, which say nothing our own lines do not."""
    for name in ("procrastinate.jobs", "procrastinate.blueprints", "procrastinate.periodic"):
        logging.getLogger(name).setLevel(logging.WARNING)


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    return stop


async def run_scheduler_role(settings: Settings) -> None:
    """`sovai run --role scheduler`: queue due work while holding the scheduler lock."""
    require_postgres(settings.database_url, "sovai run --role scheduler")
    quiet_engine_logs()
    await ensure_schema(settings.database_url)
    store = await asyncio.to_thread(open_store, settings)
    app = make_app(settings.database_url, pool_size=2)
    try:
        async with app.open_async():
            stop = _stop_on_signals()
            await run_enqueuer(settings, store, app, stop, heartbeat_path(settings.database_url))
    finally:
        store.close()


async def run_worker(settings: Settings, queues: Sequence[str], concurrency: int) -> None:
    """`sovai worker`: run jobs from `queues`, `concurrency` at a time, until stopped."""
    require_postgres(settings.database_url, "sovai worker")
    quiet_engine_logs()
    await ensure_schema(settings.database_url)
    store = await asyncio.to_thread(open_store, settings)
    fetcher = Fetcher(settings.config.fetch)
    app = make_app(settings.database_url, pool_size=concurrency + 2)
    stop = asyncio.Event()
    beating = asyncio.create_task(beat(heartbeat_path(settings.database_url), stop))
    try:
        async with app.open_async():
            senders = senders_for(settings)
            bind(WorkerContext(settings, store, fetcher, senders, app, StoryIndex(store)))
            name = f"sovai@{socket.gethostname()}:{os.getpid()}"
            _log.info("worker %s: queues %s, %d at a time", name, ",".join(queues), concurrency)
            stalled = stalled_seconds()
            await app.run_worker_async(
                queues=list(queues),
                concurrency=concurrency,
                name=name,
                update_heartbeat_interval=max(stalled / 3, 0.1),
                stalled_worker_timeout=stalled,
                shutdown_graceful_timeout=DRAIN_SECONDS,
                # a job waiting for a host's or a channel's lock is not announced when
                # the lock frees: a worker looks again this often (5 s by default)
                fetch_job_polling_interval=FETCH_SECONDS,
                delete_jobs="successful",
                install_signal_handlers=True,
            )
    finally:
        bind(None)
        stop.set()
        await asyncio.gather(beating, return_exceptions=True)
        await fetcher.aclose()
        store.close()


async def run_chat_role(settings: Settings) -> None:
    """`sovai run --role chat`: the Slack and Discord front ends over the shared database."""
    from bot.chat.digest_now import queue_with
    from bot.chat.discord_app import serve_discord
    from bot.chat.slack_app import run_slack

    require_postgres(settings.database_url, "sovai run --role chat")
    quiet_engine_logs()
    await ensure_schema(settings.database_url)
    store = await asyncio.to_thread(open_store, settings)
    app = make_app(settings.database_url, pool_size=2)
    try:
        async with app.open_async():

            async def enqueue(sub: SubscriptionState, now: datetime) -> bool:
                return await defer_digest_now(app, sub.id, now)

            queue_with(enqueue)
            stop = _stop_on_signals()
            senders = senders_for(settings)  # replies only: digests go out from workers
            await asyncio.gather(
                beat(heartbeat_path(settings.database_url), stop),
                run_slack(settings, store, senders, stop),
                serve_discord(settings, store, senders, stop),
            )
    finally:
        queue_with(None)
        store.close()
