"""bot.store against real databases: a SQLite file and a throwaway PostgreSQL server.

Every test runs once per backend on a fresh, empty database (a new SQLite file, or a
new PostgreSQL database on a server started once per session). The PostgreSQL server
runs in a non-UTC time zone so that a store returning server-local times would show.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import StatementError

import bot.store.ledger_tables  # noqa: F401  (the ledger's tables are part of the schema)
from bot.models import Analysis, Article, Entry, Figure, Quote
from bot.settings import FeedConfig, SubscriptionConfig
from bot.store.db import _alembic_config, current_revision, head_revision, upgrade
from bot.store.repo import FeedState, Store
from bot.store.tables import Base

T0 = datetime(2025, 3, 10, 6, 0, tzinfo=UTC)
TOKYO = timezone(timedelta(hours=9))
TABLES = {"feeds", "entries", "articles", "analyses", "subscriptions", "deliveries"}


def feed_by_url(store: Store) -> dict[str, FeedState]:
    return {feed.url: feed for feed in store.feeds()}


def two_feeds(store: Store) -> tuple[int, int]:
    store.sync_feeds(
        [
            FeedConfig(url="https://a.example/feed.xml", name="Desk A"),
            FeedConfig(url="https://b.example/rss"),
        ],
        T0,
    )
    feeds = feed_by_url(store)
    return feeds["https://a.example/feed.xml"].id, feeds["https://b.example/rss"].id


def entry(key: str, published: datetime | None = None) -> Entry:
    return Entry(
        key=key, url=f"https://news.example/{key}", title=f"Title {key}", published=published
    )


ANALYSIS = Analysis(
    relevant=True,
    relevance=0.83,
    countries=("JP", "FR"),
    quotes=(
        Quote(
            text="Compute is sovereignty.",
            speaker="Taro Yamada",
            role="Minister of Digital Affairs",
            key=True,
        ),
        Quote(text="Nobody owns this.", speaker=None),
    ),
    figures=(
        Figure(
            text="¥1.2 trillion",
            kind="money",
            value=1.2e12,
            unit="JPY",
            usd=8.1e9,
            key=True,
        ),
        Figure(text="10,000 GPUs", kind="count", value=10000.0, unit="GPU", low=9000.0),
        Figure(text="40%", kind="percent", value=40.0, unit="%"),
    ),
    summary=("Japan funds a national AI cluster.", "France follows — with €2bn."),
    reasons=("mentions sovereign AI",),
)


def article(
    canonical: str, url: str | None = None, title: str = "Japan builds a sovereign AI cluster"
) -> Article:
    return Article(
        url=url or canonical + "?utm_source=feed",
        canonical_url=canonical,
        title=title,
        text="Long article text…",
        source="Nikkei",
        author="Hanako Sato",
        published=datetime(2025, 3, 10, 9, 30, tzinfo=TOKYO),
        language="en",
    )


HOUR = timedelta(hours=1)


def assert_utc(value: datetime | None, expected: datetime) -> None:
    assert value is not None
    assert value.tzinfo is not None
    assert value.utcoffset() == timedelta(0)
    assert value == expected


# -- migrations ----------------------------------------------------------------


def test_migrations_apply_from_empty_and_are_idempotent(engine: Engine) -> None:
    head = head_revision()
    assert head is not None
    assert current_revision(engine) is None
    assert not TABLES & set(inspect(engine).get_table_names())

    assert upgrade(engine) == (None, head)
    assert current_revision(engine) == head
    assert set(inspect(engine).get_table_names()) >= TABLES | {"alembic_version"}

    assert upgrade(engine) == (head, head)
    assert current_revision(engine) == head


def test_migrations_build_exactly_the_tables_the_code_declares(engine: Engine) -> None:
    """A column or index declared in tables.py but missing from a migration (or the other
    way round) would only show on a user's upgraded database; alembic's diff shows it here."""
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # the full-text index is raw SQL of its own (FTS5 tables; PostgreSQL's generated
    # `search` vector and its GIN index), not in the models
    real = [
        d
        for d in diff
        if "fts" not in repr(d) and "articles_search" not in repr(d) and "'search'" not in repr(d)
    ]
    assert real == []


def test_store_rejects_naive_datetimes(store: Store) -> None:
    with pytest.raises((ValueError, StatementError), match="naive datetime"):
        store.sync_feeds([FeedConfig(url="https://a.example/feed.xml")], datetime(2025, 1, 1))
    assert store.feeds() == []


# -- feeds ---------------------------------------------------------------------


def test_sync_feeds_upserts_by_url(store: Store) -> None:
    store.sync_feeds(
        [
            FeedConfig(url="https://a.example/feed.xml", name="Desk A", interval=30),
            FeedConfig(url="https://b.example/rss", name="Desk B"),
        ],
        T0,
    )
    first = feed_by_url(store)
    assert len(first) == 2
    a = first["https://a.example/feed.xml"]
    assert (a.name, a.interval_minutes, a.error_count, a.entry_count) == ("Desk A", 30, 0, 0)
    assert (a.etag, a.last_modified, a.last_success_at, a.last_error) == (None, None, None, None)

    store.sync_feeds(
        [
            FeedConfig(url="https://a.example/feed.xml", name="Desk A (renamed)", interval=15),
            FeedConfig(url="https://b.example/rss"),  # no name given: the stored one stays
            FeedConfig(url="https://c.example/atom.xml", name="Desk C"),
        ],
        T0 + timedelta(hours=1),
    )
    second = feed_by_url(store)
    assert len(second) == 3
    assert [f.url for f in store.feeds()][:2] == [
        "https://a.example/feed.xml",
        "https://b.example/rss",
    ]
    a2 = second["https://a.example/feed.xml"]
    assert (a2.id, a2.name, a2.interval_minutes) == (a.id, "Desk A (renamed)", 15)
    b2 = second["https://b.example/rss"]
    assert (b2.id, b2.name, b2.interval_minutes) == (
        first["https://b.example/rss"].id,
        "Desk B",
        60,
    )
    assert second["https://c.example/atom.xml"].name == "Desk C"


def test_record_poll_success_and_error_bookkeeping(store: Store) -> None:
    feed_id, _ = two_feeds(store)

    def state() -> FeedState:
        return next(f for f in store.feeds() if f.id == feed_id)

    t1, t2, t3, t4, t5 = (T0 + timedelta(minutes=m) for m in (1, 2, 3, 4, 5))
    store.record_poll(
        feed_id, t1, t1 + HOUR, etag='"v1"', last_modified="Mon, 10 Mar 2025 06:00:00 GMT"
    )
    s = state()
    assert_utc(s.last_success_at, t1)
    assert (s.etag, s.last_modified, s.last_error, s.error_count) == (
        '"v1"',
        "Mon, 10 Mar 2025 06:00:00 GMT",
        None,
        0,
    )

    store.record_poll(feed_id, t2, t2 + HOUR, error="HTTP 503")
    store.record_poll(feed_id, t3, t3 + HOUR, error="timed out after 20s")
    s = state()
    assert (s.last_error, s.error_count) == ("timed out after 20s", 2)
    assert_utc(s.last_success_at, t1)
    assert (s.etag, s.last_modified) == ('"v1"', "Mon, 10 Mar 2025 06:00:00 GMT")

    store.record_poll(
        feed_id, t4, t4 + HOUR
    )  # e.g. a 304: no new validators, the old ones are kept
    s = state()
    assert (s.last_error, s.error_count) == (None, 0)
    assert_utc(s.last_success_at, t4)
    assert (s.etag, s.last_modified) == ('"v1"', "Mon, 10 Mar 2025 06:00:00 GMT")

    store.record_poll(feed_id, t5, t5 + HOUR, etag='"v2"')
    s = state()
    assert (s.etag, s.last_modified) == ('"v2"', "Mon, 10 Mar 2025 06:00:00 GMT")
    assert_utc(s.next_poll_at, t5 + HOUR)
    assert_utc(s.last_polled_at, t5)
    other = next(f for f in store.feeds() if f.id != feed_id)
    assert (other.last_success_at, other.etag, other.error_count) == (None, None, 0)


# -- entries and articles --------------------------------------------------------


def test_add_entries_returns_only_new_ones_unique_per_feed(store: Store) -> None:
    feed_a, feed_b = two_feeds(store)
    published = datetime(2025, 3, 9, 23, 0, tzinfo=TOKYO)

    first = store.add_entries(feed_a, [entry("one", published=published), entry("two")], T0)
    assert [(n.feed_id, n.entry.key) for n in first] == [(feed_a, "one"), (feed_a, "two")]
    assert first[0].entry == entry("one", published=published)
    assert len({n.id for n in first}) == 2

    assert store.add_entries(feed_a, [entry("one"), entry("two")], T0) == []

    mixed = store.add_entries(feed_a, [entry("two"), entry("three"), entry("three")], T0)
    assert [n.entry.key for n in mixed] == ["three"]

    elsewhere = store.add_entries(feed_b, [entry("one")], T0)
    assert [(n.feed_id, n.entry.key) for n in elsewhere] == [(feed_b, "one")]
    assert elsewhere[0].id not in {n.id for n in first}

    assert store.add_entries(feed_b, [], T0) == []
    counts = {f.id: f.entry_count for f in store.feeds()}
    assert counts == {feed_a: 3, feed_b: 1}


def test_save_article_and_stories_round_trip(store: Store) -> None:
    feed_a, _ = two_feeds(store)
    new = store.add_entries(feed_a, [entry("jp"), entry("late"), entry("bare")], T0)
    fetched = T0 + timedelta(minutes=5)

    story_id = store.save_article(
        new[0].id, article("https://nikkei.example/jp-ai"), ANALYSIS, "rules-1", fetched
    ).id
    bare = Article(
        url="https://bare.example/x",
        canonical_url="https://bare.example/x",
        title=None,
        text="text",
    )
    bare_id = store.save_article(
        new[2].id, bare, Analysis(relevant=False, relevance=0.0), "rules-1", fetched
    ).id
    late_id = store.save_article(
        new[1].id,
        article("https://nikkei.example/later"),
        ANALYSIS,
        "rules-1",
        T0 + timedelta(hours=2),
    ).id
    assert len({story_id, bare_id, late_id}) == 3
    assert store.article_id_for("https://nikkei.example/jp-ai") == story_id
    assert store.article_id_for("https://nowhere.example/") is None

    stories = store.stories(T0, T0 + timedelta(hours=2))  # the end is exclusive
    assert [s.story_id for s in stories] == [story_id, bare_id]
    story = stories[0]
    assert story.title == "Japan builds a sovereign AI cluster"
    assert story.url == "https://nikkei.example/jp-ai?utm_source=feed"
    assert story.source == "Nikkei"
    assert_utc(story.published, datetime(2025, 3, 10, 0, 30, tzinfo=UTC))
    assert story.analysis == ANALYSIS
    assert story.analysis.countries == ("JP", "FR")
    assert story.analysis.quotes[0].speaker == "Taro Yamada"
    assert story.analysis.quotes[1].speaker is None
    assert story.analysis.figures[0].usd == 8.1e9
    assert story.analysis.figures[1].low == 9000.0
    assert story.analysis.summary[1] == "France follows — with €2bn."
    assert story.analysis.relevance == 0.83
    assert story.sources == (("Desk A", "https://news.example/jp"),)

    fallback = stories[1]  # no title, source or date: url, first feed and fetch time stand in
    assert (fallback.title, fallback.source) == ("https://bare.example/x", "Desk A")
    assert_utc(fallback.published, fetched)
    assert fallback.analysis == Analysis(relevant=False, relevance=0.0)

    assert [
        s.story_id for s in store.stories(T0 + timedelta(hours=2), T0 + timedelta(hours=3))
    ] == [late_id]
    assert store.stories(T0 - timedelta(days=1), T0) == []
    # The window may be given in any zone; it is the same instant.
    tokyo_window = store.stories(T0.astimezone(TOKYO), (T0 + timedelta(hours=1)).astimezone(TOKYO))
    assert [s.story_id for s in tokyo_window] == [story_id, bare_id]


def test_the_analysis_language_and_latin_speaker_round_trip(store: Store) -> None:
    feed_a, _ = two_feeds(store)
    new = store.add_entries(feed_a, [entry("ja")], T0)
    said = Quote("計算資源を国内に持つ", "石破茂", "首相", True, speaker_latin="Shigeru Ishiba")
    japanese = Analysis(relevant=True, relevance=0.7, countries=("JP",), quotes=(said,))
    japanese = replace(japanese, language="ja")
    store.save_article(new[0].id, article("https://nikkei.example/ja"), japanese, "v", T0)
    (story,) = store.stories(T0, T0 + HOUR)
    assert story.analysis.language == "ja"
    assert story.analysis.quotes[0].speaker_latin == "Shigeru Ishiba"
    assert story.analysis == japanese


def test_save_article_with_known_canonical_url_reuses_it(store: Store) -> None:
    feed_a, feed_b = two_feeds(store)
    (from_a,) = store.add_entries(feed_a, [entry("a-1")], T0)
    (from_b,) = store.add_entries(feed_b, [entry("b-7")], T0)
    canonical = "https://nikkei.example/jp-ai"

    first = store.save_article(from_a.id, article(canonical), ANALYSIS, "rules-1", T0).id
    again = store.save_article(
        from_b.id,
        article(canonical, url="https://mirror.example/jp-ai", title="Syndicated copy"),
        Analysis(relevant=False, relevance=0.1),
        "rules-1",
        T0 + timedelta(minutes=1),
    ).id
    assert again == first
    assert store.article_id_for(canonical) == first

    (story,) = store.stories(T0, T0 + timedelta(hours=1))
    assert story.story_id == first
    assert story.title == "Japan builds a sovereign AI cluster"  # the first copy is kept
    assert story.analysis == ANALYSIS
    assert story.sources == (
        ("Desk A", "https://news.example/a-1"),
        ("https://b.example/rss", "https://news.example/b-7"),  # unnamed feed: its URL
    )
    # The store is still usable after the handled conflict.
    assert [n.entry.key for n in store.add_entries(feed_a, [entry("a-2")], T0)] == ["a-2"]


# -- subscriptions and deliveries --------------------------------------------------


def test_sync_subscriptions_upserts_by_platform_and_channel(store: Store) -> None:
    store.sync_subscriptions(
        [
            SubscriptionConfig(
                platform="slack",
                channel="C0123",
                countries=("jp", "fr"),
                time="07:30",
                timezone="Asia/Tokyo",
            ),
            SubscriptionConfig(platform="discord", channel="C0123"),
        ],
        T0,
    )
    first = store.subscriptions()
    assert [(s.platform, s.channel) for s in first] == [("slack", "C0123"), ("discord", "C0123")]
    slack = first[0]
    assert (slack.countries, slack.digest_time, slack.timezone, slack.last_error) == (
        ("JP", "FR"),
        "07:30",
        "Asia/Tokyo",
        None,
    )
    assert (first[1].countries, first[1].digest_time, first[1].timezone) == ((), None, None)

    store.set_subscription_error(slack.id, "channel_not_found")
    store.sync_subscriptions(
        [
            SubscriptionConfig(platform="slack", channel="C0123", countries=("DE",)),
            SubscriptionConfig(platform="terminal", channel="stdout"),
        ],
        T0 + timedelta(days=1),
    )
    second = {(s.platform, s.channel): s for s in store.subscriptions()}
    # the discord channel left the config: it gets no more digests
    assert set(second) == {("slack", "C0123"), ("terminal", "stdout")}
    slack2 = second[("slack", "C0123")]
    assert slack2.id == slack.id
    assert (slack2.countries, slack2.digest_time, slack2.timezone) == (("DE",), None, None)
    assert slack2.last_error == "channel_not_found"


def test_delivery_outbox(store: Store) -> None:
    store.sync_subscriptions(
        [
            SubscriptionConfig(platform="slack", channel="C1"),
            SubscriptionConfig(platform="discord", channel="D1"),
        ],
        T0,
    )
    slack, discord = (s.id for s in store.subscriptions())
    assert store.last_window_end(slack) is None
    assert store.unsent_deliveries() == []

    day1 = (T0 - timedelta(days=1), T0)
    day2 = (T0, (T0 + timedelta(days=1)).astimezone(TOKYO))
    first = store.open_delivery(slack, "2025-03-10", day1, [3, 1, 2], T0)
    assert (first.subscription_id, first.digest_key, first.status) == (
        slack,
        "2025-03-10",
        "pending",
    )
    assert first.story_ids == (3, 1, 2)

    same = store.open_delivery(slack, "2025-03-10", day1, [9], T0 + timedelta(minutes=1))
    assert same.id == first.id
    assert same.story_ids == (3, 1, 2)  # the row written first wins
    assert_utc(same.window_start, day1[0])
    assert_utc(same.window_end, day1[1])

    second = store.open_delivery(slack, "2025-03-11", day2, [], T0 + timedelta(days=1))
    other = store.open_delivery(discord, "2025-03-10", day1, [1], T0)
    assert len({first.id, second.id, other.id}) == 3
    assert second.story_ids == ()
    assert [d.id for d in store.unsent_deliveries()] == [first.id, second.id, other.id]

    store.mark_delivery(first.id, "sending", T0)
    unsent = {d.id: d for d in store.unsent_deliveries()}
    assert unsent[first.id].status == "sending"
    assert set(unsent) == {first.id, second.id, other.id}

    store.mark_delivery(first.id, "sent", T0, message_ref="1741586400.000100")
    store.mark_delivery(other.id, "failed", T0, error="missing_scope")
    unsent_after = store.unsent_deliveries()
    assert [(d.id, d.status) for d in unsent_after] == [(second.id, "pending")]
    assert_utc(unsent_after[0].window_start, day2[0])
    assert_utc(unsent_after[0].window_end, day2[1])

    assert_utc(store.last_window_end(slack), day2[1])
    # a digest refused for good does not count: the next one covers its window again
    assert store.last_window_end(discord) is None
    assert store.last_window_end(slack + discord + 100) is None
    # Reopening a sent digest returns it as sent, so it is never sent twice.
    assert store.open_delivery(slack, "2025-03-10", day1, [], T0).status == "sent"


def test_feeds_and_subscriptions_dropped_from_the_config_are_deactivated_not_lost(
    store: Store,
) -> None:
    feeds = [FeedConfig(url="https://a.example/feed.xml"), FeedConfig(url="https://b.example/rss")]
    store.sync_feeds(feeds, T0)
    a_id = store.feeds()[0].id
    store.add_entries(a_id, [Entry(key="k1", url=None, title="t")], T0)

    store.sync_feeds(feeds[1:], T0)
    assert [f.url for f in store.feeds()] == ["https://b.example/rss"]

    store.sync_feeds(feeds, T0)  # back in the config: same row, seen items remembered
    assert store.feeds()[0].id == a_id
    assert store.add_entries(a_id, [Entry(key="k1", url=None, title="t")], T0) == []

    store.sync_subscriptions([SubscriptionConfig(platform="terminal", channel="stdout")], T0)
    store.sync_subscriptions([SubscriptionConfig(platform="slack", channel="C1")], T0)
    assert [(s.platform, s.channel) for s in store.subscriptions()] == [("slack", "C1")]


def test_stories_of_several_outlets_and_full_text_search(store: Store) -> None:
    feed_a, feed_b = two_feeds(store)
    (ea,) = store.add_entries(feed_a, [entry("a1")], T0)
    (eb,) = store.add_entries(feed_b, [entry("b1")], T0)
    (ec,) = store.add_entries(feed_b, [entry("c1")], T0)
    first = store.save_article(ea.id, article("https://a.example/jp"), ANALYSIS, "v", T0).id
    copy = Article(
        url="https://b.example/jp-copy",
        canonical_url="https://b.example/jp-copy",
        title="Tokyo backs sovereign compute",
        text="Supercomputer plans in Japan.",
    )
    store.save_article(eb.id, copy, ANALYSIS, "v", T0 + HOUR, story_id=first)
    other = Article(
        url="https://b.example/br",
        canonical_url="https://b.example/br",
        title="Brazil funds Portuguese-language models",
        text="Brasília will pay for GPUs.",
    )
    other_id = store.save_article(ec.id, other, ANALYSIS, "v", T0 + HOUR).id

    stories = store.stories(T0, T0 + 2 * HOUR)
    assert [s.story_id for s in stories] == [first, other_id]
    merged = stories[0]
    assert merged.title == "Japan builds a sovereign AI cluster"  # the first outlet's
    assert {url for _, url in merged.sources} == {
        "https://news.example/a1",
        "https://news.example/b1",
    }
    # a later copy does not bring the story back into a later window
    assert store.stories(T0 + HOUR, T0 + 2 * HOUR) == [stories[1]]

    assert [s.story_id for s in store.search("sovereign")] == [first]
    assert [s.story_id for s in store.search("brazil GPUs")] == [other_id]
    assert [s.story_id for s in store.search("supercomputer")] == [first]
    # stems: a plural finds the singular and back, acronyms included
    assert [s.story_id for s in store.search("supercomputers")] == [first]
    assert [s.story_id for s in store.search("brazil GPU")] == [other_id]
    assert [s.story_id for s in store.search("Portuguese language model")] == [other_id]
    assert [s.story_id for s in store.search("fund")] == [other_id]
    assert store.search("nothing like this") == []
    assert store.search('"; DROP TABLE articles; --') == []
    assert store.search("") == []


def test_due_feeds_are_the_new_and_the_overdue(store: Store) -> None:
    feed_a, feed_b = two_feeds(store)
    assert {f.id for f in store.due_feeds(T0)} == {feed_a, feed_b}  # never polled
    store.record_poll(feed_a, T0, T0 + HOUR)
    assert {f.id for f in store.due_feeds(T0 + HOUR / 2)} == {feed_b}
    assert {f.id for f in store.due_feeds(T0 + HOUR)} == {feed_a, feed_b}


def test_articles_stored_before_the_stemmed_search_are_found_after_the_upgrade(
    store: Store, engine: Engine
) -> None:
    """Migration 0005 rebuilds the search data of what is already stored."""
    (feed, _) = two_feeds(store)
    (e,) = store.add_entries(feed, [entry("s1")], T0)
    clusters = Article(
        url="https://a.example/gpus",
        canonical_url="https://a.example/gpus",
        title="Nairobi buys GPUs for two clusters",
        text="The clusters will train Swahili models.",
    )
    saved = store.save_article(e.id, clusters, ANALYSIS, "v", T0).id
    cfg = _alembic_config()
    with engine.begin() as conn:  # back to before 0005, as a user's database was
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    assert upgrade(engine) == ("0004", head_revision())
    assert [s.story_id for s in store.search("GPU cluster")] == [saved]
    assert [s.story_id for s in store.search("swahili model")] == [saved]
