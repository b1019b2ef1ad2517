"""The two halves of `bench/ledger.py` that run in a process of their own: storing the
generated articles, and measuring the commands on them (one backend and size each)."""

from __future__ import annotations

import asyncio
import io
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.ledger_data import DAYS, FEEDS, speaker_surnames

END = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
REAL_PATH_MAX = 10_000  # larger sizes are stored by the bulk writer (bench/ledger_bulk.py)
BUDGET = 60.0  # seconds of timed calls per command at most: fewer calls when each is slow
COUNTRIES = ("JP", "US", "IN", "KR", "FR")
COMPARED = "JP KR IN FR DE"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _hwm_mb() -> float:
    """The peak RSS of this process's own memory since exec (Linux's VmHWM): `ru_maxrss`
    also counts the parent's peak at the fork (vfork) that started this process."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def generate(url: str, n: int, seed: int, path: str | None = None) -> dict[str, Any]:
    """Store `n` generated articles at `url` (a fresh database), as a poll would; `path`
    forces "real" or "bulk" (else real up to `REAL_PATH_MAX` articles)."""
    from bench.ledger_bulk import bulk_fill
    from bench.ledger_data import fill
    from bot.ledger_rebuild import ensure_ledger
    from bot.store.db import make_engine, upgrade
    from bot.store.repo import Store

    engine = make_engine(url)
    upgrade(engine)
    store = Store(engine)
    ensure_ledger(store, END - timedelta(days=DAYS))  # what open_store does on a fresh database
    began = time.perf_counter()
    path = path or ("real" if n <= REAL_PATH_MAX else "bulk")
    if path == "real":
        fill(store, n, seed, END)
    else:
        bulk_fill(store, n, seed, END)
    seconds = time.perf_counter() - began
    if engine.dialect.name == "sqlite":
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return {"seconds": seconds, "path": path}


def copy_database(source: str, url: str) -> dict[str, Any]:
    """Copy every table of the SQLite database at `source` into a fresh database at `url`,
    row for row with the same ids (PostgreSQL then holds exactly what SQLite does)."""
    from sqlalchemy import insert, select, text

    from bot.store.db import make_engine, upgrade
    from bot.store.tables import Base

    began = time.perf_counter()
    reader, writer = make_engine(source), make_engine(url)
    upgrade(writer)
    with reader.connect() as src, writer.begin() as dst:
        for table in Base.metadata.sorted_tables:
            rows = src.execute(select(table)).mappings()
            while chunk := [dict(row) for row in rows.fetchmany(2000)]:
                dst.execute(insert(table), chunk)
            if writer.dialect.name == "postgresql" and "id" in table.c:
                dst.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"coalesce((SELECT max(id) FROM {table.name}), 1))"
                    )
                )
    reader.dispose()
    writer.dispose()
    return {"seconds": time.perf_counter() - began, "path": "copied from SQLite"}


def sync_indexes(engine: Any) -> list[str]:
    """Create the indexes the code declares that a cached database lacks (or has on other
    columns): a database generated before an index was added still measures with it."""
    from sqlalchemy import inspect

    from bot.store.tables import Base

    done = []
    inspector = inspect(engine)
    tables = set(inspector.get_table_names())
    for table in Base.metadata.sorted_tables:
        if table.name not in tables:  # a newer table: the migration makes it and its indexes
            continue
        present = {ix["name"]: ix["column_names"] for ix in inspector.get_indexes(table.name)}
        for index in table.indexes:
            columns = [c.name for c in index.columns]
            if present.get(str(index.name)) == columns:
                continue
            if index.name in present:
                index.drop(engine)
            index.create(engine)
            done.append(f"{index.name} ({', '.join(columns)})")
    return done


def _settings(url: str, folder: Path) -> Any:
    from bot.settings import load_settings

    feeds = "".join(
        f"  - {{url: 'https://outlet{i}.example/feed.xml', name: 'Outlet {i}'}}\n"
        for i in range(FEEDS)
    )
    config = folder / "sovai.yaml"
    config.write_text(  # the URL (and its password) as a deployment passes it: DATABASE_URL
        f"feeds:\n{feeds}subscriptions:\n  - {{platform: slack, channel: C-bench}}\n",
        encoding="utf-8",
    )
    return load_settings(config, environ={"DATABASE_URL": url})


def _charts(ref: str | None) -> str:
    """Where charts come from: this tree, a git ref's bot/render/chart*.py, or nowhere."""
    import importlib.util

    import bot.render

    if importlib.util.find_spec("bot.render.charts") is not None:
        return "bot/render/charts.py of this tree"
    if not ref:
        return "absent (bot/render/charts.py is not in this tree): no chart drawn"
    root = Path(__file__).resolve().parent.parent  # the repository holding the ref
    listed = subprocess.run(
        ["git", "-C", str(root), "ls-tree", "--name-only", ref, "bot/render/"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if listed.returncode != 0:
        return f"absent (no git ref {ref!r}): no chart drawn"
    names = listed.stdout.split()
    folder = Path(tempfile.mkdtemp(prefix="sovai-charts-"))
    for name in names:
        if Path(name).name.startswith("chart"):
            source = subprocess.run(
                ["git", "-C", str(root), "show", f"{ref}:{name}"],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            (folder / Path(name).name).write_text(source, encoding="utf-8")
    bot.render.__path__.append(str(folder))  # modules missing from this tree, from the ref
    return f"bot/render/chart*.py of git ref {ref!r}"


def _summary(times: list[float], asked: int) -> dict[str, Any]:
    ordered = sorted(times)
    nearest = max(0, math.ceil(0.99 * len(ordered)) - 1)  # nearest rank: of 60, the slowest
    return {
        "n": len(times),
        "asked": asked,
        "p50": statistics.median(ordered) * 1000,
        "p99": ordered[nearest] * 1000,
        "max": ordered[-1] * 1000,
    }


class _Lag:
    """The longest the event loop was late waking a 5 ms sleeper while handlers ran."""

    def __init__(self) -> None:
        self.worst = 0.0
        self.watching = False

    async def run(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(0.005)
            late = time.perf_counter() - before - 0.005
            if self.watching:
                self.worst = max(self.worst, late)


async def _time(
    call: Callable[[], Awaitable[Any]], calls: int, lag: _Lag
) -> tuple[dict[str, Any], Any]:
    """One warm-up call (imports, caches), then up to `calls` timed ones within BUDGET."""
    began = time.perf_counter()
    result = await call()
    warm = time.perf_counter() - began
    count = max(3, min(calls, int(BUDGET / max(warm, 1e-6))))
    times, cpu = [], []
    lag.watching = not getattr(call, "blocks", False)
    for _ in range(count):
        began, used = time.perf_counter(), time.process_time()
        result = await call()
        times.append(time.perf_counter() - began)
        cpu.append(time.process_time() - used)  # every thread's: the worker's work too
    lag.watching = False
    summary = _summary(times, calls)
    summary["cpu50"] = statistics.median(cpu) * 1000
    return summary, result


def _specs(commands: Any, ctx: Any, store: Any, settings: Any, seed: int) -> dict[str, Any]:
    """Every measured call, by its row key in the printed table."""
    from bot.chat.delivery import digest_for

    surnames = speaker_surnames(seed, 10)
    turn = iter(range(10**9))
    sub = store.subscription_for("slack", "C-bench")
    config = settings.config.digest

    def handler(name: str, text: str) -> Callable[[], Awaitable[Any]]:
        return lambda: commands.handle(name, text, ctx)

    def sync(fn: Callable[[], Any]) -> Callable[[], Awaitable[Any]]:
        async def run() -> Any:
            return fn()

        run.blocks = True  # type: ignore[attr-defined]  # on the loop's thread: no lag to watch
        return run

    async def five() -> Any:
        replies = await asyncio.gather(*(commands.handle("country", c, ctx) for c in COUNTRIES))
        return next((r for r in replies if r.error), replies[0])

    def then_chart(name: str, text: str) -> Callable[[], Awaitable[Any]]:
        """The reply, then its charts as the front ends draw them after sending the text
        (the chart cache emptied first: every call draws)."""

        async def run() -> Any:
            reply = await commands.handle(name, text, ctx)
            if getattr(reply, "charts", ()):
                from bot import chart_pool

                chart_pool._cache.clear()
                await chart_pool.draw_charts(reply.charts)
            return reply

        return run

    async def speaker() -> Any:
        return await commands.handle("speaker", surnames[next(turn) % len(surnames)], ctx)

    specs: dict[str, Any] = {
        "country 30": handler("country", "japan"),
        "country 90": handler("country", "japan 90"),
        "country 365": handler("country", "japan 365"),
        "country x5": five,
        "country then chart": then_chart("country", "japan"),
        "compare then chart": then_chart("compare", COMPARED),
        "compare 5": handler("compare", COMPARED),
        "search": handler("search", "gpus cluster"),
        "speaker": speaker,
        "digest daily": sync(lambda: digest_for(store, sub, config, END)),
        "digest preview": handler("digest", "preview"),
        "digest weekly": sync(lambda: digest_for(store, sub, config, END, timedelta(days=7))),
        "facts 365": sync(lambda: store.country_facts("JP", END - timedelta(days=365), END)),
        "briefing 30": sync(lambda: _briefing(store, 30)),
        "briefing 365": sync(lambda: _briefing(store, 365)),
        "compare reads": sync(lambda: _comparison(store)),
    }
    specs.update(_chart_specs(store, sync))
    return specs


def _briefing(store: Any, days: int) -> Any:
    """What `/ai-country japan <days>` builds, without drawing its chart."""
    from bot.chat.ledger_replies import briefing_reply

    facts = store.country_facts("JP", END - timedelta(days=days), END)
    return briefing_reply(facts, store.stories_by_id(facts.story_ids), days, chart=False)


def _comparison(store: Any) -> Any:
    """What `/ai-compare JP KR IN FR DE` builds, without drawing its chart."""
    from bot.chat.ledger_replies import compare_reply

    start = END - timedelta(days=30)
    facts = [store.country_facts(c, start, END, detail=False) for c in COMPARED.split()]
    return compare_reply(facts, 30, chart=False)


def _chart_specs(store: Any, sync: Callable[[Callable[[], Any]], Any]) -> dict[str, Any]:
    """Each chart alone: drawn by the chart worker as the bot draws it (its cache emptied
    first), or in this process for a tree from before the worker."""
    try:
        from bot.render.charts import (  # type: ignore[import-not-found,unused-ignore]
            ChartPoint,
            CompareBar,
            compare_chart,
            timeline_chart,
        )
    except ImportError:
        return {}
    start = END - timedelta(days=365)
    facts = store.country_facts("JP", start, END)
    points = [ChartPoint(day, usd, gpus) for day, usd, gpus in facts.chart]
    month = END - timedelta(days=30)
    bars = [
        CompareBar(f.country, f.totals.usd, f.totals.gpus, f.totals.mw)
        for f in (store.country_facts(c, month, END, detail=False) for c in COMPARED.split())
    ]
    try:
        from bot import chart_pool  # type: ignore[attr-defined,unused-ignore]
        from bot.render.chart_specs import (  # type: ignore[import-not-found,unused-ignore]
            compare_spec,
            timeline_spec,
        )
    except ImportError:
        return {
            "chart timeline": sync(lambda: timeline_chart("JP", points, start.date(), END.date())),
            "chart compare": sync(lambda: compare_chart(bars)),
        }
    named = {"filename": "chart.png", "title": "chart", "alt": "chart"}
    specs = {
        "chart timeline": timeline_spec("JP", points, (start.date(), END.date()), **named),
        "chart compare": compare_spec(bars, **named),
    }

    def pooled(spec: Any) -> Callable[[], Awaitable[Any]]:
        async def run() -> Any:
            chart_pool._cache.clear()
            return await chart_pool.draw_charts((spec,))

        return run

    return {key: pooled(spec) for key, spec in specs.items()}


async def _measure_all(
    settings: Any, store: Any, calls: int, seed: int, explain: bool
) -> dict[str, Any]:
    from bot.chat.commands import CommandContext, Commands
    from bot.chat.delivery import TerminalSender
    from bot.feeds.fetch import Fetcher
    from bot.models import Reply

    fetcher = Fetcher(settings.config.fetch)
    senders = {p: TerminalSender(io.StringIO()) for p in ("slack", "discord", "terminal")}
    commands = Commands(settings, store, fetcher, senders)
    ctx = CommandContext("slack", "C-bench", "U-bench", False, END)
    lag = _Lag()
    ticker = asyncio.create_task(lag.run())
    out: dict[str, Any] = {}
    try:
        for key, call in _specs(commands, ctx, store, settings, seed).items():
            summary, result = await _time(call, calls, lag)
            error = isinstance(result, Reply) and result.error
            summary["error"] = result.title if error else None
            summary["reply"] = result.title[:100] if isinstance(result, Reply) else ""
            if isinstance(result, Reply):
                summary["files"] = [len(f.data) for f in result.files]
            out[key] = summary
            print(f"  {key}: p50 {summary['p50']:.1f} ms, p99 {summary['p99']:.1f} ms, "
                  f"CPU p50 {summary['cpu50']:.1f} ms "
                  f"(n={summary['n']}){' ERROR ' + str(summary['error']) if error else ''}",
                  flush=True)  # fmt: skip
            if explain:
                from bench.ledger_explain import explain_call

                await explain_call(store.engine, key, call)
    finally:
        ticker.cancel()
        await fetcher.aclose()
    out["_lag"] = lag.worst * 1000
    return out


def _freeze_after_warm_up(store: Any) -> None:
    """`--gc-freeze`: what a bot would do once started: move every object alive into the
    permanent generation, so the collector's full passes (~100 ms each here) stop
    rescanning them. A tree drawing charts in its own process draws one first (matplotlib's
    import leaves ~100,000 long-lived objects); one with the chart worker never imports it."""
    import asyncio
    import gc

    specs = _chart_specs(store, lambda fn: fn)
    if "chart timeline" in specs:
        drawn = specs["chart timeline"]()
        if asyncio.iscoroutine(drawn):  # the chart worker's: not this process's to draw
            drawn.close()
    gc.collect()
    gc.freeze()


def measure(
    url: str, n: int, seed: int, calls: int, explain: bool, ref: str | None, freeze: bool = False
) -> Any:
    import logging

    import bot
    import bot.render
    from bot.runtime import open_store

    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    charts = _charts(ref)
    if charts.startswith("absent"):  # every briefing fails on the import: say it once
        logging.getLogger("bot.chat.commands").addFilter(_once())
    folder = Path(tempfile.mkdtemp(prefix="sovai-bench-config-"))
    settings = _settings(url, folder)
    store = open_store(settings)  # migrated first: a migration's index is its own
    for made in sync_indexes(store.engine):
        print(f"  index created on the cached database: {made}", flush=True)
    if freeze:
        _freeze_after_warm_up(store)
    before = _hwm_mb()
    load = os.getloadavg()[0]
    commands = asyncio.run(_measure_all(settings, store, calls, seed, explain))
    store.close()
    shutil.rmtree(folder, ignore_errors=True)
    for extra in bot.render.__path__[1:]:  # a --charts-ref's files
        shutil.rmtree(extra, ignore_errors=True)
    lag = commands.pop("_lag")
    return {
        "size": n,
        "commands": commands,
        "rss_before": before,
        "rss_peak": _rss_mb(),
        "hwm": _hwm_mb(),
        "lag_max": lag,
        "charts": charts,
        "bot": str(Path(bot.__file__).parent),
        "load": [load, os.getloadavg()[0]],
        "gc_freeze": freeze,  # 1-minute load average before and after
    }


def _once() -> Callable[[Any], bool]:
    shown: set[str] = set()

    def keep(record: Any) -> bool:
        first = record.getMessage() not in shown
        shown.add(record.getMessage())
        return first

    return keep


def child_main(argv: list[str]) -> Any:
    what, url, n, seed, *rest = argv
    if what == "generate":
        return generate(url, int(n), int(seed))
    if what == "copy":
        return copy_database(rest[0], url)
    calls = int(rest[0])
    ref = rest[rest.index("--charts-ref") + 1] if "--charts-ref" in rest else None
    freeze = "--gc-freeze" in rest
    return measure(url, int(n), int(seed), calls, "--explain" in rest, ref, freeze)


def verify_bulk(n: int, seed: int) -> None:
    """Store `n` articles both ways into two SQLite files and compare every table."""
    from sqlalchemy import create_engine, text

    folder = Path(tempfile.mkdtemp(prefix="sovai-verify-"))
    urls = {}
    for path in ("real", "bulk"):
        urls[path] = f"sqlite:///{folder / path}.db"
        made = generate(urls[path], n, seed, path)
        print(f"{made['path']} path: {n:,} articles in {made['seconds']:.1f} s", flush=True)
    engines = [create_engine(urls["real"]), create_engine(urls["bulk"])]
    same = True
    for table in (
        "feeds", "entries", "articles", "articles_fts", "analyses", "article_countries",
        "speaker_quotes", "announcements", "announcement_sources", "ledger_state",
    ):  # fmt: skip
        order = "rowid" if table == "articles_fts" else "1, 2"
        rows = []
        for engine in engines:
            with engine.connect() as conn:
                rows.append(conn.execute(text(f"SELECT * FROM {table} ORDER BY {order}")).all())
        differ = sum(a != b for a, b in zip(*rows, strict=False)) + abs(len(rows[0]) - len(rows[1]))
        same = same and not differ
        print(f"  {table}: {len(rows[0]):,} rows real, {len(rows[1]):,} bulk, {differ} differ")
    print("identical" if same else "DIFFERENT")
    for engine in engines:
        engine.dispose()
