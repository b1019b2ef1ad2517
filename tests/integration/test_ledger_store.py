"""The ledger through the store, on SQLite and PostgreSQL: articles saved with their
claims become announcements counted once, revised, flagged as conflicting, and read back
as a country's facts, a speaker's card and an export."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from bot.ledger.claims import LEDGER_VERSION, ArticleRef, claims_in
from bot.ledger_rebuild import ensure_ledger
from bot.models import Analysis, Article, Entry, Figure, Quote
from bot.settings import FeedConfig
from bot.store.repo import Store

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
RATE = 1 / 150  # USD per yen in these invented stories


def yen(text: str, value: float) -> Figure:
    return Figure(text=text, kind="money", value=value, unit="JPY", usd=value * RATE, key=True)


def gpus(text: str, value: float) -> Figure:
    return Figure(text=text, kind="count", value=value, unit="GPU", key=True)


def save(
    store: Store,
    n: int,
    text: str,
    figures: tuple[Figure, ...],
    days: float,
    *,
    outlet: str = "Tokyo Ledger",
    quotes: tuple[Quote, ...] = (),
    countries: tuple[str, ...] = ("JP",),
    relevant: bool = True,
) -> int:
    """Store article `n` (its own feed entry) with its claims, as a poll would."""
    store.sync_feeds([FeedConfig(url="https://wire.example/feed.xml", name="Wire")], T0)
    feed = store.feeds()[0].id
    url = f"https://news{n}.example/story-{n}"
    when = T0 + timedelta(days=days)
    entry = store.add_entries(feed, [Entry(key=f"e{n}", url=url, title=f"Story {n}")], when)[0]
    analysis = Analysis(
        relevant=relevant, relevance=0.9, countries=countries, quotes=quotes, figures=figures
    )
    article = Article(url=url, canonical_url=url, title=f"Story {n}", text=text, source=outlet)
    claims = claims_in(text, analysis, ArticleRef(0, url, when, outlet, f"Story {n}"))
    return store.save_article(entry.id, article, analysis, "t", when, claims=claims).id


FUND_1 = "Japan will put ¥1 trillion into its sovereign AI compute fund, the cabinet said."
FUND_1B = "The sovereign AI compute fund gets ¥1 trillion, officials in Tokyo confirmed."
FUND_2 = "Japan will raise its sovereign AI compute fund to ¥2 trillion, the cabinet said."
FUND_25 = "Japan's sovereign AI compute fund will reach ¥2.5 trillion, a minister said."
ABCI = "The new ABCI 4.0 supercomputer will hold 12,000 GPUs when it opens in Chiba."


def test_one_announcement_from_two_outlets_is_counted_once(store: Store) -> None:
    save(store, 1, FUND_1, (yen("¥1 trillion", 1e12),), 0)
    save(store, 2, FUND_1B, (yen("¥1 trillion", 1e12),), 0.4, outlet="Osaka Daily")
    facts = store.country_facts("JP", T0 - timedelta(days=1), T0 + timedelta(days=10))
    assert facts.totals.announcements == 1
    assert facts.totals.usd == 1e12 * RATE
    [fund] = facts.timeline
    assert fund.programme == "sovereign AI compute fund"
    assert fund.source_count == 2
    assert [name for name, _ in fund.sources] == ["Tokyo Ledger", "Osaka Daily"]
    assert facts.total_stories == 2  # two stories (not clustered here), one announcement


def test_a_revision_replaces_the_amount_and_a_same_time_disagreement_is_a_conflict(
    store: Store,
) -> None:
    save(store, 1, FUND_1, (yen("¥1 trillion", 1e12),), 0)
    save(store, 2, ABCI, (gpus("12,000 GPUs", 12000),), 1)
    save(store, 3, FUND_2, (yen("¥2 trillion", 2e12),), 40, outlet="Kyoto Times")
    save(store, 4, FUND_25, (yen("¥2.5 trillion", 2.5e12),), 41, outlet="Nagoya Post")
    save(store, 5, FUND_2, (yen("¥2 trillion", 2e12),), 41.5, outlet="Sendai Herald")

    facts = store.country_facts("JP", T0 - timedelta(days=1), T0 + timedelta(days=60))
    # the fund once, at its revision most outlets agree on; the GPUs once
    assert facts.totals.usd == 2e12 * RATE
    assert facts.totals.gpus == 12000
    assert facts.totals.announcements == 2
    assert facts.totals.conflicts == 1
    [revision] = facts.revisions
    assert revision.figure_text == "¥2 trillion"
    assert revision.revises is not None and revision.revises.figure_text == "¥1 trillion"
    [conflict] = facts.conflicts
    assert sorted(a.figure_text for a in conflict) == ["¥2 trillion", "¥2.5 trillion"]
    assert [a.counted for a in conflict] == [True, False]  # two outlets against one
    assert [day for day, _, _ in facts.chart] == [(T0 + timedelta(days=d)).date() for d in (1, 40)]

    # a window after the revision only: the old amount is not counted anywhere
    later = store.country_facts("JP", T0 + timedelta(days=30), T0 + timedelta(days=60))
    assert later.totals.usd == 2e12 * RATE and later.totals.gpus == 0

    exported = store.announcements("JP", None)
    assert len(exported) == 4  # ¥1tn, GPUs, ¥2tn (revision), ¥2.5tn (conflict)
    assert [a.current for a in exported] == [False, True, True, True]


def test_stories_reported_again_and_read_again_do_not_duplicate(store: Store) -> None:
    save(store, 1, FUND_1, (yen("¥1 trillion", 1e12),), 0)
    save(store, 2, FUND_1, (yen("¥1 trillion", 1e12),), 20, outlet="Late Wire")
    facts = store.country_facts("JP", T0 - timedelta(days=1), T0 + timedelta(days=30))
    assert facts.totals.announcements == 1
    assert facts.timeline[0].source_count == 2
    assert facts.timeline[0].last_reported == T0 + timedelta(days=20)


def test_irrelevant_or_countryless_articles_add_nothing(store: Store) -> None:
    save(store, 1, FUND_1, (yen("¥1 trillion", 1e12),), 0, relevant=False)
    save(store, 2, FUND_1, (yen("¥1 trillion", 1e12),), 0, countries=())
    facts = store.country_facts("JP", T0 - timedelta(days=1), T0 + timedelta(days=1))
    assert facts.totals.announcements == 0
    assert facts.total_stories == 0
    assert store.announcements(None, None) == []


def test_speakers_by_full_name_or_surname_with_their_latest_quotes(store: Store) -> None:
    said = Quote("Compute is sovereignty", "Haruka Mori", role="digital minister", key=True)
    again = Quote("We will build it here", "Haruka Mori", key=True)
    other = Quote("Mori is right", "Kenji Mori", role="economist")
    save(store, 1, FUND_1, (), 0, quotes=(said,))
    save(store, 2, FUND_1B, (), 3, quotes=(again, other))
    [haruka] = store.speakers_named("haruka  MORI")
    assert haruka.quotes_count == 2
    assert haruka.role == "digital minister"
    assert haruka.country == "JP"
    assert [q.text for q in haruka.quotes] == ["We will build it here", "Compute is sovereignty"]
    assert haruka.quotes[0].url == "https://news2.example/story-2"
    both = store.speakers_named("Mori")
    assert [p.name for p in both] == ["Haruka Mori", "Kenji Mori"]
    assert store.speakers_named("Nobody") == []
    facts = store.country_facts("JP", T0 - timedelta(days=1), T0 + timedelta(days=10))
    assert facts.speakers[0].name == "Haruka Mori"


def test_a_new_database_gets_its_ledger_stamped_without_a_rebuild(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.ledger_rebuild")
    assert ensure_ledger(store, T0) is False
    assert store.ledger_version() == LEDGER_VERSION
    assert "ledger" not in caplog.text  # nothing to build, nothing said


def test_stored_articles_are_replayed_when_the_ledgers_rules_change(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.ledger_rebuild")
    save(store, 1, FUND_1, (yen("¥1 trillion", 1e12),), 0)
    store.stamp_ledger("older rules", T0)
    assert ensure_ledger(store, T0) is True
    assert "ledger built from 1 stored article\n" in caplog.text + "\n"
    facts = store.country_facts("JP", T0 - timedelta(days=1), T0 + timedelta(days=10))
    assert facts.totals.announcements == 1
    assert ensure_ledger(store, T0) is False  # up to date: one query, no replay
