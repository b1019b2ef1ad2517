"""Digests to Discord over REST: as the bot (its token), or through a channel's webhook.

Posting twice is what a crash between "posted" and "marked sent" risks, and Discord
helps only for a few minutes: each message carries a `nonce` derived from the digest
key and part, with `enforce_nonce`, so a quick retry gets the message already posted
back instead of a copy. For a restart after longer, every message ends in a small
marker line (`-# digest KEY · part 2/3`) and the bot reads the channel's latest
messages (at most `HISTORY_LIMIT`) and skips the parts already there. Webhooks cannot
read a channel, so webhook delivery has only the outbox row to go by.

Refusals that will not heal by retrying (an unknown channel, a deleted webhook, no
access) raise a permanent `DeliveryError`; 401/403 answers become permanent after a
few in a row, and then nothing more is sent until restart, because Discord bans IPs
that keep making invalid requests. Rate limits are waited out by discord.py, but a
wait longer than `MAX_RATELIMIT_WAIT` is reported (the digest stays queued).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from collections.abc import Callable, Mapping
from typing import Any

import aiohttp
import discord
from discord.http import HTTPClient, Route
from discord.utils import MISSING
from pydantic import SecretStr

from bot.chat.delivery import DeliveryError, Sender, TerminalSender
from bot.models import Digest
from bot.render.discord_embeds import CONTENT_MAX, render_discord
from bot.render.labels import DEFAULT_TITLE
from bot.render.safe import clean_text, cut, units
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
]

_log = logging.getLogger(__name__)
Message = dict[str, Any]
MAX_RATELIMIT_WAIT = 60.0  # seconds (discord.py allows no less than 30)
HISTORY_LIMIT = 100
AUTH_FAILURES_PERMANENT = 3
FORUM_TYPES = frozenset({15, 16})  # forum and media channels: one post per digest
THREAD_NAME_MAX = 100
_MARKER = re.compile(r"^-# digest (\S+) · part (\d+)/\d+$", re.MULTILINE)
_PERMANENT = {10003: "unknown channel", 10015: "unknown webhook", 50001: "missing access"}
_PERMANENT |= {50013: "missing permissions"}
_Errors = (discord.DiscordException, aiohttp.ClientError, OSError)


def digest_nonce(key: str, part: int) -> str:
    """The nonce of a digest's part: the same on every retry, at most 19 digits."""
    seed = hashlib.sha256(f"{key}:{part}".encode()).digest()
    return str(int.from_bytes(seed[:8], "big") >> 1)


def digest_messages(digest: Digest) -> list[Message]:
    """The digest's payloads, each ending in the marker line that names digest and part."""
    messages = render_discord(digest)
    for part, message in enumerate(messages, 1):
        marker = f"-# digest {digest.key} · part {part}/{len(messages)}"
        content = cut(message.get("content") or "", CONTENT_MAX - units(marker) - 1)
        message["content"] = f"{content}\n{marker}" if content else marker
        message["allowed_mentions"] = {"parse": []}
    return messages


def posted_parts(messages: list[Message], key: str, author_id: str | None = None) -> set[int]:
    """Parts of digest `key` among channel messages (only `author_id`'s, when given)."""
    found: set[int] = set()
    for message in messages:
        if author_id is not None and (message.get("author") or {}).get("id") != author_id:
            continue
        found |= {int(p) for k, p in _MARKER.findall(message.get("content") or "") if k == key}
    return found


