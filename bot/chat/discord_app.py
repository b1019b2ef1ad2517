"""Discord: the /ai-* slash commands as an app-command tree, the bot's life, sync and invite.

Each command has typed options (autocompleted where a country or time zone is meant),
joins them into the text a Slack user would type and runs it through `Commands.handle`,
so both platforms answer alike; replies are embeds, files attached (`discord_reply`).
Discord wants an answer within 3 seconds: slow commands `defer()` first and answer with
a follow-up, the others answer directly unless they take longer than `ack_seconds`, and
then defer too.

Admin commands are marked with default permissions (Manage Server) *and* checked here,
since a server can change who sees a command. Only `Intents.default()` is asked for:
slash commands need no privileged intent. Commands are synced explicitly
(`sovai discord sync`), not on every start, as Discord rate-limits command updates.

The connection is kept up by `discord_connect.keep_connected`, not by discord.py's
reconnect loop, which logs a traceback at every try and gives up when the very first
connection fails.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sys
import zoneinfo
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from typing import Literal

import aiohttp
import discord
from discord import app_commands

from bot.analysis.country_lookup import country_name, resolve_country
from bot.analysis.gazetteer import COUNTRIES
from bot.chart_pool import warm as warm_charts
from bot.chat.commands import CommandContext, Commands
from bot.chat.delivery import Sender
from bot.chat.discord_connect import keep_connected
from bot.chat.discord_reply import send_reply
from bot.feeds.fetch import Fetcher
from bot.settings import Settings
from bot.store.repo import Store

__all__ = [
    "ADMIN_COMMANDS",
    "SovaiDiscord",
    "bot_permissions",
    "country_choices",
    "discord_command",
    "invite_url",
    "serve_discord",
    "sync_commands",
]

_log = logging.getLogger(__name__)
ADMIN_COMMANDS = frozenset(
    {"sources add", "sources remove", "subscribe", "alert add", "alert remove"}
)
SCOPES = ("bot", "applications.commands")
ACK_SECONDS = 2.0
SLOW = frozenset({"country", "digest", "search", "sources"})  # store queries, network
PUBLIC = frozenset({"subscribe", "unsubscribe"})  # their answers are for the channel
MAX_RATELIMIT_WAIT = 60.0
Choices = list[app_commands.Choice[str]]
Interaction = discord.Interaction["SovaiDiscord"]


def bot_permissions() -> discord.Permissions:
    """What posting needs: channels and threads (a forum post needs only Send Messages),
    embeds, files (a weekly digest's chart), and the history read to skip digest parts a
    crash already posted."""
    return discord.Permissions(
        view_channel=True,
        send_messages=True,
        send_messages_in_threads=True,
        embed_links=True,
        attach_files=True,
        read_message_history=True,
    )


def invite_url(application_id: int | str) -> str:
    """The OAuth2 URL that adds the bot to a server, with exactly its scopes and permissions."""
    return discord.utils.oauth_url(application_id, permissions=bot_permissions(), scopes=SCOPES)


@cache
def _time_zones() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def country_choices(current: str, first: tuple[str, ...] = ()) -> Choices:
    """Countries whose code, name or demonym starts with what was typed; `first` (the
    channel's subscribed countries) lead; on no match, the lookup's suggestions."""
    typed = current.strip().casefold()
    found = []
    for code in dict.fromkeys((*first, *sorted(COUNTRIES, key=country_name))):
        names, demonyms, _ = COUNTRIES.get(code, ((), (), ()))
        if not typed or any(n.casefold().startswith(typed) for n in (code, *names, *demonyms)):
            found.append(app_commands.Choice(name=f"{country_name(code)} ({code})", value=code))
    if not found and typed:
        found = [app_commands.Choice(name=s, value=s) for s in resolve_country(current).suggestions]
    return found[:25]


class SovaiDiscord(discord.Client):
    """The bot: the /ai-* tree over `commands` (None when only syncing the tree)."""

    def __init__(
        self, commands: Commands | None = None, *, ack_seconds: float = ACK_SECONDS
    ) -> None:
        super().__init__(
            intents=discord.Intents.default(),
            allowed_mentions=discord.AllowedMentions.none(),
            max_ratelimit_timeout=MAX_RATELIMIT_WAIT,
        )
        self.commands = commands
        self.ack_seconds = ack_seconds
        self.tree: app_commands.CommandTree[SovaiDiscord] = app_commands.CommandTree(self)
        _add_commands(self.tree, self)

    async def run_command(self, interaction: Interaction, name: str, text: str) -> None:
        """Acknowledge in time, run the shared handler, answer with its reply."""
        if self.commands is None:
            raise RuntimeError("this client was built without commands (sync only)")
        ctx = CommandContext(
            platform="discord",
            channel=str(interaction.channel_id),
            user=str(interaction.user.id),
            is_admin=interaction.permissions.manage_guild,
            now=datetime.now(UTC),
        )
        if name in SLOW:
            await interaction.response.defer(ephemeral=name not in PUBLIC, thinking=True)
        task = asyncio.create_task(self.commands.handle(name, " ".join(text.split()), ctx))
        if name not in SLOW:
            done, _ = await asyncio.wait({task}, timeout=self.ack_seconds)
            if not done:
                await interaction.response.defer(ephemeral=name not in PUBLIC, thinking=True)
        await send_reply(interaction, await task)

    def subscribed(self, interaction: Interaction) -> tuple[str, ...]:
        if self.commands is None:
            return ()
        sub = self.commands.store.subscription_for("discord", str(interaction.channel_id))
        return sub.countries if sub is not None else ()


def _add_commands(tree: app_commands.CommandTree[SovaiDiscord], bot: SovaiDiscord) -> None:
    async def complete_country(interaction: Interaction, current: str) -> Choices:
        return country_choices(current, bot.subscribed(interaction))

    async def complete_countries(interaction: Interaction, current: str) -> Choices:
        head, _, last = current.rpartition(" ")  # the last word; those before stay as typed
        prefix = f"{head} " if head else ""
        found = country_choices(last, bot.subscribed(interaction))
        return [
            app_commands.Choice(name=(prefix + c.name)[:100], value=prefix + c.value)
            for c in found
            if len(prefix + c.value) <= 100
        ]

    async def complete_tz(interaction: Interaction, current: str) -> Choices:
        typed = current.casefold()
        zones = [z for z in _time_zones() if typed in z.casefold()][:25]
        return [app_commands.Choice(name=z, value=z) for z in zones]

    @tree.command(name="ai-country", description="A country's sovereign-AI briefing, with a chart")
    @app_commands.describe(country="name, code, demonym or native name", days="how far back")
    @app_commands.autocomplete(country=complete_country)
    async def ai_country(
        interaction: Interaction, country: str, days: app_commands.Range[int, 1, 365] = 30
    ) -> None:
        await bot.run_command(interaction, "country", f"{country} {days}")

    @tree.command(name="ai-compare", description="Countries side by side, with a chart")
    @app_commands.describe(countries="2 to 6, e.g. JP KR IN", days="how far back")
    @app_commands.autocomplete(countries=complete_countries)
    async def ai_compare(
        interaction: Interaction, countries: str, days: app_commands.Range[int, 1, 365] = 30
    ) -> None:
        await bot.run_command(interaction, "compare", f"{countries} {days}")

    @tree.command(name="ai-speaker", description="Who a person is and their latest quotes")
    @app_commands.describe(person="a full name or a surname, e.g. Huang")
    async def ai_speaker(interaction: Interaction, person: str) -> None:
        await bot.run_command(interaction, "speaker", person)

    @tree.command(name="ai-alert", description="Post new announcements over a threshold here")
    @app_commands.describe(
        action="list, add or remove (add/remove: Manage Server)",
        rule="add: e.g. money>=1bn JP KR, gpus>=10000; remove: the alert's number",
    )
    @app_commands.guild_only()
    async def ai_alert(
        interaction: Interaction,
        action: Literal["list", "add", "remove"] = "list",
        rule: str = "",
    ) -> None:
        await bot.run_command(interaction, "alert", f"{action} {rule}")

    @tree.command(name="ai-export", description="The announcements as a CSV file")
    @app_commands.describe(country="only this country (default: all)", days="how far back")
    @app_commands.autocomplete(country=complete_country)
    async def ai_export(
        interaction: Interaction, country: str = "", days: app_commands.Range[int, 1, 365] = 365
    ) -> None:
        await bot.run_command(interaction, "export", f"{country} {days}")

    @tree.command(name="ai-digest", description="Preview this channel's next digest, or post it")
    @app_commands.describe(mode="preview: only you see it; now: posts it here")
    @app_commands.guild_only()
    async def ai_digest(
        interaction: Interaction, mode: Literal["preview", "now"] = "preview"
    ) -> None:
        await bot.run_command(interaction, "digest", mode)

    @tree.command(name="ai-subscribe", description="Daily or weekly sovereign-AI digests here")
    @app_commands.describe(
        countries="e.g. JP IN (default: all)",
        at="HH:MM",
        tz="Area/City",
        cadence="daily (default) or weekly",
        weekday="for weekly: mon … sun (default mon)",
    )
    @app_commands.autocomplete(countries=complete_countries, tz=complete_tz)
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def ai_subscribe(
        interaction: Interaction,
        countries: str = "",
        at: str = "",
        tz: str = "",
        cadence: Literal["daily", "weekly"] | None = None,
        weekday: str = "",
    ) -> None:
        text = f"{countries} {'at ' + at if at else ''} {'tz ' + tz if tz else ''}"
        if cadence == "weekly":
            text += f" weekly {weekday}"
        elif cadence == "daily":
            text += " daily"
        await bot.run_command(interaction, "subscribe", text)

    @tree.command(name="ai-unsubscribe", description="Stop this channel's digests")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def ai_unsubscribe(interaction: Interaction) -> None:
        await bot.run_command(interaction, "unsubscribe", "")

    @tree.command(name="ai-sources", description="The feeds read (add and remove: Manage Server)")
    @app_commands.describe(action="list, add or remove", target="feed URL (add) or ID (remove)")
    async def ai_sources(
        interaction: Interaction,
        action: Literal["list", "add", "remove"] = "list",
        target: str = "",
    ) -> None:
        await bot.run_command(interaction, "sources", f"{action} {target}")

    @tree.command(name="ai-search", description="Search the sovereign-AI stories read so far")
    @app_commands.describe(words="what to look for, e.g. GPU cluster")
    async def ai_search(interaction: Interaction, words: str) -> None:
        await bot.run_command(interaction, "search", words)

    @tree.command(name="ai-help", description="What sovai can do")
    async def ai_help(interaction: Interaction) -> None:
        await bot.run_command(interaction, "help", "")

    @tree.error
    async def on_error(interaction: Interaction, error: app_commands.AppCommandError) -> None:
        _log.error("Discord command failed: %r", error, exc_info=error)
        with contextlib.suppress(discord.HTTPException):
            if interaction.response.is_done():
                await interaction.followup.send("Something went wrong.", ephemeral=True)
            else:
                await interaction.response.send_message("Something went wrong.", ephemeral=True)


async def serve_discord(
    settings: Settings, store: Store, senders: Mapping[str, Sender], stop: asyncio.Event
) -> None:
    """Run the bot until `stop` is set. Without DISCORD_BOT_TOKEN it returns at once; a
    refused token is one line and Discord stays off; anything else is tried again. It never
    raises, so Slack and the scheduler in the same event loop keep running."""
    token = settings.secrets.discord_bot_token
    if token is None:
        _log.info("Discord commands are off: DISCORD_BOT_TOKEN is not set")
        return
    fetcher = Fetcher(settings.config.fetch)
    commands = Commands(settings, store, fetcher, senders, admin_commands=ADMIN_COMMANDS)
    warm_charts()  # the chart worker starts now, not on the first /ai-country
    try:
        await keep_connected(lambda: SovaiDiscord(commands), token.get_secret_value(), stop)
    finally:
        await fetcher.aclose()


async def sync_commands(token: str, guild_id: int | None = None) -> list[str]:
    """Register the tree: globally, or in one server (instant there, handy for testing)."""
    async with SovaiDiscord() as client:
        await client.login(token)
        guild = discord.Object(id=guild_id) if guild_id else None
        if guild is not None:
            client.tree.copy_global_to(guild=guild)
        return [command.name for command in await client.tree.sync(guild=guild)]


async def application_id(token: str) -> int:
    """The application's ID, as Discord reports it for this bot token."""
    async with SovaiDiscord() as client:
        await client.login(token)
        if client.application_id is None:
            raise discord.ClientException("Discord did not say which application this is")
        return client.application_id


def discord_command(settings: Settings, args: argparse.Namespace) -> int:
    """Run `sovai discord sync|invite`; exit status 0, 1 (Discord said no) or 2 (no token)."""
    if args.action == "invite" and getattr(args, "client_id", None):
        print(invite_url(args.client_id))
        return 0
    secret = settings.secrets.discord_bot_token
    if secret is None:
        print("sovai: set DISCORD_BOT_TOKEN (or DISCORD_BOT_TOKEN_FILE) first", file=sys.stderr)
        return 2
    token = secret.get_secret_value()
    try:
        if args.action == "invite":
            print(invite_url(asyncio.run(application_id(token))))
            return 0
        names = asyncio.run(sync_commands(token, args.guild))
    except discord.LoginFailure:
        print("sovai: Discord refused DISCORD_BOT_TOKEN", file=sys.stderr)
        return 1
    except (discord.DiscordException, aiohttp.ClientError, OSError) as exc:
        print(f"sovai: Discord: {exc}", file=sys.stderr)
        return 1
    where = f"in server {args.guild}" if args.guild else "globally"
    print(f"synced {len(names)} commands {where}: {', '.join('/' + n for n in names)}")
    return 0
