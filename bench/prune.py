"""Hand-run benchmark of retention (issue 15), not a test.

    .venv/bin/python bench/prune.py                        # 100k articles, SQLite and PostgreSQL
    .venv/bin/python bench/prune.py --backends sqlite --size 10000

Takes the ledger benchmark's generated year of articles (`bench/ledger.py`'s cache:
`bench/ledger_data.py`, stored by `bench/ledger_bulk.py`), moves the clock half a year past
its end and prunes with `retention.articles_days: 365`, so the older half goes. Prints the
time the prune takes, the longest single batch (what a poll saving an article may wait for
the write lock), the database's size before and after (SQLite: the file after VACUUM;
PostgreSQL: `pg_total_relation_size` of every table, after a plain VACUUM and after
VACUUM FULL), and checks that the ledger and `/ai-country`'s facts for the kept window are
unchanged.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ledger import Target, _pg_ready, _sqlite_ready  # noqa: E402
from bench.ledger_child import END  # noqa: E402
from bot.retention import prune  # noqa: E402
from bot.store.db import make_engine, upgrade  # noqa: E402
from bot.store.repo import Store  # noqa: E402
from bot.store.retention_space import database_bytes, vacuum  # noqa: E402

NOW = END + timedelta(days=365 / 2)  # half of the generated year is then older than a year
COUNTRIES = ("JP", "US", "IN", "KR", "FR")
TABLES = (
    "articles", "analyses", "entries", "article_countries", "speaker_quotes", "announcements",
    "announcement_sources", "pruned_articles",
)  # fmt: skip


def _facts(store: Store) -> list[Any]:
    """What `/ai-country X 180` reads for the kept window, and the whole ledger."""
    start = NOW - timedelta(days=180)
    facts = [store.country_facts(c, start, NOW) for c in COUNTRIES]
    return [facts, store.announcements(None, None)]


def _timed_batches(store: Store) -> list[float]:
    """Wrap the store's batch writes to time each one (the write lock a batch holds)."""
    took: list[float] = []
    for name in ("prune_articles", "slim_entries"):
        inner = getattr(store, name)

        def timed(*args: Any, _inner: Any = inner, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return _inner(*args, **kwargs)
            finally:
                took.append(time.perf_counter() - began)

        setattr(store, name, timed)
    return took


def _pg_sizes(store: Store) -> int:
    from sqlalchemy import text

    with store.engine.connect() as conn:
        return sum(
            int(conn.execute(text(f"SELECT pg_total_relation_size('{t}')")).scalar_one())
            for t in TABLES
        )


def _measure(url: str, backend: str) -> None:
    engine = make_engine(url)
    began = time.perf_counter()
    upgrade(engine)
    print(f"  migrated in {time.perf_counter() - began:.0f} s", flush=True)
    store = Store(engine)
    if backend == "sqlite":
        vacuum(engine)  # the size to compare with is a compact file
    size_before = database_bytes(engine) if backend == "sqlite" else _pg_sizes(store)
    before = _facts(store)
    batches = _timed_batches(store)
    report = prune(store, 365, NOW)
    print(
        f"  pruned {report.articles:,} articles ({report.text_chars / 1e6:,.0f} MB of text) and "
        f"{report.entries:,} entries in {report.seconds:.1f} s; {len(batches)} batches, longest "
        f"{max(batches) * 1000:.0f} ms, median {statistics.median(batches) * 1000:.0f} ms",
        flush=True,
    )
    assert _facts(store) == before, "the kept window's facts changed"
    print("  ledger and /ai-country facts for the kept window: unchanged")
    if backend == "sqlite":
        began = time.perf_counter()
        vacuum(engine)
        after = database_bytes(engine)
        print(
            f"  file {size_before / 1e6:,.0f} MB → {after / 1e6:,.0f} MB after VACUUM "
            f"({time.perf_counter() - began:.0f} s)"
        )
    else:
        plain = _pg_sizes(store)
        vacuum(engine)
        after_vacuum = _pg_sizes(store)
        from sqlalchemy import text

        began = time.perf_counter()
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f"VACUUM FULL {', '.join(TABLES)}"))
        full = _pg_sizes(store)
        print(
            f"  tables {size_before / 1e6:,.0f} MB → {plain / 1e6:,.0f} MB after the prune, "
            f"{after_vacuum / 1e6:,.0f} MB after VACUUM, {full / 1e6:,.0f} MB after VACUUM FULL "
            f"({time.perf_counter() - began:.0f} s)"
        )
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", default="/tmp/sovai-bench-ledger")
    args = parser.parse_args()
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    for backend in args.backends.split(","):
        print(f"{backend}, {args.size:,} articles:", flush=True)
        if backend == "sqlite":
            source = _sqlite_ready(cache, Target("sqlite", args.size, args.seed))
            with tempfile.TemporaryDirectory() as tmp:
                work = Path(tmp) / "sovai.db"
                shutil.copyfile(source, work)  # the cache stays pristine
                _measure(f"sqlite:///{work}", backend)
        else:
            from tests.integration.postgres_server import start_postgres

            server = start_postgres("UTC")
            try:
                _measure(
                    _pg_ready(cache, Target("postgresql", args.size, args.seed), server), backend
                )
            finally:
                server.stop()


if __name__ == "__main__":
    main()
