"""Workers hand back the jobs of a worker killed with -9, with no scheduler running, and
never the job of a live worker however long it runs.

Two workers, no scheduler; the feed's poll is queued by the test. `fetch.per_host: 1`
gives the one host a single lock key, so one article is read at a time across both
workers: while the first article's request is held, the other worker has nothing to run
but its stalled-job recovery (every SOVAI_STALLED_SECONDS, 2 s here).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.runtime import open_store
from bot.store.jobs_store import table_counts
from tests.integration.bot_process import clean_env, wait_until
from tests.integration.feed_server import rss, serve_feed
from tests.integration.postgres_server import PostgresServer, postgres_or_skip
from tests.integration.role_process import RoleProcess
from tests.integration.run_cli import database_settings
from tests.integration.test_role_health import FAST, _defer, _polled_before, _settings

pytestmark = pytest.mark.postgres
REQUEUED = "of a stopped worker queued again"


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    yield from postgres_or_skip()


def test_workers_recover_a_killed_workers_job_without_a_scheduler_and_leave_live_ones(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    database, password = database_settings(postgres.create_database("recovery"))
    with serve_feed() as site:
        site.feed = rss(site, range(1, 5))
        config = tmp_path / "sovai.yaml"
        config.write_text(
            f"database: {database}\n"
            "fetch: {allow_private_networks: true, timeout: 10, per_host: 1}\n"
            f"feeds:\n  - {{url: '{site.url('/feed.xml')}', name: Desk}}\n"
            "subscriptions:\n  - {platform: slack, channel: C01}\n",
            encoding="utf-8",
        )
        settings = _settings(config, password)
        _polled_before(settings)
        env = clean_env(tmp_path, {**password, **FAST})
        workers = {
            name: RoleProcess(name, config, ["worker", "--concurrency", "1"], env, tmp_path)
            for name in ("w1", "w2")
        }
        store = None
        try:
            for worker in workers.values():
                worker.wait_log("Starting worker on queues")
            site.hold_articles()  # the first article's request waits (up to 30 s)
            _defer(settings)
            assert site.article_requested.wait(60), "".join(w.log() for w in workers.values())
            wait_until(
                lambda: any("Starting job sovai:analyse" in w.log() for w in workers.values()),
                "a worker to start reading an article",
            )
            holder = next(w for w in workers.values() if "Starting job sovai:analyse" in w.log())
            other = next(w for w in workers.values() if w is not holder)
            time.sleep(7)  # three recovery rounds of the other worker while the job is live
            live_requeued = [name for name, w in workers.items() if REQUEUED in w.log()]
            held_requests = Counter(p for p in list(site.requests) if p.startswith("/a/"))
            holder.kill()  # mid-article: its job stays `doing` with the host's lock
            site.release()
            other.wait_log(REQUEUED)
            store = open_store(settings)
            wait_until(
                lambda: table_counts(store)["articles"] == 4 and table_counts(store)["unread"] == 0,
                "all four articles stored",
            )
            assert other.stop() == 0, other.log()
            counts = table_counts(store)
        finally:
            for worker in workers.values():
                worker.kill()
            if store is not None:
                store.close()
        requested = Counter(p for p in list(site.requests) if p.startswith("/a/"))
    assert live_requeued == []  # a live worker's job was left to it
    assert sum(held_requests.values()) == 1, held_requests  # one at a time, and it held
    assert counts == {"feeds": 1, "entries": 4, "articles": 4, "unread": 0}
    (held,) = held_requests
    assert requested[held] == 2  # read by the killed worker, then again by the other
    assert all(n == 1 for path, n in requested.items() if path != held), requested
