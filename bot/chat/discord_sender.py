"""Digests to Discord over REST: as the bot (its token), or through a channel's webhook.

Posting twice is what a crash between "posted" and "marked sent" risks. Each part's
message id goes into the outbox row's `PartLog` as soon as Discord answers, so a retry
posts only the rest. For the one part whose answer a crash swallowed, Discord helps
only for a few minutes: each message carries a `nonce` derived from the digest key and
part, with `enforce_nonce`, so a quick retry gets the message already posted back
instead of a copy (which is also why discord.py's own retry of a 5xx is harmless here).
After longer, the bot reads the channel's messages since the send began and skips the
parts whose marker line is there. Webhooks: see `discord_webhook`.

Refusals that will not heal by retrying (an unknown channel, a deleted webhook, no
access) raise a permanent `DeliveryError`; 401/403 answers become permanent after a
few in a row, and then nothing more is sent until restart, because Discord bans IPs
that keep making invalid requests. Rate limits are waited out by discord.py, but a
wait longer than `MAX_RATELIMIT_WAIT` is reported (the digest stays queued).
"""

from __future__ import annotations

import asyncio
import io
import logging

import aiohttp
import discord
from discord.http import HTTPClient, Route, handle_message_parameters
from discord.utils import DISCORD_EPOCH
from pydantic import SecretStr

from bot.chat.delivery import DeliveryError, Sender, TerminalSender
from bot.chat.discord_messages import (
    AuthGuard,
    Message,
    digest_messages,
    digest_nonce,
    posted_parts,
    thread_name,
)
from bot.chat.discord_webhook import MAX_RATELIMIT_WAIT, WebhookSender
from bot.chat.parts import PartLog
from bot.chat.post_budget import PostBudget
from bot.chat.rate_budget import account_id
from bot.models import Digest
from bot.net_errors import network_reason
from bot.render.attachments import safe_filenames
from bot.settings import Settings
from bot.store.repo import SubscriptionState

__all__ = [
    "BotSender",
    "DiscordSender",
    "WebhookSender",
    "digest_messages",
    "digest_nonce",
    "discord_sender_for",
    "posted_parts",
    "read_since",
]

_log = logging.getLogger(__name__)
HISTORY_LIMIT = 100
HISTORY_PAGES = 20  # after a crash, at most this many pages of messages are read
HISTORY_MARGIN = 600.0  # seconds of clock skew allowed between this host and Discord
FORUM_TYPES = frozenset({15, 16})  # forum and media channels: one post per digest
_PERMANENT = {10003: "unknown channel", 10015: "unknown webhook", 50001: "missing access"}
_PERMANENT |= {50013: "missing permissions"}
_Errors = (discord.DiscordException, aiohttp.ClientError, OSError)


def _delivery_error(exc: Exception, guard: AuthGuard) -> DeliveryError:
    """What a discord.py or network failure means for the outbox."""
    if isinstance(exc, discord.RateLimited):
        return DeliveryError(
            f"Discord asked to wait {exc.retry_after:.0f} s; the digest stays queued"
        )
    if isinstance(exc, discord.LoginFailure):
        return guard.failed(401)
    if isinstance(exc, discord.HTTPException):
        reason = _PERMANENT.get(exc.code) or ("not found" if exc.status == 404 else None)
        if reason is not None:
            return DeliveryError(f"Discord: {reason} ({exc.status}, {exc.text})", permanent=True)
        if exc.status in (401, 403):
            return guard.failed(exc.status)
        return DeliveryError(f"Discord answered {exc.status}: {exc.text[:200]}")
    return DeliveryError(f"Discord could not be reached: {network_reason(exc, 'discord.com')}")


