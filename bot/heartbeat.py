"""The heartbeat file: where it lives and how it is written.

It lives next to the database (`sovai.db` → `sovai.db.heartbeat`), or where
`SOVAI_HEARTBEAT` says, so `sovai run` and `sovai health` find the same file whatever
directory each was started in. A database with no file of its own (PostgreSQL) gets one
under the user's state directory, named after the database. A place that cannot be
written is said once in the log, not with a traceback every minute.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

__all__ = ["ENV", "heartbeat_path", "write_heartbeat"]

_log = logging.getLogger(__name__)
ENV = "SOVAI_HEARTBEAT"
_failing: set[Path] = set()  # paths whose failure was already logged


def heartbeat_path(database_url: str, environ: Mapping[str, str] | None = None) -> Path:
    """`$SOVAI_HEARTBEAT`, else beside a SQLite file, else in the user's state directory."""
    env = os.environ if environ is None else environ
    if env.get(ENV):
        return Path(env[ENV]).expanduser().absolute()
    url = make_url(database_url)
    database = url.database or ""
    in_file = database not in ("", ":memory:") and not database.startswith("file:")
    if url.get_backend_name() == "sqlite" and in_file:
        path = Path(database).expanduser().absolute()
        return path.with_name(f"{path.name}.heartbeat")
    state = Path(env.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    shown = url.render_as_string(hide_password=True)
    return state / "sovai" / f"heartbeat-{hashlib.sha256(shown.encode()).hexdigest()[:12]}"


def write_heartbeat(path: Path) -> None:
    """Write the current time to `path`; a failure is logged once (and its end once)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(datetime.now(UTC).isoformat(), encoding="utf-8")
    except OSError as exc:
        if path not in _failing:
            _failing.add(path)
            _log.warning(
                "cannot write the heartbeat %s (%s): `sovai health` will say unhealthy; "
                "set %s to a writable file",
                path,
                exc.strerror or exc,
                ENV,
            )
        return
    if path in _failing:
        _failing.discard(path)
        _log.info("the heartbeat %s is written again", path)
