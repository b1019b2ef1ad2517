"""Domain objects passed between stages.

Every stage takes and returns these frozen dataclasses, never loose dicts, so that a
change of shape is caught by mypy rather than at 8 a.m. in a digest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

__all__ = [
    "Analysis",
    "Article",
    "Attachment",
    "Chart",
    "Digest",
    "DigestItem",
    "Entry",
    "Figure",
    "Quote",
    "Reply",
    "ReplySection",
    "Story",
]


@dataclass(frozen=True)
class Entry:
    """One item of a feed, as the feed describes it."""

    key: str
    url: str | None
    title: str | None
    summary: str | None = None
    published: datetime | None = None


@dataclass(frozen=True)
class Article:
    """An article page's main text and metadata (or the feed's own text as a fallback)."""

    url: str
    canonical_url: str
    title: str | None
    text: str
    source: str | None = None
    author: str | None = None
    published: datetime | None = None
    language: str | None = None
    from_feed: bool = False


@dataclass(frozen=True)
class Quote:
    """A direct quote and who said it; `speaker` is None only when truly unattributed."""

    text: str
    speaker: str | None
    role: str | None = None
    key: bool = False
    speaker_latin: str | None = None  # the speaker in Latin letters, for a name in kanji


@dataclass(frozen=True)
class Figure:
    """A number that matters, normalised: money, count, duration, percent or capacity."""

    text: str
    kind: str
    value: float
    unit: str
    usd: float | None = None
    low: float | None = None
    key: bool = False
    rate_date: str | None = None  # ISO date of the exchange rate behind `usd`


@dataclass(frozen=True)
class Analysis:
    """What the analyser concluded about one article."""

    relevant: bool
    relevance: float
    countries: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    summary: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    language: str = "en"  # ISO 639-1 code of the text the analysis read


@dataclass(frozen=True)
class Story:
    """An analysed article as the digest sees it (one per canonical URL)."""

    story_id: int
    title: str
    url: str
    source: str | None
    published: datetime | None
    analysis: Analysis
    sources: tuple[tuple[str, str], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class DigestItem:
    """One story as shown in a digest: what the renderers need, already chosen."""

    story: Story
    headline: str
    summary: str
    quote: Quote | None = None
    figures: tuple[Figure, ...] = ()

    @property
    def countries(self) -> tuple[str, ...]:
        return self.story.analysis.countries


@dataclass(frozen=True)
class Digest:
    """A channel's digest for a window: ranked items grouped by country."""

    key: str
    title: str
    window_start: datetime
    window_end: datetime
    groups: tuple[tuple[str, tuple[DigestItem, ...]], ...]
    total_stories: int
    omitted: int = 0
    tally: tuple[tuple[str, int], ...] = ()  # stories per country in the window, most first
    cadence: str = "daily"  # "weekly": the week in review (a sender may attach the week's chart)
    files: tuple[Attachment, ...] = ()  # posted after the digest's messages (the week's chart)

    @property
    def items(self) -> tuple[DigestItem, ...]:
        return tuple(item for _, items in self.groups for item in items)

    @property
    def empty(self) -> bool:
        return not self.groups


@dataclass(frozen=True)
class ReplySection:
    """A block of a command's reply: an optional (linked) title and plain text."""

    text: str
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Attachment:
    """A file posted with a reply (a chart PNG, an export CSV): bytes, never a path.

    `alt` is what a reader who cannot see the image is told (Slack's alt text, Discord's
    description); `title` is the heading the platform shows above the file.
    """

    filename: str
    data: bytes
    mime: str
    title: str
    alt: str = ""


@dataclass(frozen=True)
class Chart:
    """A chart still to be drawn: the drawing's inputs and how to file the picture.

    A command answers with its text at once and its charts after (drawing one is ~0.1 s
    of CPU): `args` are plain frozen values, so the chart can be drawn in another
    process, and two equal charts are one cache entry. `bot.render.chart_specs.draw`
    turns it into an `Attachment`.
    """

    kind: Literal["timeline", "compare", "trend"]
    args: tuple[object, ...]
    filename: str
    title: str
    alt: str


@dataclass(frozen=True)
class Reply:
    """A command's answer, platform-neutral; `render/` turns it into blocks or embeds.

    Text is plain and untrusted (it may come from feeds): renderers escape it. A reply
    that is a digest carries the digest itself, so it renders exactly like one.
    """

    title: str
    sections: tuple[ReplySection, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    footer: str | None = None
    ephemeral: bool = True
    digest: Digest | None = None
    error: bool = False
    files: tuple[Attachment, ...] = ()  # exports (and drawn charts), uploaded with the reply
    charts: tuple[Chart, ...] = ()  # drawn and uploaded after the reply's text is sent
