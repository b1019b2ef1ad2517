"""Compose a channel's digest from stored stories: filter, rank, group by country."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.models import Digest, DigestItem, Story

__all__ = ["NO_COUNTRY", "DigestRequest", "compose", "digest_key"]

NO_COUNTRY = "--"


@dataclass(frozen=True)
class DigestRequest:
    """What one channel wants: its countries (empty = all), size and relevance floor."""

    channel: str
    window_start: datetime
    window_end: datetime
    countries: tuple[str, ...] = ()
    max_stories: int = 8
    min_relevance: float = 0.5


def digest_key(request: DigestRequest) -> str:
    """Stable per channel and window, so a resend after a crash is recognised."""
    seed = f"{request.channel}|{request.window_start.isoformat()}|{request.window_end.isoformat()}"
    return f"{request.window_end:%Y%m%dT%H%M}-{hashlib.sha1(seed.encode()).hexdigest()[:12]}"


def _wanted(story: Story, request: DigestRequest) -> bool:
    analysis = story.analysis
    if not analysis.relevant or analysis.relevance < request.min_relevance:
        return False
    return not request.countries or bool(set(request.countries) & set(analysis.countries))


def _rank_key(story: Story) -> tuple[float, float]:
    published = story.published.timestamp() if story.published else 0.0
    return (-story.analysis.relevance, -published)


def _item(story: Story) -> DigestItem:
    summary = story.analysis.summary[0] if story.analysis.summary else ""
    return DigestItem(story=story, headline=story.title, summary=summary)


def compose(request: DigestRequest, stories: Sequence[Story]) -> Digest:
    """The digest for `request`: the best stories, grouped under their main country."""
    chosen = sorted((s for s in stories if _wanted(s, request)), key=_rank_key)
    top = chosen[: request.max_stories]
    groups: dict[str, list[DigestItem]] = {}
    for story in top:
        countries = story.analysis.countries
        primary = (
            next((c for c in countries if c in request.countries), None)
            if request.countries
            else None
        )
        groups.setdefault(primary or (countries[0] if countries else NO_COUNTRY), []).append(
            _item(story)
        )
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == NO_COUNTRY, -len(kv[1]), kv[0]))
    return Digest(
        key=digest_key(request),
        title=f"Sovereign AI digest — {request.window_end:%d %b %Y}",
        window_start=request.window_start,
        window_end=request.window_end,
        groups=tuple((code, tuple(items)) for code, items in ordered),
        total_stories=len(chosen),
        omitted=len(chosen) - len(top),
    )
