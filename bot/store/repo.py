"""The store: every read and write the bot makes, behind plain-data methods.

Callers hand in and get back domain objects (or small row views); no SQL or session
escapes this module, so the SQLite/PostgreSQL difference stays here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.models import Analysis, Article, Entry, Figure, Quote, Story
from bot.settings import FeedConfig, SubscriptionConfig
from bot.store.tables import (
    AnalysisRow,
    ArticleRow,
    DeliveryRow,
    EntryRow,
    FeedRow,
    SubscriptionRow,
)

# The expression the PostgreSQL full-text index is built on (see the migration).
SEARCH_VECTOR = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"

__all__ = ["Delivery", "FeedState", "NewEntry", "SourceError", "Store", "SubscriptionState"]


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


@dataclass(frozen=True)
class Delivery:
    id: int
    subscription_id: int
    digest_key: str
    status: str
    story_ids: tuple[int, ...]
    window_start: datetime
    window_end: datetime


def _feed_state(row: FeedRow, entry_count: int = 0) -> FeedState:
    return FeedState(
        id=row.id,
        url=row.url,
        name=row.name,
        interval_minutes=row.interval_minutes,
        etag=row.etag,
        last_modified=row.last_modified,
        last_success_at=row.last_success_at,
        last_error=row.last_error,
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
    )


class Store:
    """Reads and writes over one engine; each method is its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._session = sessionmaker(engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    # -- feeds ---------------------------------------------------------------

    def sync_feeds(self, feeds: Iterable[FeedConfig], now: datetime) -> None:
        """Make the config's feeds exist (by URL) with its name and interval.

        Feeds that came from the config and are no longer in it are deactivated, not
        deleted, so their seen items are remembered if they come back.
        """
        wanted = {feed.url: feed for feed in feeds}
        with self._session.begin() as s:
            rows = {row.url: row for row in s.scalars(select(FeedRow))}
            for url, feed in wanted.items():
                row = rows.get(url)
                if row is None:
                    row = FeedRow(url=url, origin="config", error_count=0, created_at=now)
                    s.add(row)
                row.name = feed.name or row.name
                row.interval_minutes = feed.interval
                row.active = True
            for url, row in rows.items():
                if row.origin == "config" and url not in wanted:
                    row.active = False

    def feeds(self) -> list[FeedState]:
        with self._session() as s:
            counts = {
                feed_id: count
                for feed_id, count in s.execute(
                    select(EntryRow.feed_id, func.count(EntryRow.id)).group_by(EntryRow.feed_id)
                )
            }
            rows = s.scalars(select(FeedRow).where(FeedRow.active.is_(True)).order_by(FeedRow.id))
            return [_feed_state(row, counts.get(row.id, 0)) for row in rows]

    def record_poll(
        self,
        feed_id: int,
        now: datetime,
        next_poll_at: datetime,
        *,
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        body_hash: str | None = None,
    ) -> None:
        """Remember how a poll went: validators on success, the error otherwise."""
        values: dict[str, Any] = {"last_polled_at": now, "next_poll_at": next_poll_at}
        if error is None:
            values |= {"last_success_at": now, "last_error": None, "error_count": 0}
            kept = {"etag": etag, "last_modified": last_modified, "body_hash": body_hash}
            values |= {k: v for k, v in kept.items() if v is not None}
        else:
            values |= {"last_error": error, "error_count": FeedRow.error_count + 1}
        with self._session.begin() as s:  # one UPDATE, no read first: once per feed per poll
            s.execute(update(FeedRow).where(FeedRow.id == feed_id).values(**values))

    def add_feed(self, url: str, name: str | None, interval: int, now: datetime) -> FeedState:
        """Add a feed by hand (CLI or chat); an inactive one with the same URL comes back."""
        with self._session.begin() as s:
            row = s.scalar(select(FeedRow).where(FeedRow.url == url))
            if row is not None and row.active:
                raise SourceError(f"already polled as feed #{row.id} ({row.name or row.url})")
            if row is None:
                row = FeedRow(url=url, origin="cli", error_count=0, created_at=now)
                s.add(row)
            row.name = name or row.name
            row.interval_minutes = interval
            row.active = True
            s.flush()
            return _feed_state(row)

    def remove_feed(self, key: str, config_path: str) -> FeedState:
        """Stop polling a feed given by id or URL; feeds from the config are removed there."""
        with self._session.begin() as s:
            query = select(FeedRow).where(FeedRow.active.is_(True))
            row = s.scalar(
                query.where(FeedRow.id == int(key))
                if key.isdigit()
                else query.where(FeedRow.url == key)
            )
            if row is None:
                raise SourceError(f"no feed {key!r} (see `sovai sources list`)")
            if row.origin == "config":
                raise SourceError(f"feed #{row.id} comes from {config_path}: remove it there")
            row.active = False
            return _feed_state(row)

    # -- entries and articles ------------------------------------------------

    def add_entries(self, feed_id: int, entries: Sequence[Entry], now: datetime) -> list[NewEntry]:
        """Store the entries not seen before in this feed; return only those."""
        keys = [e.key for e in entries]
        with self._session.begin() as s:
            seen = set(
                s.scalars(
                    select(EntryRow.entry_key).where(
                        EntryRow.feed_id == feed_id, EntryRow.entry_key.in_(keys)
                    )
                )
            )
            fresh: list[Entry] = []
            for entry in entries:
                if entry.key not in seen:
                    seen.add(entry.key)
                    fresh.append(entry)
            if not fresh:
                return []
            rows = [
                {
                    "feed_id": feed_id,
                    "entry_key": e.key,
                    "url": e.url,
                    "title": e.title,
                    "summary": e.summary,
                    "published_at": e.published,
                    "seen_at": now,
                }
                for e in fresh
            ]
            # one multi-row INSERT … RETURNING instead of an ORM object per entry
            result = s.execute(
                insert(EntryRow).returning(
                    EntryRow.id, EntryRow.entry_key, sort_by_parameter_order=True
                ),
                rows,
            )
            ids = [row_id for row_id, _ in result]
            return [NewEntry(row_id, feed_id, e) for row_id, e in zip(ids, fresh, strict=True)]

    def article_id_for(self, canonical_url: str) -> int | None:
        with self._session() as s:
            return s.scalar(select(ArticleRow.id).where(ArticleRow.canonical_url == canonical_url))

    def link_entry(self, entry_id: int, article_id: int) -> None:
        with self._session.begin() as s:
            s.execute(update(EntryRow).where(EntryRow.id == entry_id).values(article_id=article_id))

    def save_article(
        self,
        entry_id: int,
        article: Article,
        analysis: Analysis,
        version: str,
        now: datetime,
        *,
        story_id: int | None = None,
        fingerprint: dict[str, Any] | None = None,
    ) -> int:
        """Store an article with its analysis and link the entry; an existing URL is reused.

        `story_id` joins the article to a story already told by another outlet; without
        it the article starts a story of its own.
        """
        try:
            with self._session.begin() as s:
                row = ArticleRow(
                    canonical_url=article.canonical_url,
                    url=article.url,
                    title=article.title,
                    text=article.text,
                    source=article.source,
                    author=article.author,
                    language=article.language,
                    published_at=article.published,
                    from_feed=article.from_feed,
                    fetched_at=now,
                    fingerprint=fingerprint,
                )
                s.add(row)
                s.flush()
                row.story_id = story_id or row.id
                s.add(_analysis_row(row.id, analysis, version, now))
                s.execute(update(EntryRow).where(EntryRow.id == entry_id).values(article_id=row.id))
                return row.id
        except IntegrityError:
            existing = self.article_id_for(article.canonical_url)
            if existing is None:
                raise
            self.link_entry(entry_id, existing)
            return existing

    def recent_fingerprints(
        self, since: datetime, limit: int = 500
    ) -> list[tuple[datetime, int, Any]]:
        """(stored at, story id, stored fingerprint) of the newest articles, newest first."""
        with self._session() as s:
            rows = s.execute(
                select(ArticleRow.fetched_at, ArticleRow.story_id, ArticleRow.fingerprint)
                .where(ArticleRow.fetched_at >= since, ArticleRow.fingerprint.is_not(None))
                .order_by(ArticleRow.fetched_at.desc(), ArticleRow.id.desc())
                .limit(limit)
            )
            return [(at, story_id, fp) for at, story_id, fp in rows if story_id is not None]

    def stories(self, start: datetime, end: datetime) -> list[Story]:
        """Stories first reported in [start, end), each with every outlet that carried it.

        A story reported again by another outlet after its window is not a new story,
        so the window applies to a story's first article; later copies add sources.
        """
        first = (
            select(ArticleRow.story_id)
            .group_by(ArticleRow.story_id)
            .having(func.min(ArticleRow.fetched_at) >= start)
            .having(func.min(ArticleRow.fetched_at) < end)
        )
        with self._session() as s:
            return self._stories(s, ArticleRow.story_id.in_(first), ArticleRow.fetched_at < end)

    def search(self, words: str, limit: int = 10) -> list[Story]:
        """Stories whose articles match all the words, best matches first (full-text index)."""
        tokens = re.findall(r"\w+", words)
        if not tokens:
            return []
        with self._session() as s:
            if s.get_bind().dialect.name == "sqlite":
                query = " ".join('"' + t.replace('"', "") + '"' for t in tokens)
                found = s.execute(
                    text(
                        "SELECT a.story_id FROM articles_fts "
                        "JOIN articles a ON a.id = articles_fts.rowid "
                        "WHERE articles_fts MATCH :q ORDER BY bm25(articles_fts) LIMIT :n"
                    ),
                    {"q": query, "n": limit * 5},
                )
            else:
                found = s.execute(
                    text(
                        f"SELECT story_id FROM articles WHERE {SEARCH_VECTOR} @@ "
                        f"plainto_tsquery('simple', :q) ORDER BY ts_rank({SEARCH_VECTOR}, "
                        "plainto_tsquery('simple', :q)) DESC LIMIT :n"
                    ),
                    {"q": " ".join(tokens), "n": limit * 5},
                )
            ranked = list(dict.fromkeys(story_id for (story_id,) in found if story_id))[:limit]
            stories = {st.story_id: st for st in self._stories(s, ArticleRow.story_id.in_(ranked))}
        return [stories[i] for i in ranked if i in stories]

    def _stories(self, s: Session, *conditions: Any) -> list[Story]:
        rows = s.execute(
            select(ArticleRow, AnalysisRow)
            .join(AnalysisRow, AnalysisRow.article_id == ArticleRow.id)
            .where(*conditions)
            .order_by(ArticleRow.fetched_at, ArticleRow.id)
        )
        pairs = [(article, analysis) for article, analysis in rows]
        carried = self._carriers(s, [article.id for article, _ in pairs])
        groups: dict[int, list[tuple[ArticleRow, AnalysisRow]]] = {}
        for article, analysis in pairs:
            groups.setdefault(article.story_id or article.id, []).append((article, analysis))
        return [_story(members, carried) for members in groups.values()]

    @staticmethod
    def _carriers(s: Session, ids: list[int]) -> dict[int, list[tuple[str, str]]]:
        carried: dict[int, list[tuple[str, str]]] = {}
        for article_id, feed_name, feed_url, entry_url in s.execute(
            select(EntryRow.article_id, FeedRow.name, FeedRow.url, EntryRow.url)
            .join(FeedRow, FeedRow.id == EntryRow.feed_id)
            .where(EntryRow.article_id.in_(ids))
            .order_by(EntryRow.id)
        ):
            if article_id is not None:
                carried.setdefault(article_id, []).append(
                    (feed_name or feed_url, entry_url or feed_url)
                )
        return carried

    # -- subscriptions and deliveries ----------------------------------------

    def sync_subscriptions(self, subs: Iterable[SubscriptionConfig], now: datetime) -> None:
        """Make the config's subscriptions exist (by platform and channel), filters updated.

        Subscriptions that came from the config and are no longer in it stop receiving
        digests (kept inactive, with their delivery history).
        """
        wanted: dict[tuple[str, str], SubscriptionConfig] = {
            (sub.platform, sub.channel): sub for sub in subs
        }
        with self._session.begin() as s:
            rows = {(row.platform, row.channel): row for row in s.scalars(select(SubscriptionRow))}
            for key, sub in wanted.items():
                row = rows.get(key)
                if row is None:
                    row = SubscriptionRow(
                        platform=sub.platform, channel=sub.channel, origin="config", created_at=now
                    )
                    s.add(row)
                row.countries = list(sub.countries)
                row.digest_time = sub.time
                row.timezone = sub.timezone
                paused = bool((row.filters or {}).get("paused", False))
                row.filters = {
                    "paused": paused,  # kept: resumed by /ai-subscribe or `subscriptions resume`
                    "keywords": list(sub.keywords),
                    "exclude": list(sub.exclude),
                    "max_stories": sub.max_stories,
                    "min_relevance": sub.min_relevance,
                    "announce_empty": sub.announce_empty,
                }
                row.active = True
            for key, row in rows.items():
                if row.origin == "config" and key not in wanted:
                    row.active = False

    def subscribe(
        self,
        platform: str,
        channel: str,
        now: datetime,
        *,
        countries: Sequence[str] = (),
        time: str | None = None,
        timezone: str | None = None,
    ) -> SubscriptionState:
        """Subscribe a channel from chat, or change its countries and time."""
        with self._session.begin() as s:
            row = s.scalar(
                select(SubscriptionRow).where(
                    SubscriptionRow.platform == platform, SubscriptionRow.channel == channel
                )
            )
            if row is None:
                row = SubscriptionRow(
                    platform=platform, channel=channel, origin="chat", filters={}, created_at=now
                )
                s.add(row)
            row.countries = list(countries)
            row.digest_time = time or row.digest_time
            row.timezone = timezone or row.timezone
            row.filters = {k: v for k, v in (row.filters or {}).items() if k != "paused"}
            row.last_error = None
            row.active = True
            s.flush()
            return _subscription_state(row)

    def unsubscribe(self, platform: str, channel: str) -> bool:
        """Stop a channel's digests; False when it was not subscribed."""
        with self._session.begin() as s:
            row = s.scalar(
                select(SubscriptionRow).where(
                    SubscriptionRow.platform == platform,
                    SubscriptionRow.channel == channel,
                    SubscriptionRow.active.is_(True),
                )
            )
            if row is None:
                return False
            row.active = False
            return True

    def subscription_for(self, platform: str, channel: str) -> SubscriptionState | None:
        return next(
            (s for s in self.subscriptions() if s.platform == platform and s.channel == channel),
            None,
        )

    def subscriptions(self) -> list[SubscriptionState]:
        with self._session() as s:
            rows = s.scalars(
                select(SubscriptionRow)
                .where(SubscriptionRow.active.is_(True))
                .order_by(SubscriptionRow.id)
            )
            return [_subscription_state(row) for row in rows]

    def set_subscription_error(self, subscription_id: int, error: str | None) -> None:
        with self._session.begin() as s:
            s.get_one(SubscriptionRow, subscription_id).last_error = error

    def resume_subscription(self, subscription_id: int) -> bool:
        """Send to a paused channel again (its problem fixed); False if there is no such one."""
        with self._session.begin() as s:
            row = s.get(SubscriptionRow, subscription_id)
            if row is None or not row.active:
                return False
            row.filters = {**row.filters, "paused": False}
            row.last_error = None
            return True

    def pause_subscription(self, subscription_id: int, reason: str) -> None:
        """Stop sending to a channel the platform refuses for good, keeping the reason;
        `/ai-subscribe` or `sovai subscriptions resume ID` resumes it."""
        with self._session.begin() as s:
            row = s.get_one(SubscriptionRow, subscription_id)
            row.filters = {**row.filters, "paused": True}
            row.last_error = reason

    def last_window_end(self, subscription_id: int) -> datetime | None:
        """Where the channel's previous digest stopped, so the next one starts there."""
        with self._session() as s:
            return s.scalar(
                select(DeliveryRow.window_end)
                .where(DeliveryRow.subscription_id == subscription_id)
                .order_by(DeliveryRow.window_end.desc())
                .limit(1)
            )

    def open_delivery(
        self,
        subscription_id: int,
        digest_key: str,
        window: tuple[datetime, datetime],
        story_ids: Sequence[int],
        now: datetime,
    ) -> Delivery:
        """The outbox row for this digest (created once; an existing one is returned)."""
        try:
            with self._session.begin() as s:
                row = DeliveryRow(
                    subscription_id=subscription_id,
                    digest_key=digest_key,
                    window_start=window[0],
                    window_end=window[1],
                    story_ids=list(story_ids),
                    status="pending",
                    attempts=0,
                    created_at=now,
                )
                s.add(row)
                s.flush()
                return _delivery(row)
        except IntegrityError:
            with self._session() as s:
                existing = s.scalar(
                    select(DeliveryRow).where(
                        DeliveryRow.subscription_id == subscription_id,
                        DeliveryRow.digest_key == digest_key,
                    )
                )
                if existing is None:
                    raise
                return _delivery(existing)

    def mark_delivery(
        self,
        delivery_id: int,
        status: str,
        now: datetime,
        *,
        message_ref: str | None = None,
        error: str | None = None,
    ) -> None:
        with self._session.begin() as s:
            row = s.get_one(DeliveryRow, delivery_id)
            row.status = status
            row.error = error
            if status == "sending":
                row.attempts += 1
            if status == "sent":
                row.sent_at = now
                row.message_ref = message_ref

    def unsent_deliveries(self) -> list[Delivery]:
        with self._session() as s:
            rows = s.scalars(
                select(DeliveryRow)
                .where(DeliveryRow.status.in_(("pending", "sending")))
                .order_by(DeliveryRow.id)
            )
            return [_delivery(row) for row in rows]


def _analysis_row(article_id: int, analysis: Analysis, version: str, now: datetime) -> AnalysisRow:
    return AnalysisRow(
        article_id=article_id,
        relevant=analysis.relevant,
        relevance=analysis.relevance,
        countries=list(analysis.countries),
        quotes=[asdict(q) for q in analysis.quotes],
        figures=[asdict(f) for f in analysis.figures],
        summary=list(analysis.summary),
        reasons=list(analysis.reasons),
        analyzer_version=version,
        analyzed_at=now,
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
