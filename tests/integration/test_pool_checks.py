"""Pooled connections on a real PostgreSQL: fewer round trips, still safe after a restart.

- a store's read leaves no transaction open on the server (autocommit reads), while its
  write session does hold one (so the check can fail);
- a connection idle past PING_AFTER_IDLE whose backend was killed is replaced before
  use, transparently; within the window it is used unchecked, its failure invalidates
  it, and the next attempt gets a fresh one;
- the job engine's pool hands out autocommit connections, and one whose backend was
  killed while idle is replaced before a job is queued on it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from bot.engine import app as engine_app
from bot.engine.defer import POLL_FEED, defer, host_lock
from bot.store import db
from bot.store.db import make_engine, upgrade
from bot.store.repo import Store
from tests.integration.postgres_server import PostgresServer

pytestmark = pytest.mark.postgres


def _state_of(server: PostgresServer, pid: int) -> str:
    with server.connect() as conn:
        row = conn.execute("SELECT state FROM pg_stat_activity WHERE pid = %s", (pid,)).fetchone()
    assert row is not None, f"backend {pid} is gone"
    return str(row[0])


def _terminate(server: PostgresServer, pid: int) -> None:
    with server.connect() as conn:
        conn.execute("SELECT pg_terminate_backend(%s)", (pid,))
        for _ in range(100):  # until the server has let the backend go
            gone = conn.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (pid,))
            if gone.fetchone() is None:
                return
            time.sleep(0.05)
    raise AssertionError(f"backend {pid} still there after pg_terminate_backend")


def _backends(server: PostgresServer, url: str) -> list[int]:
    name = url.rsplit("/", 1)[-1].split("?", 1)[0]
    with server.connect() as conn:
        rows = conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", (name,))
        return [int(str(row[0])) for row in rows.fetchall()]


def _pid(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())


async def _async_pid(conn: psycopg.AsyncConnection[Any]) -> int:
    found = await conn.execute("SELECT pg_backend_pid()")
    row = await found.fetchone()
    assert row is not None
    return int(row[0])


def test_a_read_leaves_no_transaction_open(
    postgres_server: PostgresServer, postgres_url: str
) -> None:
    engine = make_engine(postgres_url)
    try:
        upgrade(engine)
        store = Store(engine)
        with store._read() as s:
            pid = int(s.execute(text("SELECT pg_backend_pid()")).scalar_one())
            s.execute(text("SELECT count(*) FROM feeds"))
            assert _state_of(postgres_server, pid) == "idle"
        with store._session() as s:
            pid = int(s.execute(text("SELECT pg_backend_pid()")).scalar_one())
            assert _state_of(postgres_server, pid) == "idle in transaction"
            s.rollback()
        # the read engine shares the write engine's pool: its connections come back
        # out of autocommit, so a write after a read still runs in one transaction
        with store._session() as s:
            s.execute(text("SELECT 1"))
            pid = int(s.execute(text("SELECT pg_backend_pid()")).scalar_one())
            assert _state_of(postgres_server, pid) == "idle in transaction"
        store.close()
    finally:
        engine.dispose()


@contextmanager
def _pooled_connection_killed(server: PostgresServer, url: str) -> Iterator[tuple[Engine, int]]:
    """An engine whose one pooled connection the server has since closed, with the pid
    of that connection's backend."""
    engine = make_engine(url)
    try:
        first = _pid(engine)
        _terminate(server, first)
        yield engine, first
    finally:
        engine.dispose()


def test_an_idle_connection_killed_by_the_server_is_replaced(
    postgres_server: PostgresServer, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "PING_AFTER_IDLE", 0.2)
    with _pooled_connection_killed(postgres_server, postgres_url) as (engine, first):
        time.sleep(0.3)  # idle past the window: pinged on checkout
        assert _pid(engine) != first


def test_within_the_window_a_dead_connection_fails_once_then_is_replaced(
    postgres_server: PostgresServer, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "PING_AFTER_IDLE", 60.0)
    with _pooled_connection_killed(postgres_server, postgres_url) as (engine, first):
        with pytest.raises(DBAPIError) as failed:
            _pid(engine)
        assert failed.value.connection_invalidated
        assert _pid(engine) != first


def test_the_engine_pool_is_autocommit_and_replaces_a_dead_idle_connection(
    postgres_server: PostgresServer, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "PING_AFTER_IDLE", 0.2)

    async def scenario() -> None:
        assert await engine_app.ensure_schema(postgres_url)
        app = engine_app.make_app(postgres_url, pool_size=2)
        async with app.open_async():
            pool = app.connector.pool  # type: ignore[attr-defined]
            async with pool.connection() as conn:
                assert conn.autocommit
                pid = await _async_pid(conn)
            for backend in _backends(postgres_server, postgres_url):  # every pooled one
                _terminate(postgres_server, backend)
            await asyncio.sleep(0.3)  # idle past the window: checked when taken
            async with pool.connection() as conn:
                assert await _async_pid(conn) != pid
            lock = host_lock("news.example", 1, 1)
            assert await defer(app, POLL_FEED, {"feed_id": 1}, lock)
            assert not await defer(app, POLL_FEED, {"feed_id": 1}, lock)  # its queueing lock

    asyncio.run(scenario())
