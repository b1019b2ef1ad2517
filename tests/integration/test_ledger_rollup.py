"""The per-day rollups stay equal to the rows they sum, whatever the ledger goes through:
revisions, conflicts, earlier sources, articles read again, a prune, two writers at once;
and a briefing read from them (whole days rolled up, the partial days at each end read
raw) says what the rows say, for windows that start and end at any time of day."""

from __future__ import annotations

import math
import random
import threading
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from bot.ledger.claims import ArticleRef, claims_in
from bot.models import Analysis, Article, Entry, Figure, Quote
from bot.retention import prune
from bot.settings import FeedConfig
from bot.store.db import make_engine, upgrade
from bot.store.ledger_rollup import rebuild_rollups
from bot.store.repo import Store
from bot.store.rollup_tables import LedgerDayRow, SpeakerDayRow

T0 = datetime(2026, 5, 4, 0, 0, tzinfo=UTC)
FEED = FeedConfig(url="https://wire.example/feed.xml", name="Wire")
YEN, WON = 1 / 150, 1 / 1350

# invented stories: a programme, its amounts as outlets report them, and who says so
FUND = "Japan will put ¥{n} trillion into its sovereign AI compute fund, the cabinet said."
CLUSTER = "The new Hokuriku AI cluster will hold {n},000 GPUs when it opens, officials said."
KOREA = "Korea will spend ₩{n} trillion on its national AI computing centre, a minister said."
SPEAKERS = ("Haruka Mori", "Kenji Sato", "Aiko Tanaka", "Min-jun Park", "Ji-woo Kim")


def _figure(template: str, n: int) -> tuple[Figure, tuple[str, ...]]:
    if template is FUND:
        return Figure(f"¥{n} trillion", "money", n * 1e12, "JPY", usd=n * 1e12 * YEN, key=True), (
            "JP",
        )
    if template is KOREA:
        return Figure(f"₩{n} trillion", "money", n * 1e12, "KRW", usd=n * 1e12 * WON, key=True), (
            "KR",
        )
    return Figure(f"{n},000 GPUs", "count", n * 1000.0, "GPU", key=True), ("JP",)


class Writer:
    """Saves invented articles through the store, as a poll does, and remembers the quotes."""

    def __init__(self, store: Store, prefix: str = "") -> None:
        self.store, self.prefix, self.count = store, prefix, 0
        self.quotes: list[tuple[str, str, datetime]] = []  # country, speaker, when
        store.sync_feeds([FEED], T0)
        self.feed = store.feeds()[0].id

    def save(self, template: str, n: int, when: datetime, speakers: tuple[str, ...]) -> int:
        self.count += 1
        key = f"{self.prefix}{self.count}"
        url = f"https://news{key}.example/story"
        figure, countries = _figure(template, n)
        said = tuple(Quote(f"Words {key}-{i}", name, key=True) for i, name in enumerate(speakers))
        analysis = Analysis(
            relevant=True, relevance=0.9, countries=countries, quotes=said, figures=(figure,)
        )
        text = template.format(n=n)
        entry = self.store.add_entries(self.feed, [Entry(key=key, url=url, title=key)], when)[0]
        article = Article(url=url, canonical_url=url, title=key, text=text, source=f"Outlet {n}")
        claims = claims_in(text, analysis, ArticleRef(0, url, when, f"Outlet {n}", key))
        self.quotes += [(countries[0], name, when) for name in speakers]
        return self.store.save_article(entry.id, article, analysis, "t", when, claims=claims).id

    def random_news(self, rng: random.Random, articles: int, days: int) -> None:
        for _ in range(articles):
            template = rng.choice((FUND, FUND, CLUSTER, KOREA))
            n = rng.choice((1, 1, 2, 3)) if template is not CLUSTER else rng.choice((8, 12))
            when = T0 + timedelta(days=rng.uniform(0, days))
            speakers = tuple(rng.sample(SPEAKERS, rng.randint(0, 2)))
            self.save(template, n, when, speakers)


def _rows(store: Store) -> tuple[dict[Any, tuple[Any, ...]], dict[Any, tuple[Any, ...]]]:
    with Session(store.engine) as s:
        ledger = {
            (r.country, r.day, r.kind): (r.amount, r.announcements, r.conflicts, r.revisions)
            for r in s.scalars(select(LedgerDayRow))
        }
        speakers = {
            (r.country, r.day, r.speaker_key): (r.quotes, r.last_reported)
            for r in s.scalars(select(SpeakerDayRow))
        }
    return ledger, speakers


