"""A 100,000-entry feed polls like a small one (issue 11).

Regression for "a 100,000-entry feed on PostgreSQL: every poll fails (more than 65,535
bind parameters) and writes 9.6 MB of log; `sources list` prints 7.2 MB". A poll now
stores the newest `fetch.max_entries_per_poll` entries, in statements under every
backend's parameter limit, and says what went wrong, if anything, in a short line.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from bot.models import Entry
from bot.settings import FeedConfig
from bot.store.db import make_engine, upgrade
from bot.store.repo import Store
from tests.integration.feed_server import FeedSite, rss, serve_feed
from tests.integration.postgres_server import PostgresServer, postgres_or_skip
from tests.integration.run_cli import database_settings, sovai

BIG = 100_000
KEPT = 500  # fetch.max_entries_per_poll's default
OUTPUT_LIMIT = 10_000  # characters a poll or `sources list` may print: lines, not megabytes


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    yield from postgres_or_skip()


@pytest.fixture
def database_url(postgres: PostgresServer) -> Iterator[str]:
    name = f"sovai_big_{uuid.uuid4().hex[:12]}"
    url = postgres.create_database(name)
    try:
        yield url
    finally:
        postgres.drop_database(name)


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with serve_feed() as site:
        yield site


def entries_stored(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.scalar(text("SELECT count(*) FROM entries")) or 0)
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_a_100000_entry_feed_polls_with_bounded_history_and_output(
    tmp_path: Path, site: FeedSite, database_url: str
) -> None:
    database, env = database_settings(database_url)
    config = tmp_path / "sovai.yaml"
    config.write_text(
        f"database: {database}\n"
        f"feeds:\n  - url: {site.url('/feed.xml')}\n    name: Archive\n"
        "fetch: {allow_private_networks: true, timeout: 60, max_bytes: 52428800}\n",
        encoding="utf-8",
    )
    site.feed = rss(site, range(BIG), links=False)
    first = sovai("--config", str(config), "poll", "--once", cwd=tmp_path, env=env)
    assert first.returncode == 0, (first.stdout + first.stderr)[:2000]
    assert f"first poll, {KEPT} existing entries marked as seen" in first.stdout
    assert len(first.stdout) + len(first.stderr) < OUTPUT_LIMIT

    site.feed = rss(site, range(BIG + 10), links=False)  # ten newer items on top
    second = sovai("--config", str(config), "poll", "--once", cwd=tmp_path, env=env)
    assert second.returncode == 0, (second.stdout + second.stderr)[:2000]
    assert "Archive: 10 new entries" in second.stdout, second.stdout[:2000]
    assert len(second.stdout) + len(second.stderr) < OUTPUT_LIMIT
    assert entries_stored(database_url) == KEPT + 10

    listed = sovai("--config", str(config), "sources", "list", cwd=tmp_path, env=env)
    assert listed.returncode == 0, listed.stderr[:2000]
    assert "Archive" in listed.stdout and len(listed.stdout) < OUTPUT_LIMIT


def test_entry_writes_stay_under_an_old_sqlite_builds_999_parameters(tmp_path: Path) -> None:
    """SQLite before 3.32 allows 999 bind parameters per statement; stay under them."""
    engine = make_engine(f"sqlite:///{tmp_path}/sovai.db")
    event.listen(engine, "connect", _old_sqlite_limit)
    upgrade(engine)
    store = Store(engine)
    try:
        now = datetime.now(UTC)
        store.sync_feeds([FeedConfig(url="https://feeds.test/archive")], now)
        feed_id = store.feeds()[0].id
        entries = [Entry(key=f"k{i}", url=None, title=f"t{i}") for i in range(5_000)]
        assert len(store.add_entries(feed_id, entries, now)) == 5_000
        assert (
            store.add_entries(feed_id, [*entries, Entry("new", None, "n")], now)[0].entry.key
            == "new"
        )
    finally:
        store.close()


def _old_sqlite_limit(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)


def test_a_huge_stored_error_is_shown_as_one_short_line(tmp_path: Path) -> None:
    """An older version stored a failed poll's whole statement: megabytes per feed."""
    engine = make_engine(f"sqlite:///{tmp_path}/sovai.db")
    upgrade(engine)
    store = Store(engine)
    try:
        now = datetime.now(UTC)
        store.sync_feeds(
            [FeedConfig(url="https://feeds.test/a"), FeedConfig(url="https://feeds.test/b")], now
        )
        huge = "(psycopg.OperationalError) too many parameters\n[SQL: " + "?, " * 1_000_000
        with engine.begin() as conn:  # as the old version left it
            conn.execute(
                text("UPDATE feeds SET last_error = :e, error_count = 1 WHERE id = 1"), {"e": huge}
            )
        later = now + timedelta(minutes=5)
        store.record_poll(2, now, later, error=huge)  # and as this one records a new error
        errors = [feed.last_error or "" for feed in store.feeds()]
        assert all(0 < len(e) <= 500 and "\n" not in e for e in errors), [len(e) for e in errors]
        assert all(e.startswith("(psycopg.OperationalError) too many parameters") for e in errors)
    finally:
        store.close()
