"""Posting digests to Slack: one `chat.postMessage` per rendered message, each only once.

Each message's ts goes into the outbox row's `PartLog` the moment `chat.postMessage`
answers, so a send repeated after a crash skips those parts without asking. Every
message also carries metadata (`sovai_digest`: digest key, part, parts): for the one
part whose answer a crash swallowed, the channel's history since the send began is
read, page by page (bounded, however busy the channel), and the part is skipped if it
is there. A direct call without a log reads the history of the digest's window.
A 429 is waited out as Slack asks (`Retry-After`, a bounded number of times); a message
Slack finds too long is split in two rather than retried as it is; errors that will not
go away by themselves (the bot is not in the channel, the token was revoked) are
`permanent`, so the outbox records them instead of retrying every few minutes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bot.chat.delivery import DeliveryError
from bot.chat.parts import PartLog
from bot.chat.post_budget import PostBudget
from bot.chat.rate_budget import account_id
from bot.models import Digest, Reply
from bot.net_errors import network_reason
from bot.render.slack_blocks import render_slack, text_units
from bot.store.repo import SubscriptionState

__all__ = [
    "API_URL_ENV",
    "EVENT_TYPE",
    "PERMANENT_ERRORS",
    "SlackSender",
    "error_code",
    "slack_api_url",
    "slack_client",
    "split_message",
]

_log = logging.getLogger(__name__)
Message = dict[str, Any]

API_URL_ENV = "SLACK_API_URL"
EVENT_TYPE = "sovai_digest"
RATE_LIMIT_RETRIES = 3
HISTORY_LIMIT = 200
HISTORY_PAGES = 50  # at most 10,000 messages read after a crash
HISTORY_MARGIN = timedelta(days=1)  # a direct call: clock skew between this host and Slack
SINCE_MARGIN = 600.0  # seconds before the send began (this host's clock) that are read
MAX_SPLITS = 4  # a part is split at most into 2**4 messages
TOO_LONG = frozenset({"msg_blocks_too_long", "invalid_blocks", "msg_too_long"})
PERMANENT_ERRORS = frozenset(
    {
        "not_in_channel",
        "channel_not_found",
        "is_archived",
        "invalid_auth",
        "not_authed",
        "account_inactive",
        "token_revoked",
        "missing_scope",
    }
)
_HINTS = {
    "not_in_channel": "invite the bot to the channel (/invite @sovai)",
    "channel_not_found": "check the channel ID in the subscription",
    "is_archived": "the channel is archived",
    "missing_scope": "reinstall the app with the scopes in config/slack-manifest.yaml",
}


def slack_api_url(environ: Mapping[str, str] | None = None) -> str:
    """The Web API base URL: `SLACK_API_URL` (a proxy, GovSlack, a test server) or Slack's."""
    env = os.environ if environ is None else environ
    return env.get(API_URL_ENV) or AsyncWebClient.BASE_URL


def slack_client(
    token: str, environ: Mapping[str, str] | None = None, budget: PostBudget | None = None
) -> AsyncWebClient:
    """A Web API client that waits out rate limits and retries nothing else; with a
    `budget`, every call takes its slot in the workspace's shared buckets first.

    Connection errors are not retried here: a `chat.postMessage` whose connection broke
    may have been posted, and the history check of the next attempt is what decides.
    """
    if budget is not None:
        from bot.chat.slack_budget import BudgetedSlackClient

        return BudgetedSlackClient(
            budget=budget, workspace=account_id(token), token=token, base_url=slack_api_url(environ)
        )
    return AsyncWebClient(
        token=token,
        base_url=slack_api_url(environ),
        retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES)],
    )


def _answered(exc: SlackApiError) -> str | None:
    """Slack's error code when it answered in JSON (so nothing was done); else None."""
    data = getattr(exc.response, "data", None)
    return str(data["error"]) if isinstance(data, Mapping) and data.get("error") else None


def error_code(exc: SlackApiError) -> str:
    """What Slack said, from any answer: JSON (`invalid_auth`), or an HTML or empty
    error page, which slack_sdk hands over as a bare `aiohttp.ClientResponse`."""
    code = _answered(exc)
    if code is not None:
        return code
    status = getattr(exc.response, "status_code", None) or getattr(exc.response, "status", None)
    return f"HTTP {status}" if status else "an unreadable answer"


def _delivery_error(exc: SlackApiError) -> DeliveryError:
    code = error_code(exc)
    hint = _HINTS.get(code)
    text = f"Slack refused the digest: {code}" + (f" ({hint})" if hint else "")
    return DeliveryError(text, permanent=code in PERMANENT_ERRORS)


def split_message(message: Message) -> tuple[Message, Message] | None:
    """The message's blocks in two messages of about half the text each; None for one block.

    Dividers at the cut are dropped: each half starts and ends with content.
    """
    blocks: list[dict[str, Any]] = list(message["blocks"])
    if len(blocks) < 2:
        return None
    half = text_units(blocks) / 2
    cut, used = 1, 0
    for i, block in enumerate(blocks[:-1], 1):
        used += text_units(block)
        cut = i
        if used >= half:
            break
    first, second = blocks[:cut], blocks[cut:]
    while len(first) > 1 and first[-1].get("type") == "divider":
        first.pop()
    while len(second) > 1 and second[0].get("type") == "divider":
        second.pop(0)
    return {**message, "blocks": first}, {**message, "blocks": second}


