"""Hand-run benchmark of the ledger's commands at scale (issue 12), not a test.

    .venv/bin/python bench/ledger.py                     # 1k, 10k, 100k on SQLite and PostgreSQL
    .venv/bin/python bench/ledger.py --sizes 100000 --backends sqlite --calls 60
    .venv/bin/python bench/ledger.py --explain           # also the slowest statements' plans
    .venv/bin/python bench/ledger.py --charts-ref charts # draw with bot/render/chart*.py of a
                                                         # git ref when this tree has none
    .venv/bin/python bench/ledger.py --verify-bulk 10000 # the bulk writer = the real path?
    .venv/bin/python bench/ledger.py --gc-freeze         # gc.freeze() once started (a fix)

Stores `--sizes` generated analysed articles spread over a year (`bench/ledger_data.py`)
and calls the command handlers as the bot does: `Commands(settings, store, fetcher,
senders).handle(name, text, CommandContext(...))` on the store `open_store` opens, with
the clock at the end of the generated year. Each (backend, size) runs in a fresh process,
so its peak RSS (`ru_maxrss`) is its own. Generated databases are cached under `--cache`,
keyed by size, seed and generator version. Up to 10,000 articles are stored through the
real path (`Store.save_article` with `claims_in`, about 15 minutes per 20,000 and slower
as the ledger grows); larger sizes through `bench/ledger_bulk.py`, which writes the same
rows (`--verify-bulk`). PostgreSQL gets a row-for-row copy of the SQLite database, in a
throwaway server (tests/integration/postgres_server.py), cached as a `pg_dump` archive.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# `bot` from --bot-tree when given (a before/after comparison), else from this tree; never
# from the checkout the venv was installed from
TREE = os.environ.get("SOVAI_BENCH_TREE")
sys.path[:0] = [p for p in (TREE, str(ROOT)) if p]

from bench.ledger_child import END  # noqa: E402
from bench.ledger_data import FEEDS, GEN_VERSION  # noqa: E402

GOALS = {
    "country 30": 50.0, "country 90": 50.0, "country 365": 50.0, "compare 5": 100.0,
    "search": 50.0, "digest daily": 100.0, "chart timeline": 200.0, "chart compare": 200.0,
}  # fmt: skip


@dataclass(frozen=True)
class Target:
    backend: str
    size: int
    seed: int

    @property
    def key(self) -> str:
        return f"{self.backend}-{self.size}-s{self.seed}-g{GEN_VERSION}-{_rules_hash()}"


def _rules_hash() -> str:
    """The code that decides what a stored article writes (claims and LEDGER_VERSION,
    matching, recording) and the generator: a database cached by other rules is not
    reused (open_store would also rebuild its ledger on a new LEDGER_VERSION)."""
    import hashlib

    bot = Path(os.environ.get("SOVAI_BENCH_TREE") or ROOT) / "bot"  # the tree measured
    digest = hashlib.sha1()
    files = [*sorted((bot / "ledger").glob("*.py")), bot / "store" / "ledger_store.py"]
    files += sorted((ROOT / "bench").glob("ledger_[db]*.py"))  # ledger_data, ledger_bulk
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def _cache_file(cache: Path, target: Target) -> Path:
    return cache / (target.key + (".db" if target.backend == "sqlite" else ".dump"))


def _child(args: list[str]) -> dict[str, object]:
    """Run this script's `--child …` in a fresh process; its last stdout line is JSON."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, __file__, *args], env=env, capture_output=True, text=True, check=False
    )
    sys.stderr.write(done.stderr)
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    for line in lines[:-1]:
        print(line)
    if done.returncode != 0 or not lines:
        raise SystemExit(f"child {' '.join(args)} failed (exit {done.returncode})")
    result: dict[str, object] = json.loads(lines[-1])
    return result


def _sqlite_ready(cache: Path, target: Target) -> Path:
    path = _cache_file(cache, target)
    if not path.exists():
        partial = path.with_suffix(".partial")
        for leftover in cache.glob(partial.name + "*"):
            leftover.unlink()
        print(f"generating {target.size:,} articles on SQLite (cached as {path})", flush=True)
        made = _child(
            ["--child", "generate", f"sqlite:///{partial}", str(target.size), str(target.seed)]
        )
        print(f"  stored in {made['seconds']:.0f} s ({made['path']} path)")
        partial.rename(path)
    return path


