"""`sovai doctor`: one table of everything a self-hoster can get wrong, and what to do.

Config, database and migrations, the data directory, Slack (token, scopes, command
token), Discord (token, the bot's permissions in each channel it posts to, each
webhook), each feed, the clock and the time zones. It only looks: nothing is posted,
migrated or created. Exit status 1 when any row is a problem, so it can gate a deploy.

The network checks run at once, each bounded by `REMOTE_SECONDS`; the clock is compared
with the `Date` headers of the servers they reached.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable
from dataclasses import dataclass

from bot.doctor_checks import (
    FeedTarget,
    clock_check,
    data_dir_check,
    database_check,
    feed_checks,
    time_zone_check,
)
from bot.doctor_report import Check, ServerTime, ok, print_checks, problem
from bot.logs import setup_logging
from bot.settings import ConfigError, Settings, load_settings
from bot.store.repo import Store
from bot.wording import counted

__all__ = ["REMOTE_SECONDS", "doctor_command", "run_checks"]

REMOTE_SECONDS = 60.0


@dataclass(frozen=True)
class _Channel:
    platform: str
    channel: str
    timezone: str | None
    webhook_env: str | None = None

    @property
    def label(self) -> str:
        return f"{self.platform}:{self.channel}"


def _config_check(settings: Settings) -> Check:
    cfg = settings.config
    feeds, subs = len(cfg.feeds), len(cfg.subscriptions)
    counts = f"{counted(feeds, 'feed')}, {counted(subs, 'subscription')}"
    return ok("config", f"{settings.path}: valid; {counts}")


def _channels(settings: Settings, store: Store | None) -> list[_Channel]:
    """The config's subscriptions and, when the database is readable, the ones added by
    /ai-subscribe; webhooks come from the config."""
    subs = settings.config.subscriptions
    hooks = {(str(s.platform), s.channel): s.webhook_url_env for s in subs}
    found: dict[tuple[str, str], str | None] = {(s.platform, s.channel): s.timezone for s in subs}
    if store is not None:
        found |= {(s.platform, s.channel): s.timezone for s in store.subscriptions()}
    return [_Channel(p, c, tz, hooks.get((p, c))) for (p, c), tz in found.items()]


def _feeds(settings: Settings, store: Store | None) -> list[FeedTarget]:
    if store is not None:
        stored = [FeedTarget(f.label, f.url) for f in store.feeds()]
        if stored:
            return stored
    return [FeedTarget(f.name or f.url, f.url) for f in settings.config.feeds]


async def _bounded(name: str, work: Awaitable[list[Check]]) -> list[Check]:
    try:
        return await asyncio.wait_for(work, timeout=REMOTE_SECONDS)
    except TimeoutError:
        return [problem(name, f"no answer within {REMOTE_SECONDS:.0f} s", "check the network")]


async def _remote(
    settings: Settings, channels: list[_Channel], feeds: list[FeedTarget], times: list[ServerTime]
) -> list[Check]:
    from bot.chat.doctor_discord import WebhookTarget, discord_checks
    from bot.chat.doctor_slack import slack_checks

    slack = [c.channel for c in channels if c.platform == "slack"]
    discord = [c for c in channels if c.platform == "discord"]
    bot_posts = [c.channel for c in discord if not c.webhook_env]
    hooks = [WebhookTarget(c.channel, c.webhook_env) for c in discord if c.webhook_env]
    parts = await asyncio.gather(
        _bounded("slack", slack_checks(settings, slack, times)),
        _bounded("discord", discord_checks(settings, bot_posts, hooks)),
        _bounded("feeds", feed_checks(settings, feeds, times)),
    )
    return [row for part in parts for row in part]


async def run_checks(settings: Settings) -> list[Check]:
    """Every check, in the table's order."""
    database, store = await asyncio.to_thread(database_check, settings)
    try:
        channels = await asyncio.to_thread(_channels, settings, store)
        feeds = await asyncio.to_thread(_feeds, settings, store)
    finally:
        if store is not None:
            store.close()
    times: list[ServerTime] = []
    rows = [_config_check(settings), database, data_dir_check(settings)]
    rows += await _remote(settings, channels, feeds, times)
    zones = [(c.label, c.timezone) for c in channels]
    rows += [clock_check(times), time_zone_check(settings, zones)]
    return rows


def doctor_command(args: argparse.Namespace) -> int:
    """Print the table; 1 when any row is a problem (a config error is the first row)."""
    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        fix = "correct the file at the line named, then run `sovai doctor` again"
        print_checks([problem("config", str(exc), fix)])
        return 1
    # the table is the output: library chatter only from --log-level DEBUG (or WARNING up)
    level = "WARNING" if args.log_level.upper() == "INFO" else args.log_level
    setup_logging(level, settings.secret_values(), settings.config.log_format)
    try:
        rows = asyncio.run(run_checks(settings))
    except KeyboardInterrupt:
        return 130
    print_checks(rows)
    sys.stdout.flush()
    return 1 if any(row.status == "problem" for row in rows) else 0
