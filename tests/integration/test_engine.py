"""The job engine on a real PostgreSQL, with real worker and scheduler processes.

- two workers drain a backlog: every article fetched, analysed and stored once;
- a worker killed (-9) in the middle of a job: the scheduler sees it stop beating and
  queues its job again, another worker finishes it, nothing lost, nothing posted twice;
- two schedulers: one queues, the other waits as a standby; each digest is posted once.

Stalls are detected after SOVAI_STALLED_SECONDS (2 s here; 30 s by default), and the
scheduler looks at the database every SOVAI_ENQUEUE_SECONDS (0.3 s here).
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.runtime import open_store
from bot.settings import load_settings
from bot.store.jobs_store import table_counts
from bot.store.repo import Store
from tests.integration.bot_process import clean_env, test_clock, wait_until
from tests.integration.fake_slack import TOKEN, FakeSlack, serve_fake_slack
from tests.integration.feed_server import FeedSite, rss, serve_feed
from tests.integration.postgres_server import PostgresServer, postgres_or_skip
from tests.integration.role_process import RoleProcess
from tests.integration.run_cli import database_settings

pytestmark = pytest.mark.postgres
FAST = {"SOVAI_STALLED_SECONDS": "2", "SOVAI_ENQUEUE_SECONDS": "0.3"}


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    yield from postgres_or_skip()


def _config(
    tmp_path: Path, url: str, site: FeedSite, channels: list[str], per_host: int = 2
) -> tuple[Path, dict[str, str]]:
    database, password = database_settings(url)
    subs = "".join(
        f"  - {{platform: slack, channel: {c}, announce_empty: true}}\n" for c in channels
    )
    path = tmp_path / "sovai.yaml"
    path.write_text(
        f"database: {database}\n"
        f"fetch: {{allow_private_networks: true, timeout: 10, per_host: {per_host}}}\n"
        f"feeds:\n  - {{url: '{site.url('/feed.xml')}', name: Desk}}\n"
        "digest: {time: '08:00', timezone: UTC, grace_hours: 48}\n"
        + (f"subscriptions:\n{subs}" if subs else ""),
        encoding="utf-8",
    )
    return path, password


def _seen_once_already(config: Path, env: dict[str, str]) -> Store:
    """The store, its feed recorded as polled once and due: its items are new, not a first look."""
    store = open_store(load_settings(config, environ={**os.environ, **env}))
    now = datetime.now(UTC)
    (feed,) = store.feeds()
    store.record_poll(feed.id, now - timedelta(hours=1), now - timedelta(seconds=1))
    return store


def _articles_requested(site: FeedSite) -> Counter[str]:
    return Counter(p for p in list(site.requests) if p.startswith("/a/"))


def _posts(slack: FakeSlack, channels: list[str]) -> Counter[tuple[str, str, int]]:
    counts: Counter[tuple[str, str, int]] = Counter()
    for channel in channels:
        for message in slack.messages(channel):
            payload = message["metadata"]["event_payload"]
            counts[(channel, payload["digest_key"], payload["part"])] += 1
    return counts


def _wait_requeued(*processes: RoleProcess) -> None:
    """The killed worker's job queued again: by the scheduler or the other worker, whichever
    looks first (both recover stalled jobs, one at a time: bot/engine/recovery.py)."""
    wait_until(
        lambda: any("of a stopped worker queued again" in p.log() for p in processes),
        "the stalled job queued again",
    )


def _stop_all(processes: list[RoleProcess]) -> None:
    for process in processes:
        process.kill()


def test_two_workers_drain_a_backlog_each_article_handled_once(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    url = postgres.create_database("backlog")
    with serve_feed() as site:
        site.feed = rss(site, range(1, 41))
        # every article is on one host: with its default 2 requests at once, one worker
        # (2 at a time) could hold both of the host's slots and take each one back the
        # moment it frees, before the other worker looks again
        config, password = _config(tmp_path, url, site, [], per_host=4)
        env = clean_env(tmp_path, {**password, **FAST})
        store = _seen_once_already(config, password)
        run = [
            RoleProcess("scheduler", config, ["run", "--role", "scheduler"], env, tmp_path),
            *(
                RoleProcess(f"w{n}", config, ["worker", "--concurrency", "2"], env, tmp_path)
                for n in (1, 2)
            ),
        ]
        try:
            wait_until(
                lambda: (
                    table_counts(store) | {"feeds": 0}
                    == {"feeds": 0, "entries": 40, "articles": 40, "unread": 0}
                ),
                "the 40 articles read",
                timeout=120,
            )
            time.sleep(1.0)  # a second handling of any item would show up by now
            for process in run:
                assert process.stop() == 0, process.log()
        finally:
            _stop_all(run)
            store.close()
        requested = _articles_requested(site)
        feeds = site.requests.count("/feed.xml")
    assert set(requested) == {f"/a/{n}.html" for n in range(1, 41)}
    assert max(requested.values()) == 1, requested
    assert feeds == 1  # polled once, by one of the workers
    worked = [
        p.name
        for p in (tmp_path / "w1.err", tmp_path / "w2.err")
        if "Starting job sovai:analyse" in p.read_text(encoding="utf-8")
    ]
    assert len(worked) == 2, "both workers took articles"


def _env_with_clock(
    tmp_path: Path, password: dict[str, str], slack: FakeSlack, **clock: float
) -> dict[str, str]:
    day = (datetime.now(UTC) + timedelta(days=7)).replace(hour=7, minute=59, second=0)
    start = day + timedelta(seconds=clock.get("offset", 0.0))
    when = test_clock(start, epoch=time.time() + clock.get("delay", 4.0), speed=clock["speed"])
    extra = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_API_URL": slack.api_url, "SOVAI_TEST_CLOCK": when}
    return clean_env(tmp_path, {**password, **FAST, **extra})


def test_a_worker_killed_mid_post_has_its_digest_finished_by_another_posted_once(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    url = postgres.create_database("kill_post")
    with serve_feed() as site, serve_fake_slack() as slack:
        config, password = _config(tmp_path, url, site, ["C01"])
        slack.hold_at = 1  # the first message is stored, and its answer held: then the kill
        env = _env_with_clock(tmp_path, password, slack, offset=55, speed=1.0, delay=6.0)
        deliver = ["worker", "--queues", "deliver", "--concurrency", "1"]
        scheduler = RoleProcess("scheduler", config, ["run", "--role", "scheduler"], env, tmp_path)
        first = RoleProcess("first", config, deliver, env, tmp_path)
        run = [scheduler, first]
        try:
            assert slack.held.wait(60), scheduler.log() + first.log()
            first.kill()  # posted, but the worker never heard so
            slack.release.set()
            second = RoleProcess("second", config, deliver, env, tmp_path)
            run.append(second)
            _wait_requeued(scheduler, second)
            second.wait_log("sovai:deliver_slot")
            wait_until(lambda: "ended with status: Success" in second.log(), "the retried job")
            for process in (scheduler, second):
                assert process.stop() == 0, process.log()
        finally:
            _stop_all(run)
        posts = _posts(slack, ["C01"])
    # the held digest (the slot missed within the grace, sent first) and the next day's
    assert len({key for (_, key, _) in posts}) >= 1, "the digest was posted"
    assert max(posts.values()) == 1, posts


def test_a_worker_killed_mid_article_has_it_read_by_another_nothing_lost(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    url = postgres.create_database("kill_article")
    with serve_feed() as site:
        site.feed = rss(site, range(1, 6))
        config, password = _config(tmp_path, url, site, [])
        env = clean_env(tmp_path, {**password, **FAST})
        store = _seen_once_already(config, password)
        site.hold_articles()  # the first article request waits: the worker is killed then
        worker = ["worker", "--concurrency", "1"]
        scheduler = RoleProcess("scheduler", config, ["run", "--role", "scheduler"], env, tmp_path)
        first = RoleProcess("first", config, worker, env, tmp_path)
        run = [scheduler, first]
        try:
            assert site.article_requested.wait(60), scheduler.log() + first.log()
            first.kill()
            site.release()
            second = RoleProcess("second", config, worker, env, tmp_path)
            run.append(second)
            _wait_requeued(scheduler, second)
            wait_until(
                lambda: table_counts(store)["articles"] == 5 and table_counts(store)["unread"] == 0,
                "all five articles stored",
            )
            for process in (scheduler, second):
                assert process.stop() == 0, process.log()
        finally:
            _stop_all(run)
            counts = table_counts(store)
            store.close()
    assert counts == {"feeds": 1, "entries": 5, "articles": 5, "unread": 0}
    assert "Starting job sovai:analyse" in first.log()  # killed in the middle of one


def test_two_schedulers_one_queues_each_digest_posted_once(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    channels = ["C01", "C02", "C03"]
    url = postgres.create_database("two_schedulers")
    with serve_feed() as site, serve_fake_slack() as slack:
        config, password = _config(tmp_path, url, site, channels)
        env = _env_with_clock(tmp_path, password, slack, speed=14_400.0)  # a day in 6 s
        role = ["run", "--role", "scheduler"]
        schedulers = [RoleProcess(n, config, role, env, tmp_path) for n in ("one", "two")]
        worker = RoleProcess("worker", config, ["worker", "--queues", "deliver"], env, tmp_path)
        run = [*schedulers, worker]

        def rounds() -> int:
            keys = {c: {k for (ch, k, _) in _posts(slack, channels) if ch == c} for c in channels}
            return min(len(k) for k in keys.values())

        try:
            wait_until(
                lambda: any("waiting as a standby" in s.log() for s in schedulers),
                "one of the two schedulers to wait as a standby",
            )
            standby = next(s for s in schedulers if "waiting as a standby" in s.log())
            leader = next(s for s in schedulers if s is not standby)
            wait_until(lambda: rounds() >= 2, "two digest rounds", timeout=90)
            assert "scheduling: queueing" not in standby.log()
            leader.kill()
            standby.wait_log("took over scheduling")
            wait_until(lambda: rounds() >= 4, "two more rounds after the takeover", timeout=90)
            for process in (standby, worker):
                assert process.stop() == 0, process.log()
        finally:
            _stop_all(run)
        posts = _posts(slack, channels)
    assert max(posts.values()) == 1, {p: n for p, n in posts.items() if n > 1}
    for channel in channels:  # one digest per channel per day (keys start YYYYMMDD)
        days = Counter(key[:8] for (ch, key, _) in posts if ch == channel)
        assert max(days.values()) == 1, days
