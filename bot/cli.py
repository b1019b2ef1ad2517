"""The `sovai` command: run, poll, digest, analyze, country, compare, export, config, db…"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import re
import signal
import sqlite3
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.exc import ArgumentError, DatabaseError

from bot import __version__
from bot.chat.discord_cli import add_discord_commands
from bot.cli_admin import config_command, database_problem, db_check, health
from bot.cli_ledger import add_ledger_commands, ledger_command
from bot.cli_sources import sources_command, subscriptions_command
from bot.console import progress_bar
from bot.demo import add_demo_command, demo_command
from bot.heartbeat import ENV as HEARTBEAT_ENV
from bot.heartbeat import heartbeat_path
from bot.logs import setup_logging
from bot.redact import redact
from bot.settings import ConfigError, Settings, load_settings

__all__ = ["main"]

MAX_ROW_ID = 2**63 - 1


def _duration(text: str) -> timedelta:
    match = re.fullmatch(r"\s*(\d+)\s*([mhdw])\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(
            f"expected a duration such as 90m, 24h, 7d or 2w, got {text!r}"
        )
    amount, unit = int(match.group(1)), match.group(2)
    return timedelta(**{{"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}[unit]: amount})


def _row_id(text: str) -> int:
    """A database id: ASCII digits within SQL's integer range ("²" and 5,000 digits are not)."""
    if not (text.isascii() and text.isdigit() and len(text) <= 19 and int(text) <= MAX_ROW_ID):
        raise argparse.ArgumentTypeError(f"expected an id such as 3, got {text[:40]!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sovai", description=__doc__)
    parser.add_argument("--version", action="version", version=f"sovai {__version__}")
    parser.add_argument(
        "--config", type=Path, help="config file (default: $SOVAI_CONFIG or config/sovai.yaml)"
    )
    parser.add_argument("--log-level", default=os.environ.get("SOVAI_LOG_LEVEL", "INFO"))
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="poll feeds and send digests on schedule until stopped")
    poll = sub.add_parser("poll", help="poll the feeds")
    poll.add_argument("--once", action="store_true", help="one pass over every feed, then exit")
    poll.add_argument(
        "--backfill", action="store_true", help="read what new feeds already hold (else: seen)"
    )
    sources = sub.add_parser("sources", help="the feeds sovai polls")
    src = sources.add_subparsers(dest="action", required=True)
    src.add_parser("list", help="each feed with its status, last error and next poll")
    add = src.add_parser("add", help="add a feed (polled once to check it)")
    add.add_argument("url")
    add.add_argument("--name")
    add.add_argument("--interval", type=int, default=60, help="minutes (default 60)")
    add.add_argument("--backfill", action="store_true", help="read the items it already holds")
    remove = src.add_parser("remove", help="stop polling a feed")
    remove.add_argument("feed", help="feed id or URL")
    imp = src.add_parser("import", help="add the feeds of an OPML file")
    imp.add_argument("file", type=Path)
    src.add_parser("export", help="print the feeds as OPML")
    subs = sub.add_parser("subscriptions", help="the channels that get digests")
    subs.add_argument("action", choices=["list", "resume"])
    subs.add_argument("id", nargs="?", type=_row_id, help="with resume: the subscription's id")
    digest = sub.add_parser("digest", help="compose digests (and send them, unless --preview)")
    digest.add_argument("--preview", action="store_true", help="print without sending or recording")
    digest.add_argument("--since", type=_duration, help="window length, such as 24h or 7d")
    digest.add_argument(
        "--format",
        choices=["text", "markdown", "slack", "discord"],
        default="text",
        help="with --preview: plain text, Markdown, or the Slack/Discord payloads as JSON",
    )
    analyze = sub.add_parser("analyze", help="analyse articles (JSONL, a URL or an HTML file)")
    analyze.add_argument("input", type=Path, nargs="?", help="JSONL: id, title, text or html")
    analyze.add_argument("-o", "--output", type=Path)
    analyze.add_argument("--url", help="fetch one article and print a readable report")
    analyze.add_argument("--file", type=Path, help="an article's HTML file: a readable report")
    evaluation = sub.add_parser("eval", help="score the analyser on a gold JSONL file")
    evaluation.add_argument("gold", type=Path)
    evaluation.add_argument("--misses", action="store_true", help="list what was missed")
    evaluation.add_argument(
        "--lang", help="only gold articles in this language: en, ja, … or other"
    )
    config = sub.add_parser("config", help="configuration")
    config.add_argument("action", choices=["check"])
    db = sub.add_parser("db", help="database")
    db.add_argument(
        "action", choices=["upgrade", "current", "check"], help="check: SQLite's integrity check"
    )
    sub.add_parser("health", help="exit 0 when a running bot has ticked in the last 5 minutes")
    add_discord_commands(sub)
    add_ledger_commands(sub)
    add_demo_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "health" and os.environ.get(HEARTBEAT_ENV):
        return health(heartbeat_path("sqlite://"))  # no config needed to find it
    if args.command in ("analyze", "eval"):
        from bot.cli_analysis import analysis_command

        return analysis_command(args)
    if args.command == "demo":  # needs no config: a bundled site and a temporary database
        return demo_command(args)
    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        print(f"sovai: configuration error\n{exc}", file=sys.stderr)
        return 2
    setup_logging(args.log_level, settings.secret_values())
    if args.command == "health":
        return health(heartbeat_path(settings.database_url))
    handler = {
        "run": _run,
        "poll": _poll,
        "digest": _digest,
        "config": config_command,
        "db": _db,
        "sources": sources_command,
        "discord": _discord,
        "subscriptions": subscriptions_command,
        "country": ledger_command,
        "compare": ledger_command,
        "export": ledger_command,
        "ledger": ledger_command,
    }[args.command]
    try:
        return handler(settings, args)
    except KeyboardInterrupt:
        return 130
    except (DatabaseError, ArgumentError, sqlite3.DatabaseError) as exc:
        print(f"sovai: {database_problem(settings, exc)}", file=sys.stderr)
        return 1


