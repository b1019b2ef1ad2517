"""The store's plain-data views of rows, so callers never see a SQLAlchemy object."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import SQLAlchemyError, StatementError

from bot.models import Analysis, Entry, Figure, Quote, Story
from bot.store.tables import AnalysisRow, ArticleRow, DeliveryRow, FeedRow, SubscriptionRow

__all__ = [
    "MAX_ERROR_CHARS",
    "Delivery",
    "FeedState",
    "NewEntry",
    "SourceError",
    "StorageError",
    "SubscriptionState",
    "one_line",
    "storage_reason",
]

# What a store call raises when the database refuses (locked past the busy timeout, disk
# full, server gone): callers catch it by this name, without importing SQLAlchemy.
StorageError = SQLAlchemyError

MAX_ERROR_CHARS = 500  # errors are shown in `sources list` and in chat: a line, not megabytes


def one_line(text: str, limit: int = MAX_ERROR_CHARS) -> str:
    """`text` on one line of at most `limit` characters (a database error can carry a
    whole statement with its parameters: megabytes for a big feed)."""
    short = " ".join(text[: limit * 2].split())
    return short if len(short) <= limit else short[: limit - 1] + "…"


def storage_reason(exc: BaseException) -> str:
    """What the database said, in one short line ("database is locked"), without the
    statement and parameters SQLAlchemy appends (a 100,000-entry insert: megabytes)."""
    cause = exc.orig if isinstance(exc, StatementError) and exc.orig is not None else exc
    text = str(cause).strip() or type(cause).__name__
    return one_line(text.splitlines()[0] if text else text, 200)


class SourceError(Exception):
    """A feed that cannot be added or removed as asked; the message says why."""


@dataclass(frozen=True)
class FeedState:
    id: int
    url: str
    name: str | None
    interval_minutes: int
    etag: str | None
    last_modified: str | None
    last_success_at: datetime | None
    last_error: str | None
    error_count: int
    entry_count: int = 0
    origin: str = "config"
    last_polled_at: datetime | None = None
    next_poll_at: datetime | None = None
    body_hash: str | None = None

    @property
    def label(self) -> str:
        return self.name or self.url


@dataclass(frozen=True)
class NewEntry:
    id: int
    feed_id: int
    entry: Entry


@dataclass(frozen=True)
class SubscriptionState:
    id: int
    platform: str
    channel: str
    countries: tuple[str, ...]
    digest_time: str | None
    timezone: str | None
    last_error: str | None
    keywords: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    max_stories: int | None = None
    min_relevance: float | None = None
    announce_empty: bool = False
    paused: bool = False  # a platform refused for good (channel gone, token revoked)
    cadence: str = "daily"  # or "weekly": one digest a week, on `weekday`
    weekday: int | None = None  # 0 = Monday; a weekly digest without one goes on Monday

    @property
    def weekly(self) -> bool:
        return self.cadence == "weekly"

    @property
    def digest_weekday(self) -> int | None:
        """The weekly digest's day (0 = Monday, the default); None for a daily digest."""
        if not self.weekly:
            return None
        return self.weekday if self.weekday is not None else 0


@dataclass(frozen=True)
class Delivery:
    id: int
    subscription_id: int
    digest_key: str
    status: str
    story_ids: tuple[int, ...]
    window_start: datetime
    window_end: datetime
    message_ref: str | None = None  # sent: the message refs; before: what was posted so far


def _feed_state(row: FeedRow, entry_count: int = 0) -> FeedState:
    return FeedState(
        id=row.id,
        url=row.url,
        name=row.name,
        interval_minutes=row.interval_minutes,
        etag=row.etag,
        last_modified=row.last_modified,
        last_success_at=row.last_success_at,
        # an error stored by an older version may be megabytes long
        last_error=None if row.last_error is None else one_line(row.last_error),
        error_count=row.error_count,
        entry_count=entry_count,
        origin=row.origin,
        last_polled_at=row.last_polled_at,
        next_poll_at=row.next_poll_at,
        body_hash=row.body_hash,
    )


def _subscription_state(row: SubscriptionRow) -> SubscriptionState:
    return SubscriptionState(
        id=row.id,
        platform=row.platform,
        channel=row.channel,
        countries=tuple(row.countries),
        digest_time=row.digest_time,
        timezone=row.timezone,
        last_error=row.last_error,
        keywords=tuple(row.filters.get("keywords", ())),
        exclude=tuple(row.filters.get("exclude", ())),
        max_stories=row.filters.get("max_stories"),
        min_relevance=row.filters.get("min_relevance"),
        announce_empty=bool(row.filters.get("announce_empty", False)),
        paused=bool(row.filters.get("paused", False)),
        cadence=row.cadence or "daily",
        weekday=row.weekday,
    )


def _delivery(row: DeliveryRow) -> Delivery:
    return Delivery(
        id=row.id,
        subscription_id=row.subscription_id,
        digest_key=row.digest_key,
        status=row.status,
        story_ids=tuple(row.story_ids),
        window_start=row.window_start,
        window_end=row.window_end,
        message_ref=row.message_ref,
    )


def _analysis(row: AnalysisRow) -> Analysis:
    return Analysis(
        relevant=row.relevant,
        relevance=row.relevance,
        countries=tuple(row.countries),
        quotes=tuple(Quote(**q) for q in row.quotes),
        figures=tuple(Figure(**f) for f in row.figures),
        summary=tuple(row.summary),
        reasons=tuple(row.reasons),
        language=row.language or "en",
    )


def _story(
    members: list[tuple[ArticleRow, AnalysisRow]], carried: dict[int, list[tuple[str, str]]]
) -> Story:
    """One story from its articles: the first one's headline, the best analysis, all outlets."""
    first = members[0][0]
    best = max(members, key=lambda pair: pair[1].relevance)[1]
    sources: dict[str, str] = {}
    for article, _ in members:
        for name, url in carried.get(article.id, [(article.source or article.url, article.url)]):
            sources.setdefault(url, name)
    pairs = tuple((name, url) for url, name in sources.items())
    return Story(
        story_id=first.story_id or first.id,
        title=first.title or first.url,
        url=first.url,
        source=first.source or (pairs[0][0] if pairs else None),
        published=first.published_at or first.fetched_at,
        analysis=_analysis(best),
        sources=pairs,
    )
