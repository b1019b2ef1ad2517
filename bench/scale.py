"""Beyond one process: time to drain a cold poll + analysis backlog with 1, 2, 4 workers.

Run by hand (never a test):

    python -m bench.scale [--feeds 500] [--items 2] [--workers 1,2,4] [--stored 100000]
                          [--concurrency 4] [--top 15] [--engine N]

A throwaway PostgreSQL (tests/integration/postgres_server.py, restarted with
pg_stat_statements) and feeds generated on loopback hosts (bench/scale_sites.py). With
`--stored N` each run's database starts as a copy of N stored, analysed articles with
their ledger (bench/ledger_data.py's year, stored by bench/ledger_bulk.py and cached as a
`pg_dump` archive under `--cache`, the one `bench/ledger.py` uses), copied for each run
from a template database. For each worker count: a fresh database whose feeds have all
been polled once before (so their items are new), N `sovai worker` processes, then one
`sovai run --role scheduler`; the clock runs from the scheduler's start until every new
entry is read and its article stored.

Reported per run: the load average, the share of CPU time the hypervisor stole (on a
shared VM the same run's CPU figures rise with it), the drain time, articles per second,
the speed-up over the first worker count, and per article: statements, transactions,
locks asked for (bench/scale_stats.py), rows inserted, updated, deleted and read, and CPU
milliseconds of the workers, PostgreSQL, the scheduler and this process (the feed
servers); each worker's peak RSS. The benchmark's own look at the tables (every 0.5 s)
runs with `track_counts` off and is left out of every figure. `--top N` lists the N
statements that touched the most pages in the last run, per article.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

import sys  # noqa: E402

sys.path.insert(0, str(ROOT))

from bench.scale_sites import HOSTS, sites, write_config  # noqa: E402
from bench.scale_stats import (  # noqa: E402
    DbWork,
    Statement,
    cpu_seconds,
    enable_statements,
    postgres_cpu,
    rss_mb,
    spawn,
    steal_ticks,
    workers_up,
)
from bot.runtime import open_store  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from tests.integration.postgres_server import PostgresServer, running_postgres  # noqa: E402
from tests.integration.run_cli import database_settings  # noqa: E402

TIMEOUT = 3600.0
WATCH = "/* bench:watch */"  # marks the benchmark's own statements, left out of the counts


@dataclass(frozen=True)
class Drain:
    """One drained backlog."""

    workers: int
    articles: int
    seconds: float
    load: tuple[float, float]  # 1-minute load average at the start and at the end
    per: dict[str, float]  # per article
    rss: list[float]  # peak RSS of each worker, MB
    work: DbWork
    queues: dict[str, tuple[float, int]]  # (mean, most) jobs waiting per queue
    steal: float = 0.0  # share of the machine's time the hypervisor took meanwhile


class Watch:
    """The benchmark's look at the new rows: one connection, not counted in the tables'
    statistics (`track_counts` off); its own transactions are counted to be left out."""

    def __init__(self, server: PostgresServer, name: str) -> None:
        self.conn = server.connect(name)
        self.conn.execute("SET track_counts = off")
        self.transactions = 1
        self.entries = self._one(f"SELECT {WATCH} coalesce(max(id), 0) FROM entries")
        self.articles = self._one(f"SELECT {WATCH} coalesce(max(id), 0) FROM articles")
        self.waiting: dict[str, list[int]] = {"poll": [], "analyse": []}

    def _one(self, query: str) -> int:
        self.transactions += 1
        row = self.conn.execute(query).fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def done(self, want: int) -> tuple[bool, int]:
        """Whether `want` new entries are all read and their articles stored."""
        new = f"SELECT {WATCH} count(*) FROM entries WHERE id > {self.entries}"
        unread = f"{new} AND read_at IS NULL"
        stored = self._one(f"SELECT {WATCH} count(*) FROM articles WHERE id > {self.articles}")
        self._sample_queues()
        return self._one(new) == want and self._one(unread) == 0 and stored == want, stored

    def _sample_queues(self) -> None:
        """Jobs waiting per queue now (what the scheduler's backpressure bounds)."""
        self.transactions += 1
        rows = self.conn.execute(
            f"SELECT {WATCH} queue_name, count(*) FROM procrastinate_jobs "
            "WHERE status = 'todo' GROUP BY queue_name"
        ).fetchall()
        counts = {str(queue): int(n) for queue, n in rows}
        for queue, seen in self.waiting.items():
            seen.append(counts.get(queue, 0))

    def queues(self) -> dict[str, tuple[float, int]]:
        """(mean, most) jobs waiting per queue over the run's samples."""
        return {q: (sum(s) / max(len(s), 1), max(s, default=0)) for q, s in self.waiting.items()}

    def close(self) -> None:
        self.conn.close()


def _database(server: PostgresServer, name: str, template: str | None) -> str:
    with server.connect() as conn:
        like = f" TEMPLATE {template}" if template else ""
        conn.execute(f'CREATE DATABASE "{name}"{like}')
    return server.url(name)


def _mark_polled(server: PostgresServer, name: str) -> None:
    """Every feed polled an hour ago and due now, as after a restart: its items are new."""
    with server.connect(name) as conn:
        conn.execute(
            "UPDATE feeds SET last_polled_at = now() - interval '1 hour', "
            "last_success_at = now() - interval '1 hour', error_count = 0, "
            "next_poll_at = now() - interval '1 second' WHERE active"
        )


def drain(
    server: PostgresServer, bases: list[str], args: argparse.Namespace, workers: int
) -> Drain:
    """One cold backlog drained by `workers` processes; the measures."""
    name = f"scale_{workers}_{int(time.time())}"
    url = _database(server, name, args.template)
    folder = Path(tempfile.mkdtemp(prefix="sovai-scale-"))
    database, password = database_settings(url)
    config = write_config(folder, database, bases, args.feeds)
    env = {
        **os.environ,
        **password,
        "SOVAI_HEARTBEAT": str(folder / "hb"),
        "SOVAI_LOG_LEVEL": "warning",
        "SOVAI_ENQUEUE_SECONDS": "1",
    }
    open_store(load_settings(config, environ=env)).close()  # migrated, feeds synced
    _mark_polled(server, name)
    watch = Watch(server, name)
    worker = ["worker", "--concurrency", str(args.concurrency)]
    procs = [spawn(config, worker, env, folder / f"w{n}.log") for n in range(workers)]
    deadline = time.monotonic() + 300
    while workers_up(server, name) < workers and time.monotonic() < deadline:
        time.sleep(0.2)
    before, load = DbWork.take(server, name), os.getloadavg()[0]
    pg_before, me_before = postgres_cpu(server), time.process_time()
    steal_before = steal_ticks()
    start = time.monotonic()
    procs.append(spawn(config, ["run", "--role", "scheduler"], env, folder / "scheduler.log"))
    want, stored, told = args.feeds * args.items, 0, 0
    while time.monotonic() - start < TIMEOUT:
        finished, stored = watch.done(want)
        if finished:
            break
        if (minute := int(time.monotonic() - start) // 60) > told:
            told = minute
            print(f"  … {stored} of {want} articles stored after {minute} min", flush=True)
        time.sleep(0.5)
    seconds = time.monotonic() - start
    rss = [rss_mb(p.pid) for p in procs[:workers]]
    cpu = [cpu_seconds(p.pid) for p in procs]
    pg_cpu, me_cpu = postgres_cpu(server) - pg_before, time.process_time() - me_before
    stolen, ticks = (a - b for a, b in zip(steal_ticks(), steal_before, strict=True))
    for proc in procs:
        proc.terminate()
    for proc in procs:
        proc.wait(timeout=60)
    watch.close()
    time.sleep(1.5)  # the servers' sessions have ended: their statistics are flushed
    work = DbWork.take(server, name).minus(before).without(WATCH, watch.transactions)
    n = max(stored, 1)
    per = {k: v / n for k, v in work.totals.items()}
    per |= {"queries": work.queries() / n, "locks": work.locks() / n}
    per |= {"cpu_workers": sum(cpu[:workers]) / n, "cpu_scheduler": cpu[-1] / n}
    per |= {"cpu_postgres": pg_cpu / n, "cpu_bench": me_cpu / n}
    load_at = (load, os.getloadavg()[0])
    queues = watch.queues()
    return Drain(workers, stored, seconds, load_at, per, rss, work, queues, stolen / max(ticks, 1))


def _template(server: PostgresServer, args: argparse.Namespace) -> str | None:
    """The stored articles, once, as a template each run's database is copied from."""
    if not args.stored:
        return None
    from bench.ledger import Target, _pg_ready

    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    url = _pg_ready(cache, Target("postgresql", args.stored, 1), server)
    return url.rsplit("/", 1)[1]


def report(d: Drain, first: float) -> None:
    p, ms = d.per, 1000.0
    print(
        f"{d.workers} worker(s): {d.seconds:.1f} s for {d.articles} articles, "
        f"{d.articles / d.seconds:.1f}/s, ×{first / d.seconds:.2f}; load {d.load[0]:.1f} → "
        f"{d.load[1]:.1f}, CPU steal {d.steal:.0%}; peak RSS per worker "
        f"{sum(d.rss) / len(d.rss):.0f} MB (max {max(d.rss):.0f})\n"
        f"  per article: {p['queries']:.1f} statements, "
        f"{p['xact_commit'] + p['xact_rollback']:.1f} transactions, {p['locks']:.1f} locks, "
        f"rows {p['tup_inserted']:.1f} inserted, {p['tup_updated']:.1f} updated, "
        f"{p['tup_deleted']:.1f} deleted, {p['tup_returned']:.0f} read "
        f"({p['tup_fetched']:.0f} fetched by index)\n"
        f"  CPU ms per article: workers {p['cpu_workers'] * ms:.1f}, PostgreSQL "
        f"{p['cpu_postgres'] * ms:.1f}, scheduler {p['cpu_scheduler'] * ms:.1f}, "
        f"feed servers and benchmark {p['cpu_bench'] * ms:.1f}\n"
        f"  jobs waiting (mean / most): "
        + ", ".join(f"{q} {mean:.0f} / {most}" for q, (mean, most) in d.queues.items()),
        flush=True,
    )


def _top(d: Drain, count: int) -> None:
    n = max(d.articles, 1)
    read = sorted(d.work.tables.items(), key=lambda t: -(t[1][0] + t[1][1]))[:6]
    rows = ", ".join(f"{t} {a / n:.0f} + {b / n:.0f}" for t, (a, b) in read)
    print(f"rows read per article by table (sequential + by index): {rows}")
    print(f"top statements by pages touched ({d.workers} workers), per article:")
    for st in d.work.top(count):
        _line(st, n)
    print("top statements by calls, per article:")
    for st in d.work.top(count, "calls"):
        _line(st, n)
    print("top statements by time spent running them, per article:")
    for st in d.work.top(count, "ms"):
        _line(st, n)


def _line(st: Statement, n: int) -> None:
    text = " ".join(st.query.split())[:150]
    calls, rows, pages, ms = st.calls / n, st.rows / n, st.blocks / n, st.ms / n
    print(f"  {calls:6.2f} calls {rows:7.1f} rows {pages:7.1f} pages {ms:6.3f} ms  {text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--items", type=int, default=2)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--concurrency", type=int, default=4, help="jobs at once per worker")
    parser.add_argument("--stored", type=int, default=0, help="articles stored beforehand")
    parser.add_argument("--cache", default="/tmp/sovai-bench-ledger")
    parser.add_argument("--top", type=int, default=0, help="the N costliest statements")
    parser.add_argument("--engine", type=int, default=0, help="also the engine alone, N jobs")
    args = parser.parse_args()
    print(
        f"{os.cpu_count()} cores; {args.feeds} feeds × {args.items} items on {len(HOSTS)} "
        f"loopback hosts; {args.stored} articles stored; load {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    with running_postgres() as server:
        enable_statements(server)
        if args.engine:
            from bench.scale_engine import engine_throughput

            e = asyncio.run(engine_throughput(server, args.engine))
            print(
                f"engine: {e['queued']:.0f} jobs queued/s one by one, "
                f"{e['queued_batched']:.0f}/s in batches of 50; {e['ran']:.0f} run/s (1 worker)"
            )
        args.template = _template(server, args)
        with sites(args.items) as bases:
            first, last = 0.0, None
            for workers in (int(w) for w in args.workers.split(",")):
                last = drain(server, bases, args, workers)
                first = first or last.seconds
                report(last, first)
            if args.top and last is not None:
                _top(last, args.top)


if __name__ == "__main__":
    main()