@dataclass(frozen=True)
class _Part:
    """Which digest, which of its messages, and which piece of a split message."""

    digest_key: str
    part: int
    parts: int
    piece: str = ""  # "" whole; "1", "2" halves; "1.2" the second half of the first half

    @property
    def id(self) -> str:
        return f"{self.part}.{self.piece}" if self.piece else str(self.part)

    def half(self, which: int) -> _Part:
        piece = f"{self.piece}.{which}" if self.piece else str(which)
        return _Part(self.digest_key, self.part, self.parts, piece)

    def metadata(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "digest_key": self.digest_key,
            "part": self.part,
            "parts": self.parts,
        }
        if self.piece:
            payload["piece"] = self.piece
        return {"event_type": EVENT_TYPE, "event_payload": payload}


def _posted_id(message: Mapping[str, Any], digest_key: str) -> str | None:
    """The part id of one of this digest's messages, from its metadata; None for others."""
    metadata = message.get("metadata") or {}
    payload = metadata.get("event_payload") or {}
    if metadata.get("event_type") != EVENT_TYPE or payload.get("digest_key") != digest_key:
        return None
    piece = payload.get("piece")
    return f"{payload.get('part')}.{piece}" if piece else str(payload.get("part"))


class SlackSender:
    """The `Sender` for Slack: posts a digest's messages, skipping those already posted."""

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client

    async def send(
        self, subscription: SubscriptionState, digest: Digest, parts: PartLog | None = None
    ) -> str:
        """Post what is missing of the digest; return the messages' ts, comma-separated."""
        channel = subscription.channel
        messages = render_slack(digest)
        log = parts if parts is not None else PartLog()
        try:
            if parts is None or log.begun():
                await self._settle(channel, digest, log, parts is None)
            refs: list[str] = []
            for i, message in enumerate(messages, 1):
                part = _Part(digest.key, i, len(messages))
                refs += await self._post(channel, part, message, log, 0)
            await self._files(channel, digest, log)
        except SlackApiError as exc:
            raise _delivery_error(exc) from None
        except (SlackClientError, aiohttp.ClientError, TimeoutError) as exc:
            raise DeliveryError(f"Slack could not be reached: {network_reason(exc)}") from None
        return ",".join(refs)

    async def _files(self, channel: str, digest: Digest, log: PartLog) -> None:
        """The digest's files (the week's chart), once: a crash after they were begun
        leaves them out rather than risk posting them twice (they only illustrate)."""
        if not digest.files or "files" in log.parts:
            return
        from bot.chat.slack_files import share_files  # it reads this module's error codes

        log.begin("files")
        reply = Reply(title=digest.title, files=digest.files, ephemeral=False)
        note = await share_files(self.client, reply, channel=channel, user="")
        if note:
            _log.warning("digest %s: %s", digest.key, note)
        log.confirm("files", "shared" if note is None else "refused")

    async def _settle(self, channel: str, digest: Digest, log: PartLog, direct: bool) -> None:
        """Confirm from the history the parts already posted; the rest begun were not."""
        if direct or log.since is None:
            oldest = (digest.window_end - HISTORY_MARGIN).timestamp()
        else:
            oldest = log.since - SINCE_MARGIN
        for part_id, ts in (await self._posted(channel, digest, oldest)).items():
            if log.ref(part_id) is None:
                log.confirm(part_id, ts)
        for part_id in log.begun():
            log.forget(part_id)

    async def _posted(self, channel: str, digest: Digest, oldest: float) -> dict[str, str]:
        """Part id → ts of this digest's messages in the channel since `oldest`."""
        found: dict[str, str] = {}
        cursor: str | None = None
        for _ in range(HISTORY_PAGES):
            page = await self.client.conversations_history(
                channel=channel,
                include_all_metadata=True,
                limit=HISTORY_LIMIT,
                oldest=f"{max(oldest, 0):.6f}",
                cursor=cursor,
            )
            for message in page.get("messages") or []:
                part_id = _posted_id(message, digest.key)
                if part_id is not None:
                    found[part_id] = str(message.get("ts"))
            cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
            if not page.get("has_more") or cursor is None:
                break
        else:
            _log.warning("digest %s: read %d pages of %s only", digest.key, HISTORY_PAGES, channel)
        if found:
            _log.info("digest %s: %d message(s) already in %s", digest.key, len(found), channel)
        return found

    async def _post(
        self, channel: str, part: _Part, message: Message, log: PartLog, splits: int
    ) -> list[str]:
        posted = log.ref(part.id)
        if posted is not None:
            return [posted]
        was_split = any(other.startswith(part.id + ".") for other in log.parts)
        code = "an earlier attempt"
        if not was_split:  # a part once split is split again the same way, never re-posted
            log.begin(part.id)
            try:
                response = await self.client.chat_postMessage(
                    channel=channel,
                    text=message["text"],
                    blocks=message["blocks"],
                    unfurl_links=False,
                    unfurl_media=False,
                    metadata=part.metadata(),
                )
            except SlackApiError as exc:
                if _answered(exc) is not None:  # Slack said no: nothing was posted
                    log.forget(part.id)
                code = error_code(exc)
                if code not in TOO_LONG:
                    raise
            else:
                log.confirm(part.id, str(response["ts"]))
                return [str(response["ts"])]
        halves = split_message(message)
        if halves is None or splits >= MAX_SPLITS:
            raise DeliveryError(
                f"Slack refused part {part.id} of the digest as too long ({code})", permanent=True
            )
        _log.info("digest %s part %s: %s; posting it in two", part.digest_key, part.id, code)
        refs: list[str] = []
        for which, half in enumerate(halves, 1):
            refs += await self._post(channel, part.half(which), half, log, splits + 1)
        return refs
