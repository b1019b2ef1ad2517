"""The Procrastinate app over our database: its connection, its schema, our tasks.

Procrastinate keeps its queue in tables of its own (`procrastinate_jobs`, `_workers`,
`_events`…) beside ours, in the same PostgreSQL database: no broker to run, and a job is
deferred in the same kind of transaction as the rows it is about. Its schema is applied
once, the first time a role starts on a database, under a transaction-scoped advisory
lock so that workers started together do not race to create it.
"""

from __future__ import annotations

import copy
import time
import weakref
from typing import Any

import procrastinate
import psycopg
import psycopg_pool
from procrastinate import Blueprint
from procrastinate.schema import SchemaManager
from sqlalchemy.engine import make_url

from bot.engine.tasks import blueprint
from bot.store.db import idle_past_window

__all__ = ["EngineUnavailable", "conninfo", "ensure_schema", "make_app", "require_postgres"]

# pg_advisory_xact_lock(int, int): "sova", then 3 for the job engine's schema
SCHEMA_LOCK = (0x736F7661, 3)


class EngineUnavailable(Exception):
    """The roles beyond one process cannot run on this database; the message says why."""


def require_postgres(database_url: str, role: str) -> None:
    """Roles share work through the database's job queue, which needs PostgreSQL."""
    backend = make_url(database_url).get_backend_name()
    if backend != "postgresql":
        raise EngineUnavailable(
            f"{role} needs PostgreSQL (the job queue lives in the database), but the "
            f"database is {backend}: set DATABASE_URL=postgresql+psycopg://… or use "
            "`sovai run`, which does everything in one process"
        )


def conninfo(database_url: str) -> str:
    """libpq's form of our SQLAlchemy URL (`postgresql+psycopg://` → `postgresql://`)."""
    url = make_url(database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _copy_of(source: Blueprint) -> Blueprint:
    """The blueprint's tasks, copied: `add_tasks_from` renames the tasks it is given and
    binds them to its app, so a second app made from the same blueprint in one process
    would name them `sovai:sovai:…` and defer ours to a queue no worker serves."""
    fresh = Blueprint()
    clones: dict[int, Any] = {}
    for name, task in source.tasks.items():
        clone = clones.setdefault(id(task), copy.copy(task))
        clone.blueprint = fresh
        fresh.tasks[name] = clone
    return fresh


# when each pooled connection was last handed back (bot/store/db.py `idle_past_window`
# says when that is long enough ago to check it): a worker asks the queue five times an
# article (defer, fetch and finish two jobs), and the pool's own check pinged before each
_returned_at: weakref.WeakKeyDictionary[psycopg.AsyncConnection[Any], float]
_returned_at = weakref.WeakKeyDictionary()


async def _note_return(conn: psycopg.AsyncConnection[Any]) -> None:
    _returned_at[conn] = time.monotonic()


async def _check_if_idle(conn: psycopg.AsyncConnection[Any]) -> None:
    if idle_past_window(_returned_at.get(conn)):
        await psycopg_pool.AsyncConnectionPool.check_connection(conn)


def _pool(**kwargs: Any) -> psycopg_pool.AsyncConnectionPool[Any]:
    """Procrastinate's pool, with connections in autocommit (each of its calls is one
    statement, a function, so a `BEGIN` and `COMMIT` around it were two round trips of
    three) and checked only after being idle."""
    kwargs.update(check=_check_if_idle, reset=_note_return, configure=_configure)
    return psycopg_pool.AsyncConnectionPool(**kwargs)


async def _configure(conn: psycopg.AsyncConnection[Any]) -> None:
    # autocommit here, not in the pool's connection `kwargs`: the listener's own
    # connection is made from those plus an `autocommit=True` of Procrastinate's, and a
    # second one is an error
    await conn.set_autocommit(True)
    # idle from now: the pool makes connections ahead of need, and one may wait long
    # (a database restart meanwhile) before it is first handed out
    _returned_at[conn] = time.monotonic()


def make_app(database_url: str, *, pool_size: int = 4) -> procrastinate.App:
    """An app with our tasks (bot/engine/tasks.py), not yet opened; any number per process."""
    connector = procrastinate.PsycopgConnector(
        conninfo=conninfo(database_url),
        min_size=1,
        max_size=max(pool_size, 2),
        pool_factory=_pool,
    )
    app = procrastinate.App(connector=connector)
    app.add_tasks_from(_copy_of(blueprint), namespace="sovai")
    return app


async def ensure_schema(database_url: str) -> bool:
    """Create Procrastinate's tables if this database has none; True when created."""
    schema: Any = SchemaManager.get_schema()
    conn = await psycopg.AsyncConnection.connect(conninfo(database_url))
    async with conn, conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", SCHEMA_LOCK)
        found = await conn.execute("SELECT to_regclass('procrastinate_jobs')")
        row = await found.fetchone()
        if row is not None and row[0] is not None:
            return False
        await conn.execute(schema)
        return True
