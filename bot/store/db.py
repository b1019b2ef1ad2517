"""Engine creation and migrations, for SQLite (default) and PostgreSQL alike."""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, DisconnectionError

if TYPE_CHECKING:  # alembic (0.1 s to import) only when a migration runs or is asked about
    from alembic.config import Config as AlembicConfig

__all__ = [
    "DAMAGED_HINT",
    "check_database",
    "current_revision",
    "damage_reason",
    "head_revision",
    "idle_past_window",
    "make_engine",
    "read_engine",
    "script_head",
    "upgrade",
]

_log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"
DAMAGED_HINT = "restore a backup or move it away"
# A pooled connection back in the pool for less than this is taken as alive unpinged
# (HikariCP's "alive bypass window", 0.5 s there): a busy worker checks a connection out
# eight times an article, and pinging each time was a round trip in every five.
PING_AFTER_IDLE = 1.0
CHECK_LINES = 20  # problems reported by `sovai db check`; SQLite may list thousands
# what SQLite says of a file that is not (or no longer) a sound database
_DAMAGE = re.compile(r"file is not a database|malformed|corrupt|disk image", re.IGNORECASE)
# a migration file's own lines, as alembic's template writes them
_REVISION = re.compile(r"""^revision(?:: [\w\[\], |]+)? = ["']([\w.-]+)["']$""", re.MULTILINE)
_DOWN_REVISION = re.compile(
    r"""^down_revision(?:: [\w\[\], |]+)? = (?:["']([\w.-]+)["']|None)$""", re.MULTILINE
)


def make_engine(url: str) -> Engine:
    """An engine for `url`; a SQLite file's folder is created on first use."""
    parsed = make_url(url)
    kwargs: dict[str, Any] = {"future": True}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"timeout": 30}
    engine = create_engine(parsed, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        event.listen(engine, "checkin", _returned)
        event.listen(engine, "checkout", _pinger(engine.dialect))
    return engine


def read_engine(engine: Engine) -> Engine:
    """The engine for reads: on PostgreSQL its connections run each statement on its own
    (the driver's autocommit), with no `BEGIN` and `ROLLBACK` around a read; a read that
    must see one snapshot across statements belongs in a write's transaction instead.
    SQLite's driver begins a transaction only before a write, so it needs nothing."""
    if engine.dialect.name == "sqlite":
        return engine
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def idle_past_window(returned_at: float | None) -> bool:
    """Whether a pooled connection back in its pool since `returned_at` (monotonic; None:
    just made, never used) has been idle long enough to be checked before use. One rule
    for both pools: the store's (below) and the job engine's (bot/engine/app.py)."""
    return returned_at is not None and time.monotonic() - returned_at >= PING_AFTER_IDLE


def _returned(_dbapi_connection: Any, record: Any) -> None:
    record.info["returned_at"] = time.monotonic()


def _pinger(dialect: Any) -> Callable[[Any, Any, Any], None]:
    """A checkout listener that pings (the dialect's own `do_ping`, as `pool_pre_ping`
    does on every checkout) a connection idle past the window, so one a database restart
    has closed is replaced before a statement fails on it. A connection just made, or
    just returned, is used as it is; should the server have gone in that second, the
    statement fails, the pool is invalidated, and the caller's retry (a job's, a tick's)
    gets a fresh connection."""

    def ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if not idle_past_window(record.info.get("returned_at")):
            return
        try:
            dialect.do_ping(dbapi_connection)
        except Exception as error:  # any failure: this connection is not to be trusted
            raise DisconnectionError(f"a pooled connection did not answer: {error}") from error

    return ping_if_idle


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL never corrupts the database; a power cut may lose the last
    # commits, which the next poll redoes. FULL would fsync every feed's poll state.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _alembic_config() -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> tuple[str | None, str | None]:
    """Apply every pending migration; returns (revision before, revision after): the
    caller says what happened, once (`sovai db upgrade` prints it, `sovai run` logs it).

    A database already at the newest migration is told without alembic, whose import
    costs every command (`sovai sources list`) a tenth of a second; anything else (a new
    database, a pending migration, files that do not read as one line) is alembic's."""
    stamped = _stamped_revision(engine)
    if stamped is not None and stamped == script_head():
        return stamped, stamped
    from alembic import command

    before = current_revision(engine)
    head = head_revision()
    if before != head:
        cfg = _alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    return before, head


def script_head(versions: Path = MIGRATIONS / "versions") -> str | None:
    """The newest migration's revision from the files' `revision =` and `down_revision =`
    lines; None unless they form one unbroken line from the first (a merge, a branch, a
    file of another shape: alembic, which reads them as code, decides)."""
    after: dict[str | None, str] = {}  # each revision by the one it follows
    for path in sorted(versions.glob("*.py")):
        if path.name == "__init__.py":
            continue
        source = path.read_text(encoding="utf-8")
        revisions, downs = _REVISION.findall(source), _DOWN_REVISION.findall(source)
        if len(revisions) != 1 or len(downs) != 1 or (downs[0] or None) in after:
            return None
        after[downs[0] or None] = revisions[0]
    revision: str | None = None
    for _ in after:
        revision = after.get(revision)
        if revision is None:  # a gap: some file follows a revision no file has
            return None
    return revision


def _stamped_revision(engine: Engine) -> str | None:
    """The one revision in alembic's version table; None for none (a new database) or
    several (branches)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(select(text("version_num")).select_from(text("alembic_version")))
        stamped = [str(r) for r in rows.scalars()]
    return stamped[0] if len(stamped) == 1 else None


def damage_reason(exc: BaseException) -> str | None:
    """SQLite's words when `exc` says the database file is damaged; None for other errors
    (a lock, a missing folder, a refused connection), which a backup would not fix."""
    if not isinstance(exc, DatabaseError | sqlite3.DatabaseError):
        return None
    orig = getattr(exc, "orig", None) or exc
    reason = (str(orig).strip().splitlines() or [""])[0]
    return reason if _DAMAGE.search(reason) else None


def check_database(engine: Engine) -> tuple[str, list[str]]:
    """(what a sound result means, the problems found): SQLite's `PRAGMA integrity_check`;
    on PostgreSQL a connection check only, since the server keeps its own pages sound."""
    with engine.connect() as conn:
        if engine.dialect.name != "sqlite":
            conn.execute(text("SELECT 1"))
            return "connected; PostgreSQL needs no file integrity check", []
        try:
            rows = conn.execute(text(f"PRAGMA integrity_check({CHECK_LINES})")).scalars().all()
        except DatabaseError as exc:  # damage where the check itself has to read first
            if (reason := damage_reason(exc)) is None:
                raise
            rows = [reason]
    problems = [str(r) for r in rows if str(r) != "ok"]
    return "integrity check ok", problems
