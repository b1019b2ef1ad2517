"""The slash commands, once for every platform: parsed text in, a neutral `Reply` out.

`/ai-country`, `/ai-compare`, `/ai-speaker`, `/ai-alert`, `/ai-export` (the ledger's,
in ledger_commands.py), `/ai-digest`, `/ai-subscribe`, `/ai-unsubscribe`, `/ai-sources`,
`/ai-search` and `/ai-help` behave the same on Slack and Discord; each platform's adapter
only parses its request into a `CommandContext` and renders the `Reply`. Bad arguments
get a reply that says what was expected, never a stack trace.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from bot.analysis.country_lookup import country_name, resolve_country
from bot.chat.delivery import Sender, digest_for
from bot.chat.digest_now import post_now
from bot.chat.ledger_commands import LedgerCommands
from bot.chat.replies import error, help_reply, search_reply, sources_reply
from bot.feed_check import feed_key
from bot.feeds.fetch import Fetcher
from bot.metrics import timed_command
from bot.models import Reply
from bot.redact import public_error, redact
from bot.settings import WEEKDAYS, Settings, check_time, check_timezone, parse_weekday
from bot.sources import SourceError, add_source
from bot.store.repo import Store
from bot.wording import counted

__all__ = ["COMMANDS", "CommandContext", "Commands"]

_log = logging.getLogger(__name__)
COMMANDS = (
    "country",
    "compare",
    "speaker",
    "alert",
    "export",
    "digest",
    "subscribe",
    "unsubscribe",
    "sources",
    "search",
    "help",
)
MAX_DAYS = 365
MAX_SEARCH_WORDS = 12  # each word is one more full-text term to intersect
MAX_SEARCH_CHARS = 1000
MAX_WORD = 40
LOGGED_ARGUMENT = 200  # characters of a failed command's argument kept in the log


@dataclass(frozen=True)
class CommandContext:
    """Who asked, where, and whether they may change settings (platform-specific rule)."""

    platform: str
    channel: str
    user: str
    is_admin: bool
    now: datetime


Handler = Callable[[str, CommandContext], Awaitable[Reply]]


class Commands(LedgerCommands):
    """The command handlers over one store; senders post `/ai-digest now`."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        fetcher: Fetcher,
        senders: Mapping[str, Sender],
        admin_commands: frozenset[str] = frozenset(
            {"sources add", "sources remove", "alert add", "alert remove"}
        ),
    ) -> None:
        self.settings = settings
        self.store = store
        self.fetcher = fetcher
        self.senders = senders
        self.admin_commands = admin_commands

    @timed_command(COMMANDS)  # bot/metrics.py: latency by platform and command
    async def handle(self, name: str, text: str, ctx: CommandContext) -> Reply:
        """Run `/ai-<name> <text>`; any failure becomes a polite reply, and is logged."""
        handler: Handler | None = getattr(self, f"_{name}", None)
        if name not in COMMANDS or handler is None:
            return error(f"Unknown command /ai-{name}. Try /ai-help.")
        try:
            return await handler(text.strip(), ctx)
        except Exception:
            _log.exception("/ai-%s %r failed", name, text[:LOGGED_ARGUMENT])
            return error("Something went wrong on our side; it has been logged. Try again later.")

    def _allowed(self, action: str, ctx: CommandContext) -> bool:
        return ctx.is_admin or action not in self.admin_commands

    async def _help(self, text: str, ctx: CommandContext) -> Reply:
        return help_reply()

    async def _digest(self, text: str, ctx: CommandContext) -> Reply:
        mode = text.lower() or "preview"
        if mode not in ("preview", "now"):
            return error("Use /ai-digest preview (only you see it) or /ai-digest now (posts it).")
        sub = await asyncio.to_thread(self.store.subscription_for, ctx.platform, ctx.channel)
        if sub is None:
            return error("This channel is not subscribed. Subscribe it with /ai-subscribe.")
        config = self.settings.config.digest
        if mode == "preview":
            digest = await asyncio.to_thread(digest_for, self.store, sub, config, ctx.now)
            # a stored error says what failed; any URL in it (a webhook's token) is cut to its host
            problem = public_error(sub.last_error or "")
            note = f"Last delivery problem: {problem}" if sub.last_error else None
            if sub.paused:
                note = f"Digests here are paused: {problem}. Fix it, then /ai-subscribe."
            return Reply(title=digest.title, digest=digest, footer=note)
        outcome = await post_now(self.store, sub, config, self.senders[sub.platform], ctx.now)
        if outcome.status in ("queued", "already-queued"):  # the chat role: a worker posts it
            return Reply(title="The digest is queued: it is posted here in a moment.")
        if outcome.status in ("failed", "paused"):
            return error(f"The digest could not be posted: {public_error(outcome.error or '')}")
        if outcome.status == "empty":
            return Reply(title="Nothing new to post since the last digest.")
        if outcome.status == "already-sent":
            return Reply(title="This digest was already posted here.")
        return Reply(title=f"Posted the digest ({counted(outcome.stories, 'story')}).")

    async def _subscribe(self, text: str, ctx: CommandContext) -> Reply:
        if not self._allowed("subscribe", ctx):
            return error("Only admins can subscribe this channel.")
        parsed = _subscription_args(text)
        if isinstance(parsed, Reply):
            return parsed
        countries, time, tz, cadence, weekday = parsed
        sub = await asyncio.to_thread(
            self.store.subscribe,
            ctx.platform,
            ctx.channel,
            ctx.now,
            countries=countries,
            time=time,
            timezone=tz,
            cadence=cadence,
            weekday=weekday,
        )
        default = self.settings.config.digest
        which = ", ".join(country_name(c) for c in sub.countries) or "all countries"
        when = f"{sub.digest_time or default.time} {sub.timezone or default.timezone}"
        day = sub.digest_weekday
        schedule = f"Daily digest at {when}"
        if day is not None:
            schedule = f"Weekly digest on {WEEKDAYS[day]} at {when}"
        return Reply(
            title="Subscribed",
            fields=(("Countries", which), ("Schedule", schedule)),
            ephemeral=False,
        )

    async def _unsubscribe(self, text: str, ctx: CommandContext) -> Reply:
        if not self._allowed("subscribe", ctx):
            return error("Only admins can unsubscribe this channel.")
        if await asyncio.to_thread(self.store.unsubscribe, ctx.platform, ctx.channel):
            return Reply(title="Unsubscribed: no more digests here.", ephemeral=False)
        return error("This channel was not subscribed.")

    async def _sources(self, text: str, ctx: CommandContext) -> Reply:
        action, _, arg = text.partition(" ")
        action = action.lower() or "list"
        if action == "list":
            return sources_reply(await asyncio.to_thread(self.store.feeds))
        if action not in ("add", "remove") or not arg.strip():
            return error("Use /ai-sources list, /ai-sources add URL or /ai-sources remove ID")
        if not self._allowed(f"sources {action}", ctx):
            return error("Only admins can add or remove sources.")
        try:
            if action == "add":
                report = await add_source(self.store, self.fetcher, arg.strip(), ctx.now)
                return Reply(title="Source added", sections=(), footer=report.line())
            key = feed_key(arg.strip())
            if key is None:
                return error("Give the feed's number from /ai-sources list, or its URL.")
            feed = await asyncio.to_thread(self.store.remove_feed, key, str(self.settings.path))
            return Reply(title=f"Source #{feed.id} removed: {feed.label}")
        except SourceError as exc:
            return error(redact(str(exc)))

    async def _search(self, text: str, ctx: CommandContext) -> Reply:
        query = search_words(text)
        if not query:
            return error("Search for what? e.g. /ai-search GPU cluster")
        hits = await asyncio.to_thread(self.store.search, query, 24)
        found = [s for s in hits if s.analysis.relevant]
        return search_reply(query, found[:8])  # sovereign-AI stories only, as in digests