def assert_rollups_match_their_rows(store: Store) -> None:
    kept = _rows(store)
    with Session(store.engine) as s, s.begin():
        rebuild_rollups(s)
    rebuilt = _rows(store)
    assert kept[1] == rebuilt[1]
    assert kept[0].keys() == rebuilt[0].keys()
    for key, (amount, *counts) in kept[0].items():
        assert math.isclose(amount, rebuilt[0][key][0], rel_tol=1e-12), key
        assert counts == list(rebuilt[0][key][1:]), key


def expected_totals(store: Store, country: str, start: datetime, end: datetime) -> dict[str, Any]:
    """A country's totals over [start, end), added up here from its exported records."""
    counted = [
        a
        for a in store.announcements(country, None)
        if a.counted and start <= a.first_reported < end
    ]
    return {
        "usd": math.fsum(a.usd or 0.0 for a in counted if a.kind == "money"),
        "gpus": math.fsum(a.value for a in counted if a.kind == "gpus"),
        "announcements": len(counted),
        "conflicts": sum(a.conflict_group is not None for a in counted),
        "revisions": sum(a.revises is not None for a in counted),
        "days": sorted({a.first_reported.date() for a in counted if a.kind in ("money", "gpus")}),
    }


def expected_speakers(
    quotes: list[tuple[str, str, datetime]], country: str, start: datetime, end: datetime
) -> list[tuple[str, int]]:
    inside = [(name, when) for c, name, when in quotes if c == country and start <= when < end]
    counts = Counter(name for name, _ in inside)
    latest = {name: max(w for n, w in inside if n == name) for name in counts}
    return sorted(
        counts.items(), key=lambda kv: (-kv[1], -latest[kv[0]].timestamp(), kv[0].casefold())
    )


def assert_briefing_matches(
    store: Store, writer: Writer, country: str, start: datetime, end: datetime
) -> None:
    facts = store.country_facts(country, start, end)
    want = expected_totals(store, country, start, end)
    assert math.isclose(facts.totals.usd, want["usd"], rel_tol=1e-12, abs_tol=1e-6)
    assert facts.totals.gpus == want["gpus"]
    assert facts.totals.announcements == want["announcements"]
    assert facts.totals.conflicts == want["conflicts"]
    assert facts.totals.revisions == want["revisions"]
    assert [day for day, *_ in facts.chart] == want["days"]
    assert math.isclose(sum(usd for _, usd, _ in facts.chart), want["usd"], rel_tol=1e-12)
    ranked = expected_speakers(writer.quotes, country, start, end)[: len(facts.speakers)]
    assert [(p.name, p.quotes_count) for p in facts.speakers] == ranked
    compared = store.country_facts(country, start, end, detail=False)
    assert compared.totals == facts.totals


def test_random_news_keeps_the_rollups_equal_to_their_rows(store: Store) -> None:
    writer = Writer(store)
    writer.random_news(random.Random(7), articles=70, days=12)
    assert_rollups_match_their_rows(store)
    exported = store.announcements(None, None)
    assert any(a.revises is not None for a in exported)  # the news held revisions,
    assert any(a.conflict_group is not None for a in exported)  # conflicts,
    assert any(not a.counted for a in exported)  # and records no longer counted


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_briefings_from_the_rollups_say_what_the_rows_say(store: Store, seed: int) -> None:
    rng = random.Random(seed)
    writer = Writer(store)
    writer.random_news(rng, articles=45, days=10)
    windows = [(T0 - timedelta(days=1), T0 + timedelta(days=20))]  # whole days only
    windows += [(T0 + timedelta(hours=5), T0 + timedelta(hours=20))]  # inside one day
    windows += [(T0 + timedelta(hours=30), T0 + timedelta(hours=50))]  # two partial days
    for _ in range(6):  # any time of day at both ends
        start = T0 + timedelta(hours=rng.uniform(-10, 150))
        windows.append((start, start + timedelta(hours=rng.uniform(1, 200))))
    for start, end in windows:
        for country in ("JP", "KR"):
            assert_briefing_matches(store, writer, country, start, end)


