"""/healthz, /readyz and /metrics of the roles beyond one process, over real HTTP.

- a worker (`--metrics-port`): `ok: worker`; its /metrics counts the jobs it ran (by task,
  queue and outcome: a poll and two articles succeeded, a digest Slack refused retried)
  and their durations; 503 while PostgreSQL is down, for longer than the engine's pool
  waits, which stops Procrastinate's worker: ours starts it again and runs jobs;
- the chat role (Slack in HTTP mode): `ok: chat (Slack)` and Slack connected, 503 while
  PostgreSQL is down, healthy again after;
- two scheduler roles: one `ok: scheduler active`, the other `ok: scheduler standby`,
  and the standby says active once the leader is killed.

Each role is a real process on a real PostgreSQL; Slack is the fake one.
"""

from __future__ import annotations

import asyncio
import os
import re
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from bot.engine.app import ensure_schema, make_app
from bot.engine.defer import defer_digest_now, defer_poll
from bot.runtime import open_store
from bot.settings import Settings, load_settings
from tests.integration.bot_process import (
    clean_env,
    pg_start_again,
    pg_stop_keeping_data,
    wait_until,
)
from tests.integration.fake_slack import TOKEN, serve_fake_slack
from tests.integration.feed_server import FeedSite, rss, serve_feed
from tests.integration.postgres_server import PostgresServer, postgres_or_skip
from tests.integration.role_process import RoleProcess
from tests.integration.run_cli import database_settings
from tests.integration.test_health_metrics import free_port, get, samples, value
from tests.integration.test_slack import SECRET, signed

pytestmark = pytest.mark.postgres
FAST = {"SOVAI_STALLED_SECONDS": "2", "SOVAI_ENQUEUE_SECONDS": "0.3"}
LISTENING = re.compile(r"health and metrics on http://127\.0\.0\.1:(\d+)")


@pytest.fixture
def postgres() -> Iterator[PostgresServer]:
    yield from postgres_or_skip()


def _config(
    tmp_path: Path, url: str, site: FeedSite, extra: str = ""
) -> tuple[Path, dict[str, str]]:
    database, password = database_settings(url)
    path = tmp_path / "sovai.yaml"
    path.write_text(
        f"database: {database}\n"
        "fetch: {allow_private_networks: true, timeout: 10}\n"
        f"feeds:\n  - {{url: '{site.url('/feed.xml')}', name: Desk}}\n"
        "subscriptions:\n  - {platform: slack, channel: C01, announce_empty: true}\n"
        "metrics: {port: 0, host: 127.0.0.1, stall_after: 2}\n" + extra,
        encoding="utf-8",
    )
    return path, password


def _settings(config: Path, password: dict[str, str]) -> Settings:
    return load_settings(config, environ={**os.environ, **password})


def _listener(process: RoleProcess) -> str:
    process.wait_log("health and metrics on")
    found = LISTENING.search(process.log())
    assert found, process.log()
    return f"http://127.0.0.1:{found.group(1)}"


def _says(base: str, answer: tuple[int, str]) -> bool:
    return get(f"{base}/healthz") == answer


def _unhealthy(base: str, says: str) -> bool:
    status, text = get(f"{base}/healthz")
    return status == 503 and says in text


def _metric(base: str, name: str, **labels: str) -> float:
    found = samples(get(f"{base}/metrics")[1])
    return found.get((name, frozenset(labels.items())), -1.0)


def _defer(settings: Settings, *, poll: bool = True, digest_now: bool = False) -> None:
    """Queue jobs as the scheduler and the chat role would: the feed's poll, a digest now."""
    store = open_store(settings)
    (feed,), (sub,) = store.feeds(), store.subscriptions()
    store.close()

    async def queue() -> None:
        await ensure_schema(settings.database_url)
        app = make_app(settings.database_url)
        async with app.open_async():
            if poll:
                host = urlsplit(feed.url).hostname
                assert await defer_poll(app, feed.id, host, settings.config.fetch.per_host)
            if digest_now:
                assert await defer_digest_now(app, sub.id, datetime.now(UTC))

    asyncio.run(queue())


def _polled_before(settings: Settings) -> None:
    """The feed was polled once and is due: its items are new articles, not a first look."""
    store = open_store(settings)
    now = datetime.now(UTC)
    (feed,) = store.feeds()
    store.record_poll(feed.id, now - timedelta(hours=1), now - timedelta(seconds=1))
    store.close()


