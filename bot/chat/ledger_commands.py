"""The ledger's slash commands: `/ai-country`, `/ai-compare`, `/ai-speaker`, `/ai-alert`,
`/ai-export`, shared by Slack and Discord through `Commands`.

Each reads aggregated facts from the store (indexed, bounded) and builds its reply,
charts included, on a worker thread: the event loop keeps acknowledging other users'
commands meanwhile. Arguments are bounded before any work (a pasted page is not a
country list), and every refusal says what was expected.
"""

from __future__ import annotations

import asyncio
import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.analysis.country_lookup import resolve_country
from bot.chat.ledger_replies import alerts_reply, briefing_reply, compare_reply, speaker_reply
from bot.chat.replies import error
from bot.ledger.export import announcements_csv
from bot.ledger.thresholds import parse_threshold
from bot.models import Attachment, Reply
from bot.render.ledger_labels import threshold_label
from bot.store.alerts_store import MAX_ALERTS_PER_CHANNEL
from bot.wording import counted

if TYPE_CHECKING:
    from bot.chat.commands import CommandContext
    from bot.store.repo import Store

__all__ = ["LedgerCommands", "country_args"]

MAX_DAYS = 365
MAX_COMPARED = 6
MAX_ARGUMENT = 300  # characters of any ledger command's argument read at all
MAX_NAME_WORDS = 6
EXPORT_ROWS = 20_000


def _days(words: list[str], default: int) -> int | Reply:
    """A trailing day count popped off `words`, bounded; or an error reply."""
    if words and words[-1].isascii() and words[-1].isdigit():
        raw = words.pop()
        days = int(raw) if len(raw) <= 4 else MAX_DAYS + 1  # never int() of 5,000 digits
        if not 1 <= days <= MAX_DAYS:
            return error(f"Days must be between 1 and {MAX_DAYS}, e.g. /ai-country japan 7")
    else:
        days = default
    return days


def _unknown(word: str, suggestions: tuple[str, ...]) -> Reply:
    hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
    return error(f"I don't know the country {word[:60]!r}.{hint}")


def country_args(text: str) -> tuple[str, int] | Reply:
    """`<country> [days]` for /ai-country: the country's code and the window in days."""
    words = text[:MAX_ARGUMENT].split()
    days = _days(words, 30)
    if isinstance(days, Reply):
        return days
    if not words:
        return error("Which country? e.g. /ai-country japan, /ai-country IN 7")
    match = resolve_country(" ".join(words))
    if match.code is None:
        return _unknown(" ".join(words), match.suggestions)
    return match.code, days


def _countries(words: list[str]) -> list[str] | Reply:
    """Each word a country (name, code, demonym); multi-word names need their code."""
    codes: list[str] = []
    for word in words:
        found = resolve_country(word)
        if found.code is None:
            return _unknown(word, found.suggestions)
        codes.append(found.code)
    return list(dict.fromkeys(codes))


