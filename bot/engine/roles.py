"""The three roles beyond one process: scheduler, worker and chat front end.

Each opens the same way (`opened`: the shared store, migrated and the config synced
under the start-up lock as `sovai run` does, the job engine's tables created on first
use, the engine's app opened), serves /healthz, /readyz and /metrics when metrics are
configured (its own verdicts: bot/engine/role_views.py), and runs until SIGTERM or
Ctrl-C. Every role needs PostgreSQL: the job queue lives in the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import time
from collections.abc import AsyncIterator, Coroutine, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import procrastinate
import psycopg
from procrastinate.app import WorkerOptions
from procrastinate.exceptions import ConnectorException
from psycopg_pool import PoolTimeout

from bot.articles.story_index import StoryIndex
from bot.engine.app import ensure_schema, make_app, require_postgres
from bot.engine.defer import defer_digest_now
from bot.engine.frontends import DISCORD, SLACK, FrontEnds
from bot.engine.observe import count_jobs, prime_job_series
from bot.engine.recovery import recover_stalled_every
from bot.engine.role_views import chat_view, scheduler_view, worker_view
from bot.engine.scheduler import run_enqueuer, stalled_seconds, tick_seconds
from bot.engine.tasks import WorkerContext, bind
from bot.feeds.fetch import Fetcher
from bot.health_server import serve_health
from bot.heartbeat import heartbeat_path
from bot.liveness import SchedulerBeat
from bot.runtime import open_store, senders_for
from bot.schedule import DRAIN_SECONDS, beat
from bot.settings import Settings
from bot.store.repo import Store, SubscriptionState

__all__ = ["Opened", "opened", "run_chat_role", "run_scheduler_role", "run_worker"]

_log = logging.getLogger(__name__)
FETCH_SECONDS = 0.5
RESTART_CAP = 30.0  # seconds at most between a worker's restarts while the database is down
DATABASE_ERRORS = (ConnectorException, psycopg.Error, PoolTimeout, OSError)


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


@dataclass(frozen=True)
class Opened:
    """What every role runs on: the shared store and the job engine's open app."""

    settings: Settings
    store: Store
    app: procrastinate.App


@contextlib.asynccontextmanager
async def opened(settings: Settings, command: str, *, pool_size: int = 2) -> AsyncIterator[Opened]:
    """A role's start-up, the same for all three; closed again when the block ends.
    Refused (EngineUnavailable, naming `command`) before touching a SQLite database."""
    require_postgres(settings.database_url, command)
    quiet_engine_logs()
    await ensure_schema(settings.database_url)
    store = await asyncio.to_thread(open_store, settings)
    app = make_app(settings.database_url, pool_size=pool_size)
    try:
        async with app.open_async():
            yield Opened(settings, store, app)
    finally:
        store.close()


async def run_scheduler_role(settings: Settings, stop: asyncio.Event | None = None) -> None:
    """`sovai run --role scheduler`: queue due work while holding the scheduler lock."""
    async with opened(settings, "sovai run --role scheduler") as role:
        stop = stop or _stop_on_signals()
        stamps = SchedulerBeat()
        view = scheduler_view(stamps, tick_seconds())
        heartbeat = heartbeat_path(settings.database_url)
        await asyncio.gather(
            run_enqueuer(settings, role.store, role.app, stop, heartbeat, stamps),
            serve_health(settings, role.store, stop, stop, role=view),
        )


def _beside(jobs: list[Coroutine[Any, Any, None]]) -> list[asyncio.Task[None]]:
    return [asyncio.create_task(job) for job in jobs]


