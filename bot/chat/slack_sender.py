"""Posting digests to Slack: one `chat.postMessage` per rendered message, each only once.

Every message carries metadata (`sovai_digest`: digest key, part, parts) so that a send
repeated after a crash first reads the channel's recent history and skips the parts
already there: the outbox row can say "sending" while Slack already shows the message.
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
from bot.models import Digest
from bot.render.slack_blocks import render_slack, text_units
from bot.store.repo import SubscriptionState

__all__ = [
    "API_URL_ENV",
    "EVENT_TYPE",
    "PERMANENT_ERRORS",
    "SlackSender",
    "slack_api_url",
    "slack_client",
    "split_message",
]

_log = logging.getLogger(__name__)
Message = dict[str, Any]

API_URL_ENV = "SLACK_API_URL"
EVENT_TYPE = "sovai_digest"
RATE_LIMIT_RETRIES = 3
HISTORY_LIMIT = 100
HISTORY_PAGES = 5
HISTORY_MARGIN = timedelta(days=1)  # clock skew between this host and Slack
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


def slack_client(token: str, environ: Mapping[str, str] | None = None) -> AsyncWebClient:
    """A Web API client that waits out rate limits and retries nothing else.

    Connection errors are not retried here: a `chat.postMessage` whose connection broke
    may have been posted, and the history check of the next attempt is what decides.
    """
    return AsyncWebClient(
        token=token,
        base_url=slack_api_url(environ),
        retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES)],
    )


def _error_code(exc: SlackApiError) -> str:
    return str(exc.response.get("error") or f"HTTP {exc.response.status_code}")


def _delivery_error(exc: SlackApiError) -> DeliveryError:
    code = _error_code(exc)
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

    async def send(self, subscription: SubscriptionState, digest: Digest) -> str:
        """Post what is missing of the digest; return the messages' ts, comma-separated."""
        channel = subscription.channel
        messages = render_slack(digest)
        try:
            posted = await self._posted(channel, digest)
            refs: list[str] = []
            for i, message in enumerate(messages, 1):
                part = _Part(digest.key, i, len(messages))
                refs += await self._post(channel, part, message, posted, 0)
        except SlackApiError as exc:
            raise _delivery_error(exc) from None
        except (SlackClientError, aiohttp.ClientError, TimeoutError) as exc:
            raise DeliveryError(f"Slack could not be reached: {exc!r}") from None
        return ",".join(refs)

    async def _posted(self, channel: str, digest: Digest) -> dict[str, str]:
        """Part id → ts of this digest's messages among the channel's recent ones."""
        oldest = (digest.window_end - HISTORY_MARGIN).timestamp()
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
        if found:
            _log.info("digest %s: %d message(s) already in %s", digest.key, len(found), channel)
        return found

    async def _post(
        self, channel: str, part: _Part, message: Message, posted: Mapping[str, str], splits: int
    ) -> list[str]:
        if part.id in posted:
            return [posted[part.id]]
        was_split = any(other.startswith(part.id + ".") for other in posted)
        code = "an earlier attempt"
        if not was_split:  # a part once split is split again the same way, never re-posted
            try:
                response = await self.client.chat_postMessage(
                    channel=channel,
                    text=message["text"],
                    blocks=message["blocks"],
                    unfurl_links=False,
                    unfurl_media=False,
                    metadata=part.metadata(),
                )
                return [str(response["ts"])]
            except SlackApiError as exc:
                code = _error_code(exc)
                if code not in TOO_LONG:
                    raise
        halves = split_message(message)
        if halves is None or splits >= MAX_SPLITS:
            raise DeliveryError(
                f"Slack refused part {part.id} of the digest as too long ({code})", permanent=True
            )
        _log.info("digest %s part %s: %s; posting it in two", part.digest_key, part.id, code)
        refs: list[str] = []
        for which, half in enumerate(halves, 1):
            refs += await self._post(channel, part.half(which), half, posted, splits + 1)
        return refs