class LedgerCommands:
    """The ledger's handlers; mixed into `Commands`, which provides the store."""

    store: Store

    if TYPE_CHECKING:  # Commands' own rule of who may change what

        def _allowed(self, action: str, ctx: CommandContext) -> bool: ...

    async def _country(self, text: str, ctx: CommandContext) -> Reply:
        parsed = country_args(text)
        if isinstance(parsed, Reply):
            return parsed
        code, days = parsed
        return await asyncio.to_thread(self._briefing, code, days, ctx.now)

    def _briefing(self, code: str, days: int, now: datetime) -> Reply:
        facts = self.store.country_facts(code, now - timedelta(days=days), now)
        stories = self.store.stories_by_id(facts.story_ids)
        return briefing_reply(facts, stories, days)

    async def _compare(self, text: str, ctx: CommandContext) -> Reply:
        words = text[:MAX_ARGUMENT].split()
        days = _days(words, 30)
        if isinstance(days, Reply):
            return days
        codes = _countries(words)
        if isinstance(codes, Reply):
            return codes
        if not 2 <= len(codes) <= MAX_COMPARED:
            return error(
                f"Compare 2 to {MAX_COMPARED} countries, e.g. /ai-compare JP KR IN 90 "
                "(codes for names of several words: US, GB, AE)"
            )
        start = ctx.now - timedelta(days=days)

        def build() -> Reply:
            facts = [self.store.country_facts(c, start, ctx.now, detail=False) for c in codes]
            return compare_reply(facts, days)

        return await asyncio.to_thread(build)

    async def _speaker(self, text: str, ctx: CommandContext) -> Reply:
        words = re.findall(r"[^\s\"“”]+", text[:MAX_ARGUMENT])
        if not words:
            return error(
                "Whose quotes? e.g. /ai-speaker Jensen Huang, or a surname: /ai-speaker Huang"
            )
        if len(words) > MAX_NAME_WORDS:
            return error(f"A name of at most {MAX_NAME_WORDS} words, e.g. /ai-speaker Huang")
        name = " ".join(words)
        people = await asyncio.to_thread(self.store.speakers_named, name)
        return speaker_reply(name, people)

    async def _alert(self, text: str, ctx: CommandContext) -> Reply:
        action, _, rest = text[:MAX_ARGUMENT].partition(" ")
        action = action.lower() or "list"
        if action == "list":
            return alerts_reply(
                await asyncio.to_thread(self.store.alerts_for, ctx.platform, ctx.channel)
            )
        if action not in ("add", "remove"):
            return error(
                "Use /ai-alert add money>=1bn [countries…], /ai-alert add gpus>=10000, "
                "/ai-alert list or /ai-alert remove ID"
            )
        if not self._allowed(f"alert {action}", ctx):
            return error("Only admins can add or remove this channel's alerts.")
        if action == "remove":
            ident = rest.strip().lstrip("#")
            if not (ident.isascii() and ident.isdigit() and len(ident) <= 9):
                return error("Give the alert's number from /ai-alert list, e.g. /ai-alert remove 3")
            removed = await asyncio.to_thread(
                self.store.remove_alert, ctx.platform, ctx.channel, int(ident)
            )
            return (
                Reply(title=f"Alert #{ident} removed.")
                if removed
                else error(f"This channel has no alert #{ident}; see /ai-alert list.")
            )
        return await self._add_alert(rest, ctx)

    async def _add_alert(self, text: str, ctx: CommandContext) -> Reply:
        parsed = parse_threshold(text)
        if isinstance(parsed, str):
            return error(parsed)
        codes = _countries(parsed.rest.split())
        if isinstance(codes, Reply):
            return codes
        alert = await asyncio.to_thread(
            self.store.add_alert,
            ctx.platform,
            ctx.channel,
            parsed.kind,
            parsed.value,
            codes,
            ctx.now,
            ctx.user,
        )
        if alert is None:
            return error(
                f"This channel already has {MAX_ALERTS_PER_CHANNEL} alerts; remove one first."
            )
        where = ", ".join(codes) or "any country"
        what = threshold_label(alert.kind, alert.threshold)
        return Reply(
            title=f"Alert #{alert.id} added: {what}, {where}",
            footer="A new announcement or revision crossing it is posted here once, when read.",
            ephemeral=False,
        )

    async def _export(self, text: str, ctx: CommandContext) -> Reply:
        words = text[:MAX_ARGUMENT].split()
        days = _days(words, MAX_DAYS)
        if isinstance(days, Reply):
            return days
        code: str | None = None
        if words:
            match = resolve_country(" ".join(words))
            if match.code is None:
                return _unknown(" ".join(words), match.suggestions)
            code = match.code
        since = ctx.now - timedelta(days=days)
        rows = await asyncio.to_thread(self.store.announcements, code, since, EXPORT_ROWS)
        if not rows:
            return Reply(title=f"No announcements recorded in the last {counted(days, 'day')}.")
        data = (await asyncio.to_thread(announcements_csv, rows)).encode("utf-8")
        name = f"sovai-announcements-{(code or 'all').lower()}-{ctx.now:%Y%m%d}.csv"
        return Reply(
            title=f"{counted(len(rows), 'announcement')} of the last {counted(days, 'day')}"
            + (f" ({code})" if code else ""),
            files=(Attachment(name, data, "text/csv", "Announcements (CSV)", "CSV export"),),
        )
