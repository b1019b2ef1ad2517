"""The doctor's Discord rows: the bot token (`/users/@me`), the bot's permissions in each
channel it posts to, and each webhook (read with GET, never posted to).

Permissions are computed as Discord computes them: the @everyone role and the bot's
roles give the base (Administrator gives all), then the channel's overwrites for
@everyone, for the bot's roles, and for the bot itself, in that order. A thread takes
its parent channel's overwrites.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp
import discord
from discord.http import HTTPClient, Route

from bot.chat.discord_app import bot_permissions
from bot.chat.discord_webhook import parse_webhook_url
from bot.doctor_report import Check, ok, problem, skipped
from bot.net_errors import network_reason
from bot.settings import Settings

__all__ = ["WebhookTarget", "channel_permissions", "discord_checks"]

Json = dict[str, Any]
THREADS = frozenset({10, 11, 12})
_NETWORK = (aiohttp.ClientError, OSError)
_INVITE = "re-invite the bot with `sovai discord invite`, or grant these in the channel"


@dataclass(frozen=True)
class WebhookTarget:
    channel: str  # the subscription's channel, as configured
    env: str  # the variable holding the webhook URL


def channel_permissions(
    guild_id: str, roles: Sequence[Json], member: Json, user_id: str, channel: Json
) -> discord.Permissions:
    """What the member may do in the channel (`channel` carries its overwrites)."""
    by_id = {str(r["id"]): int(r.get("permissions") or 0) for r in roles}
    mine = [str(r) for r in member.get("roles") or []]
    value = by_id.get(guild_id, 0)
    for role in mine:
        value |= by_id.get(role, 0)
    if value & discord.Permissions(administrator=True).value:
        return discord.Permissions.all()
    overwrites = {str(o["id"]): o for o in channel.get("permission_overwrites") or []}

    def apply(allow: int, deny: int) -> None:
        nonlocal value
        value = (value & ~deny) | allow

    everyone = overwrites.get(guild_id)
    if everyone:
        apply(int(everyone.get("allow") or 0), int(everyone.get("deny") or 0))
    allow = deny = 0
    for role in mine:
        if role in overwrites:
            allow |= int(overwrites[role].get("allow") or 0)
            deny |= int(overwrites[role].get("deny") or 0)
    apply(allow, deny)
    own = overwrites.get(user_id)
    if own:
        apply(int(own.get("allow") or 0), int(own.get("deny") or 0))
    return discord.Permissions(value)


def _needed(kind: int) -> list[str]:
    """The permission names posting a digest needs in a channel of this type."""
    names = [name for name, granted in bot_permissions() if granted]
    skip = "send_messages" if kind in THREADS else "send_messages_in_threads"
    return [n for n in names if n != skip]


def _title(name: str) -> str:
    return name.replace("_", " ").title()


async def _channel(http: HTTPClient, me: str, channel_id: str) -> Check:
    name = f"discord channel {channel_id}"
    if not channel_id.isdigit():
        return problem(name, "not a Discord channel ID", "use the ID (Developer Mode → Copy ID)")
    try:
        channel: Json = dict(await http.get_channel(channel_id))
        place = channel  # a thread has no overwrites of its own: its parent's apply
        if channel.get("type") in THREADS and channel.get("parent_id"):
            place = dict(await http.get_channel(channel["parent_id"]))
        guild = str(channel.get("guild_id") or "")
        roles = [dict(r) for r in await http.get_roles(guild)]
        member = dict(await http.get_member(guild, me))
    except discord.NotFound:
        return problem(name, "Discord knows no such channel", "check the channel ID")
    except discord.Forbidden:
        return problem(name, "the bot cannot see this channel", _INVITE)
    except discord.HTTPException as exc:
        return problem(name, f"Discord answered {exc.status}: {exc.text[:120]}", "try again later")
    name = f"discord #{channel.get('name') or channel_id}"
    granted = channel_permissions(guild, roles, member, me, place)
    missing = [_title(n) for n in _needed(int(channel.get("type") or 0)) if not getattr(granted, n)]
    if missing:
        return problem(name, "the bot lacks " + ", ".join(missing), _INVITE)
    return ok(name, "the bot can post digests here")


async def _bot(token: str, channels: Sequence[str]) -> list[Check]:
    http = HTTPClient(asyncio.get_running_loop())
    try:
        try:
            me: Json = dict(await http.static_login(token))
        except discord.LoginFailure:
            fix = "Developer Portal → Bot → Reset Token; set DISCORD_BOT_TOKEN"
            return [problem("discord", "DISCORD_BOT_TOKEN was refused", fix)]
        except _NETWORK as exc:
            reason = f"Discord could not be reached: {network_reason(exc, 'discord.com')}"
            return [problem("discord", reason, "check the network, or a proxy")]
        rows = [ok("discord", f"token accepted: logged in as {me.get('username')}")]
        for channel_id in channels:
            try:
                rows.append(await _channel(http, str(me["id"]), channel_id))
            except _NETWORK as exc:
                rows.append(problem(f"discord channel {channel_id}", network_reason(exc), "retry"))
        return rows
    finally:
        await http.close()


async def _webhook(
    settings: Settings, session: aiohttp.ClientSession, target: WebhookTarget
) -> Check:
    name = f"discord webhook {target.env}"
    url = settings.secret_for(target.env)
    if url is None:
        return problem(name, f"{target.env} is not set", "set it to the channel's webhook URL")
    found = parse_webhook_url(url.get_secret_value())
    if found is None:
        fix = "copy the URL from Server Settings → Integrations → Webhooks"
        return problem(name, f"{target.env} holds no Discord webhook URL", fix)
    try:
        async with session.get(f"{Route.BASE}/webhooks/{found[0]}/{found[1]}") as answer:
            body = await answer.json(content_type=None) if answer.status == 200 else None
            status = answer.status
    except _NETWORK as exc:
        return problem(name, f"Discord could not be reached: {network_reason(exc)}", "retry")
    if status in (401, 404):
        fix = f"create a new webhook for the channel and put its URL in {target.env}"
        return problem(name, "Discord: unknown webhook (deleted, or its token changed)", fix)
    if status != 200 or not isinstance(body, dict):
        return problem(name, f"Discord answered {status}", "try again later")
    return ok(name, f"webhook {body.get('name') or '?'} posts to channel {body.get('channel_id')}")


async def discord_checks(
    settings: Settings, channels: Sequence[str], webhooks: Sequence[WebhookTarget]
) -> list[Check]:
    """The Discord rows: `channels` the bot posts to, `webhooks` the others."""
    token = settings.secrets.discord_bot_token
    rows: list[Check] = []
    if token is not None:
        rows += await _bot(token.get_secret_value(), channels)
    elif channels:
        rows.append(
            problem(
                "discord",
                f"{len(channels)} Discord channel(s) subscribed, DISCORD_BOT_TOKEN not set: "
                "their digests are printed in the terminal",
                "set DISCORD_BOT_TOKEN, or a webhook_url_env for each channel",
            )
        )
    if webhooks:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20)) as session:
            rows += [await _webhook(settings, session, w) for w in webhooks]
    if not rows:
        rows.append(skipped("discord", "not configured (DISCORD_BOT_TOKEN is not set)"))
    return rows
