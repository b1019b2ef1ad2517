"""`bench/ledger.py --explain`: the statements one call runs, slowest first, with the plan
the database chose for each (SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN ANALYZE)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import Engine, event

__all__ = ["explain_call"]

SHOWN = 3  # statements per call


async def explain_call(engine: Engine, key: str, call: Callable[[], Awaitable[Any]]) -> None:
    """Run `call` once recording each statement's time, then print the slowest' plans."""
    seen: list[tuple[float, str, Any]] = []
    started: dict[int, float] = {}

    def before(
        conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool
    ) -> None:
        started[id(cursor)] = time.perf_counter()

    def after(
        conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool
    ) -> None:
        took = time.perf_counter() - started.pop(id(cursor), time.perf_counter())
        seen.append((took, statement, params))

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    try:
        await call()
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)
    total = sum(t for t, _, _ in seen) * 1000
    print(f"    [{key}] {len(seen)} statements, {total:.1f} ms in the database driver")
    for took, statement, params in sorted(seen, key=lambda s: -s[0])[:SHOWN]:
        print(f"    {took * 1000:8.1f} ms  {' '.join(statement.split())[:400]}")
        for line in _plan(engine, statement, params):
            print(f"               | {line}")


def _plan(engine: Engine, statement: str, params: Any) -> list[str]:
    prefix = (
        "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN (ANALYZE, BUFFERS) "
    )
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(prefix + statement, params).all()
    except Exception as exc:  # a plan is a diagnosis: never fail the benchmark for it
        return [f"(no plan: {type(exc).__name__}: {str(exc)[:120]})"]
    if engine.dialect.name == "sqlite":
        return [str(row[-1]) for row in rows]
    return [str(row[0]) for row in rows]
