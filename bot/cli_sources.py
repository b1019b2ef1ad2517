"""`sovai sources …` and `sovai subscriptions …`: managing feeds and channels."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

# imported when `sovai sources` or `subscriptions` runs, never to build the parser
from bot.console import print_sources, print_subscriptions
from bot.feeds.opml import OpmlError
from bot.redact import redact
from bot.runtime import open_store
from bot.sources import SourceError, add_source, export_sources, import_sources
from bot.wording import counted, os_problem

if TYPE_CHECKING:
    from bot.settings import Settings
    from bot.store.repo import Store, SubscriptionState

__all__ = ["sources_command", "subscriptions_command"]


def sources_command(settings: Settings, args: argparse.Namespace) -> int:
    store = open_store(settings)
    now = datetime.now(UTC)
    try:
        if args.action == "list":
            print_sources(store.feeds())
        elif args.action == "export":
            sys.stdout.write(export_sources(store.feeds()).decode("utf-8"))
        elif args.action == "remove":
            from bot.feed_check import feed_key  # the fetcher and parser: not for list

            key = feed_key(args.feed.strip())
            if key is None:
                raise SourceError("give a feed's id (see `sovai sources list`) or its URL")
            feed = store.remove_feed(key, str(settings.path))
            print(f"removed feed #{feed.id} {feed.label}")
        elif args.action == "import":
            result = import_sources(store, args.file.read_bytes(), now)
            print(f"added {counted(len(result.added), 'feed')}, skipped {len(result.skipped)}")
            for line in result.skipped:
                print(f"  skipped {line}")
        else:
            import asyncio

            from bot.feeds.fetch import Fetcher

            async def add() -> str:
                fetcher = Fetcher(settings.config.fetch)
                try:
                    report = await add_source(
                        store,
                        fetcher,
                        args.url,
                        now,
                        name=args.name,
                        interval=args.interval,
                        backfill=args.backfill,
                    )
                finally:
                    await fetcher.aclose()
                return report.line()

            print(f"added: {redact(asyncio.run(add()))}")
            floor = settings.config.fetch.min_interval
            if args.interval < floor:
                print(
                    f"note: polled every {counted(floor, 'minute')}, the shortest interval "
                    f"allowed (fetch.min_interval in {settings.path}), not every "
                    f"{counted(args.interval, 'minute')}"
                )
    except (SourceError, OpmlError) as exc:
        print(f"sovai: {redact(str(exc))}", file=sys.stderr)
        return 1
    except OSError as exc:  # the OPML file
        print(f"sovai: {os_problem(exc, 'read')}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0


def subscriptions_command(settings: Settings, args: argparse.Namespace) -> int:
    store = open_store(settings)
    try:
        subs = store.subscriptions()
        if args.action == "resume":
            return _resume(store, subs, args.id)
        print_subscriptions(subs, [store.last_window_end(s.id) for s in subs], settings)
    finally:
        store.close()
    return 0


def _resume(store: Store, subs: list[SubscriptionState], sub_id: int) -> int:
    """Resume a paused channel; one that is not paused, or no such one, is said so."""
    sub = next((s for s in subs if s.id == sub_id), None)
    if sub is None:
        print(f"sovai: no subscription {sub_id} (see `sovai subscriptions list`)", file=sys.stderr)
        return 1
    where = f"subscription #{sub.id} ({sub.platform}:{sub.channel})"
    if not sub.paused:
        print(f"{where} is not paused: nothing to resume")
        return 0
    store.resume_subscription(sub.id)
    print(f"{where} resumed: its next digest is sent at the usual time")
    return 0
