"""Entry, article and story reads and writes: what was read, and what it told."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import asdict, replace
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased, defer, sessionmaker

from bot.ledger.model import Claim
from bot.models import Analysis, Article, Entry, Story
from bot.store.ledger_store import record_claims, record_lookups
from bot.store.states import NewEntry, _story
from bot.store.tables import AnalysisRow, ArticleRow, EntryRow, FeedRow

# Bind parameters per statement stay under every backend's limit (old SQLite builds: 999;
# modern SQLite: 32,766; PostgreSQL: 65,535), however many entries a feed holds.
KEYS_PER_QUERY = 500  # one parameter each (plus the feed id)
ROWS_PER_INSERT = 100  # eight parameters each

# A search ranks the newest SEARCH_POOL matching articles, not every match: ranking all of
# them costs as much as the words are common ("gpus" is in a fifth of stored articles),
# and news readers want the recent best more than the best of all time.
SEARCH_POOL = 500
# The expression the PostgreSQL full-text index is built on (see the migration).

__all__ = ["ArticlesStore", "SavedArticle"]


def _variant(token: str) -> str:
    """The word's other number, for what the English stemmer leaves alone: it keeps
    "GPUs" (a vowel right before the s) apart from "GPU", and acronyms are most of what
    people search for."""
    lower = token.lower()
    if len(lower) <= 2:
        return lower
    return lower[:-1] if lower.endswith("s") else lower + "s"


def _pg_query(tokens: Sequence[str]) -> tuple[str, dict[str, str]]:
    """A tsquery matching every word (each in either number), its values as parameters."""
    parts, params = [], {}
    for n, token in enumerate(tokens):
        params[f"w{n}"], params[f"v{n}"] = token, _variant(token)
        parts.append(f"(plainto_tsquery('english', :w{n}) || plainto_tsquery('english', :v{n}))")
    return " && ".join(parts), params


class SavedArticle(NamedTuple):
    id: int
    new: bool  # False: an article at that canonical URL was stored already, and is reused


class ArticlesStore:
    """The article half of `Store`: new entries, analysed articles, stories, search."""

    _session: sessionmaker[Session]  # writes: `with self._session.begin()`
    _read: sessionmaker[Session]  # reads: no transaction of their own (see Store)

    def add_entries(
        self, feed_id: int, entries: Sequence[Entry], now: datetime, *, read: bool = False
    ) -> list[NewEntry]:
        """Store the entries not seen before in this feed; return only those.

        `read` marks them read at once (a new feed's first poll only marks what it holds as
        seen). Another process polling the same feed at the same moment may insert some of
        them first; the unique key then refuses ours, and a second look finds them seen.
        """
        try:
            return self._add_entries(feed_id, entries, now, read)
        except IntegrityError:
            return self._add_entries(feed_id, entries, now, read)

    def _add_entries(
        self, feed_id: int, entries: Sequence[Entry], now: datetime, read: bool
    ) -> list[NewEntry]:
        with self._session.begin() as s:
            seen = self._seen_keys(s, feed_id, [e.key for e in entries])
            fresh: list[Entry] = []
            for entry in entries:
                if entry.key not in seen:
                    seen.add(entry.key)
                    fresh.append(entry)
            added: list[NewEntry] = []
            for start in range(0, len(fresh), ROWS_PER_INSERT):
                chunk = fresh[start : start + ROWS_PER_INSERT]
                rows = [_entry_row(feed_id, e, now, read) for e in chunk]
                # one multi-row INSERT … RETURNING per chunk instead of an ORM object per entry
                result = s.execute(
                    insert(EntryRow).returning(
                        EntryRow.id, EntryRow.entry_key, sort_by_parameter_order=True
                    ),
                    rows,
                )
                ids = [row_id for row_id, _ in result]
                added += [NewEntry(i, feed_id, e) for i, e in zip(ids, chunk, strict=True)]
            return added

    @staticmethod
    def _seen_keys(s: Session, feed_id: int, keys: list[str]) -> set[str]:
        """The keys among `keys` this feed already stored, asked in bounded chunks."""
        seen: set[str] = set()
        for start in range(0, len(keys), KEYS_PER_QUERY):
            chunk = keys[start : start + KEYS_PER_QUERY]
            seen.update(
                s.scalars(
                    select(EntryRow.entry_key).where(
                        EntryRow.feed_id == feed_id, EntryRow.entry_key.in_(chunk)
                    )
                )
            )
        return seen

    def unread_entries(self, feed_id: int, limit: int = 200) -> list[NewEntry]:
        """Entries of a feed stored but not read yet, oldest first."""
        with self._read() as s:
            rows = s.scalars(
                select(EntryRow)
                .where(EntryRow.feed_id == feed_id, EntryRow.read_at.is_(None))
                .order_by(EntryRow.id)
                .limit(limit)
            )
            return [
                NewEntry(
                    row.id,
                    feed_id,
                    Entry(row.entry_key, row.url, row.title, row.summary, row.published_at),
                )
                for row in rows
            ]

    def mark_read(self, entry_id: int, now: datetime) -> None:
        """Mark an entry read that has no article to store (no text, or unreadable)."""
        with self._session.begin() as s:
            s.execute(update(EntryRow).where(EntryRow.id == entry_id).values(read_at=now))

    def article_id_for(self, canonical_url: str) -> int | None:
        with self._read() as s:
            return s.scalar(select(ArticleRow.id).where(ArticleRow.canonical_url == canonical_url))

    def link_entry(self, entry_id: int, article_id: int, now: datetime) -> None:
        """Point an entry at an article already stored; that makes it read, in one UPDATE."""
        with self._session.begin() as s:
            s.execute(
                update(EntryRow)
                .where(EntryRow.id == entry_id)
                .values(article_id=article_id, read_at=now)
            )

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
        claims: Sequence[Claim] = (),
    ) -> SavedArticle:
        """Store an article with its analysis and link the entry; an existing URL is reused
        (`new` False: a reader need not look the URL up before, a statement an article).

        The entry becomes read in the same transaction, so a save that fails (database
        locked, disk full) leaves it unread for the next poll: nothing is lost.
        `story_id` joins the article to a story already told by another outlet; without
        it the article starts a story of its own. The article's `claims` go into the
        ledger in the same transaction (their story is the article's), and the lookups
        commands read (its countries, its speakers) are written with it.
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
                record_lookups(
                    s,
                    row.id,
                    row.story_id,
                    analysis,
                    now,
                    (article.title, article.url, article.source),
                    new=True,
                )
                told = [replace(c, story_id=row.story_id) for c in claims]
                record_claims(s, told, row.id, now)
                s.execute(
                    update(EntryRow)
                    .where(EntryRow.id == entry_id)
                    .values(article_id=row.id, read_at=now)
                )
                return SavedArticle(row.id, True)
        except IntegrityError:
            existing = self.article_id_for(article.canonical_url)
            if existing is None:
                raise
            self.link_entry(entry_id, existing, now)
            return SavedArticle(existing, False)

    def recent_fingerprints(
        self, since: datetime, limit: int = 500
    ) -> Iterator[tuple[datetime, int, Any]]:
        """(stored at, story id, stored fingerprint) of the newest articles, newest first.

        Streamed 500 rows at a time: the story index loads up to 20,000 of these (about
        5 kB each once decoded) and keeps only a compact form of each. A server-side
        cursor lives only inside a transaction, so this read takes a transactional
        session, not the autocommit `_read` one."""
        with self._session() as s:
            rows = s.execute(
                select(ArticleRow.fetched_at, ArticleRow.story_id, ArticleRow.fingerprint)
                .where(ArticleRow.fetched_at >= since, ArticleRow.fingerprint.is_not(None))
                .order_by(ArticleRow.fetched_at.desc(), ArticleRow.id.desc())
                .limit(limit)
                .execution_options(yield_per=500)
            )
            for at, story_id, fp in rows:
                if story_id is not None:
                    yield at, story_id, fp

    def last_article_id(self) -> int:
        with self._read() as s:
            return int(s.scalar(select(func.max(ArticleRow.id))) or 0)

    def fingerprints_after(
        self, after_id: int, limit: int = 20_000
    ) -> list[tuple[int, datetime, int, Any]]:
        """(id, stored at, story id, fingerprint) of the articles stored after `after_id`,
        oldest first: what other processes stored since the story index last looked."""
        with self._read() as s:
            a = ArticleRow
            rows = s.execute(
                select(a.id, a.fetched_at, a.story_id, a.fingerprint)
                .where(ArticleRow.id > after_id, ArticleRow.fingerprint.is_not(None))
                .order_by(ArticleRow.id)
                .limit(limit)
            )
            return [(i, at, story, fp) for i, at, story, fp in rows if story is not None]

    def stories(self, start: datetime, end: datetime) -> list[Story]:
        """Stories first reported in [start, end), each with every outlet that carried it.

        A story reported again by another outlet after its window is not a new story,
        so the window applies to a story's first article; later copies add sources.
        Read as "told in the window, and not before it" over the `fetched_at` and
        `story_id` indexes: a story's earliest article is never looked for among all
        the stored ones (that GROUP BY read every article ever stored, each digest).
        """
        earlier = aliased(ArticleRow)
        told_before = (
            select(earlier.id)
            .where(earlier.story_id == ArticleRow.story_id, earlier.fetched_at < start)
            .exists()
        )
        first = (
            select(ArticleRow.story_id)
            .where(ArticleRow.fetched_at >= start, ArticleRow.fetched_at < end, ~told_before)
            .distinct()
        )
        with self._read() as s:
            return self._stories(s, ArticleRow.story_id.in_(first), ArticleRow.fetched_at < end)

    def stories_by_id(self, story_ids: Sequence[int]) -> list[Story]:
        """The stories of these ids (all their articles), in the order asked."""
        with self._read() as s:
            found = {st.story_id: st for st in self._stories(s, ArticleRow.story_id.in_(story_ids))}
        return [found[i] for i in story_ids if i in found]

    def search(self, words: str, limit: int = 10) -> list[Story]:
        """Stories whose articles match all the words, best matches first among the newest
        `SEARCH_POOL` matching articles (full-text index)."""
        tokens = re.findall(r"\w+", words)
        if not tokens:
            return []
        with self._read() as s:
            if s.get_bind().dialect.name == "sqlite":
                query = " ".join('"' + t.replace('"', "") + '"' for t in tokens)
                found = s.execute(
                    text(
                        "SELECT a.story_id FROM (SELECT rowid AS id, bm25(articles_fts) AS score "
                        "FROM articles_fts WHERE articles_fts MATCH :q ORDER BY rowid DESC "
                        "LIMIT :pool) AS m JOIN articles a ON a.id = m.id "
                        "ORDER BY m.score LIMIT :n"
                    ),
                    {"q": query, "n": limit * 5, "pool": SEARCH_POOL},
                )
            else:
                query, params = _pg_query(tokens)
                found = s.execute(
                    text(
                        "SELECT story_id FROM (SELECT story_id, search FROM articles "
                        f"WHERE search @@ ({query}) ORDER BY id DESC LIMIT :pool) AS m "
                        f"ORDER BY ts_rank(m.search, ({query})) DESC LIMIT :n"
                    ),
                    {**params, "n": limit * 5, "pool": SEARCH_POOL},
                )
            ranked = list(dict.fromkeys(story_id for (story_id,) in found if story_id))[:limit]
            stories = {st.story_id: st for st in self._stories(s, ArticleRow.story_id.in_(ranked))}
        return [stories[i] for i in ranked if i in stories]

    def _stories(self, s: Session, *conditions: Any) -> list[Story]:
        rows = s.execute(
            select(ArticleRow, AnalysisRow)
            .options(defer(ArticleRow.text), defer(ArticleRow.fingerprint))  # not shown
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
        for start in range(0, len(ids), KEYS_PER_QUERY):  # a month's window may hold many
            for article_id, feed_name, feed_url, entry_url in s.execute(
                select(EntryRow.article_id, FeedRow.name, FeedRow.url, EntryRow.url)
                .join(FeedRow, FeedRow.id == EntryRow.feed_id)
                .where(EntryRow.article_id.in_(ids[start : start + KEYS_PER_QUERY]))
                .order_by(EntryRow.id)
            ):
                if article_id is not None:
                    carried.setdefault(article_id, []).append(
                        (feed_name or feed_url, entry_url or feed_url)
                    )
        return carried


def _entry_row(feed_id: int, e: Entry, now: datetime, read: bool) -> dict[str, Any]:
    return {
        "feed_id": feed_id,
        "entry_key": e.key,
        "url": e.url,
        "title": e.title,
        "summary": e.summary,
        "published_at": e.published,
        "seen_at": now,
        "read_at": now if read else None,
    }


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
        language=analysis.language,
        analyzer_version=version,
        analyzed_at=now,
    )
