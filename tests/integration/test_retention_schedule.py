"""The scheduler's daily prune: once a day, across restarts, off unless configured."""

from __future__ import annotations

import asyncio
import itertools
import time
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import select

from bot.clock import Clock
from bot.retention import _DailyPrune, add_daily_prune
from bot.store.repo import Store
from bot.store.retention_tables import PruneRunRow
from tests.integration.retention_world import fill

T0 = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


def runs(store: Store) -> list[datetime]:
    with store.engine.connect() as conn:
        return list(conn.execute(select(PruneRunRow.ran_at).order_by(PruneRunRow.id)).scalars())


def test_the_daily_prune_runs_once_a_day_and_remembers_across_restarts(store: Store) -> None:
    fill(store, T0)
    now = [T0]
    job = _DailyPrune(store, 365, lambda: now[0])
    for hours in (0, 1, 23):
        now[0] = T0 + timedelta(hours=hours)
        asyncio.run(job.tick())
    assert runs(store) == [T0]
    restarted = _DailyPrune(store, 365, lambda: now[0])  # a new process: the last run is read
    asyncio.run(restarted.tick())
    assert runs(store) == [T0]
    now[0] = T0 + timedelta(hours=24)
    asyncio.run(restarted.tick())
    asyncio.run(restarted.tick())
    assert runs(store) == [T0, T0 + timedelta(hours=24)]


def test_the_scheduler_fires_the_prune_each_day_on_its_clock(store: Store) -> None:
    fill(store, T0)
    # an hour of the scheduler's clock every 0.05 s of real time, a check every 0.05 s
    clock = Clock(start=T0, epoch=time.time(), speed=72_000)

    async def run() -> list[datetime]:
        scheduler = AsyncIOScheduler(timezone=UTC)
        assert add_daily_prune(scheduler, store, 365, clock.now, check_seconds=0.05)
        scheduler.start()
        try:
            for _ in range(600):  # at most 30 s of real time
                await asyncio.sleep(0.05)
                if len(await asyncio.to_thread(runs, store)) >= 3:
                    break
        finally:
            scheduler.shutdown(wait=False)
        return await asyncio.to_thread(runs, store)

    done = asyncio.run(run())
    assert len(done) >= 3
    gaps = [later - earlier for earlier, later in itertools.pairwise(done)]
    assert all(gap >= timedelta(days=1) for gap in gaps)  # never twice in a day


def test_no_daily_prune_unless_retention_is_set(store: Store) -> None:
    scheduler = AsyncIOScheduler(timezone=UTC)
    assert add_daily_prune(scheduler, store, None, datetime.now) is False
    assert scheduler.get_jobs() == []
