"""What the scale benchmark counts besides the clock: the database's work and everyone's CPU.

- `enable_statements(server)`: restarts the throwaway PostgreSQL with pg_stat_statements
  loaded (the test server starts without it), so every statement's calls, rows and
  buffers are counted, per database.
- `DbWork.take(server, name)`: a snapshot of pg_stat_database (transactions, rows
  inserted, updated, deleted and read) and pg_stat_statements (calls, rows, the row
  locks and advisory locks the statements take) for one database; `a.minus(b)` the work
  between two snapshots.
- `cpu_seconds(pid)` and `postgres_cpu(server)`: CPU time (user + system) of a process,
  and of the whole PostgreSQL server, ended backends included (a parent's `cutime`
  counts the children it reaped), from /proc; `rss_mb(pid)` its peak resident memory.
- `spawn` and `workers_up`: a `sovai` process of this tree, and how many workers the job
  engine knows.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tests.integration.postgres_server import PostgresServer

ROOT = Path(__file__).resolve().parents[1]

__all__ = [
    "DbWork",
    "Statement",
    "cpu_seconds",
    "enable_statements",
    "postgres_cpu",
    "rss_mb",
    "spawn",
    "workers_up",
]

STAT_COLUMNS = ("xact_commit", "xact_rollback", "tup_inserted", "tup_updated", "tup_deleted")
# rows a statement reads: returned by its scans (seq + index), the same counter as
# pg_stat_database.tup_returned
_TICKS = os.sysconf("SC_CLK_TCK")
_ROW_LOCK = re.compile(r"\bFOR\s+(NO\s+KEY\s+)?(UPDATE|SHARE)\b", re.IGNORECASE)
_ADVISORY = re.compile(r"pg_(try_)?advisory", re.IGNORECASE)
# procrastinate's functions take row locks inside PL/pgSQL, which pg_stat_statements
# shows only as the function call: fetch locks one job row (FOR UPDATE SKIP LOCKED),
# finish and retry update it
_LOCKING_CALLS = re.compile(r"procrastinate_(fetch_job|finish_job|retry_job)", re.IGNORECASE)


def enable_statements(server: PostgresServer) -> None:
    """Load pg_stat_statements (a restart: `shared_preload_libraries`)."""
    with server.connect() as conn:
        conn.execute("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'")
    # the log file, not our pipe: the server keeps its stdout open as long as it runs
    pg_ctl = [str(server.binaries.pg_ctl), "-D", str(server.data_dir), "-l", str(server.log_file)]
    subprocess.run(
        server.run_as.wrap([*pg_ctl, "-w", "-t", "60", "restart"]),
        cwd=server.root,
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=120,
    )
    with server.connect() as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")


@dataclass(frozen=True)
class Statement:
    """One normalised statement's counters."""

    query: str
    calls: int
    rows: int
    blocks: int  # shared buffers hit or read: the pages it touched
    ms: float = 0.0  # time spent running it (pg_stat_statements' total_exec_time)