def search_words(text: str) -> str:
    """The first `MAX_SEARCH_WORDS` distinct words of a search, each cut to `MAX_WORD`:
    a query's cost grows with its terms, and a pasted page must not cost seconds."""
    words = re.findall(r"\w+", text[:MAX_SEARCH_CHARS])
    kept = dict.fromkeys(w[:MAX_WORD] for w in words)
    return " ".join(list(kept)[:MAX_SEARCH_WORDS])


def _subscription_args(
    text: str,
) -> tuple[list[str], str | None, str | None, str | None, int | None] | Reply:
    """`[countries…] [at HH:MM] [tz Area/City] [weekly [mon]] [daily]` as (countries, time,
    zone, cadence, weekday), or an error reply saying what is wrong.

    The word after `weekly` is its weekday when it is one (no weekday is a country), else
    the next argument; `weekly` alone keeps the channel's weekday, or Monday.
    """
    words = text.split()
    countries: list[str] = []
    time = tz = cadence = None
    weekday: int | None = None
    i = 0
    while i < len(words):
        word = words[i]
        if word.lower() in ("at", "tz") and i + 1 < len(words):
            value = words[i + 1]
            try:
                if word.lower() == "at":
                    time = check_time(value)
                else:
                    tz = check_timezone(value)
            except ValueError:
                if word.lower() == "at":
                    return error(f"Time must be HH:MM (24-hour), e.g. at 08:30 — not {value!r}")
                return error(f"Unknown time zone {value!r}: use Area/City, e.g. Asia/Tokyo")
            i += 2
            continue
        if word.lower() in ("daily", "weekly"):
            if cadence not in (None, word.lower()):
                return error("Daily or weekly, not both: e.g. /ai-subscribe JP weekly mon")
            cadence, i = word.lower(), i + 1
            day = words[i] if cadence == "weekly" and i < len(words) else ""
            if parse_weekday(day) is not None:
                weekday, i = parse_weekday(day), i + 1
            elif day.lower() not in ("", "at", "tz", "daily") and not resolve_country(day).code:
                return error(f"Weekday must be mon…sun, e.g. weekly mon — not {day!r}")
            continue
        found = resolve_country(word)
        if found.code is None:
            if parse_weekday(word) is not None:
                return error(f"Put the weekday after weekly, e.g. weekly {word.lower()}")
            hint = f" Did you mean {', '.join(found.suggestions)}?" if found.suggestions else ""
            return error(f"I don't know the country {word!r}.{hint}")
        countries.append(found.code)
        i += 1
    return list(dict.fromkeys(countries)), time, tz, cadence, weekday
