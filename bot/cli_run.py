"""`sovai run`, `sovai poll` and `sovai digest`: the commands that run the bot's stages.

Nothing heavy is imported at the top: the CLI imports this module only when one of these
commands runs (`COMMANDS` in bot/cli.py), and each function imports the stages it drives
(the poller, the chat apps, the scheduler) when it is called, so `sovai poll --once` never
loads slack_bolt or discord.py, and no other command pays for any of them.
"""

from __future__ import annotations

import argparse
import gc
import sys
from datetime import datetime
from typing import TYPE_CHECKING

from bot.cli_args import MAX_SINCE

if TYPE_CHECKING:
    import asyncio
    from collections.abc import Mapping, Sequence

    from bot.chat.delivery import Sender
    from bot.ingest import FeedReport
    from bot.settings import Settings
    from bot.store.repo import Store, SubscriptionState

__all__ = ["digest_command", "poll_command", "run_command"]


def run_command(settings: Settings, args: argparse.Namespace) -> int:
    """`sovai run`: everything in one process; `--role scheduler|chat` in bot/cli_worker.py."""
    from bot.runtime import open_store

    if args.role != "all":
        from bot.cli_worker import role_command

        return role_command(settings, args)
    store = open_store(settings)
    try:
        return _serve(settings, store, digests=True)
    finally:
        store.close()


def poll_command(settings: Settings, args: argparse.Namespace) -> int:
    """`sovai poll`: on schedule until stopped, or `--once` over every feed (exit 1 when
    every feed failed or a poll could not be stored)."""
    from bot.runtime import open_store

    store = open_store(settings)
    try:
        if not args.once:
            return _serve(settings, store, digests=False)
        reports = _poll_once(settings, store, backfill=args.backfill)
    finally:
        store.close()
    for report in reports:
        print(report.line())
    if not reports:
        print("no feeds: add one with `sovai sources add URL` or under `feeds:` in the config file")
    failed = reports and all(r.status == "error" for r in reports)
    return 1 if failed or any(r.storage_failed for r in reports) else 0


def _poll_once(settings: Settings, store: Store, *, backfill: bool) -> list[FeedReport]:
    import asyncio

    from bot.console import progress_bar
    from bot.feeds.fetch import Fetcher
    from bot.ingest import poll_all

    async def once() -> list[FeedReport]:
        fetcher = Fetcher(settings.config.fetch)
        feeds = store.feeds()
        try:
            with progress_bar(len(feeds), "polling") as advance:
                return await poll_all(
                    store, fetcher, feeds, backfill=backfill, on_done=lambda _: advance()
                )
        finally:
            await fetcher.aclose()

    return asyncio.run(once())


def digest_command(settings: Settings, args: argparse.Namespace) -> int:
    """`sovai digest`: send each channel's digest now (exit 1 when one did not reach its
    channel, for scripts and cron), or `--preview` it without sending or recording."""
    from datetime import UTC

    from bot.runtime import open_store

    if not args.preview and (args.since or args.format != "text"):
        # a sent digest always starts where the channel's last one ended
        print("sovai: --since and --format go with --preview", file=sys.stderr)
        return 2
    if args.since is not None and args.since > MAX_SINCE:
        print(
            f"sovai: --since is capped at {MAX_SINCE.days} days: previewing the last "
            f"{MAX_SINCE.days} days",
            file=sys.stderr,
        )
        args.since = MAX_SINCE
    store = open_store(settings)
    now = datetime.now(UTC)
    try:
        subs = store.subscriptions()
        if args.preview:
            _preview(settings, store, subs, args, now)
            return 0
        return 1 if _send_all(settings, store, subs, now) else 0
    finally:
        store.close()


def _preview(
    settings: Settings,
    store: Store,
    subs: Sequence[SubscriptionState],
    args: argparse.Namespace,
    now: datetime,
) -> None:
    from bot.chat.delivery import digest_for
    from bot.render.preview import render_preview

    for sub in subs:
        digest = digest_for(store, sub, settings.config.digest, now, since=args.since)
        if sub.platform != "terminal" and args.format in ("text", "markdown"):
            print(f"--- preview for {sub.platform} channel {sub.channel}")
        sys.stdout.write(render_preview(digest, args.format))


def _send_all(
    settings: Settings, store: Store, subs: Sequence[SubscriptionState], now: datetime
) -> int:
    """Send each channel's digest, one line each on stderr; how many were not delivered."""
    import asyncio

    from bot.chat.delivery import send_digest
    from bot.redact import redact
    from bot.runtime import senders_for
    from bot.wording import counted

    senders = senders_for(settings)

    async def send_all() -> int:
        undelivered = 0
        for sub in subs:
            outcome = await send_digest(
                store, sub, settings.config.digest, senders[sub.platform], now
            )
            why = f": {redact(outcome.error)}" if outcome.error else ""
            print(
                f"{sub.platform}:{sub.channel}: {outcome.status} "
                f"({counted(outcome.stories, 'story')}){why}",
                file=sys.stderr,
            )
            undelivered += outcome.status in ("failed", "paused")
        return undelivered

    return asyncio.run(send_all())


def _serve(settings: Settings, store: Store, *, digests: bool) -> int:
    """The scheduler, and with `run` the Slack and Discord apps, in one event loop.

    Each platform logs and returns on its own failure (a refused token, an outage), so one
    platform failing to connect never stops the others or the digests.
    """
    import asyncio
    import logging
    import signal

    from bot.runtime import senders_for

    async def serve() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await _serve_until(settings, store, senders_for(settings), stop, digests=digests)

    asyncio.run(serve())
    # a log record (JSON under log_format), under the CLI's logger name as before
    logging.getLogger("bot.cli").info("sovai stopped")
    return 0


async def _serve_until(
    settings: Settings,
    store: Store,
    senders: Mapping[str, Sender],
    stop: asyncio.Event,
    *,
    digests: bool,
) -> None:
    """Run the jobs until `stop`; the chat clients close only once the scheduler has
    drained: a digest still being posted through the Discord bot or Slack on SIGTERM keeps
    its connection."""
    import asyncio

    from bot.chat.discord_app import serve_discord
    from bot.chat.slack_app import run_slack
    from bot.health_server import serve_health
    from bot.heartbeat import heartbeat_path
    from bot.schedule import run_scheduler

    # what start-up made (the chat libraries included) lives as long as the process: moved
    # out of the collector's way, full collections (~100 ms at scale, most of the
    # commands' p99) scan less
    gc.freeze()
    beat = heartbeat_path(settings.database_url)
    chat_stop = asyncio.Event()

    async def schedule() -> None:
        try:
            await run_scheduler(settings, store, senders, stop, digests=digests, heartbeat=beat)
        finally:
            chat_stop.set()

    jobs = [schedule(), serve_health(settings, store, stop, chat_stop)]  # bot/health_server.py
    if digests:  # `sovai run` answers commands; `sovai poll` only polls
        jobs.append(run_slack(settings, store, senders, chat_stop))
        jobs.append(serve_discord(settings, store, senders, chat_stop))
    try:
        await asyncio.gather(*jobs)
    finally:
        stop.set()
        chat_stop.set()