@dataclass(frozen=True)
class DbWork:
    """One database's counters at a moment (or the difference of two moments)."""

    totals: Mapping[str, int]
    statements: Mapping[str, Statement]
    tables: Mapping[str, tuple[int, int]]  # rows read by sequential scans, by index scans

    @classmethod
    def take(cls, server: PostgresServer, name: str) -> DbWork:
        with server.connect() as conn:
            row = conn.execute(
                f"SELECT {', '.join(STAT_COLUMNS)}, tup_returned, tup_fetched "
                "FROM pg_stat_database WHERE datname = %s",
                (name,),
            ).fetchone()
            assert row is not None
            found = conn.execute(
                "SELECT s.query, sum(s.calls), sum(s.rows), "
                "sum(s.shared_blks_hit + s.shared_blks_read), sum(s.total_exec_time) "
                "FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid "
                "WHERE d.datname = %s GROUP BY s.query",
                (name,),
            ).fetchall()
        with server.connect(name) as conn:  # the table statistics are per database
            conn.execute("SET track_counts = off")
            tables = conn.execute(
                "SELECT relname, coalesce(seq_tup_read, 0), coalesce(idx_tup_fetch, 0) "
                "FROM pg_stat_user_tables"
            ).fetchall()
        names = (*STAT_COLUMNS, "tup_returned", "tup_fetched")
        totals = dict(zip(names, map(int, row), strict=True))
        totals["xact_commit"] -= 2  # this look's own connection: SET, then the SELECT
        statements = {
            str(q): Statement(str(q), int(c), int(r), int(b), float(t)) for q, c, r, b, t in found
        }
        return cls(totals, statements, {str(t): (int(a), int(b)) for t, a, b in tables})

    def minus(self, before: DbWork) -> DbWork:
        totals = {k: v - before.totals.get(k, 0) for k, v in self.totals.items()}
        statements = {}
        for query, s in self.statements.items():
            b = before.statements.get(query, Statement(query, 0, 0, 0))
            if s.calls > b.calls:
                statements[query] = Statement(
                    query, s.calls - b.calls, s.rows - b.rows, s.blocks - b.blocks, s.ms - b.ms
                )
        tables = {
            t: (a - before.tables.get(t, (0, 0))[0], b - before.tables.get(t, (0, 0))[1])
            for t, (a, b) in self.tables.items()
        }
        return DbWork(totals, statements, tables)

    def without(self, marker: str, transactions: int) -> DbWork:
        """Less the statements whose text holds `marker` and their `transactions`."""
        totals = dict(self.totals)
        totals["xact_commit"] = totals.get("xact_commit", 0) - transactions
        kept = {q: s for q, s in self.statements.items() if marker not in q}
        return DbWork(totals, kept, self.tables)

    def queries(self) -> int:
        """Statements run by clients (not the transaction control ones)."""
        return sum(
            s.calls
            for s in self.statements.values()
            if not re.match(r"\s*(BEGIN|COMMIT|ROLLBACK|SET|SHOW|RESET)\b", s.query, re.I)
        )

    def locks(self) -> int:
        """Locks the statements asked for: row locks (`FOR UPDATE`/`FOR SHARE` rows, and a
        job row for each of procrastinate's fetch/finish/retry calls) and advisory locks.
        Rows updated and deleted, which lock their rows too, are counted apart."""
        taken = 0
        for s in self.statements.values():
            if _ROW_LOCK.search(s.query):
                taken += s.rows
            elif _LOCKING_CALLS.search(s.query) or _ADVISORY.search(s.query):
                taken += s.calls
        return taken

    def top(self, count: int, key: str = "blocks") -> list[Statement]:
        return sorted(self.statements.values(), key=lambda s: -getattr(s, key))[:count]


def _stat_fields(pid: int | str) -> list[str]:
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2 :].split()


def cpu_seconds(pid: int, *, reaped: bool = False) -> float:
    """User + system CPU of a live process (and of its reaped children with `reaped`)."""
    try:
        fields = _stat_fields(pid)
    except OSError:
        return 0.0
    # after the pid and the name: utime, stime, cutime, cstime are fields 14–17 (1-based)
    ticks = int(fields[11]) + int(fields[12])
    if reaped:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / _TICKS


def steal_ticks() -> tuple[int, int]:
    """(ticks stolen by the hypervisor, all ticks) of every core since boot, from
    /proc/stat: on a shared VM a run whose share of steal is high is slower, and its CPU
    figures higher, for reasons outside the code ((0, 0) where there is no /proc/stat)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(v) for v in stat.readline().split()[1:9]]
    except (OSError, ValueError):
        return 0, 0
    return fields[7], sum(fields)


def postgres_cpu(server: PostgresServer) -> float:
    """CPU seconds the server has used: the postmaster, its live children, and (through
    the postmaster's `cutime`) every backend that has ended."""
    postmaster = int((server.data_dir / "postmaster.pid").read_text().split()[0])
    total = cpu_seconds(postmaster, reaped=True)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = _stat_fields(entry.name)
        except OSError:
            continue
        if int(fields[1]) == postmaster:
            total += (int(fields[11]) + int(fields[12])) / _TICKS
    return total


def rss_mb(pid: int, field: str = "VmHWM") -> float:
    """Peak (VmHWM) or current (VmRSS) resident memory of a process, in MB."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return 0.0
    for line in lines:
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def spawn(config: Path, args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """`sovai --config CONFIG ARGS…` from this tree (or $SOVAI_BENCH_TREE's, to compare),
    its output in `log`."""
    tree = os.environ.get("SOVAI_BENCH_TREE") or str(ROOT)  # `-m` looks in its cwd first
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "--config", str(config), *args],
            cwd=tree,
            env={**env, "PYTHONPATH": tree},
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def workers_up(server: PostgresServer, name: str) -> int:
    """Worker processes registered with the job engine on database `name`."""
    with server.connect(name) as conn:
        found = conn.execute("SELECT to_regclass('procrastinate_workers')").fetchone()
        if not found or found[0] is None:
            return 0
        row = conn.execute("SELECT count(*) FROM procrastinate_workers").fetchone()
    return int(row[0]) if row else 0
