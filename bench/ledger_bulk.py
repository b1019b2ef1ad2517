"""A fast way to store the ledger benchmark's generated articles: the same rows as the real
path (`ledger_data.fill`), written with SQLAlchemy core in large batches (benchmark only).

Saving one article through `Store.save_article` costs about 14 ms on SQLite at 10,000
stored articles (ORM objects, a dozen statements, one commit each), and more as the ledger
grows (each claim loads every current announcement of its country and kind), so 100,000
articles take far longer than the 15 minutes the benchmark allows itself. This writer makes
the same decisions with the same code (`claims_in`, `bot.ledger.match.decide`), mirrors
what `bot/store/ledger_store.py` then writes (a new record, a source joined, a revision
superseding, a conflict group recounted, an earlier report), and inserts every row with
the ids the real path would have given it. `python bench/ledger.py --verify-bulk 10000`
checks that both paths leave identical tables.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, Table, bindparam, insert, text, update
from sqlalchemy.orm import Session

from bench.ledger_data import ANALYZER, CHUNK, DAYS, FEEDS, GenArticle, generate
from bot.articles.similarity import fingerprint
from bot.ledger.claims import article_ref, claims_in
from bot.ledger.match import LOOKBACK_DAYS, decide
from bot.ledger.model import Claim, Known, Outcome
from bot.ledger.programmes import normalise
from bot.settings import FeedConfig
from bot.store.ledger_rollup import rebuild_rollups
from bot.store.ledger_tables import (
    AnnouncementRow,
    AnnouncementSourceRow,
    ArticleCountryRow,
    SpeakerQuoteRow,
)
from bot.store.repo import Store
from bot.store.tables import AnalysisRow, ArticleRow, EntryRow

__all__ = ["bulk_fill"]


@dataclass
class _Record:
    """An announcement row as `ledger_store._apply` leaves it."""

    row: dict[str, Any]
    urls: set[str] = field(default_factory=set)
    known: Known | None = None  # as matching sees it; dropped whenever the row changes


class _Ledger:
    """The announcements in memory, with the lookups `_candidates` and `_recount` make."""

    def __init__(self) -> None:
        self.records: list[_Record] = []  # id = position + 1
        self.current: dict[tuple[str, str], list[int]] = {}
        self.groups: dict[int, list[int]] = {}
        self.sources: list[dict[str, Any]] = []

    def _get(self, ident: int) -> dict[str, Any]:
        return self.records[ident - 1].row

    def _candidates(self, claim: Claim) -> list[Known]:
        since = claim.reported_at - timedelta(days=LOOKBACK_DAYS)
        out = []
        # the order SQLite reads them in (ix_announcements_counted: counted, then rowid);
        # `decide` keeps the first of equally good candidates
        held = self.current.get((claim.country, claim.kind), [])
        for ident in sorted(held, key=lambda i: (self.records[i - 1].row["counted"], i)):
            rec = self.records[ident - 1]
            row = rec.row
            if not row["current"] or row["last_reported"] < since:
                continue
            known = rec.known or _known(ident, row)
            rec.known = known
            out.append(
                replace(known, urls=frozenset({claim.url})) if claim.url in rec.urls else known
            )
        return out

    def _add_source(self, ident: int, claim: Claim, article_id: int) -> None:
        rec = self.records[ident - 1]
        if claim.url in rec.urls:
            return
        rec.urls.add(claim.url)
        self.sources.append(
            {
                "id": len(self.sources) + 1,
                "announcement_id": ident,
                "article_id": article_id,
                "source": claim.source,
                "url": claim.url,
                "title": claim.title,
                "figure_text": claim.figure_text,
                "reported_at": claim.reported_at,
            }
        )
        row = rec.row
        rec.known = None
        row["source_count"] += 1
        row["last_reported"] = max(row["last_reported"], claim.reported_at)
        row["first_reported"] = min(row["first_reported"], claim.reported_at)
        if row["quote_text"] is None and claim.quote_text:
            row["quote_text"], row["quote_speaker"] = claim.quote_text, claim.quote_speaker
        if row["actor"] is None and claim.actor:
            row["actor"] = claim.actor

    def _recount(self, group: int) -> None:
        members = [i for i in self.groups.get(group, []) if self._get(i)["current"]]
        members.sort(key=lambda i: (-self._get(i)["source_count"], i))
        for position, ident in enumerate(members):
            self._get(ident)["counted"] = position == 0

    def _set_group(self, ident: int, group: int) -> None:
        self._get(ident)["conflict_group"] = group
        members = self.groups.setdefault(group, [])
        if ident not in members:
            members.append(ident)

    def _supersede(self, known: int) -> None:
        group = self._get(known)["conflict_group"]
        for ident in self.groups.get(group, []) if group is not None else [known]:
            self._get(ident).update(current=False, counted=False)

    def apply(self, claim: Claim, article_id: int) -> None:
        """`ledger_store._apply`, on the records in memory."""
        decision = decide(claim, self._candidates(claim))
        known = decision.known.id if decision.known else None
        if decision.outcome is Outcome.SAME and known is not None:
            self._add_source(known, claim, article_id)
            if (group := self._get(known)["conflict_group"]) is not None:
                self._recount(group)
            return
        ident = len(self.records) + 1
        row = _new_row(ident, claim)
        if known is not None and decision.outcome is Outcome.REVISION:
            row["revises_id"] = known
            self._supersede(known)
        self.records.append(_Record(row))
        self.current.setdefault((claim.country, claim.kind), []).append(ident)
        if known is not None and decision.outcome is Outcome.CONFLICT:
            group = self._get(known)["conflict_group"] or known
            self._set_group(known, group)
            self._set_group(ident, group)
        elif known is not None and decision.outcome is Outcome.EARLIER:
            row["current"] = row["counted"] = False
            if self._get(known)["revises_id"] is None:
                self._get(known)["revises_id"] = ident
        self._add_source(ident, claim, article_id)
        if row["conflict_group"] is not None:
            self._recount(row["conflict_group"])

    def prune(self) -> None:
        """Drop ids no longer current from the candidate lists (their rows stay)."""
        for key, ids in self.current.items():
            self.current[key] = [i for i in ids if self._get(i)["current"]]


def _known(ident: int, row: dict[str, Any]) -> Known:
    return Known(
        id=ident,
        country=row["country"],
        kind=row["kind"],
        key=row["programme_key"],
        value=row["value"],
        unit=row["unit"],
        usd=row["usd"],
        first_reported=row["first_reported"],
        last_reported=row["last_reported"],
        story_id=row["story_id"],
        distinct=normalise(row["programme"])[1] if row["programme_key"] else frozenset(),
    )


def _new_row(ident: int, claim: Claim) -> dict[str, Any]:
    return {
        "id": ident,
        "country": claim.country,
        "kind": claim.kind,
        "programme": claim.programme,
        "programme_key": claim.key,
        "actor": claim.actor,
        "value": claim.value,
        "unit": claim.unit,
        "usd": claim.usd,
        "rate_date": claim.rate_date,
        "figure_text": claim.figure_text,
        "quote_text": claim.quote_text,
        "quote_speaker": claim.quote_speaker,
        "first_reported": claim.reported_at,
        "last_reported": claim.reported_at,
        "story_id": claim.story_id,
        "revises_id": None,
        "current": True,
        "conflict_group": None,
        "counted": True,
        "source_count": 0,
    }


@dataclass
class _Rows:
    """One chunk's rows, table by table, in the order the real path inserts them."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    analyses: list[dict[str, Any]] = field(default_factory=list)
    countries: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)


