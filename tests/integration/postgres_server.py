"""A throwaway PostgreSQL server for tests: initdb + pg_ctl into a temporary folder.

The server listens only on 127.0.0.1 at a free private port, keeps its unix socket
inside the temporary folder, requires a random password, and is stopped (pg_ctl stop
-m fast) and deleted by `PostgresServer.stop`, which also runs at interpreter exit as a
safety net. Binaries are looked up on PATH, then in /usr/lib/postgresql/*/bin; when
none are found, or when running as root with no way to drop privileges (initdb refuses
to run as root), `start_postgres` raises `PostgresUnavailable`, whose message is the
reason to skip.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import URL

__all__ = [
    "PostgresServer",
    "PostgresUnavailable",
    "find_binaries",
    "postgres_or_skip",
    "running_postgres",
]

PG_GLOBS: tuple[str, ...] = ("/usr/lib/postgresql/*/bin",)
UNPRIVILEGED_USERS: tuple[str, ...] = ("postgres", "nobody")
SUPERUSER = "sovai_test"
START_TIMEOUT = 30  # seconds pg_ctl waits for the server to accept connections
COMMAND_TIMEOUT = 90  # seconds any one initdb/pg_ctl call may take
PORT_ATTEMPTS = 3


class PostgresUnavailable(Exception):
    """PostgreSQL cannot run here; the message says why (used as the skip reason)."""


@dataclass(frozen=True)
class Binaries:
    initdb: Path
    pg_ctl: Path


def find_binaries(path: str | None = None, globs: Sequence[str] | None = None) -> Binaries | None:
    """initdb and pg_ctl from PATH, else from the newest /usr/lib/postgresql/*/bin."""
    search = os.environ.get("PATH", "") if path is None else path
    initdb, pg_ctl = shutil.which("initdb", path=search), shutil.which("pg_ctl", path=search)
    if initdb and pg_ctl:
        return Binaries(Path(initdb), Path(pg_ctl))
    folders = [
        Path(p) for pattern in (PG_GLOBS if globs is None else globs) for p in glob.glob(pattern)
    ]
    for folder in sorted(folders, key=_version_key, reverse=True):
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return Binaries(folder / "initdb", folder / "pg_ctl")
    return None


def _version_key(folder: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", folder.parent.name)) or (0,)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass(frozen=True)
class _RunAs:
    """How to run a command as the unprivileged owner of the data folder."""

    prefix: tuple[str, ...] = ()
    su_user: str | None = None
    uid: int | None = None
    gid: int | None = None

    def wrap(self, command: Sequence[str]) -> list[str]:
        if self.su_user is not None:
            return ["su", "-s", "/bin/sh", self.su_user, "-c", shlex.join(command)]
        return [*self.prefix, *command]


def _run_as() -> _RunAs:
    if os.geteuid() != 0:
        return _RunAs()
    user = None
    for name in UNPRIVILEGED_USERS:
        with contextlib.suppress(KeyError):
            user = pwd.getpwnam(name)
            break
    if user is None:
        raise PostgresUnavailable(
            "running as root (initdb refuses to) and no unprivileged user "
            f"({', '.join(UNPRIVILEGED_USERS)}) exists to run PostgreSQL as"
        )
    if shutil.which("runuser"):
        return _RunAs(
            prefix=("runuser", "-u", user.pw_name, "--"), uid=user.pw_uid, gid=user.pw_gid
        )
    if shutil.which("su"):
        return _RunAs(su_user=user.pw_name, uid=user.pw_uid, gid=user.pw_gid)
    raise PostgresUnavailable(
        "running as root (initdb refuses to) and neither runuser nor su is available"
    )


@dataclass
class PostgresServer:
    """A running throwaway server; `url()` gives SQLAlchemy URLs for its databases."""

    root: Path
    port: int
    password: str
    binaries: Binaries
    run_as: _RunAs
    user: str = SUPERUSER
    host: str = "127.0.0.1"
    version_num: int = 0
    _stopped: bool = field(default=False, repr=False)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        return self.root / "postgres.log"

    def url(self, database: str = "postgres") -> str:
        """`postgresql+psycopg://user:password@127.0.0.1:PORT/database`."""
        return URL.create(
            "postgresql+psycopg",
            username=self.user,
            password=self.password,
            host=self.host,
            port=self.port,
            database=database,
        ).render_as_string(hide_password=False)

    def connect(self, database: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            password=self.password,
            dbname=database,
            autocommit=True,
            connect_timeout=10,
        )

    def create_database(self, name: str) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        with self.connect() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def drop_database(self, name: str) -> None:
        force = sql.SQL(" WITH (FORCE)") if self.version_num >= 130000 else sql.SQL("")
        with self.connect() as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {}{}").format(sql.Identifier(name), force)
            )

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """Stop the server (fast mode) and delete its folder; safe to call twice."""
        if self._stopped:
            return
        self._stopped = True
        try:
            if (self.data_dir / "postmaster.pid").exists():
                command = [str(self.binaries.pg_ctl), "-D", str(self.data_dir)]
                command += ["-m", "fast", "-w", "-t", str(START_TIMEOUT), "stop"]
                try:
                    result = _run(self.run_as.wrap(command), cwd=self.root)
                    stopped = result.returncode == 0
                except subprocess.TimeoutExpired:
                    stopped = False
                if not stopped:
                    self._kill_postmaster()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def _kill_postmaster(self) -> None:
        """Last resort when pg_ctl stop failed: SIGQUIT the postmaster we started, by pid."""
        try:
            pid = int((self.data_dir / "postmaster.pid").read_text().splitlines()[0])
        except (OSError, ValueError, IndexError):
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGQUIT)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except (ProcessLookupError, PermissionError):
                return
            time.sleep(0.1)


def _run(command: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(command),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def _failure(what: str, result: subprocess.CompletedProcess[str], log: str = "") -> RuntimeError:
    detail = "\n".join(part for part in (result.stdout, result.stderr, log) if part.strip())
    return RuntimeError(f"{what} failed (exit {result.returncode}):\n{detail}")


def start_postgres(timezone: str = "UTC") -> PostgresServer:
    """Initialise and start a server; raises PostgresUnavailable if that cannot work here."""
    binaries = find_binaries()
    if binaries is None:
        raise PostgresUnavailable(
            f"PostgreSQL binaries (initdb, pg_ctl) not found on PATH or in {', '.join(PG_GLOBS)}"
        )
    run_as = _run_as()
    root = Path(tempfile.mkdtemp(prefix="sovai-pg-"))
    server = PostgresServer(
        root=root, port=0, password=secrets.token_hex(16), binaries=binaries, run_as=run_as
    )
    try:
        (root / "sock").mkdir()
        pwfile = root / "pwfile"
        pwfile.write_text(server.password + "\n", encoding="utf-8")
        pwfile.chmod(0o600)
        if run_as.uid is not None and run_as.gid is not None:
            for item in (root, root / "sock", pwfile):
                os.chown(item, run_as.uid, run_as.gid)
        initdb = [str(binaries.initdb), "-D", str(server.data_dir), "-U", SUPERUSER]
        initdb += [f"--pwfile={pwfile}", "--auth=scram-sha-256", "--encoding=UTF8"]
        initdb += ["--locale=C", "--no-sync"]
        result = _run(run_as.wrap(initdb), cwd=root)
        pwfile.unlink()
        if result.returncode != 0:
            raise _failure("initdb", result)
        _start(server, timezone)
        _wait_ready(server)
    except BaseException:
        server.stop()
        raise
    atexit.register(server.stop)
    return server


def _start(server: PostgresServer, timezone: str) -> None:
    for attempt in range(PORT_ATTEMPTS):
        server.port = _free_port()
        options = {
            "listen_addresses": "127.0.0.1",
            "port": str(server.port),
            "unix_socket_directories": str(server.root / "sock"),
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "TimeZone": timezone,
        }
        opts = " ".join(f"-c {shlex.quote(f'{k}={v}')}" for k, v in options.items())
        command = [str(server.binaries.pg_ctl), "-D", str(server.data_dir)]
        command += ["-l", str(server.log_file), "-o", opts, "-w", "-t", str(START_TIMEOUT)]
        result = _run(server.run_as.wrap([*command, "start"]), cwd=server.root)
        if result.returncode == 0:
            return
        log = server.log_tail()
        port_taken = "could not bind" in log or "Address already in use" in log
        if not port_taken or attempt == PORT_ATTEMPTS - 1:
            raise _failure("pg_ctl start", result, log)


def _wait_ready(server: PostgresServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            with server.connect() as conn:
                row = conn.execute("SHOW server_version_num").fetchone()
                server.version_num = int(str(row[0])) if row else 0
                return
        except psycopg.OperationalError as exc:
            if time.monotonic() > deadline:
                raise RuntimeError(f"PostgreSQL did not accept connections: {exc}") from exc
            time.sleep(0.1)


@contextlib.contextmanager
def running_postgres(timezone: str = "UTC") -> Iterator[PostgresServer]:
    """A started server for the `with` block; always stopped and deleted afterwards."""
    server = start_postgres(timezone)
    try:
        yield server
    finally:
        server.stop()


def postgres_or_skip(timezone: str = "UTC") -> Iterator[PostgresServer]:
    """A fixture's body: a started server, stopped afterwards, or the test skipped with
    the reason where PostgreSQL cannot run here."""
    try:
        server = start_postgres(timezone)
    except PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL not available: {exc}")
    try:
        yield server
    finally:
        server.stop()
