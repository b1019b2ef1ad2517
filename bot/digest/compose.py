"""Compose a channel's digest from stored stories: filter, rank, pick, group by country.

Ranking weighs, in order: how surely the story is sovereign-AI news (relevance), whether
it has something to show (a key quote, key figures), how widely it was reported (number of
outlets) and how fresh it is within the window. Items carry what renderers need, already
chosen (summary, best quote, key figures), so every platform shows the same digest.

A weekly digest (`cadence="weekly"`) is the week in review: freshness does not count (a
Monday announcement matters as much on Sunday), so the week's most important stories
lead; it may hold more of them (`digest.weekly_max_stories`), its title gives the dates
it covers, and its outbox key is marked weekly, so a queued one is resent as one.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.models import Digest, DigestItem, Figure, Quote, Story

__all__ = [
    "DIGEST_TITLE",
    "NO_COUNTRY",
    "WEEKLY_TITLE",
    "DigestRequest",
    "compose",
    "compose_item",
    "digest_key",
    "key_cadence",
    "rank_score",
    "slot_key",
]

NO_COUNTRY = "--"
DIGEST_TITLE = "Sovereign AI digest"
WEEKLY_TITLE = "Sovereign AI weekly digest"
MAX_FIGURES = 4
FRESHNESS = {"daily": 0.1, "weekly": 0.0}  # weight of freshness in `rank_score`
_WEEKLY_MARK = "-weekly-"


@dataclass(frozen=True)
class DigestRequest:
    """What one channel wants: countries (empty = all), keywords, size and relevance floor."""

    channel: str
    window_start: datetime
    window_end: datetime
    countries: tuple[str, ...] = ()
    max_stories: int = 8
    min_relevance: float = 0.5
    keywords: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    cadence: str = "daily"  # "weekly": the week in review (see the module docstring)

    @property
    def weekly(self) -> bool:
        return self.cadence == "weekly"


def slot_key(channel: str, end: datetime, cadence: str = "daily") -> str:
    """The outbox key of the channel's digest ending at `end` (a scheduled slot's instant).

    Only the channel, the end and the cadence: where a window starts depends on what was
    sent before, which a second run of the same slot (a retry, a second instance) may see
    differently, and one slot must stay one outbox row. A weekly channel has one slot per
    week, so its key is one per week; it is marked weekly (and hashed apart from a daily
    digest at the same instant) so that a resend recomposes it as the weekly it was.
    """
    end = end.astimezone(UTC)
    if cadence == "weekly":
        seed = f"{channel}|{end.isoformat()}|weekly"
        return f"{end:%Y%m%dT%H%M}{_WEEKLY_MARK}{hashlib.sha1(seed.encode()).hexdigest()[:12]}"
    seed = f"{channel}|{end.isoformat()}"  # unchanged, so rows queued before still match
    return f"{end:%Y%m%dT%H%M}-{hashlib.sha1(seed.encode()).hexdigest()[:12]}"


def key_cadence(key: str) -> str:
    """The cadence an outbox key was made for ("daily" or "weekly")."""
    return "weekly" if _WEEKLY_MARK in key else "daily"


def digest_key(request: DigestRequest) -> str:
    """Stable per channel, window end and cadence, so a resend or a rerun is recognised."""
    return slot_key(request.channel, request.window_end, request.cadence)


def _searchable(story: Story) -> str:
    analysis = story.analysis
    parts = [story.title, *analysis.summary, *(q.text for q in analysis.quotes)]
    return " ".join(parts).casefold()


def _wanted(story: Story, request: DigestRequest) -> bool:
    analysis = story.analysis
    if not analysis.relevant or analysis.relevance < request.min_relevance:
        return False
    if request.countries and not set(request.countries) & set(analysis.countries):
        return False
    if request.keywords or request.exclude:
        text = _searchable(story)
        if request.keywords and not any(k.casefold() in text for k in request.keywords):
            return False
        if any(k.casefold() in text for k in request.exclude):
            return False
    return True


def rank_score(story: Story, request: DigestRequest) -> float:
    """Higher is better; see the module docstring for the order of concerns."""
    analysis = story.analysis
    span = max((request.window_end - request.window_start).total_seconds(), 1.0)
    published = story.published or request.window_start
    age = min(max((request.window_end - published).total_seconds() / span, 0.0), 1.0)
    has_quote = any(q.key and q.speaker for q in analysis.quotes)
    has_figures = any(f.key for f in analysis.figures)
    return (
        1.0 * analysis.relevance
        + 0.15 * has_quote
        + 0.15 * has_figures
        + 0.1 * math.log2(max(len(story.sources), 1))
        + FRESHNESS.get(request.cadence, 0.1) * (1.0 - age)
    )


def _best_quote(quotes: Sequence[Quote]) -> Quote | None:
    keyed = [q for q in quotes if q.key]
    attributed = [q for q in keyed if q.speaker] or keyed
    return attributed[0] if attributed else None


def _key_figures(figures: Sequence[Figure]) -> tuple[Figure, ...]:
    return tuple(f for f in figures if f.key)[:MAX_FIGURES]


def compose_item(story: Story) -> DigestItem:
    """A story as shown: its summary, best quote and key figures."""
    analysis = story.analysis
    return DigestItem(
        story=story,
        headline=story.title,
        summary=" ".join(_not_the_headline(story.title, analysis.summary)[:2]),
        quote=_best_quote(analysis.quotes),
        figures=_key_figures(analysis.figures),
    )


def _not_the_headline(title: str, summary: Sequence[str]) -> Sequence[str]:
    """The summary without a first sentence the headline already says: an untitled
    feed item is headed by its own first sentence (or its first words, "…")."""
    if not summary or not title.strip():
        return summary
    first, head = summary[0].strip().casefold(), title.strip().casefold()
    cut_short = head.endswith("…") and first.startswith(head.rstrip("…").rstrip())
    return summary[1:] if first == head or cut_short else summary


def _group_of(story: Story, request: DigestRequest) -> str:
    countries = story.analysis.countries
    if request.countries:
        wanted = next((c for c in countries if c in request.countries), None)
        if wanted:
            return wanted
    return countries[0] if countries else NO_COUNTRY


def _title(request: DigestRequest) -> str:
    """'Sovereign AI digest — 25 Nov 2026', or for a week
    'Sovereign AI weekly digest — 18 Nov – 25 Nov 2026' (UTC dates, as the header's times)."""
    end = request.window_end.astimezone(UTC)
    if not request.weekly:
        return f"{DIGEST_TITLE} — {end:%d %b %Y}"
    start = request.window_start.astimezone(UTC)
    first = f"{start:%d %b}" if start.year == end.year else f"{start:%d %b %Y}"
    return f"{WEEKLY_TITLE} — {first} – {end:%d %b %Y}"


def compose(request: DigestRequest, stories: Sequence[Story]) -> Digest:
    """The digest for `request`: the best stories, grouped under their main country."""
    chosen = sorted(
        (s for s in stories if _wanted(s, request)),
        key=lambda s: (-rank_score(s, request), s.story_id),
    )
    top = chosen[: request.max_stories]
    groups: dict[str, list[DigestItem]] = {}
    for story in top:
        groups.setdefault(_group_of(story, request), []).append(compose_item(story))
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == NO_COUNTRY, -len(kv[1]), kv[0]))
    tally = Counter(_group_of(s, request) for s in chosen)
    return Digest(
        key=digest_key(request),
        title=_title(request),
        window_start=request.window_start,
        window_end=request.window_end,
        groups=tuple((code, tuple(items)) for code, items in ordered),
        total_stories=len(chosen),
        omitted=len(chosen) - len(top),
        tally=tuple(sorted(tally.items(), key=lambda kv: (kv[0] == NO_COUNTRY, -kv[1], kv[0]))),
        cadence=request.cadence,
    )
