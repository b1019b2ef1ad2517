"""Queueing in batches, and the alert sweep a worker skips, on a real PostgreSQL.

- `defer_many` queues a poll's new entries in one statement, each job with its own keys;
  when some are already waiting, the others are still queued, each once;
- `AlertWatch`: no alert set up, no look for queued alert posts; one set up is seen
  within `ALERTS_RECHECK`;
- `due_feeds_first`: a tick's worth of due feeds, the longest overdue first;
- the scheduler's backpressure: no poll is queued while the analyse queue is full, and
  as many as fit once it drains.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.engine.app import ensure_schema, make_app
from bot.engine.backlog import FIRST_GUESS
from bot.engine.defer import ANALYSE_ENTRY, analyse_args, defer_analyse, defer_many, host_lock
from bot.engine.scheduler import Enqueuer, queue_counts
from bot.engine.tasks import ALERTS_RECHECK, AlertWatch
from bot.runtime import open_store
from bot.settings import FeedConfig
from bot.store.db import make_engine, upgrade
from bot.store.jobs_store import due_feeds_first
from bot.store.repo import Store
from tests.integration.postgres_server import PostgresServer, postgres_or_skip
from tests.integration.run_cli import settings_for

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    yield from postgres_or_skip()


def _jobs(server: PostgresServer, name: str) -> list[tuple[str, str, str, dict[str, object]]]:
    with server.connect(name) as conn:
        rows = conn.execute(
            "SELECT queue_name, lock, queueing_lock, args FROM procrastinate_jobs ORDER BY id"
        ).fetchall()
    return [(str(q), str(lock), str(key), dict(args)) for q, lock, key, args in rows]  # type: ignore[call-overload]


async def _defer(url: str, steps: list[list[int]]) -> list[int]:
    await ensure_schema(url)
    app = make_app(url)
    queued = []
    async with app.open_async():
        await defer_analyse(app, 2, "Desk", None, "b.example", 2)  # waiting already
        for ids in steps:
            batch = [analyse_args(i, "Desk", None) for i in ids]
            locks = [host_lock("a.example", i, 2) for i in ids]
            queued.append(await defer_many(app, ANALYSE_ENTRY, batch, locks))
    return queued


def test_a_batch_is_queued_whole_each_job_with_its_keys_and_none_twice(
    postgres: PostgresServer,
) -> None:
    url = postgres.create_database("defer_batch")
    assert asyncio.run(_defer(url, [[10, 11, 12], [], [11, 2, 13]])) == [3, 0, 1]
    jobs = _jobs(postgres, "defer_batch")
    keys = [key for _, _, key, _ in jobs]
    assert sorted(keys) == sorted(f"entry:{i}" for i in (2, 10, 11, 12, 13))
    by_key = {key: (queue, lock, args) for queue, lock, key, args in jobs}
    queue, lock, args = by_key["entry:12"]
    assert queue == "analyse" and lock == host_lock("a.example", 12, 2)
    assert args == {"entry_id": 12, "source": "Desk", "site": None}
    assert by_key["entry:2"][1] == host_lock("b.example", 2, 2)  # the first, kept as it was
    assert by_key["entry:13"][2] == analyse_args(13, "Desk", None)  # queued one by one


def test_a_worker_looks_for_alert_posts_only_once_an_alert_exists(
    postgres: PostgresServer,
) -> None:
    url = postgres.create_database("defer_alerts")
    engine = make_engine(url)
    upgrade(engine)
    store = Store(engine)
    watch, now = AlertWatch(), datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    try:
        assert asyncio.run(watch.may_have_queued(store, now)) is False
        store.add_alert("slack", "C1", "money", 1e9, [], now)
        # trusted for a while (a stored article costs no look), then asked again
        assert asyncio.run(watch.may_have_queued(store, now + ALERTS_RECHECK / 2)) is False
        assert asyncio.run(watch.may_have_queued(store, now + ALERTS_RECHECK)) is True
    finally:
        store.close()


def test_a_tick_gets_the_longest_overdue_feeds_first_and_no_more(
    postgres: PostgresServer,
) -> None:
    engine = make_engine(postgres.create_database("defer_due"))
    upgrade(engine)
    store = Store(engine)
    now = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    try:
        store.sync_feeds([FeedConfig(url=f"https://f{n}.example/rss") for n in range(6)], now)
        ids = [f.id for f in store.feeds()]
        for minutes, feed_id in zip((5, 50, -10, 20, 30), ids[:5], strict=True):
            store.record_poll(feed_id, now - timedelta(hours=1), now - timedelta(minutes=minutes))
        # ids[5] was never polled; ids[2] is not due yet
        assert [f.id for f in due_feeds_first(store, now, 3)] == [ids[5], ids[1], ids[4]]
        assert [f.id for f in due_feeds_first(store, now, 10)] == [
            ids[5], ids[1], ids[4], ids[3], ids[0],
        ]  # fmt: skip
        assert due_feeds_first(store, now, 0) == []
    finally:
        store.close()


async def _ticks(enqueuer: Enqueuer, url: str) -> list[tuple[int, dict[str, int]]]:
    """Three ticks: with the analyse queue full, after it drained, and again."""
    app, now = enqueuer.app, datetime.now(UTC)
    seen = []
    await ensure_schema(url)
    async with app.open_async():
        batch = [analyse_args(i, "Desk", None) for i in range(1, 501)]
        await defer_many(app, ANALYSE_ENTRY, batch, [host_lock("a.example", 1, 2)] * 500)
        queued = await enqueuer.tick(now)
        seen.append((queued, (await queue_counts(app)).waiting))
        await app.connector.execute_query_async(
            "DELETE FROM procrastinate_jobs WHERE queue_name = 'analyse' AND mod(id, 5) <> 0"
        )  # the workers ran 400 of them
        queued = await enqueuer.tick(now)
        seen.append((queued, (await queue_counts(app)).waiting))
        queued = await enqueuer.tick(now + timedelta(seconds=5))  # no poll ran meanwhile
        seen.append((queued, (await queue_counts(app)).waiting))
    return seen


def test_a_tick_queues_no_poll_while_the_analyse_queue_is_full_then_what_fits(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    url = postgres.create_database("defer_backlog")
    feeds = "".join(f"  - url: http://127.0.0.1:9/f{n}.xml\n" for n in range(200))
    settings = settings_for(url, tmp_path / "sovai.yaml", f"feeds:\n{feeds}")
    store = open_store(settings)
    try:
        enqueuer = Enqueuer(settings, store, make_app(settings.database_url))
        enqueuer.budget.max_analyse = 500
        full, drained, again = asyncio.run(_ticks(enqueuer, settings.database_url))
    finally:
        store.close()
    assert full == (0, {"analyse": 500})
    # 400 places free, each poll guessed to find a full feed's entries
    room = int(400 // FIRST_GUESS)
    assert drained == (room, {"analyse": 100, "poll": room})
    # the waiting polls will fill the room: nothing more until they ran
    assert again == (0, {"analyse": 100, "poll": room})