async def run_worker(
    settings: Settings,
    queues: Sequence[str],
    concurrency: int,
    *,
    metrics_port: int | None = None,
) -> None:
    """`sovai worker`: run jobs from `queues`, `concurrency` at a time, until stopped.
    Beside them it beats, serves its listener (`metrics_port`: --metrics-port, 0 for
    none; None: the config's) and hands back the jobs of workers that stopped beating."""
    async with opened(settings, "sovai worker", pool_size=concurrency + 2) as role:
        fetcher = Fetcher(settings.config.fetch)
        stop, drained = _stop_on_signals(), asyncio.Event()
        stalled = stalled_seconds()
        # from SIGTERM on /readyz says `shutting down` while the jobs under way finish
        listener = serve_health(
            settings, role.store, stop, drained, role=worker_view(), port=metrics_port
        )
        side = _beside(
            [
                beat(heartbeat_path(settings.database_url), stop),
                recover_stalled_every(role.app, settings.database_url, stalled, stop),
                listener,
            ]
        )
        try:
            senders = senders_for(settings)
            bind(
                WorkerContext(
                    settings, role.store, fetcher, senders, role.app, StoryIndex(role.store)
                )
            )
            prime_job_series(role.app, queues)
            name = f"sovai@{socket.gethostname()}:{os.getpid()}"
            _log.info("worker %s: queues %s, %d at a time", name, ",".join(queues), concurrency)
            options: WorkerOptions = {
                "queues": list(queues),
                "concurrency": concurrency,
                "name": name,
                "update_heartbeat_interval": max(stalled / 3, 0.1),
                "stalled_worker_timeout": stalled,
                "shutdown_graceful_timeout": DRAIN_SECONDS,
                # a job waiting for a host's or a channel's lock is not announced when
                # the lock frees: a worker looks again this often (5 s by default)
                "fetch_job_polling_interval": FETCH_SECONDS,
                "delete_jobs": "successful",
                "install_signal_handlers": False,  # ours: `stop`, kept between restarts
                "worker_middleware": [count_jobs],
            }
            await _work(role.app, options, stop)
        finally:
            bind(None)
            stop.set()
            drained.set()
            await asyncio.gather(*side, return_exceptions=True)
            await fetcher.aclose()


def _cause(exc: BaseException) -> str:
    """The driver's first line: Procrastinate's ConnectorException says only "Database error"."""
    inner = exc.__cause__ if isinstance(exc, ConnectorException) and exc.__cause__ else exc
    lines = str(inner).strip().splitlines()
    return (lines[0] if lines else type(inner).__name__)[:200]


async def _work(app: procrastinate.App, options: WorkerOptions, stop: asyncio.Event) -> None:
    """The engine's worker until `stop` (then it finishes its jobs, DRAIN_SECONDS at most).

    A database outage stops Procrastinate's worker (its heartbeat or its fetch fails): it
    is started again, 1 s later and up to every RESTART_CAP, while the listener says 503;
    the jobs it was running are handed back by the stalled-job recovery (bot/engine/recovery.py).
    """
    delay = 1.0
    while not stop.is_set():
        started = time.monotonic()
        running = asyncio.create_task(app.run_worker_async(**options))
        halt = asyncio.create_task(stop.wait())
        await asyncio.wait({running, halt}, return_when=asyncio.FIRST_COMPLETED)
        halt.cancel()
        if not running.done():  # stopped: cancelling is the worker's graceful shutdown
            running.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await running
            return
        try:
            running.result()
            why = "one of its side tasks failed"  # the heartbeat, when the database went away
        except DATABASE_ERRORS as exc:
            why = f"the database failed: {_cause(exc)}"
        if time.monotonic() - started > RESTART_CAP:
            delay = 1.0  # it ran a while: not a crash loop
        _log.error("the worker stopped (%s); starting it again in %.0f s", why, delay)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=delay)
        delay = min(delay * 2, RESTART_CAP)


def _front_ends(settings: Settings) -> FrontEnds:
    """The front ends this chat role is expected to keep connected: those with a token."""
    secrets = settings.secrets
    expected = [SLACK] if secrets.slack_bot_token is not None else []
    expected += [DISCORD] if secrets.discord_bot_token is not None else []
    return FrontEnds(expected)


async def run_chat_role(settings: Settings, stop: asyncio.Event | None = None) -> None:
    """`sovai run --role chat`: the Slack and Discord front ends over the shared database."""
    from bot.chat.digest_now import queue_with
    from bot.chat.discord_app import serve_discord
    from bot.chat.slack_app import run_slack

    async with opened(settings, "sovai run --role chat") as role:

        async def enqueue(sub: SubscriptionState, now: datetime) -> bool:
            return await defer_digest_now(role.app, sub.id, now)

        fronts = _front_ends(settings)
        fronts.install()
        queue_with(enqueue)
        try:
            stop = stop or _stop_on_signals()
            senders = senders_for(settings)  # replies only: digests go out from workers
            await asyncio.gather(
                beat(heartbeat_path(settings.database_url), stop),
                run_slack(settings, role.store, senders, stop),
                serve_discord(settings, role.store, senders, stop),
                serve_health(settings, role.store, stop, stop, role=chat_view(fronts)),
            )
        finally:
            queue_with(None)
            fronts.remove()
