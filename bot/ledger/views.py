"""What the ledger's readers see: announcements, totals, speakers, a country's facts.

The store fills these from indexed queries (it reads only the rows a reply shows, and
aggregates the rest in SQL); `briefing.py` and the renderers turn them into replies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

__all__ = [
    "Announcement",
    "CountryFacts",
    "QuoteRef",
    "SpeakerFacts",
    "Totals",
]


@dataclass(frozen=True)
class Announcement:
    """One recorded commitment, as shown: what, how much, when, and who reported it."""

    id: int
    country: str
    kind: str
    programme: str
    value: float
    unit: str
    figure_text: str
    first_reported: datetime
    last_reported: datetime
    usd: float | None = None
    rate_date: str | None = None
    actor: str | None = None
    quote_text: str | None = None
    quote_speaker: str | None = None
    source_count: int = 1
    sources: tuple[tuple[str, str], ...] = ()  # (outlet, link), first reporters first
    current: bool = True
    counted: bool = True
    conflict_group: int | None = None
    revises: Announcement | None = None  # the earlier record this one revises
    story_id: int | None = None  # the story that first reported it
    named: bool = True  # False when the article named no programme ("AI funding")

    @property
    def what(self) -> str:
        """'the ABCI 3.0 supercomputer', or the bare generic label ('AI funding')."""
        return f"the {self.programme}" if self.named else self.programme


@dataclass(frozen=True)
class Totals:
    """A country's (or the window's) announced commitments, each counted once."""

    usd: float = 0.0
    gpus: float = 0.0
    mw: float = 0.0
    eflops: float = 0.0
    announcements: int = 0
    conflicts: int = 0  # announcements whose outlets disagree (one of each pair counted)
    revisions: int = 0


@dataclass(frozen=True)
class QuoteRef:
    """A quote with where it was said, for a speaker's card."""

    text: str
    title: str | None
    url: str
    source: str | None
    reported_at: datetime


@dataclass(frozen=True)
class SpeakerFacts:
    """A person as the articles describe them: name, role, country, latest quotes."""

    name: str
    quotes_count: int
    latin: str | None = None
    role: str | None = None
    country: str | None = None
    quotes: tuple[QuoteRef, ...] = ()


@dataclass(frozen=True)
class CountryFacts:
    """Everything `/ai-country` shows of one country over a window, already aggregated."""

    country: str
    window_start: datetime
    window_end: datetime
    totals: Totals
    total_stories: int
    timeline: tuple[Announcement, ...] = ()  # newest first
    revisions: tuple[Announcement, ...] = ()  # each with `revises` set
    conflicts: tuple[tuple[Announcement, ...], ...] = ()
    speakers: tuple[SpeakerFacts, ...] = ()
    story_ids: tuple[int, ...] = ()  # the latest stories, newest first
    # (day, USD, GPUs) announced per day, for the cumulative chart
    chart: tuple[tuple[date, float, float], ...] = field(default_factory=tuple)
