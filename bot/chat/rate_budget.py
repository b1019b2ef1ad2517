"""The post rate budget's policy: which buckets a call draws on, at what pace, and what
a platform's answer says about them. Pure: no I/O, no clock; the shared state (one row
per bucket, for every worker and process) is `bot.store.rate_store`, the waiting
`bot.chat.post_budget`.

Each bucket is paced, not counted: a call takes the next free slot of every bucket it
draws on (the latest of them), and each bucket's next slot moves one `period` past it.
Calls spaced so never exceed a platform's count per window, however many processes
take slots, and a slot is taken before sleeping, so nobody holds a lock while waiting.
Periods are 10% slower than the published limits (`MARGIN`): two posts taken a period
apart can reach the platform closer together when the first one's request was delayed.

Slack: `chat.postMessage` about 1 a second per channel, and each method's tier per
workspace (Tier 1-4 and chat.postMessage's workspace limit, read as 300 a minute).
Discord: 50 requests a second per bot (global: paced as 40, since requests taken in turn
can reach Discord bunched, and a global 429 stops everything) and a bucket per route and major
parameter (channel, guild, webhook), 5 per 5 s until Discord's X-RateLimit-* headers
say otherwise; a webhook's own bucket, 5 per 2 s. A 429 pauses the bucket it names for
everyone, for its Retry-After; a bucket Discord says is exhausted pauses until its reset.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "DISCORD_GLOBAL",
    "DISCORD_ROUTE",
    "DISCORD_WEBHOOK",
    "MARGIN",
    "SLACK_CHANNEL",
    "SLACK_TIERS",
    "Bucket",
    "Limit",
    "Verdict",
    "account_id",
    "discord_buckets",
    "discord_verdict",
    "slack_buckets",
    "slack_verdict",
    "too_long",
    "webhook_buckets",
]

MARGIN = 1.1
DEFAULT_PAUSE = 1.0  # a 429 whose Retry-After is missing or unreadable


@dataclass(frozen=True)
class Limit:
    """A platform's published limit: `count` calls per `seconds`."""

    count: int
    seconds: float

    @property
    def period(self) -> float:
        """Seconds between two calls that keep under the limit, with the margin."""
        return self.seconds / self.count * MARGIN


@dataclass(frozen=True)
class Bucket:
    """One shared pace: `key` names it across processes; `period` is its pace until a
    platform's headers say otherwise."""

    key: str
    period: float


@dataclass(frozen=True)
class Verdict:
    """What an answer says: pause the buckets for `pause` seconds (0: no pause), the
    whole account when `everyone` (Discord's global limit); `period`, a pace learned."""

    pause: float = 0.0
    everyone: bool = False
    period: float | None = None


SLACK_CHANNEL = Limit(1, 1.0)
SLACK_TIERS = {1: Limit(1, 60.0), 2: Limit(20, 60.0), 3: Limit(50, 60.0), 4: Limit(100, 60.0)}
SLACK_POST = Limit(300, 60.0)  # "several hundred a minute" per workspace
_SLACK_METHOD_TIER = {
    "auth.test": 4,
    "conversations.history": 3,
    "conversations.open": 3,
    "users.info": 4,
    "files.getUploadURLExternal": 4,
    "files.completeUploadExternal": 4,
}
_SLACK_PER_CHANNEL = frozenset({"chat.postMessage", "chat.postEphemeral"})
DISCORD_GLOBAL = Limit(40, 1.0)  # of Discord's 50: a global 429 stops every send at once
DISCORD_ROUTE = Limit(5, 5.0)
DISCORD_WEBHOOK = Limit(5, 2.0)


def account_id(secret: str) -> str:
    """A short stable name for a workspace's or bot's token: every process holding the
    token agrees on it, and the token itself never goes into the database."""
    return hashlib.sha256(secret.encode()).hexdigest()[:16]


def slack_buckets(workspace: str, method: str, channel: str | None) -> tuple[Bucket, ...]:
    """The workspace's bucket for `method` (its tier), and the channel's for a post."""
    tier = _SLACK_METHOD_TIER.get(method)
    limit = SLACK_POST if method in _SLACK_PER_CHANNEL else SLACK_TIERS[tier or 3]
    buckets = [Bucket(f"slack:{workspace}:{method}", limit.period)]
    if method in _SLACK_PER_CHANNEL and channel:
        buckets.append(Bucket(f"slack:{workspace}:channel:{channel}", SLACK_CHANNEL.period))
    return tuple(buckets)


def discord_buckets(bot: str, route: str, major: str) -> tuple[Bucket, ...]:
    """The bot's global bucket and the route's (`route` as "POST /channels/{channel_id}
    /messages", `major` its channel, guild or webhook). A route with no major parameter
    (logging in: GET /users/@me, once per send) draws on the global bucket only: paced
    as a channel's, every send in the deployment would queue behind one bucket."""
    everyone = Bucket(f"discord:{bot}:global", DISCORD_GLOBAL.period)
    if not major:
        return (everyone,)
    return everyone, Bucket(f"discord:{bot}:{route}:{major}", DISCORD_ROUTE.period)


def webhook_buckets(webhook_id: str) -> tuple[Bucket, ...]:
    """A webhook's own bucket (webhooks are outside any bot's global limit)."""
    return (Bucket(f"discord:webhook:{webhook_id}", DISCORD_WEBHOOK.period),)


def _seconds(value: str | None) -> float | None:
    try:
        seconds = float(value) if value is not None else None
    except ValueError:
        return None
    return seconds if seconds is not None and 0 <= seconds < 86_400 else None


def _header(headers: Mapping[str, str], name: str) -> str | None:
    wanted = name.lower()
    return next((str(v) for k, v in headers.items() if k.lower() == wanted), None)


def slack_verdict(status: int, headers: Mapping[str, str]) -> Verdict:
    """Slack's answer: a 429 pauses the call's buckets for its Retry-After."""
    if status != 429:
        return Verdict()
    return Verdict(pause=_seconds(_header(headers, "Retry-After")) or DEFAULT_PAUSE)


def discord_verdict(status: int, headers: Mapping[str, str]) -> Verdict:
    """Discord's answer, from its headers: a 429 pauses the route (or, global, the whole
    bot); an exhausted bucket pauses until its reset; the first call of a fresh window
    (remaining = limit - 1) tells the window's length, hence the pace."""
    reset = _seconds(_header(headers, "X-RateLimit-Reset-After"))
    if status == 429:
        everyone = (_header(headers, "X-RateLimit-Global") or "").lower() == "true"
        after = _seconds(_header(headers, "Retry-After"))
        pause = (after if everyone else reset or after) or DEFAULT_PAUSE
        return Verdict(pause=pause, everyone=everyone)
    limit = _seconds(_header(headers, "X-RateLimit-Limit"))
    remaining = _seconds(_header(headers, "X-RateLimit-Remaining"))
    if reset is None or not limit or remaining is None:
        return Verdict()
    if remaining == 0:
        return Verdict(pause=reset)
    if remaining == limit - 1 and reset > 0:
        return Verdict(period=Limit(int(limit), reset).period)
    return Verdict()


def too_long(wait: float, max_wait: float) -> bool:
    """Whether a wait is past what a sender sits out: the digest stays queued instead
    (its slot is spent, which only makes everyone a little slower)."""
    return wait > max_wait
