"""Digests through a Discord webhook, each part posted once.

A webhook post carries no nonce, so a repeated POST is a second message. Two things
keep it to one. discord.py's webhook client retries a 5xx answer by itself (up to five
times), a 502 that Discord sends after storing the message included; so the posts here
are plain REST calls that try once, and the outbox retries. And every post is asked
with `?wait=true`, whose answer names the message: its id goes into the outbox row's
`PartLog` at once, so a retry skips the parts already there.

What no webhook can tell is the fate of a post whose answer never came (a kill -9 or a
502 between Discord storing it and us hearing so): a webhook reads only messages whose
id it knows. That one part is looked up in the channel's history as the bot, when
DISCORD_BOT_TOKEN is set (its marker line, written by this webhook); without a bot it
is posted again, with a warning, since a part lost is worse than a part shown twice.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import aiohttp
from discord.http import Route
from pydantic import SecretStr

from bot.chat.delivery import DeliveryError
from bot.chat.discord_messages import AuthGuard, Message, digest_messages, find_part, thread_name
from bot.chat.parts import PartLog
from bot.chat.post_budget import PostBudget
from bot.chat.rate_budget import discord_verdict, webhook_buckets
from bot.models import Digest
from bot.net_errors import network_reason
from bot.render.attachments import safe_filenames
from bot.store.repo import SubscriptionState

__all__ = ["RATE_LIMIT_RETRIES", "Reader", "WebhookSender", "parse_webhook_url"]

_log = logging.getLogger(__name__)
Reader = Callable[[str, float | None], Awaitable[list[Message]]]  # channel, since → messages
RATE_LIMIT_RETRIES = 3
MAX_RATELIMIT_WAIT = 60.0  # seconds
_URL = re.compile(
    r"discord(?:app)?\.com/api/(?:v\d+/)?webhooks/(?P<id>[0-9]{17,20})/(?P<token>[\w.\-]{60,})"
)
_UNSURE = "may have been posted"


def parse_webhook_url(url: str) -> tuple[str, str] | None:
    """(id, token) of a Discord webhook URL, or None when it is not one."""
    found = _URL.search(url)
    return (found["id"], found["token"]) if found else None


class _Answer(Exception):
    """A webhook call answered with an error status: `body` is JSON when it was."""

    def __init__(self, status: int, body: Any, retry_after: float | None) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status
        self.body = body if isinstance(body, dict) else {}
        self.retry_after = retry_after

    @property
    def code(self) -> int:
        return int(self.body.get("code") or 0)


class _Hook:
    """One webhook's REST calls over one session, each tried once."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        wid: str,
        token: str,
        budget: PostBudget | None = None,
    ) -> None:
        self.session = session
        self.id = wid
        self.url = f"{Route.BASE}/webhooks/{wid}/{token}"
        self.budget = budget

    async def call(self, method: str, path: str = "", **kwargs: Any) -> Any:
        """One call; with a budget, after its slot in the webhook's shared bucket."""
        buckets = webhook_buckets(self.id)
        if self.budget is not None:
            await self.budget.take(buckets)
        request = self.session.request(method, self.url + path, allow_redirects=False, **kwargs)
        async with request as response:
            if self.budget is not None:
                await self.budget.heed(buckets, discord_verdict(response.status, response.headers))
            try:
                body = await response.json(content_type=None)
            except ValueError:  # an HTML error page from a proxy, an empty body
                body = None
            if 200 <= response.status < 300:
                return body
            after = body.get("retry_after") if isinstance(body, dict) else None
            after = after or response.headers.get("Retry-After")
            raise _Answer(response.status, body, float(after) if after else None)

    async def execute(self, message: Message, thread: str | None, name: str | None) -> Message:
        payload = {k: message[k] for k in ("content", "embeds", "allowed_mentions")}
        if name:
            payload["thread_name"] = name
        params = {"wait": "true", **({"thread_id": thread} if thread else {})}
        sent: Message = await self.call("POST", params=params, json=payload)
        return sent


