"""One scheduler per database: the lock a `sovai run` holds while it polls and sends digests.

Two schedulers on one database (an old process still alive, `docker compose up --scale`)
would poll every feed twice and race each other on every digest. The second one waits as
a standby instead, and takes over when the first one's lock goes away:

- SQLite: an OS lock (`flock`) on a file beside the database (`sovai.db.lock`). The kernel
  drops it when the holder exits, however it exits (kill -9 included).
- PostgreSQL: a session advisory lock, held on a connection of its own that does nothing
  else. The server drops it when that session ends; a holder that loses the connection
  has lost the lock, and must stop scheduling before trying to take it again.

Anything else (an in-memory SQLite) is one process by nature and needs no lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Protocol

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

__all__ = [
    "AdvisoryLock",
    "FileLock",
    "NoLock",
    "SchedulerLock",
    "scheduler_lock",
    "startup_lock",
]

# pg_try_advisory_lock(int, int): "sova" as a 32-bit number, then 1 for the scheduler
LOCK_CLASS = 0x736F7661
LOCK_ID = 1
STARTUP_ID = 2
STARTUP_WAIT_SECONDS = 120


class SchedulerLock(Protocol):
    where: str

    def acquire(self) -> bool:
        """Take the lock if free, without waiting; True when this process holds it.

        Raises (SQLAlchemyError, OSError) when it cannot tell: the database is down.
        """
        ...

    def still_held(self) -> bool:
        """Whether the lock is still ours (False once its connection is gone)."""
        ...

    def holder(self) -> str:
        """Who holds it, for the standby's log line (best effort)."""
        ...

    def release(self) -> None: ...


class NoLock:
    where = "this process"

    def acquire(self) -> bool:
        return True

    def still_held(self) -> bool:
        return True

    def holder(self) -> str:
        return "nobody"

    def release(self) -> None:
        return None


class FileLock:
    """An exclusive `flock` on `path`; the holder writes its pid and host into the file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.where = str(path)
        self._file: IO[str] | None = None

    def acquire(self) -> bool:
        if self._file is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held while leading
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} on {socket.gethostname()}\n")
        handle.flush()
        self._file = handle
        return True

    def still_held(self) -> bool:
        return self._file is not None

    def holder(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8").strip() or "another process"
        except OSError:
            return "another process"

    def release(self) -> None:
        if self._file is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None


class AdvisoryLock:
    """A PostgreSQL session advisory lock on a dedicated autocommit connection."""

    def __init__(self, url: str) -> None:
        self.engine = _lock_engine(url)
        self.where = "the PostgreSQL database"
        self._conn: Connection | None = None

    def acquire(self) -> bool:
        if self._conn is not None:
            return True
        conn = self.engine.connect()  # raises while the database is down
        try:
            got = conn.execute(
                text("SELECT pg_try_advisory_lock(:c, :i)"), {"c": LOCK_CLASS, "i": LOCK_ID}
            ).scalar()
        except SQLAlchemyError:
            conn.close()
            raise
        if not got:
            conn.close()
            return False
        self._conn = conn
        return True

    def still_held(self) -> bool:
        if self._conn is None:
            return False
        try:
            self._conn.execute(text("SELECT 1"))
        except SQLAlchemyError:
            self.release()
            return False
        return True

    def holder(self) -> str:
        query = text(
            "SELECT a.pid, a.client_addr FROM pg_locks l JOIN pg_stat_activity a "
            "ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.classid = :c "
            "AND l.objid = :i AND l.granted"
        )
        try:
            with self.engine.connect() as conn:
                row = conn.execute(query, {"c": LOCK_CLASS, "i": LOCK_ID}).first()
        except SQLAlchemyError:
            return "another process"
        if row is None:
            return "another process"
        return f"server session {row.pid}" + (f" from {row.client_addr}" if row.client_addr else "")

    def release(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(SQLAlchemyError):
                self._conn.close()
            self._conn = None


def _lock_engine(url: str) -> Engine:
    """Connections for locks only: never pooled, autocommit, quick to notice a dead server."""
    return create_engine(
        url,
        poolclass=NullPool,
        isolation_level="AUTOCOMMIT",
        connect_args={
            "connect_timeout": 10,
            "application_name": "sovai scheduler lock",
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 5,
            "keepalives_count": 3,
        },
    )


def _lock_path(url: str, suffix: str) -> Path | None:
    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    path = Path(database.removeprefix("file:").split("?")[0]).expanduser()
    return path.with_name(path.name + suffix)


@contextlib.contextmanager
def startup_lock(url: str) -> Iterator[None]:
    """Migrations and config sync one process at a time: `docker compose up --scale`
    starts several at once on a fresh database, and two migrating together would fail."""
    if make_url(url).get_backend_name() == "postgresql":
        engine = _lock_engine(url)
        with engine.connect() as conn:
            conn.execute(text(f"SET lock_timeout = '{STARTUP_WAIT_SECONDS}s'"))
            conn.execute(
                text("SELECT pg_advisory_lock(:c, :i)"), {"c": LOCK_CLASS, "i": STARTUP_ID}
            )
            try:
                yield
            finally:
                with contextlib.suppress(SQLAlchemyError):
                    conn.execute(
                        text("SELECT pg_advisory_unlock(:c, :i)"),
                        {"c": LOCK_CLASS, "i": STARTUP_ID},
                    )
        engine.dispose()
        return
    path = _lock_path(url, ".startup-lock")
    if path is None:
        yield
        return
    lock = FileLock(path)
    deadline = time.monotonic() + STARTUP_WAIT_SECONDS
    while not lock.acquire():
        if time.monotonic() > deadline:
            raise TimeoutError(f"another sovai has been starting for {STARTUP_WAIT_SECONDS} s")
        time.sleep(0.1)
    try:
        yield
    finally:
        lock.release()


def scheduler_lock(url: str) -> SchedulerLock:
    """The lock that keeps a second scheduler off the database at `url`."""
    if make_url(url).get_backend_name() == "postgresql":
        return AdvisoryLock(url)
    path = _lock_path(url, ".lock")
    return NoLock() if path is None else FileLock(path)