def _pg_ready(cache: Path, target: Target, server: object) -> str:
    """A database on the throwaway server holding what the SQLite cache holds (restored
    from its own `pg_dump` cache when there is one)."""
    from tests.integration.postgres_server import PostgresServer

    assert isinstance(server, PostgresServer)
    name = f"bench_{target.size}_{int(time.time() * 1000) % 10**9}"
    url = server.create_database(name)
    path = _cache_file(cache, target)
    tools = server.binaries.pg_ctl.resolve().parent  # pg_dump and pg_restore live beside it
    env = dict(os.environ, PGPASSWORD=server.password)
    conn = ["-h", server.host, "-p", str(server.port), "-U", server.user]
    began = time.perf_counter()
    if path.exists():
        subprocess.run(
            [str(tools / "pg_restore"), *conn, "-d", name, "--no-owner", str(path)],
            env=env, check=True,
        )  # fmt: skip
        print(f"  restored {path.name} in {time.perf_counter() - began:.0f} s", flush=True)
    else:
        source = _sqlite_ready(cache, Target("sqlite", target.size, target.seed))
        print(f"copying {source.name} into PostgreSQL (cached as {path})", flush=True)
        made = _child(["--child", "copy", url, str(target.size), "0", f"sqlite:///{source}"])
        print(f"  copied in {made['seconds']:.0f} s")
        partial = path.with_suffix(".partial")
        subprocess.run(
            [str(tools / "pg_dump"), *conn, "-d", name, "-Fc", "-f", str(partial)],
            env=env, check=True,
        )  # fmt: skip
        partial.rename(path)
    with server.connect(name) as pg:
        pg.execute("VACUUM ANALYZE")  # as autovacuum would soon: statistics, visibility map
    return url


def _run_all(args: argparse.Namespace) -> list[tuple[Target, dict[str, object]]]:
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    results: list[tuple[Target, dict[str, object]]] = []
    server = None
    try:
        for backend in args.backends.split(","):
            if backend == "postgresql" and server is None:
                from tests.integration.postgres_server import start_postgres

                server = start_postgres("UTC")
            for size in (int(s) for s in args.sizes.split(",")):
                target = Target(backend, size, args.seed)
                if backend == "sqlite":
                    cached = _sqlite_ready(cache, target)
                    work = Path(tempfile.mkdtemp(prefix="sovai-bench-")) / "sovai.db"
                    shutil.copyfile(cached, work)  # the cache stays pristine
                    url = f"sqlite:///{work}"
                else:
                    url = _pg_ready(cache, target, server)
                print(f"measuring {backend}, {size:,} articles", flush=True)
                extra = ["--explain"] if args.explain else []
                extra += ["--charts-ref", args.charts_ref] if args.charts_ref else []
                extra += ["--gc-freeze"] if args.gc_freeze else []
                result = _child(
                    ["--child", "measure", url, str(size), str(args.seed), str(args.calls), *extra]
                )
                results.append((target, result))
                if backend == "sqlite":
                    for leftover in work.parent.glob("*"):
                        leftover.unlink()
                    work.parent.rmdir()
    finally:
        if server is not None:
            server.stop()
    return results


ROWS = (
    ("country 30", "`/ai-country japan` (30 days), its text reply"),
    ("country 90", "`/ai-country japan 90`"),
    ("country 365", "`/ai-country japan 365`"),
    ("country x5", "five `/ai-country` at once (gather)"),
    ("country then chart", "`/ai-country japan`, then its chart drawn in the worker"),
    ("compare 5", "`/ai-compare JP KR IN FR DE`"),
    ("compare then chart", "`/ai-compare …`, then its chart drawn in the worker"),
    ("search", "`/ai-search gpus cluster`"),
    ("speaker", "`/ai-speaker <surname>`"),
    ("digest daily", "daily digest composed (`digest_for`)"),
    ("digest preview", "`/ai-digest preview`"),
    ("digest weekly", "weekly window (7 days, `digest_for`)"),
    ("facts 365", "`store.country_facts` JP 365 alone"),
    ("briefing 30", "`/ai-country japan`'s reads and reply, no chart"),
    ("briefing 365", "`/ai-country japan 365`'s reads and reply, no chart"),
    ("compare reads", "`/ai-compare JP KR IN FR DE`'s reads and reply, no chart"),
    ("chart timeline", "timeline chart alone (JP, 365 days), in the chart worker"),
    ("chart compare", "compare chart alone (5 countries), in the chart worker"),
)