def test_a_worker_counts_its_jobs_and_is_503_while_postgres_is_down(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    url = postgres.create_database("worker_health")
    port = free_port()
    with serve_feed() as site, serve_fake_slack() as slack:
        site.feed = rss(site, [1, 2])
        config, password = _config(tmp_path, url, site)
        settings = _settings(config, password)
        _polled_before(settings)
        extra = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_API_URL": slack.api_url, **FAST}
        env = clean_env(tmp_path, {**password, **extra})
        args = ["worker", "--concurrency", "2", "--metrics-port", str(port)]
        worker = RoleProcess("worker", config, args, env, tmp_path)
        base = f"http://127.0.0.1:{port}"
        try:
            worker.wait_log(f"health and metrics on http://127.0.0.1:{port}")
            wait_until(lambda: _says(base, (200, "ok: worker\n")), "the worker to say ok")
            assert get(f"{base}/readyz") == (200, "ok: worker\n")
            for _ in range(40):  # Slack is down for every try of the digest's first attempt
                slack.fail("chat.postMessage", "internal_error")
            _defer(settings, digest_now=True)
            jobs = "sovai_jobs_total"
            wait_until(
                lambda: (
                    _metric(base, jobs, task="sovai:analyse", queue="analyse", outcome="succeeded")
                    == 2
                ),
                "two articles analysed",
            )
            wait_until(
                lambda: (
                    _metric(base, jobs, task="sovai:digest_now", queue="deliver", outcome="retried")
                    >= 1
                ),
                "the refused digest counted as retried",
            )
            page = samples(get(f"{base}/metrics")[1])
            pg_stop_keeping_data(postgres)
            wait_until(lambda: _unhealthy(base, "the database does not answer"), "/healthz 503")
            ready = get(f"{base}/readyz")
            # down longer than the engine's pool waits (30 s): Procrastinate's worker stops
            worker.wait_log("the worker stopped (", timeout=90)
            pg_start_again(postgres)
            wait_until(lambda: _says(base, (200, "ok: worker\n")), "/healthz ok again", timeout=90)
            _defer(settings)  # the feed is not due now: the job runs and does nothing
            wait_until(
                lambda: (
                    _metric(base, jobs, task="sovai:poll_feed", queue="poll", outcome="succeeded")
                    == 2
                ),
                "a job run after the outage",
                timeout=90,
            )
            assert worker.stop() == 0, worker.log()
        finally:
            worker.kill()
    assert value(page, jobs, task="sovai:poll_feed", queue="poll", outcome="succeeded") == 1
    assert value(page, jobs, task="sovai:poll_feed", queue="poll", outcome="failed") == 0
    assert value(page, jobs, task="sovai:analyse", queue="analyse", outcome="retried") == 0
    durations = "sovai_job_duration_seconds_count"
    assert value(page, durations, task="sovai:analyse", queue="analyse") == 2
    assert value(page, "sovai_jobs_running", queue="poll") == 0
    assert value(page, "sovai_database_up") == 1
    assert ("sovai_outbox_pending", frozenset()) not in page  # left to the scheduler
    assert ready[0] == 503 and "the database does not answer" in ready[1], ready
    assert "starting it again" in worker.log()  # the process stayed, and its worker came back


def test_the_chat_role_is_healthy_while_slack_is_connected_and_postgres_answers(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    url = postgres.create_database("chat_health")
    slack_port = free_port()
    with serve_feed() as site, serve_fake_slack() as slack:
        config, password = _config(
            tmp_path, url, site, f"slack: {{mode: http, port: {slack_port}}}\n"
        )
        extra = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET}
        env = clean_env(tmp_path, {**password, **extra, "SLACK_API_URL": slack.api_url})
        chat = RoleProcess("chat", config, ["run", "--role", "chat"], env, tmp_path)
        try:
            base = _listener(chat)
            wait_until(lambda: _says(base, (200, "ok: chat (Slack)\n")), "the chat role ok")
            connected = _metric(base, "sovai_frontend_connected", platform="slack")
            body = urlencode(
                {
                    "team_id": "T0FAKE",
                    "channel_id": "C01",
                    "user_id": "U0USER",
                    "command": "/ai-help",
                    "text": "",
                    "response_url": slack.response_url("r1"),
                    "trigger_id": "1.2.1",
                }
            )
            events = f"http://127.0.0.1:{slack_port}/slack/events"
            request = urllib.request.Request(events, data=body.encode(), headers=signed(body))
            with urllib.request.urlopen(request, timeout=30) as answer:
                assert answer.status == 200
            wait_until(lambda: bool(slack.responses.get("r1")), "the reply to /ai-help")
            pg_stop_keeping_data(postgres)
            wait_until(lambda: _unhealthy(base, "the database does not answer"), "/healthz 503")
            pg_start_again(postgres)
            wait_until(lambda: _says(base, (200, "ok: chat (Slack)\n")), "ok again", timeout=90)
            assert chat.stop() == 0, chat.log()
        finally:
            chat.kill()
    assert connected == 1


def test_two_scheduler_roles_say_which_leads_and_the_standby_takes_over(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    url = postgres.create_database("scheduler_health")
    with serve_feed() as site:
        config, password = _config(tmp_path, url, site)
        env = clean_env(tmp_path, {**password, **FAST})
        role = ["run", "--role", "scheduler"]
        one = RoleProcess("one", config, role, env, tmp_path)
        one_base = _listener(one)
        wait_until(lambda: _says(one_base, (200, "ok: scheduler active\n")), "the first to lead")
        two = RoleProcess("two", config, role, env, tmp_path)
        try:
            two_base = _listener(two)
            wait_until(lambda: _says(two_base, (200, "ok: scheduler standby\n")), "a standby")
            standby = _metric(two_base, "sovai_scheduler_active")
            active = _metric(one_base, "sovai_scheduler_active")
            feeds = _metric(two_base, "sovai_feed_failures_in_a_row", feed="Desk", id="1")
            one.kill()
            wait_until(lambda: _says(two_base, (200, "ok: scheduler active\n")), "the takeover")
            assert _metric(two_base, "sovai_scheduler_active") == 1
            assert two.stop() == 0, two.log()
        finally:
            one.kill()
            two.kill()
    assert (active, standby) == (1, 0)
    assert feeds == 0  # the scheduler role reports the database's gauges