class _Writer:
    def __init__(self, engine: Engine, feed_ids: dict[int, int]) -> None:
        self.engine = engine
        self.feed_ids = feed_ids
        self.ledger = _Ledger()
        self.story_of: dict[int, int] = {}
        self.next = {"entry": 1, "article": 1, "quote": 1}

    def chunk(self, batch: list[GenArticle]) -> None:
        rows = _Rows()
        entry_of = self._entries(batch, rows)
        for item in batch:
            self._article(item, entry_of[item.index], rows)
        with self.engine.begin() as conn:
            for table, values in (
                (ArticleRow, rows.articles),
                (AnalysisRow, rows.analyses),
                (ArticleCountryRow, rows.countries),
                (SpeakerQuoteRow, rows.quotes),
                (EntryRow, rows.entries),
            ):
                if values:
                    conn.execute(insert(table), values)
        horizon = batch[-1].index - 3 * CHUNK * 10
        for old in [k for k in self.story_of if k < horizon]:
            del self.story_of[old]
        self.ledger.prune()

    def _entries(self, batch: list[GenArticle], rows: _Rows) -> dict[int, dict[str, Any]]:
        """Entries as `fill` adds them: per 500 articles, feed by feed (first seen first)."""
        entry_of: dict[int, dict[str, Any]] = {}
        for start in range(0, len(batch), CHUNK):
            by_feed: dict[int, list[GenArticle]] = {}
            for item in batch[start : start + CHUNK]:
                by_feed.setdefault(item.feed, []).append(item)
            for feed, items in by_feed.items():
                for item in items:
                    a = item.article
                    entry_of[item.index] = {
                        "id": self.next["entry"],
                        "feed_id": self.feed_ids[feed],
                        "entry_key": f"gen-{item.index}",
                        "url": a.url,
                        "title": a.title,
                        "summary": None,
                        "published_at": a.published,
                        "seen_at": items[0].fetched,
                        "read_at": item.fetched,
                        "article_id": None,  # set when its article is made
                    }
                    rows.entries.append(entry_of[item.index])
                    self.next["entry"] += 1
        return entry_of

    def _article(self, item: GenArticle, entry: dict[str, Any], rows: _Rows) -> None:
        a, analysis, now = item.article, item.analysis, item.fetched
        ident = self.next["article"]
        self.next["article"] += 1
        joined = self.story_of.get(item.joins) if item.joins is not None else None
        story = joined or ident
        fp = fingerprint(a.title, a.text)
        rows.articles.append(
            {
                "id": ident,
                "canonical_url": a.canonical_url,
                "url": a.url,
                "title": a.title,
                "text": a.text,
                "source": a.source,
                "author": a.author,
                "language": a.language,
                "published_at": a.published,
                "from_feed": a.from_feed,
                "fetched_at": now,
                "story_id": story,
                "fingerprint": dict(fp.to_json()),
            }
        )
        rows.analyses.append(
            {
                "id": ident,
                "article_id": ident,
                "relevant": analysis.relevant,
                "relevance": analysis.relevance,
                "countries": list(analysis.countries),
                "quotes": [asdict(q) for q in analysis.quotes],
                "figures": [asdict(f) for f in analysis.figures],
                "summary": list(analysis.summary),
                "reasons": list(analysis.reasons),
                "language": analysis.language,
                "analyzer_version": ANALYZER,
                "analyzed_at": now,
            }
        )
        self._lookups(ident, story, item, rows)
        claims = claims_in(a.text, analysis, article_ref(a, now))
        for claim in claims:
            self.ledger.apply(replace(claim, story_id=story), ident)
        entry["article_id"] = ident
        if item.joins is None and analysis.relevant:
            self.story_of[item.index] = story

    def _lookups(self, ident: int, story: int, item: GenArticle, rows: _Rows) -> None:
        analysis, a = item.analysis, item.article
        for rank, code in enumerate(dict.fromkeys(analysis.countries)):
            rows.countries.append(
                {
                    "article_id": ident,
                    "country": code,
                    "story_id": story,
                    "relevant": analysis.relevant,
                    "fetched_at": item.fetched,
                    "rank": rank,
                }
            )
        if not analysis.relevant:
            return
        main = analysis.countries[0] if analysis.countries else None
        for quote in analysis.quotes:
            if not quote.speaker or not quote.speaker.strip():
                continue
            name = " ".join(quote.speaker.split())
            latin = " ".join((quote.speaker_latin or "").split())
            rows.quotes.append(
                {
                    "id": self.next["quote"],
                    "article_id": ident,
                    "story_id": story,
                    "speaker": name,
                    "speaker_key": name.casefold()[:256],
                    "surname_key": (latin or name).rsplit(" ", 1)[-1].casefold()[:128],
                    "speaker_latin": quote.speaker_latin,
                    "role": quote.role,
                    "country": main,
                    "text": quote.text,
                    "key": quote.key,
                    "title": a.title,
                    "url": a.url,
                    "source": a.source,
                    "reported_at": item.fetched,
                }
            )
            self.next["quote"] += 1

    def finish(self) -> None:
        """The ledger's rows, then the links between them, then PostgreSQL's sequences."""
        records = [rec.row for rec in self.ledger.records]
        revises = [
            {"rid": r["id"], "rev": r["revises_id"]} for r in records if r["revises_id"] is not None
        ]
        with self.engine.begin() as conn:
            for start in range(0, len(records), 5000):
                part = [dict(r, revises_id=None) for r in records[start : start + 5000]]
                conn.execute(insert(AnnouncementRow), part)
            for start in range(0, len(self.ledger.sources), 5000):
                conn.execute(
                    insert(AnnouncementSourceRow), self.ledger.sources[start : start + 5000]
                )
            if revises:
                table = AnnouncementRow.__table__
                assert isinstance(table, Table)
                conn.execute(
                    update(table)
                    .where(table.c.id == bindparam("rid"))
                    .values(revises_id=bindparam("rev")),
                    revises,
                )
        with Session(self.engine) as s, s.begin():
            rebuild_rollups(s)  # the store keeps them per write; a bulk fill once at the end
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                for name in _SERIAL_TABLES:
                    conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                            f"coalesce((SELECT max(id) FROM {name}), 1))"
                        )
                    )