class _AuthGuard:
    """Counts 401/403 answers in a row; past the limit, every send fails without a request."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.failures = 0
        self.stopped: str | None = None

    def check(self) -> None:
        if self.stopped is not None:
            raise DeliveryError(self.stopped, permanent=True)

    def failed(self, status: int) -> DeliveryError:
        self.failures += 1
        if self.failures < AUTH_FAILURES_PERMANENT:
            return DeliveryError(f"Discord refused {self.what} ({status}), attempt {self.failures}")
        self.stopped = (
            f"Discord refused {self.what} {self.failures} times in a row ({status}); "
            "not sending with it again until restarted"
        )
        return DeliveryError(self.stopped, permanent=True)


def _delivery_error(exc: Exception, guard: _AuthGuard) -> DeliveryError:
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
        return DeliveryError(f"Discord answered {exc.status}: {exc.text}")
    return DeliveryError(f"cannot reach Discord: {exc!r}")


def _thread_name(digest: Digest) -> str:
    return cut(clean_text(digest.title), THREAD_NAME_MAX) or DEFAULT_TITLE


class BotSender:
    """Posts as the bot into a text channel or thread, or as a new post in a forum."""

    def __init__(self, token: SecretStr, *, max_wait: float = MAX_RATELIMIT_WAIT) -> None:
        self._token = token
        self.max_wait = max_wait
        self.guard = _AuthGuard("the bot token (DISCORD_BOT_TOKEN)")

    async def send(self, subscription: SubscriptionState, digest: Digest) -> str:
        self.guard.check()
        if not subscription.channel.isdigit():
            raise DeliveryError(
                f"{subscription.channel!r} is not a Discord channel ID (and has no webhook)",
                permanent=True,
            )
        http = HTTPClient(asyncio.get_running_loop(), max_ratelimit_timeout=self.max_wait)
        try:
            me = await http.static_login(self._token.get_secret_value())
            ref = await self._post(http, str(me["id"]), subscription.channel, digest)
        except _Errors as exc:
            raise _delivery_error(exc, self.guard) from exc
        finally:
            await http.close()
        self.guard.failures = 0
        return ref

    async def _post(self, http: HTTPClient, me: str, channel_id: str, digest: Digest) -> str:
        channel = await http.request(Route("GET", "/channels/{channel_id}", channel_id=channel_id))
        messages = digest_messages(digest)
        target = channel_id
        if channel.get("type") in FORUM_TYPES:
            target = await self._forum_post(http, me, channel, digest, messages[0])
        route = Route("GET", "/channels/{channel_id}/messages", channel_id=target)
        posted = posted_parts(
            await http.request(route, params={"limit": HISTORY_LIMIT}), digest.key, me
        )
        ids = []
        for part, message in enumerate(messages, 1):
            if part in posted:
                _log.info("digest %s part %d is already in channel %s", digest.key, part, target)
                continue
            payload = {**message, "nonce": digest_nonce(digest.key, part), "enforce_nonce": True}
            route = Route("POST", "/channels/{channel_id}/messages", channel_id=target)
            ids.append(str((await http.request(route, json=payload))["id"]))
        return f"{target}:{','.join(ids)}"

    async def _forum_post(
        self, http: HTTPClient, me: str, forum: Message, digest: Digest, first: Message
    ) -> str:
        """The forum post of this digest: one a crash left behind, or a new one (with part 1)."""
        name = _thread_name(digest)
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
                return str(thread["id"])
        route = Route("POST", "/channels/{channel_id}/threads", channel_id=forum["id"])
        return str((await http.request(route, json={"name": name, "message": first}))["id"])


class WebhookSender:
    """Posts through a webhook whose URL is a secret named by `webhook_url_env`."""

    def __init__(
        self,
        envs: Mapping[str, str],
        secret: Callable[[str], SecretStr | None],
        *,
        max_wait: float = MAX_RATELIMIT_WAIT,
    ) -> None:
        self.envs = dict(envs)  # subscription channel -> environment variable
        self._secret = secret
        self.max_wait = max_wait
        self.guards: dict[str, _AuthGuard] = {}
        self.forums: set[str] = set()
        # parts already posted of a digest whose send was interrupted (a webhook cannot
        # read the channel back): a retry from this process skips them and reuses the post
        self.progress: dict[str, tuple[list[str], discord.abc.Snowflake]] = {}

    async def send(self, subscription: SubscriptionState, digest: Digest) -> str:
        env = self.envs[subscription.channel]
        guard = self.guards.setdefault(env, _AuthGuard(f"the webhook in {env}"))
        guard.check()
        url = self._secret(env)
        if url is None:
            raise DeliveryError(f"{env} is not set: it should hold the webhook URL", permanent=True)
        async with aiohttp.ClientSession() as session:
            try:
                hook = discord.Webhook.from_url(url.get_secret_value(), session=session)
            except ValueError:
                raise DeliveryError(f"{env} holds no Discord webhook URL", permanent=True) from None
            try:
                async with asyncio.timeout(self.max_wait):
                    ids = await self._post(hook, env, digest)
            except TimeoutError:
                raise DeliveryError(
                    f"the webhook in {env}: no answer in {self.max_wait:.0f} s"
                ) from None
            except _Errors as exc:
                error = _delivery_error(exc, guard)
                if error.permanent and guard.stopped is None:  # deleted: no more requests
                    guard.stopped = f"the webhook in {env} is gone: {error}"
                raise error from exc
        guard.failures = 0
        self.progress.pop(digest.key, None)
        return ",".join(ids)

    async def _post(self, hook: discord.Webhook, env: str, digest: Digest) -> list[str]:
        ids, thread = self.progress.setdefault(digest.key, ([], MISSING))
        for message in digest_messages(digest)[len(ids) :]:
            name = _thread_name(digest) if env in self.forums and thread is MISSING else MISSING
            try:
                sent = await self._execute(hook, message, thread, name)
            except discord.HTTPException as exc:
                if exc.status != 400 or "thread_name" not in exc.text or thread is not MISSING:
                    raise
                self.forums.add(env)  # a forum's webhook: each digest opens a post
                sent = await self._execute(hook, message, thread, _thread_name(digest))
            if env in self.forums:
                thread = discord.Object(id=sent.channel.id)
            ids.append(str(sent.id))
            self.progress[digest.key] = (ids, thread)
        return ids

    @staticmethod
    async def _execute(
        hook: discord.Webhook, message: Message, thread: discord.abc.Snowflake, name: str
    ) -> discord.WebhookMessage:
        return await hook.send(
            content=message["content"],
            embeds=[discord.Embed.from_dict(e) for e in message["embeds"]],
            allowed_mentions=discord.AllowedMentions.none(),
            wait=True,
            thread=thread,
            thread_name=name,
        )


class DiscordSender:
    """Per subscription: its webhook when the config names one, else the bot."""

    def __init__(self, bot: Sender, webhooks: WebhookSender | None = None) -> None:
        self.bot = bot
        self.webhooks = webhooks

    async def send(self, subscription: SubscriptionState, digest: Digest) -> str:
        if self.webhooks is not None and subscription.channel in self.webhooks.envs:
            return await self.webhooks.send(subscription, digest)
        return await self.bot.send(subscription, digest)


def discord_sender_for(settings: Settings) -> DiscordSender | None:
    """The Discord sender the settings call for; None with neither a token nor webhooks."""
    envs = {
        sub.channel: sub.webhook_url_env
        for sub in settings.config.subscriptions
        if sub.platform == "discord" and sub.webhook_url_env
    }
    token = settings.secrets.discord_bot_token
    if token is None and not envs:
        return None
    bot: Sender = (
        BotSender(token)
        if token is not None
        else TerminalSender(note="DISCORD_BOT_TOKEN is not set; printed here")
    )
    return DiscordSender(bot, WebhookSender(envs, settings.secret_for) if envs else None)