def _db(settings: Settings, args: argparse.Namespace) -> int:
    from bot.store.db import current_revision, head_revision, make_engine, upgrade

    engine = make_engine(settings.database_url)
    try:
        if args.action == "check":
            return db_check(settings, engine)
        if args.action == "upgrade":
            before, after = upgrade(engine)
            state = (
                "already up to date" if before == after else f"upgraded from {before or 'empty'}"
            )
            print(f"{settings.database_display}: {state} (revision {after})")
        else:
            current, latest = current_revision(engine), head_revision()
            print(f"{settings.database_display}: revision {current} (latest {latest})")
    finally:
        engine.dispose()
    return 0


def _poll(settings: Settings, args: argparse.Namespace) -> int:
    from bot.feeds.fetch import Fetcher
    from bot.ingest import poll_all
    from bot.runtime import open_store

    store = open_store(settings)
    try:
        if not args.once:
            return _serve(settings, store, digests=False)

        async def once() -> list[Any]:
            fetcher = Fetcher(settings.config.fetch)
            feeds = store.feeds()
            try:
                with progress_bar(len(feeds), "polling") as advance:
                    return await poll_all(
                        store, fetcher, feeds, backfill=args.backfill, on_done=lambda _: advance()
                    )
            finally:
                await fetcher.aclose()

        reports = asyncio.run(once())
    finally:
        store.close()
    for report in reports:
        print(report.line())
    if not reports:
        print("no feeds configured: add some under `feeds:` in the config file")
    failed = reports and all(r.status == "error" for r in reports)
    return 1 if failed or any(r.storage_failed for r in reports) else 0


def _digest(settings: Settings, args: argparse.Namespace) -> int:
    from bot.chat.delivery import digest_for, send_digest
    from bot.render.preview import render_preview
    from bot.runtime import open_store, senders_for

    if not args.preview and (args.since or args.format != "text"):
        # a sent digest always starts where the channel's last one ended
        print("sovai: --since and --format go with --preview", file=sys.stderr)
        return 2
    store = open_store(settings)
    now = datetime.now(UTC)
    try:
        subs = store.subscriptions()
        if args.preview:
            for sub in subs:
                digest = digest_for(store, sub, settings.config.digest, now, since=args.since)
                if sub.platform != "terminal" and args.format in ("text", "markdown"):
                    print(f"--- preview for {sub.platform} channel {sub.channel}")
                sys.stdout.write(render_preview(digest, args.format))
            return 0
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
                    f"({outcome.stories} stories){why}",
                    file=sys.stderr,
                )
                undelivered += outcome.status in ("failed", "paused")
            return undelivered

        # scripts and cron see a digest that did not reach its channel
        return 1 if asyncio.run(send_all()) else 0
    finally:
        store.close()


def _run(settings: Settings, _args: argparse.Namespace) -> int:
    from bot.runtime import open_store

    store = open_store(settings)
    try:
        return _serve(settings, store, digests=True)
    finally:
        store.close()


def _serve(settings: Settings, store: Any, *, digests: bool) -> int:
    """The scheduler, and with `run` the Slack and Discord apps, in one event loop.

    Each platform logs and returns on its own failure (a refused token, an outage), so one
    platform failing to connect never stops the others or the digests.
    """
    from bot.chat.discord_app import serve_discord
    from bot.chat.slack_app import run_slack
    from bot.runtime import senders_for
    from bot.schedule import run_scheduler

    async def serve() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        senders = senders_for(settings)
        # what start-up made lives as long as the process: moved out of the collector's
        # way, full collections (~100 ms at scale, most of the commands' p99) scan less
        gc.freeze()
        beat = heartbeat_path(settings.database_url)
        # the chat clients close only once the scheduler has drained: a digest still being
        # posted through the Discord bot or Slack on SIGTERM keeps its connection
        chat_stop = asyncio.Event()

        async def schedule() -> None:
            try:
                await run_scheduler(settings, store, senders, stop, digests=digests, heartbeat=beat)
            finally:
                chat_stop.set()

        jobs = [schedule()]
        if digests:  # `sovai run` answers commands; `sovai poll` only polls
            jobs.append(run_slack(settings, store, senders, chat_stop))
            jobs.append(serve_discord(settings, store, senders, chat_stop))
        try:
            await asyncio.gather(*jobs)
        finally:
            stop.set()
            chat_stop.set()

    asyncio.run(serve())
    print("sovai stopped", file=sys.stderr)
    return 0


def _discord(settings: Settings, args: argparse.Namespace) -> int:
    from bot.chat.discord_app import discord_command

    return discord_command(settings, args)


if __name__ == "__main__":
    sys.exit(main())