def _cell(found: dict[str, object] | None) -> str:
    if not found:
        return "—"
    n = found["n"]
    text = f"{found['p50']:.1f} / {found['p99']:.1f}"
    text += f" ({found['cpu50']:.0f})" if "cpu50" in found else ""
    text += " †" if found.get("error") else ""
    return text + (f" (n={n})" if n != found.get("asked") else "")


def _print_tables(results: list[tuple[Target, dict[str, object]]], calls: int) -> None:
    for backend in dict.fromkeys(t.backend for t, _ in results):
        mine = [(t, r) for t, r in results if t.backend == backend]
        sizes = [f"{t.size // 1000}k" for t, _ in mine]
        print(f"\n{backend}: wall p50 / p99 (CPU p50) in ms over {calls} calls each (nearest "
              "rank: with 60 calls the p99 is the slowest)\n")  # fmt: skip
        print("| command | " + " | ".join(sizes) + " | goal p99 |")
        print("|---|" + "---:|" * len(sizes) + "---:|")
        for key, label in ROWS:
            cells = [_cell(r["commands"].get(key)) for _, r in mine]  # type: ignore[attr-defined]
            if all(c == "—" for c in cells):
                continue
            goal = f"< {GOALS[key]:.0f} ms" if key in GOALS else ""
            print(f"| {label} | " + " | ".join(cells) + f" | {goal} |")
        for key, label in (
            ("rss_before", "RSS before the calls (VmHWM), MB"),
            ("rss_peak", "peak RSS (ru_maxrss), MB"),
            ("hwm", "peak RSS of its own address space (VmHWM), MB"),
            ("lag_max", "longest event-loop stall, ms"),
        ):
            print(f"| {label} | " + " | ".join(f"{r[key]:.0f}" for _, r in mine) + " | |")
        loads = ", ".join(f"{r['load'][0]:.1f}–{r['load'][1]:.1f}" for _, r in mine if "load" in r)  # type: ignore[index]
        print(f"\nload average (1 min) before–after each run: {loads}")
        print(f"bot/ from {', '.join(sorted({str(r.get('bot')) for _, r in mine}))}")
        notes = {str(r.get("charts")) for _, r in mine}
        print(f"\ncharts: {', '.join(sorted(notes))}")
        errors = {str(c["error"]) for _, r in mine for c in r["commands"].values() if c["error"]}  # type: ignore[attr-defined]
        if errors:
            print(f"† the handler answered with an error reply ({'; '.join(errors)}): see the log")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--calls", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", default="/tmp/sovai-bench-ledger")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--charts-ref", default=None)
    parser.add_argument("--verify-bulk", type=int, default=None, metavar="N")
    parser.add_argument(
        "--gc-freeze", action="store_true", help="gc.freeze() after start-up, as `sovai run` does"
    )
    parser.add_argument(
        "--bot-tree", default=None, help="measure the bot/ package of this folder instead"
    )
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        from bench.ledger_child import child_main

        print(json.dumps(child_main(sys.argv[2:])))
        return
    args = parser.parse_args()
    if args.bot_tree:
        os.environ["SOVAI_BENCH_TREE"] = str(Path(args.bot_tree).resolve())
    if args.verify_bulk:
        from bench.ledger_child import verify_bulk

        verify_bulk(args.verify_bulk, args.seed)
        return
    python = f"{platform.python_implementation()} {platform.python_version()}"
    print(f"sovai ledger benchmark, {python}, {os.cpu_count()} cores, "
          f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {FEEDS} feeds, "
          f"clock at {END:%Y-%m-%d %H:%M} UTC")  # fmt: skip
    if args.bot_tree:
        print(f"bot/ from {os.environ['SOVAI_BENCH_TREE']}")
    else:
        _print_commit()
    results = _run_all(args)
    _print_tables(results, args.calls)


def _print_commit() -> None:
    head = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%h %s"], capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--short", "bot"], capture_output=True, text=True
    ).stdout.strip()
    print(f"commit {head[:80]}" + (f"; uncommitted in bot/: {dirty}" if dirty else ""))


if __name__ == "__main__":
    main()