async def read_since(http: HTTPClient, channel_id: str, since: float | None) -> list[Message]:
    """The channel's messages since `since` (epoch seconds, with a margin), oldest first,
    at most `HISTORY_PAGES` pages; without `since`, the latest page."""
    route = Route("GET", "/channels/{channel_id}/messages", channel_id=channel_id)
    if since is None:
        latest: list[Message] = await http.request(route, params={"limit": HISTORY_LIMIT})
        return latest
    after = max(int((since - HISTORY_MARGIN) * 1000) - DISCORD_EPOCH, 0) << 22
    found: list[Message] = []
    for _ in range(HISTORY_PAGES):
        page = await http.request(route, params={"limit": HISTORY_LIMIT, "after": str(after)})
        found += page
        if len(page) < HISTORY_LIMIT:
            break
        after = max(int(m["id"]) for m in page)
    return found


def _http(token: SecretStr, max_wait: float, budget: PostBudget | None) -> HTTPClient:
    """discord.py's REST client; with a `budget`, each request takes its shared slots."""
    if budget is None:
        return HTTPClient(asyncio.get_running_loop(), max_ratelimit_timeout=max_wait)
    from bot.chat.discord_budget import BudgetedDiscordHTTP

    bot = account_id(token.get_secret_value())
    return BudgetedDiscordHTTP(budget, bot, max_ratelimit_timeout=max_wait)