def test_an_earlier_source_moves_an_announcement_to_its_day(store: Store) -> None:
    writer = Writer(store)
    writer.save(FUND, 1, T0 + timedelta(days=3, hours=9), ("Haruka Mori",))
    writer.save(FUND, 1, T0 + timedelta(days=1, hours=22), ())  # the same, reported before
    ledger, _ = _rows(store)
    assert [(k[1], v[1]) for k, v in ledger.items()] == [(date(2026, 5, 5), 1)]
    assert_rollups_match_their_rows(store)


def test_a_revision_moves_the_count_to_the_newer_record(store: Store) -> None:
    writer = Writer(store)
    writer.save(FUND, 1, T0 + timedelta(hours=8), ())
    writer.save(FUND, 2, T0 + timedelta(days=30, hours=8), ())
    ledger, _ = _rows(store)
    assert {k[1]: v[1:] for k, v in ledger.items()} == {date(2026, 6, 3): (1, 0, 1)}
    assert_rollups_match_their_rows(store)


def test_an_article_replayed_replaces_its_speakers_days(store: Store) -> None:
    writer = Writer(store)
    writer.save(FUND, 1, T0 + timedelta(days=2, hours=10), ("Haruka Mori", "Kenji Sato"))
    _, speakers = _rows(store)
    assert sorted(k[2] for k in speakers) == ["haruka mori", "kenji sato"]
    # a replay (new ledger rules) records the article's lookups again, here other quotes
    [stored] = store.articles_after(0)
    other = Quote("Other words", "Aiko Tanaka", key=True)
    store.record_replayed(replace(stored, analysis=replace(stored.analysis, quotes=(other,))), [])
    _, speakers = _rows(store)
    assert sorted(k[2] for k in speakers) == ["aiko tanaka"]
    assert_rollups_match_their_rows(store)


def test_a_prune_takes_its_quotes_out_of_the_speakers_days(store: Store) -> None:
    writer = Writer(store)
    writer.save(FUND, 1, T0 + timedelta(hours=9), ("Haruka Mori",))
    writer.save(FUND, 1, T0 + timedelta(hours=11), ("Haruka Mori", "Kenji Sato"))
    writer.save(CLUSTER, 8, T0 + timedelta(days=40), ("Kenji Sato",))
    before, _ = _rows(store)
    prune(store, 30, T0 + timedelta(days=41), pause=0)
    ledger, speakers = _rows(store)
    assert ledger == before  # the ledger outlives the pruned articles
    assert {(k[1], k[2]): v[0] for k, v in speakers.items()} == {
        (date(2026, 6, 13), "kenji sato"): 1
    }
    assert_rollups_match_their_rows(store)


@pytest.mark.postgres
def test_two_writers_committing_the_same_day_leave_it_right(postgres_url: str) -> None:
    """Writer A is held between recomputing a day's delete and its insert until writer B
    has begun recomputing the same day: B must wait for A's commit, then count A's rows."""
    engine = make_engine(postgres_url)
    upgrade(engine)
    day = T0 + timedelta(days=1)
    Writer(Store(engine)).save(FUND, 1, day + timedelta(hours=1), ())  # the day has rows
    a_held, b_began = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def hold_a(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.startswith("INSERT INTO ledger_days") and not a_held.is_set():
            a_held.set()
            b_began.wait(10)

    def mark_b(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "pg_advisory_xact_lock" in statement or statement.startswith("DELETE FROM ledger"):
            b_began.set()

    def write(prefix: str, template: str, n: int, listener: Any) -> None:
        store = Store(make_engine(postgres_url))
        event.listen(store.engine, "before_cursor_execute", listener)
        try:
            Writer(store, prefix).save(template, n, day + timedelta(hours=5), ())
        except BaseException as exc:  # reported below, with the other writer's
            failures.append(exc)
        finally:
            store.close()

    a = threading.Thread(target=write, args=("a", FUND, 3, hold_a))
    b = threading.Thread(target=write, args=("b", CLUSTER, 8, mark_b))
    a.start()
    assert a_held.wait(30)
    b.start()
    for thread in (a, b):
        thread.join(timeout=60)
    assert not a.is_alive() and not b.is_alive()
    assert b_began.is_set()
    assert failures == []
    store = Store(engine)
    ledger, _ = _rows(store)
    assert {k[2] for k in ledger} == {"money", "gpus"}
    assert_rollups_match_their_rows(store)
    store.close()
