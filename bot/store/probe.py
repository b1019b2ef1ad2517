"""The database as the health listener sees it: does it answer, and what is queued.

The listener asks from its own thread, on connections of its own with short timeouts,
never through the bot's pool: a pooled SQLite connection keeps reading a file that was
deleted or unmounted under it (and a new one would create an empty file in its place),
and a pooled PostgreSQL connection waits as long as the bot's own queries do. A probe
that cannot tell within a few seconds says so, which is itself the answer.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from bot.redact import redact
from bot.store.ledger_tables import AlertDeliveryRow
from bot.store.tables import DeliveryRow, FeedRow

__all__ = ["PROBE_SECONDS", "DatabaseProbe", "FeedHealth", "OpsSnapshot", "probe_engine"]

PROBE_SECONDS = 3  # a database slower than this to answer a probe is treated as down
QUEUED = ("pending", "sending")


@dataclass(frozen=True)
class FeedHealth:
    id: int
    label: str  # the feed's name, or its URL when it has none
    failures_in_a_row: int
    last_success_at: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class OpsSnapshot:
    """What /metrics reports from the database: queues and each polled feed's state."""

    outbox_pending: int  # digests queued or being sent
    alerts_pending: int  # alert posts queued or being sent
    feeds: tuple[FeedHealth, ...]


def _sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        return None
    if database.startswith("file:"):
        return None
    return Path(database).expanduser().absolute()


def probe_engine(url: str, seconds: int) -> Engine | None:
    """A pool-less engine that never creates a missing file and gives up within `seconds`;
    None for a database only the bot's own engine can see (in-memory SQLite)."""
    path = _sqlite_file(url)
    if path is not None:
        target = f"file:{quote(str(path))}?mode=rw"

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(target, uri=True, timeout=seconds, check_same_thread=False)

        return create_engine("sqlite://", creator=connect, poolclass=NullPool)
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        options = {
            "connect_timeout": max(seconds, 2),
            "options": f"-c statement_timeout={seconds}s",
        }
        return create_engine(parsed, poolclass=NullPool, connect_args=options)
    return None


def _reason(exc: Exception) -> str:
    """The driver's own first line (SQLAlchemy's text adds the statement and a link)."""
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return redact(lines[0] if lines else type(exc).__name__)


class DatabaseProbe:
    """Health checks and the queue counts over short-lived connections."""

    def __init__(self, url: str, fallback: Engine, seconds: int = PROBE_SECONDS) -> None:
        self.path = _sqlite_file(url)
        self.own = probe_engine(url, seconds)
        self.engine = self.own or fallback

    def close(self) -> None:
        if self.own is not None:
            self.own.dispose()

    def problem(self) -> str | None:
        """None when the database answers with the schema in place; else why not."""
        if self.path is not None and not self.path.exists():
            return f"the database file {self.path} is gone"
        try:
            with self.engine.connect() as conn:
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        except (SQLAlchemyError, OSError) as exc:
            return f"the database does not answer: {_reason(exc)}"
        if revision is None:
            return "the database has no schema (not migrated)"
        return None

    def snapshot(self) -> OpsSnapshot:
        """The queues and the active feeds; raises when the database does not answer."""
        with self.engine.connect() as conn:
            outbox = conn.scalar(_count(DeliveryRow.__table__, DeliveryRow.status))
            alerts = conn.scalar(_count(AlertDeliveryRow.__table__, AlertDeliveryRow.status))
            rows = conn.execute(
                select(
                    FeedRow.id,
                    FeedRow.name,
                    FeedRow.url,
                    FeedRow.error_count,
                    FeedRow.last_success_at,
                    FeedRow.created_at,
                ).where(FeedRow.active.is_(True))
            )
            feeds = tuple(
                FeedHealth(feed_id, name or url, count or 0, success, created)
                for feed_id, name, url, count, success, created in rows
            )
        return OpsSnapshot(int(outbox or 0), int(alerts or 0), feeds)


def _count(table: Any, status: Any) -> Any:
    return select(func.count()).select_from(table).where(status.in_(QUEUED))