class BotSender:
    """Posts as the bot into a text channel or thread, or as a new post in a forum."""

    def __init__(
        self,
        token: SecretStr,
        *,
        max_wait: float = MAX_RATELIMIT_WAIT,
        budget: PostBudget | None = None,
    ) -> None:
        self._token = token
        self.max_wait = max_wait
        self.budget = budget
        self.guard = AuthGuard("the bot token (DISCORD_BOT_TOKEN)")

    async def send(
        self, subscription: SubscriptionState, digest: Digest, parts: PartLog | None = None
    ) -> str:
        self.guard.check()
        if not subscription.channel.isdigit():
            raise DeliveryError(
                f"{subscription.channel!r} is not a Discord channel ID (and has no webhook)",
                permanent=True,
            )
        http = _http(self._token, self.max_wait, self.budget)
        try:
            me = await http.static_login(self._token.get_secret_value())
            log = parts if parts is not None else PartLog()
            ref = await self._post(http, str(me["id"]), subscription.channel, digest, log)
        except _Errors as exc:
            raise _delivery_error(exc, self.guard) from exc
        finally:
            await http.close()
        self.guard.failures = 0
        return ref

    async def _post(
        self, http: HTTPClient, me: str, channel_id: str, digest: Digest, log: PartLog
    ) -> str:
        messages = digest_messages(digest)
        target = log.notes.get("thread") or channel_id
        if "thread" not in log.notes:
            channel = await http.request(Route("GET", "/channels/{channel_id}", channel_id=target))
            if channel.get("type") in FORUM_TYPES:
                target = await self._forum_post(http, me, channel, digest, messages[0], log)
        if not log.parts or log.begun():  # a direct call, or a crash's leftover to look up
            for part in posted_parts(await read_since(http, target, log.since), digest.key, me):
                if log.ref(str(part)) is None:
                    _log.info("digest %s part %d is already in %s", digest.key, part, target)
                    log.confirm(str(part), "posted")
        route = Route("POST", "/channels/{channel_id}/messages", channel_id=target)
        for part, message in enumerate(messages, 1):
            if log.ref(str(part)) is not None:
                continue
            log.begin(str(part))
            payload = {**message, "nonce": digest_nonce(digest.key, part), "enforce_nonce": True}
            log.confirm(str(part), str((await http.request(route, json=payload))["id"]))
        await self._files(http, target, digest, log)
        ids = [log.ref(str(part)) or "" for part in range(1, len(messages) + 1)]
        return f"{target}:{','.join(ids)}"

    @staticmethod
    async def _files(http: HTTPClient, target: str, digest: Digest, log: PartLog) -> None:
        """The digest's files (the week's chart) in one message after it, once: a crash
        after they were begun leaves them out rather than risk posting them twice."""
        if not digest.files or "files" in log.parts:
            return
        log.begin("files")
        files = [
            discord.File(io.BytesIO(f.data), filename=name, description=f.alt[:1000] or None)
            for f, name in zip(digest.files[:10], safe_filenames(digest.files[:10]), strict=True)
        ]
        params = handle_message_parameters(
            content=digest.files[0].title[:2000],
            files=files,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        try:
            with params:
                sent = await http.send_message(target, params=params)
        except discord.HTTPException as exc:  # the digest went out; only its chart did not
            _log.warning("digest %s: its chart was refused (%s)", digest.key, exc.status)
            log.confirm("files", "refused")
            return
        log.confirm("files", str(sent["id"]))

    async def _forum_post(
        self,
        http: HTTPClient,
        me: str,
        forum: Message,
        digest: Digest,
        first: Message,
        log: PartLog,
    ) -> str:
        """The forum post of this digest: one a crash left behind, or a new one (with part 1)."""
        name = thread_name(digest)
        route = Route("GET", "/guilds/{guild_id}/threads/active", guild_id=forum["guild_id"])
        active = (await http.request(route)).get("threads", [])
        mine = [
            t
            for t in active
            if t.get("parent_id") == forum["id"] and t.get("owner_id") == me and t["name"] == name
        ]
        for thread in sorted(mine, key=lambda t: int(t["id"]), reverse=True)[:5]:
            route = Route("GET", "/channels/{channel_id}/messages", channel_id=thread["id"])
            history = await http.request(route, params={"limit": HISTORY_LIMIT})
            if posted_parts(history, digest.key, me):
                log.note("thread", str(thread["id"]))
                return str(thread["id"])
        route = Route("POST", "/channels/{channel_id}/threads", channel_id=forum["id"])
        log.begin("1")
        opened = await http.request(route, json={"name": name, "message": first})
        log.note("thread", str(opened["id"]))
        log.confirm("1", str((opened.get("message") or {}).get("id") or opened["id"]))
        return str(opened["id"])


class BotReader:
    """Reads a channel as the bot: how the fate of a webhook post whose answer was lost is
    found (a webhook cannot read its channel)."""

    def __init__(
        self,
        token: SecretStr,
        *,
        max_wait: float = MAX_RATELIMIT_WAIT,
        budget: PostBudget | None = None,
    ) -> None:
        self._token = token
        self.max_wait = max_wait
        self.budget = budget

    async def __call__(self, channel_id: str, since: float | None) -> list[Message]:
        http = _http(self._token, self.max_wait, self.budget)
        try:
            await http.static_login(self._token.get_secret_value())
            return await read_since(http, channel_id, since)
        finally:
            await http.close()


class DiscordSender:
    """Per subscription: its webhook when the config names one, else the bot."""

    def __init__(self, bot: Sender, webhooks: WebhookSender | None = None) -> None:
        self.bot = bot
        self.webhooks = webhooks

    async def send(
        self, subscription: SubscriptionState, digest: Digest, parts: PartLog | None = None
    ) -> str:
        if self.webhooks is not None and subscription.channel in self.webhooks.envs:
            return await self.webhooks.send(subscription, digest, parts)
        return await self.bot.send(subscription, digest, parts)


def discord_sender_for(
    settings: Settings, budget: PostBudget | None = None
) -> DiscordSender | None:
    """The Discord sender the settings call for; None with neither a token nor webhooks.
    With a `budget`, every request takes its slots in the shared rate buckets."""
    envs = {
        sub.channel: sub.webhook_url_env
        for sub in settings.config.subscriptions
        if sub.platform == "discord" and sub.webhook_url_env
    }
    token = settings.secrets.discord_bot_token
    if token is None and not envs:
        return None
    bot: Sender = (
        BotSender(token, budget=budget)
        if token is not None
        else TerminalSender(note="DISCORD_BOT_TOKEN is not set; printed here")
    )
    reader = BotReader(token, budget=budget) if token is not None else None
    webhooks = (
        WebhookSender(envs, settings.secret_for, reader=reader, budget=budget) if envs else None
    )
    return DiscordSender(bot, webhooks)