class WebhookSender:
    """Posts through a webhook whose URL is a secret named by `webhook_url_env`;
    `reader` (the bot's history read) settles a part whose answer was lost."""

    def __init__(
        self,
        envs: Mapping[str, str],
        secret: Callable[[str], SecretStr | None],
        *,
        max_wait: float = MAX_RATELIMIT_WAIT,
        reader: Reader | None = None,
        budget: PostBudget | None = None,
    ) -> None:
        self.envs = dict(envs)  # subscription channel -> environment variable
        self._secret = secret
        self.max_wait = max_wait
        self.reader = reader
        self.budget = budget
        self.guards: dict[str, AuthGuard] = {}
        self.forums: set[str] = set()

    async def send(
        self, subscription: SubscriptionState, digest: Digest, parts: PartLog | None = None
    ) -> str:
        env = self.envs[subscription.channel]
        guard = self.guards.setdefault(env, AuthGuard(f"the webhook in {env}"))
        guard.check()
        url = self._secret(env)
        if url is None:
            raise DeliveryError(f"{env} is not set: it should hold the webhook URL", permanent=True)
        found = parse_webhook_url(url.get_secret_value())
        if found is None:
            raise DeliveryError(f"{env} holds no Discord webhook URL", permanent=True)
        log = parts if parts is not None else PartLog()
        async with aiohttp.ClientSession() as session:
            hook = _Hook(session, *found, budget=self.budget)
            try:
                async with asyncio.timeout(self.max_wait):
                    ids = await self._post(hook, env, digest, log)
            except TimeoutError:
                raise DeliveryError(
                    f"the webhook in {env}: no answer in {self.max_wait:.0f} s; the part sent "
                    f"{_UNSURE} and is checked before it is sent again"
                ) from None
            except _Answer as exc:
                raise self._refused(exc, env, guard) from None
            except (aiohttp.ClientError, OSError) as exc:
                raise DeliveryError(
                    f"Discord could not be reached: {network_reason(exc)}; the part sent {_UNSURE}"
                ) from None
        guard.failures = 0
        return ",".join(ids)

    def _refused(self, exc: _Answer, env: str, guard: AuthGuard) -> DeliveryError:
        if exc.status == 404 or exc.code == 10015:
            guard.stopped = f"the webhook in {env} is gone: Discord: unknown webhook (404)"
            return DeliveryError(guard.stopped, permanent=True)
        if exc.status in (401, 403):
            return guard.failed(exc.status)
        if exc.status == 429:
            wait = exc.retry_after or 0
            return DeliveryError(f"Discord asked to wait {wait:.0f} s; the digest stays queued")
        text = str(exc.body.get("message") or "")[:200]
        if exc.status >= 500:
            return DeliveryError(f"Discord answered {exc.status}; the part sent {_UNSURE}")
        if 300 <= exc.status < 400:  # Discord never redirects a webhook: a wrong URL
            return DeliveryError(
                f"the webhook in {env} answered with a redirect (HTTP {exc.status}), which "
                "Discord never sends: check that the URL is a Discord webhook URL"
            )
        return DeliveryError(
            f"Discord answered {exc.status}: {text}" if text else f"Discord answered {exc.status}"
        )

    async def _post(self, hook: _Hook, env: str, digest: Digest, log: PartLog) -> list[str]:
        messages = digest_messages(digest)
        for part, message in enumerate(messages, 1):
            pid = str(part)
            if log.ref(pid) is None and pid in log.begun():
                await self._settle(hook, env, digest.key, part, log)
            if log.ref(pid) is not None:
                continue
            log.begin(pid)
            sent = await self._execute(hook, env, digest, message, log, pid)
            if env in self.forums:
                log.note("thread", str(sent["channel_id"]))
            log.confirm(pid, str(sent["id"]))
        await self._files(hook, digest, log)
        return [log.ref(str(part)) or "" for part in range(1, len(messages) + 1)]

    @staticmethod
    async def _files(hook: _Hook, digest: Digest, log: PartLog) -> None:
        """The digest's files (the week's chart) in one message after it, once, as the
        bot's sender posts them: begun and never confirmed (a crash) means left out."""
        if not digest.files or "files" in log.parts:
            return
        log.begin("files")
        kept = digest.files[:10]
        names = safe_filenames(kept)
        payload = {
            "content": kept[0].title[:2000],
            "allowed_mentions": {"parse": []},
            "attachments": [
                {"id": n, "filename": name, "description": f.alt[:1000] or None}
                for n, (f, name) in enumerate(zip(kept, names, strict=True))
            ],
        }
        form = aiohttp.FormData()
        form.add_field("payload_json", json.dumps(payload), content_type="application/json")
        for n, (f, name) in enumerate(zip(kept, names, strict=True)):
            form.add_field(f"files[{n}]", f.data, filename=name, content_type=f.mime)
        thread = log.notes.get("thread")
        params = {"wait": "true", **({"thread_id": thread} if thread else {})}
        try:
            sent = await hook.call("POST", params=params, data=form)
        except _Answer as exc:  # the digest went out; only its chart did not
            _log.warning("digest %s: its chart was refused (HTTP %s)", digest.key, exc.status)
            log.confirm("files", "refused")
            return
        log.confirm("files", str(sent["id"]))

    async def _execute(
        self, hook: _Hook, env: str, digest: Digest, message: Message, log: PartLog, pid: str
    ) -> Message:
        """One part, once; a 429 (nothing posted) waited out a few times, a forum named."""
        thread = log.notes.get("thread")
        for attempt in range(RATE_LIMIT_RETRIES + 1):
            name = thread_name(digest) if env in self.forums and not thread else None
            try:
                return await hook.execute(message, thread, name)
            except _Answer as exc:
                if exc.status == 400 and "thread_name" in str(exc.body) and not name:
                    self.forums.add(env)  # a forum's webhook: each digest opens a post
                    continue
                wait = exc.retry_after or 1.0
                if exc.status == 429 and attempt < RATE_LIMIT_RETRIES and wait <= self.max_wait:
                    await asyncio.sleep(wait)
                    continue
                if exc.status < 500:  # refused: Discord stored nothing
                    log.forget(pid)
                raise
        raise DeliveryError(f"the webhook in {env} kept refusing part {pid}")

    async def _settle(self, hook: _Hook, env: str, key: str, part: int, log: PartLog) -> None:
        """Find out whether a part whose answer was lost is in the channel."""
        if self.reader is None:
            _log.warning(
                "digest %s part %d: the answer from the webhook in %s was lost and a webhook "
                "cannot read its channel; posting it again (set DISCORD_BOT_TOKEN to check)",
                key,
                part,
                env,
            )
            return
        try:
            channel = log.notes.get("thread") or str((await hook.call("GET"))["channel_id"])
            found = find_part(await self.reader(channel, log.since), key, part, hook.id)
        except Exception as exc:  # the check failing must not stop the digest
            what = type(exc).__name__  # not the error's text: it may quote the webhook URL
            _log.warning("digest %s part %d: cannot check the channel (%s)", key, part, what)
            return
        if found is not None:
            _log.info("digest %s part %d is already in the channel", key, part)
            log.confirm(str(part), str(found["id"]))
