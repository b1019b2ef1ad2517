"""`sovai config check`, `db check`, `health` and the database's one-line problems:
looking after an installation, apart from what the bot does."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.redact import redact
from bot.settings import Settings
from bot.wording import counted

__all__ = [
    "HEALTHY_WITHIN",
    "config_command",
    "database_problem",
    "db_check",
    "db_command",
    "health",
]

HEALTHY_WITHIN = timedelta(minutes=5)


def database_problem(settings: Settings, exc: Exception) -> str:
    """One line for a database that cannot be used; a damaged file says what to do."""
    from bot.store.db import DAMAGED_HINT, damage_reason

    where = settings.database_display
    damaged = damage_reason(exc)
    if damaged is not None:
        return f"the database file is damaged: {damaged} ({where}); {DAMAGED_HINT}"
    reason = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or ["unknown"])[0]
    return redact(f"cannot use the database {where}: {reason}")


def config_command(settings: Settings, _args: argparse.Namespace) -> int:
    """`sovai config check`: the file is valid (loading it checked that); what it sets."""
    cfg = settings.config
    secrets = settings.secrets
    print(f"{settings.path}: OK")
    print(f"  database: {settings.database_display}")
    print(
        f"  feeds: {len(cfg.feeds)}; subscriptions: {len(cfg.subscriptions) or 'none (terminal)'}"
    )
    stories = counted(cfg.digest.max_stories, "story")
    print(f"  digest: {cfg.digest.time} {cfg.digest.timezone}, up to {stories}")
    for name in ("slack_bot_token", "slack_app_token", "discord_bot_token"):
        print(f"  {name.upper()}: {'set' if getattr(secrets, name) else 'not set'}")
    floor = cfg.fetch.min_interval
    for feed in cfg.feeds:
        if feed.interval < floor:  # the poller waits at least fetch.min_interval
            print(
                f"  note: {feed.name or feed.url} is polled every {counted(floor, 'minute')} "
                f"(fetch.min_interval), not every {counted(feed.interval, 'minute')}"
            )
    return 0


def db_command(settings: Settings, args: argparse.Namespace) -> int:
    """`sovai db upgrade|current|check`; a database file that is not there is not made by
    asking about it."""
    from bot.store.db import current_revision, head_revision, make_engine, upgrade

    missing = _missing_sqlite_file(settings.database_url)
    if missing is not None and args.action != "upgrade":
        # asked about, not created: opening it would leave an empty file behind
        print(
            f"sovai: no database at {missing} yet; `sovai db upgrade` (or `sovai run`) creates it",
            file=sys.stderr,
        )
        return 1
    engine = make_engine(settings.database_url)
    try:
        if args.action == "check":
            return db_check(settings, engine)
        if args.action == "upgrade":
            before, after = upgrade(engine)
            state = (
                "already up to date" if before == after else f"upgraded from {before or 'empty'}"
            )
            print(f"{settings.database_display}: {state} (revision {after})")
        else:
            current, latest = current_revision(engine), head_revision()
            print(f"{settings.database_display}: {_revision_state(current, latest)}")
    finally:
        engine.dispose()
    return 0


def _missing_sqlite_file(url: str) -> Path | None:
    """The path of a SQLite database file that does not exist yet; None otherwise."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    name = parsed.database
    if parsed.get_backend_name() != "sqlite" or not name or name == ":memory:":
        return None
    if name.startswith("file:"):
        return None
    path = Path(name).expanduser()
    return None if path.exists() else path


def _revision_state(current: str | None, latest: str | None) -> str:
    if current is None:
        return f"empty, no migration applied (latest {latest}): run `sovai db upgrade`"
    if current == latest:
        return f"revision {current}, up to date"
    return f"revision {current} (latest {latest}): run `sovai db upgrade`"


def db_check(settings: Settings, engine: Any) -> int:
    """`sovai db check`: 0 when sound, 1 with SQLite's findings when damaged."""
    from bot.store.db import DAMAGED_HINT, check_database

    what, problems = check_database(engine)
    if not problems:
        print(f"{settings.database_display}: {what}")
        return 0
    print(
        f"sovai: the database file is damaged: SQLite's integrity check found problems "
        f"({settings.database_display}); {DAMAGED_HINT}",
        file=sys.stderr,
    )
    for line in problems:
        print(f"  {line}", file=sys.stderr)
    return 1


def health(heartbeat: Path) -> int:
    """`sovai health`: 0 while the running bot's last heartbeat is recent."""
    try:
        beat = datetime.fromisoformat(heartbeat.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        print(f"unhealthy: no heartbeat at {heartbeat}", file=sys.stderr)
        return 1
    age = datetime.now(UTC) - beat
    if age > HEALTHY_WITHIN:
        print(f"unhealthy: last heartbeat {int(age.total_seconds())} s ago", file=sys.stderr)
        return 1
    print(f"healthy: last heartbeat {int(age.total_seconds())} s ago")
    return 0