_SERIAL_TABLES = (
    "entries", "articles", "analyses", "announcements", "announcement_sources",
    "speaker_quotes",
)  # fmt: skip


def bulk_fill(store: Store, n: int, seed: int, end: datetime, progress: bool = True) -> float:
    """Store `generate(n, seed, end)` as `ledger_data.fill` would; returns the seconds taken."""
    began = time.perf_counter()
    store.sync_feeds(
        [
            FeedConfig(url=f"https://outlet{i}.example/feed.xml", name=f"Outlet {i}")
            for i in range(FEEDS)
        ],
        end - timedelta(days=DAYS),
    )
    feed_ids = {int(f.url.split("outlet")[1].split(".")[0]): f.id for f in store.feeds()}
    writer = _Writer(store.engine, feed_ids)
    for batch in _batches(generate(n, seed, end), CHUNK * 10):
        writer.chunk(batch)
        if progress and (batch[-1].index + 1) % 10_000 < CHUNK * 10:
            rate = (batch[-1].index + 1) / (time.perf_counter() - began)
            print(f"  {batch[-1].index + 1:,} articles generated, {rate:.0f}/s", flush=True)
    writer.finish()
    return time.perf_counter() - began


def _batches(items: Iterable[GenArticle], size: int) -> Iterable[list[GenArticle]]:
    batch: list[GenArticle] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
