"""Beyond one process: time to drain a cold poll + analysis backlog with 1, 2, 4 workers.

Run by hand (never a test): `python -m bench.scale [--feeds 500] [--items 2]`.

A throwaway PostgreSQL (tests/integration/postgres_server.py) and feeds generated on
loopback hosts (127.0.0.2 … 127.0.0.17, one HTTP server each, so per-host politeness
spreads as it does over real sites). For each worker count: a fresh database whose feeds
have been polled once before (so their items are new), N `sovai worker` processes, then
one `sovai run --role scheduler`; the clock runs from the scheduler's start until every
entry is read and every article stored. Reported: the drain time, articles per second,
the speed-up over one worker, the database's work per article from pg_stat_database
(transactions, rows written and read), and each worker's peak RSS.

Also, `--engine`: the job engine alone: jobs queued per second (one `defer` each), and
jobs fetched and run per second by one worker (a no-op alert job: one read each).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.runtime import open_store  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from bot.store.jobs_store import table_counts  # noqa: E402
from tests.integration.postgres_server import PostgresServer, running_postgres  # noqa: E402
from tests.integration.run_cli import database_settings  # noqa: E402

HOSTS = [f"127.0.0.{n}" for n in range(2, 18)]
COUNTRIES = ["Kenya", "Japan", "India", "France", "Brazil", "Canada", "Korea", "Nigeria"]
STAT_COLUMNS = ("xact_commit", "tup_inserted", "tup_updated", "tup_deleted", "tup_returned")
TIMEOUT = 3600.0


def _article(name: str) -> bytes:
    n = sum(map(ord, name))
    country = COUNTRIES[n % len(COUNTRIES)]
    body = "".join(
        f"<p>{country} will spend {n % 90 + 10} billion on sovereign AI compute, minister "
        f"Amina Okafor said of plan {name}, part {i}: {n * (i + 3)} GPUs for local-language "
        "models and public research by 2028.</p>"
        for i in range(4)
    )
    page = f"<html><body><article><h1>{country} AI plan {name}</h1>{body}</article></body></html>"
    return page.encode()


def _handler(items: int) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            host = f"http://{self.headers['Host']}"
            if self.path.startswith("/f/"):
                feed = self.path[3:].removesuffix(".xml")
                rows = "".join(
                    f"<item><title>AI plan {feed}-{k}</title><link>{host}/a/{feed}-{k}.html</link>"
                    f"<guid>{feed}-{k}</guid></item>"
                    for k in range(items)
                )
                channel = f"<channel><title>F{feed}</title>{rows}</channel>"
                body = f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()
                kind = "application/rss+xml"
            else:
                body, kind = _article(self.path[3:].removesuffix(".html")), "text/html"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def sites(items: int) -> Iterator[list[str]]:
    """One server per loopback host; yields their base URLs."""
    servers = [ThreadingHTTPServer((host, 0), _handler(items)) for host in HOSTS]
    for server in servers:
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield [f"http://{s.server_address[0]}:{s.server_address[1]}" for s in servers]
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def _config(folder: Path, url: str, bases: list[str], feeds: int) -> tuple[Path, dict[str, str]]:
    database, password = database_settings(url)
    lines = [f"  - {{url: '{bases[n % len(bases)]}/f/{n}.xml'}}" for n in range(feeds)]
    path = folder / "sovai.yaml"
    path.write_text(
        f"database: {database}\nfetch: {{allow_private_networks: true, timeout: 30}}\n"
        + ("feeds:\n" + "\n".join(lines) + "\n" if lines else ""),
        encoding="utf-8",
    )
    return path, password


def _stats(server: PostgresServer, name: str) -> dict[str, int]:
    with server.connect() as conn:
        row = conn.execute(
            f"SELECT {', '.join(STAT_COLUMNS)} FROM pg_stat_database WHERE datname = %s", (name,)
        ).fetchone()
    assert row is not None
    return dict(zip(STAT_COLUMNS, (int(v) for v in row), strict=True))


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _spawn(
    config: Path, args: list[str], env: dict[str, str], log: Path
) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "--config", str(config), *args],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def _workers_up(server: PostgresServer, name: str) -> int:
    with server.connect(name) as conn:
        found = conn.execute("SELECT to_regclass('procrastinate_workers')").fetchone()
        if not found or found[0] is None:
            return 0
        row = conn.execute("SELECT count(*) FROM procrastinate_workers").fetchone()
    return int(row[0]) if row else 0


def drain(
    server: PostgresServer, bases: list[str], feeds: int, items: int, workers: int
) -> dict[str, float]:
    """One cold backlog drained by `workers` processes; the measures."""
    name = f"scale_{workers}_{int(time.time())}"
    url = server.create_database(name)
    folder = Path(tempfile.mkdtemp(prefix="sovai-scale-"))
    config, password = _config(folder, url, bases, feeds)
    env = {
        **os.environ,
        **password,
        "PYTHONPATH": str(ROOT),
        "SOVAI_HEARTBEAT": str(folder / "hb"),
        "SOVAI_LOG_LEVEL": "warning",
        "SOVAI_ENQUEUE_SECONDS": "1",
    }
    store = open_store(load_settings(config, environ=env))
    now = datetime.now(UTC)
    for feed in store.feeds():  # polled once before: every item is new
        store.record_poll(feed.id, now - timedelta(hours=1), now - timedelta(seconds=1))
    procs = [
        _spawn(config, ["worker", "--concurrency", "4"], env, folder / f"w{n}.log")
        for n in range(workers)
    ]
    deadline = time.monotonic() + 300
    while _workers_up(server, name) < workers and time.monotonic() < deadline:
        time.sleep(0.2)
    before = _stats(server, name)
    start = time.monotonic()
    procs.append(_spawn(config, ["run", "--role", "scheduler"], env, folder / "scheduler.log"))
    want = feeds * items
    while time.monotonic() - start < TIMEOUT:
        counts = table_counts(store)
        if counts["entries"] == want and counts["unread"] == 0 and counts["articles"] == want:
            break
        time.sleep(0.25)
    seconds = time.monotonic() - start
    rss = [_peak_rss_mb(p.pid) for p in procs[:workers]]
    for proc in procs:
        proc.terminate()
    for proc in procs:
        proc.wait(timeout=60)
    store.close()
    time.sleep(1.0)  # the servers' sessions have ended: their statistics are flushed
    after = _stats(server, name)
    per = {k: (after[k] - before[k]) / want for k in STAT_COLUMNS}
    return {
        "seconds": seconds,
        "articles": float(table_counts_safe(url, password)),
        **per,
        "rss_max": max(rss),
        "rss_mean": sum(rss) / len(rss),
    }


def table_counts_safe(url: str, password: dict[str, str]) -> int:
    from bot.store.db import make_engine
    from bot.store.repo import Store

    store = Store(make_engine(url))
    try:
        return table_counts(store)["articles"]
    finally:
        store.close()


async def engine_throughput(server: PostgresServer, jobs: int) -> tuple[float, float]:
    """Jobs queued per second, and fetched + run per second by one worker (concurrency 8)."""
    from bot.engine.app import ensure_schema, make_app
    from bot.engine.defer import defer_alert

    name = f"engine_{int(time.time())}"
    url = server.create_database(name)
    await ensure_schema(url)
    app = make_app(url)
    async with app.open_async():
        start = time.monotonic()
        for n in range(jobs):
            await defer_alert(app, 10_000_000 + n)
        queued = jobs / (time.monotonic() - start)
    folder = Path(tempfile.mkdtemp(prefix="sovai-engine-"))
    config, password = _config(folder, url, [], 0)
    env = {
        **os.environ,
        **password,
        "PYTHONPATH": str(ROOT),
        "SOVAI_HEARTBEAT": str(folder / "hb"),
        "SOVAI_LOG_LEVEL": "warning",
    }
    proc = _spawn(
        config, ["worker", "--queues", "deliver", "--concurrency", "8"], env, folder / "w.log"
    )
    deadline = time.monotonic() + 600
    while _workers_up(server, name) < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    start, left = time.monotonic(), jobs
    while left and time.monotonic() < deadline:
        with server.connect(name) as conn:
            row = conn.execute(
                "SELECT count(*) FROM procrastinate_jobs WHERE status IN ('todo', 'doing')"
            ).fetchone()
        left = int(row[0]) if row else 0
        time.sleep(0.05)
    ran = (jobs - left) / (time.monotonic() - start)
    proc.terminate()
    proc.wait(timeout=60)
    return queued, ran


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--items", type=int, default=2)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--engine", type=int, default=0, help="also the engine alone, N jobs")
    args = parser.parse_args()
    print(
        f"{os.cpu_count()} cores; {args.feeds} feeds × {args.items} items "
        f"on {len(HOSTS)} loopback hosts; load average {os.getloadavg()[0]:.1f}"
    )
    with running_postgres() as server:
        if args.engine:
            queued, ran = asyncio.run(engine_throughput(server, args.engine))
            print(
                f"engine: {queued:.0f} jobs queued/s (one defer each), "
                f"{ran:.0f} jobs run/s (1 worker)"
            )
        with sites(args.items) as bases:
            first = 0.0
            for workers in (int(w) for w in args.workers.split(",")):
                m = drain(server, bases, args.feeds, args.items, workers)
                first = first or m["seconds"]
                print(
                    f"{workers} worker(s): {m['seconds']:.1f} s, "
                    f"{m['articles'] / m['seconds']:.1f} articles/s, "
                    f"×{first / m['seconds']:.2f}; per article: "
                    f"{m['xact_commit']:.1f} transactions, {m['tup_inserted']:.1f} rows inserted, "
                    f"{m['tup_updated']:.1f} updated, {m['tup_deleted']:.1f} deleted, "
                    f"{m['tup_returned']:.0f} read; peak RSS per worker {m['rss_mean']:.0f} MB "
                    f"(max {m['rss_max']:.0f})"
                )


if __name__ == "__main__":
    main()
