"""What a digest looks like on Discord, and how its parts are found again.

Every message ends in a small marker line (`-# digest KEY · part 2/3`): after a crash,
the parts already in a channel are recognised by it and by their author (the bot, or
the webhook that posted them). The refusals common to the bot and to webhooks (401 and
403 in a row, which Discord punishes with an IP ban) are counted here too.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from bot.chat.delivery import DeliveryError
from bot.models import Digest
from bot.render.discord_embeds import CONTENT_MAX, render_discord
from bot.render.labels import DEFAULT_TITLE
from bot.render.safe import clean_text, cut, units

__all__ = [
    "AUTH_FAILURES_PERMANENT",
    "AuthGuard",
    "Message",
    "digest_messages",
    "digest_nonce",
    "find_part",
    "posted_parts",
    "thread_name",
]

Message = dict[str, Any]
AUTH_FAILURES_PERMANENT = 3
THREAD_NAME_MAX = 100
_MARKER = re.compile(r"^-# digest (\S+) · part (\d+)/\d+$", re.MULTILINE)


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


def _parts_of(message: Message, key: str, author_id: str | None) -> set[int]:
    if author_id is not None and (message.get("author") or {}).get("id") != author_id:
        return set()
    return {int(p) for k, p in _MARKER.findall(message.get("content") or "") if k == key}


def posted_parts(messages: list[Message], key: str, author_id: str | None = None) -> set[int]:
    """Parts of digest `key` among channel messages (only `author_id`'s, when given)."""
    found: set[int] = set()
    for message in messages:
        found |= _parts_of(message, key, author_id)
    return found


def find_part(messages: list[Message], key: str, part: int, author_id: str) -> Message | None:
    """The message that is part `part` of digest `key`, posted by `author_id`, if any."""
    return next((m for m in messages if part in _parts_of(m, key, author_id)), None)


def thread_name(digest: Digest) -> str:
    return cut(clean_text(digest.title), THREAD_NAME_MAX) or DEFAULT_TITLE


class AuthGuard:
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
