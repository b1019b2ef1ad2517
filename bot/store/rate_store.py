"""The post rate budget's shared state: one row per bucket, for every poster at once.

A slot is taken by ONE atomic statement, committed on its own (autocommit): on
PostgreSQL `UPDATE … RETURNING` whose CTE locks the call's bucket rows `FOR UPDATE`
(in key order, so two posters never deadlock) for the few microseconds of the
statement; on SQLite the same UPDATE, which holds the file's write lock while it runs.
One round trip per call (two when the slot is in the future: a pause reported while
the caller slept is checked before the slot is used), no lock held while anyone
sleeps: the slot is taken first, and the caller sleeps until it comes. A slot further
off than the caller would wait is not taken at all, so posters giving up under a load
never push the slots further out. The clock is the database's, so workers whose clocks
disagree still pace together.

SQLite uses the same table rather than a bucket in memory: the same code and its tests
hold for both, and two processes on one file (`sovai digest` beside `sovai run`) share
the pace too; one small write per post costs far less than the post itself.

The engine here is a dedicated one (`rate_engine`): autocommit, and no ping before each
use (a ping would double the round trips); a connection the server dropped is retried
once on a fresh one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import BindParameter, Engine, Float, String, bindparam, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.db import make_engine
from bot.store.tables import Base

__all__ = ["Paced", "RateBucketRow", "RateStore", "rate_engine"]


class Paced(Protocol):
    """A bucket as the policy names it (`bot.chat.rate_budget.Bucket`): its key, and
    its pace until the platform says otherwise."""

    @property
    def key(self) -> str: ...

    @property
    def period(self) -> float: ...


class RateBucketRow(Base):
    """A bucket's pace and next free slot (epoch seconds, the database's clock)."""

    __tablename__ = "rate_buckets"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    period: Mapped[float] = mapped_column(Float, nullable=False)
    next_at: Mapped[float] = mapped_column(Float, nullable=False, server_default="0")
    paused_until: Mapped[float] = mapped_column(Float, nullable=False, server_default="0")


_NOW = {
    "postgresql": "CAST(extract(epoch FROM clock_timestamp()) AS double precision)",
    "sqlite": "((julianday('now') - 2440587.5) * 86400.0)",
}
_RESERVE = {
    "postgresql": """
WITH cur AS (
  SELECT key, next_at, paused_until FROM rate_buckets WHERE key IN :keys ORDER BY key FOR UPDATE
), slot AS (
  SELECT GREATEST({now}, MAX(cur.next_at), MAX(cur.paused_until)) AS at FROM cur
)
UPDATE rate_buckets AS b SET next_at = slot.at + b.period FROM slot
WHERE b.key IN :keys AND slot.at - {now} <= :limit
RETURNING slot.at - {now}""",
    "sqlite": """
WITH slot AS MATERIALIZED (
  SELECT max({now}, max(next_at), max(paused_until)) AS at FROM rate_buckets WHERE key IN :keys
)
UPDATE rate_buckets SET next_at = (SELECT at FROM slot) + period
WHERE key IN :keys AND (SELECT at FROM slot) - {now} <= :limit
RETURNING next_at - period - {now}""",
}
_PAUSE = {
    "postgresql": "UPDATE rate_buckets SET paused_until = GREATEST(paused_until, {now} + :s) "
    "WHERE key IN :keys",
    "sqlite": "UPDATE rate_buckets SET paused_until = max(paused_until, {now} + :s) "
    "WHERE key IN :keys",
}
_PAUSED = "SELECT max(paused_until) - {now} FROM rate_buckets WHERE key IN :keys"
_ENSURE = (
    "INSERT INTO rate_buckets (key, period, next_at, paused_until) VALUES (:key, :period, 0, 0) "
    "ON CONFLICT (key) DO NOTHING"
)
_LEARN = "UPDATE rate_buckets SET period = :period WHERE key = :key AND period <> :period"
_FORGET = "DELETE FROM rate_buckets WHERE key LIKE :prefix"


def rate_engine(url: str) -> Engine:
    """An engine for the budget alone: autocommit, no ping before each use."""
    if make_url(url).get_backend_name() == "sqlite":
        return make_engine(url).execution_options(isolation_level="AUTOCOMMIT")
    return create_engine(url, isolation_level="AUTOCOMMIT", pool_size=2, max_overflow=4)


class RateStore:
    """Takes slots in shared buckets; pauses them after a 429; keeps a learned pace."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        dialect = engine.dialect.name if engine.dialect.name in _NOW else "postgresql"
        now = _NOW[dialect]
        keys: BindParameter[list[str]] = bindparam("keys", expanding=True)
        self._reserve = text(_RESERVE[dialect].format(now=now)).bindparams(keys)
        self._pause = text(_PAUSE[dialect].format(now=now)).bindparams(keys)
        self._paused = text(_PAUSED.format(now=now)).bindparams(keys)
        self._known: set[str] = set()  # buckets whose row this process made sure of
        self.round_trips: dict[str, int] = {}  # statements sent, by kind: what posts cost

    def reserve(self, buckets: Sequence[Paced], within: float = 86_400.0) -> float | None:
        """Take the next slot common to `buckets`; the seconds until it comes (0: now),
        or None, taking nothing, when it is more than `within` seconds off."""
        self._ensure(buckets)
        keys = sorted({b.key for b in buckets})
        rows = self._run(self._reserve, {"keys": keys, "limit": float(within)}, "reserve")
        return max(max(float(r[0]), 0.0) for r in rows) if rows else None

    def pause(self, buckets: Sequence[Paced], seconds: float) -> None:
        """Nobody takes a slot in `buckets` for `seconds` from now (a 429's Retry-After)."""
        self._ensure(buckets)
        keys = sorted({b.key for b in buckets})
        self._run(self._pause, {"keys": keys, "s": float(seconds)}, "pause")

    def paused_for(self, buckets: Sequence[Paced]) -> float:
        """Seconds left of a pause on any of `buckets` (0: none): a slot taken before a
        429 was reported is checked so before it is used."""
        rows = self._run(self._paused, {"keys": sorted({b.key for b in buckets})}, "check")
        return max(float(rows[0][0] or 0.0), 0.0) if rows else 0.0

    def learn(self, bucket: Paced, period: float) -> None:
        """The bucket's pace as the platform told it (Discord's headers)."""
        self._ensure((bucket,))
        self._run(text(_LEARN), {"key": bucket.key, "period": float(period)}, "learn")

    def forget(self, prefix: str) -> None:
        """Drop the buckets whose key starts with `prefix` (a test's or a bench's own)."""
        self._run(text(_FORGET), {"prefix": prefix + "%"}, "forget")
        self._known = {k for k in self._known if not k.startswith(prefix)}

    def _ensure(self, buckets: Sequence[Paced]) -> None:
        for bucket in buckets:
            if bucket.key not in self._known:
                self._run(text(_ENSURE), {"key": bucket.key, "period": bucket.period}, "ensure")
                self._known.add(bucket.key)

    def _run(
        self, statement: object, params: dict[str, object], kind: str
    ) -> list[tuple[Any, ...]]:
        """One statement, committed on its own; once more on a fresh connection when the
        server had dropped the pooled one (it changed nothing then)."""
        for attempt in (1, 2):
            try:
                with self.engine.connect() as conn:
                    self.round_trips[kind] = self.round_trips.get(kind, 0) + 1
                    result = conn.execute(statement, params)  # type: ignore[call-overload]
                    return [tuple(r) for r in result] if result.returns_rows else []
            except DBAPIError as exc:
                if attempt == 2 or not exc.connection_invalidated:
                    raise
        return []
