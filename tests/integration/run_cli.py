"""Running `sovai` as a user would: a subprocess with a clean environment."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import URL, make_url

if TYPE_CHECKING:
    from bot.settings import Settings


def sovai(
    *args: str, cwd: Path, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`sovai ARGS` in `cwd`, without the tester's tokens, database or config; `env` adds
    variables (a database password, SOVAI_LOG_LEVEL)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    for name in ("DATABASE_URL", "DATABASE_PASSWORD", "SOVAI_CONFIG", "SOVAI_LOG_LEVEL"):
        clean.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=cwd,
        env=clean | dict(env or {}),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def database_settings(url: str) -> tuple[str, dict[str, str]]:
    """`url` as a config file may hold it (no password: a secret) and the environment
    variable that gives the password, as a self-hoster sets them up."""
    parsed = make_url(url)
    if not parsed.password:
        return url, {}
    bare = URL.create(
        parsed.drivername,
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    ).render_as_string(hide_password=False)
    return bare, {"DATABASE_PASSWORD": str(parsed.password)}


def settings_for(url: str, path: Path, body: str) -> Settings:
    """The settings of a config file written at `path`: `database:` for `url`, its password
    from the environment (as a self-hoster sets it up, `database_settings`), then `body`."""
    from bot.settings import load_settings

    database, password = database_settings(url)
    path.write_text(f"database: {database}\n{body}", encoding="utf-8")
    return load_settings(path, environ={**os.environ, **password})
