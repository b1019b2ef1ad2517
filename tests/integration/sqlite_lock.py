"""Another process holding a SQLite database's write lock, as a second writer would."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# BEGIN IMMEDIATE takes the write lock at once; readers (WAL) go on, writers wait
HOLDER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
db.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
db.execute("COMMIT")
"""


@contextmanager
def write_lock(database: Path, seconds: float) -> Iterator[subprocess.Popen[str]]:
    """Hold the write lock of `database` for `seconds` (or until the block ends)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(database), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        # the holder prints once it has the lock, or exits (EOF) within its 10 s timeout
        line = proc.stdout.readline()
        assert line.strip() == "locked", f"the lock holder did not start: {line!r}"
        yield proc
    finally:
        proc.kill()
        proc.wait(timeout=10)
