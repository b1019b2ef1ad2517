"""The chat role's `/ai-digest now`: queued, not posted by the front end; a worker posts it once."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest

from bot.chat.commands import CommandContext, Commands
from bot.chat.delivery import TerminalSender
from bot.chat.digest_now import queue_with
from bot.engine.app import conninfo, ensure_schema, make_app
from bot.engine.defer import defer_digest_now
from bot.feeds.fetch import Fetcher
from bot.runtime import open_store
from bot.settings import load_settings
from bot.store.repo import SubscriptionState
from tests.integration.bot_process import clean_env, wait_until
from tests.integration.fake_slack import TOKEN, serve_fake_slack
from tests.integration.postgres_server import PostgresServer, postgres_or_skip
from tests.integration.role_process import RoleProcess
from tests.integration.run_cli import database_settings

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    yield from postgres_or_skip()


def _queued(url: str) -> list[tuple[str, dict[str, object]]]:
    with psycopg.connect(conninfo(url)) as conn:
        rows = conn.execute("SELECT task_name, args FROM procrastinate_jobs ORDER BY id")
        return [(name, args) for name, args in rows.fetchall()]


def test_digest_now_in_the_chat_role_is_queued_then_posted_once_by_a_worker(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    url = postgres.create_database("chat_now")
    database, password = database_settings(url)
    config = tmp_path / "sovai.yaml"
    config.write_text(
        f"database: {database}\n"
        "subscriptions:\n  - {platform: slack, channel: C01, announce_empty: true}\n",
        encoding="utf-8",
    )
    settings = load_settings(config, environ={**os.environ, **password})
    store = open_store(settings)
    app = make_app(settings.database_url)
    # no Slack client here: a front end that posted itself would print to the terminal
    commands = Commands(
        settings, store, Fetcher(settings.config.fetch), {"slack": TerminalSender()}
    )
    ctx = CommandContext("slack", "C01", "U1", True, datetime.now(UTC))

    async def ask() -> list[str]:
        await ensure_schema(settings.database_url)
        async with app.open_async():

            async def enqueue(sub: SubscriptionState, now: datetime) -> bool:
                return await defer_digest_now(app, sub.id, now)

            queue_with(enqueue)
            try:
                first = await commands.handle("digest", "now", ctx)
                again = await commands.handle("digest", "now", ctx)  # one waits already
            finally:
                queue_with(None)
        return [first.title, again.title]

    try:
        titles = asyncio.run(ask())
        assert titles == ["The digest is queued: it is posted here in a moment."] * 2
        ((task, args),) = _queued(url)
        assert task == "sovai:digest_now" and args["subscription_id"] == store.subscriptions()[0].id
        assert not store.unsent_deliveries()  # the front end composed and posted nothing
        with serve_fake_slack() as slack:
            env = clean_env(
                tmp_path, {**password, "SLACK_BOT_TOKEN": TOKEN, "SLACK_API_URL": slack.api_url}
            )
            worker = RoleProcess("worker", config, ["worker", "--queues", "deliver"], env, tmp_path)
            try:
                wait_until(lambda: bool(slack.messages("C01")), "the digest posted by the worker")
                wait_until(lambda: "ended with status: Success" in worker.log(), "the job done")
                assert worker.stop() == 0, worker.log()
            finally:
                worker.kill()
            posted = slack.messages("C01")
    finally:
        store.close()
    keys = [m["metadata"]["event_payload"]["digest_key"] for m in posted]
    assert len(keys) == len(set(keys)) >= 1
