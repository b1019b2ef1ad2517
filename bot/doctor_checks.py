"""The doctor's checks of this machine: database and migrations, the data directory, the
clock and time zones, and each feed's reachability.

They only look: no migration, no config sync, no file created (a SQLite file not created
yet is reported, not made), except the one temporary file that proves a directory is
writable, removed at once.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import make_url

from bot.cli_admin import database_problem
from bot.clock import TEST_CLOCK_VARIABLE
from bot.doctor_report import Check, ServerTime, ok, problem, server_time, skipped
from bot.feeds.fetch import Fetcher, FetchError
from bot.feeds.parse import FeedParseError, parse_feed
from bot.heartbeat import heartbeat_path
from bot.settings import Settings
from bot.store.db import (
    DAMAGED_HINT,
    MIGRATIONS,
    current_revision,
    damage_reason,
    head_revision,
    make_engine,
)
from bot.store.probe import probe_engine
from bot.store.repo import Store
from bot.wording import counted

__all__ = [
    "MAX_FEED_ROWS",
    "MAX_SKEW",
    "FeedTarget",
    "clock_check",
    "data_dir_check",
    "database_check",
    "feed_checks",
    "time_zone_check",
]

MAX_SKEW = 60.0  # seconds; Slack refuses signed requests 5 min off, digests go out late
MAX_FEED_ROWS = 20  # more feeds: the reachable ones are summed up in one row
DATABASE_SECONDS = 10  # a database server slower than this to answer is reported as down
DATABASE = "database"


@dataclass(frozen=True)
class FeedTarget:
    label: str
    url: str


def _sqlite_file(settings: Settings) -> Path | None:
    url = make_url(settings.database_url)
    database = url.database or ""
    if url.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        return None
    return None if database.startswith("file:") else Path(database).expanduser().absolute()


def _known(revision: str) -> bool:
    try:
        return ScriptDirectory(str(MIGRATIONS)).get_revision(revision) is not None
    except CommandError:
        return False


def database_check(settings: Settings) -> tuple[Check, Store | None]:
    """The database answers, at the latest revision; the store when it is readable."""
    where, head = settings.database_display, head_revision()
    path = _sqlite_file(settings)
    if path is not None and not path.exists():
        return ok(DATABASE, f"{path} is not created yet: `sovai run` creates it"), None
    # short timeouts, and a SQLite file opened read-write, never created
    engine = probe_engine(settings.database_url, DATABASE_SECONDS) or make_engine(
        settings.database_url
    )
    try:
        current = current_revision(engine)
    except Exception as exc:
        engine.dispose()
        fix = DAMAGED_HINT if damage_reason(exc) else "check the URL, and that the server runs"
        return problem(DATABASE, database_problem(settings, exc), fix), None
    if current == head:
        return ok(DATABASE, f"{where}: revision {head}, the latest"), Store(engine)
    engine.dispose()
    if current is None:
        return ok(DATABASE, f"{where}: empty; `sovai run` creates the tables"), None
    if not _known(current):
        return problem(
            DATABASE,
            f"{where}: revision {current} is newer than this sovai knows (latest {head})",
            "run the sovai version that migrated it, or restore a backup",
        ), None
    detail = f"{where}: revision {current}, latest {head}"
    return ok(DATABASE, f"{detail}; `sovai run` (or `sovai db upgrade`) upgrades it"), None


def _writable(folder: Path) -> str | None:
    """None when a file can be created in `folder` (or the folder, in its parent); else why."""
    target = folder
    while not target.exists() and target != target.parent:
        target = target.parent  # the bot creates the missing folders
    try:
        with tempfile.NamedTemporaryFile(dir=target, prefix=".sovai-doctor-"):
            pass
    except OSError as exc:
        return f"cannot write in {target} ({exc.strerror or exc})"
    return None


def data_dir_check(settings: Settings) -> Check:
    """The database's folder and the heartbeat's can be written."""
    folders = [heartbeat_path(settings.database_url).parent]
    path = _sqlite_file(settings)
    if path is not None:
        folders.insert(0, path.parent)
        if path.exists() and not os.access(path, os.W_OK):
            return problem(
                "data directory",
                f"{path} is read-only for this user (uid {os.getuid()})",
                "give the user running sovai write access (chown, or mount the volume writable)",
            )
    for folder in dict.fromkeys(folders):
        why = _writable(folder)
        if why is not None:
            return problem(
                "data directory",
                why,
                f"give uid {os.getuid()} write access there, or set SOVAI_HEARTBEAT / the "
                "database to a writable place",
            )
    return ok("data directory", ", ".join(str(f) for f in dict.fromkeys(folders)) + ": writable")


def clock_check(times: Sequence[ServerTime]) -> Check:
    """This machine's clock against the servers' `Date` headers (their median)."""
    if os.environ.get(TEST_CLOCK_VARIABLE):
        return problem(
            "clock",
            f"{TEST_CLOCK_VARIABLE} is set: digests follow a test clock",
            f"unset {TEST_CLOCK_VARIABLE} (tests only)",
        )
    if not times:
        return skipped("clock", "no server answered with its time to compare with")
    skew = statistics.median(t.skew for t in times)
    hosts = ", ".join(sorted({t.host for t in times})[:3])
    if abs(skew) > MAX_SKEW:
        side = "ahead of" if skew > 0 else "behind"
        return problem(
            "clock",
            f"this machine's clock is {abs(skew):.0f} s {side} {hosts}",
            "turn on time sync (timedatectl set-ntp true; a container uses the host's clock)",
        )
    return ok("clock", f"within {abs(skew):.0f} s of {hosts}")


def time_zone_check(settings: Settings, zones: Sequence[tuple[str, str | None]]) -> Check:
    """The time zone database is there, and every channel's zone is in it."""
    if not zoneinfo.available_timezones():
        return problem(
            "time zones",
            "no time zone database on this machine: digests cannot be scheduled",
            "install tzdata (apt install tzdata, or pip install tzdata)",
        )
    default = settings.config.digest
    used = {default.timezone} | {zone for _, zone in zones if zone}
    for channel, zone in zones:
        try:
            zoneinfo.ZoneInfo(zone or default.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return problem(
                "time zones",
                f"{channel}: unknown time zone {zone!r}",
                "set an IANA zone such as Asia/Tokyo (/ai-subscribe … tz Area/City)",
            )
    detail = f"digests at {default.time} {default.timezone} by default; zones in use: "
    return ok("time zones", detail + ", ".join(sorted(used)))


async def _feed(fetcher: Fetcher, feed: FeedTarget, times: list[ServerTime]) -> Check:
    name = f"feed {feed.label}"
    try:
        result = await fetcher.fetch(feed.url)
    except FetchError as exc:
        return problem(name, str(exc), "check the URL in a browser; `sovai sources list` shows it")
    stamp = server_time(urlsplit(result.url).hostname or feed.url, result.headers.get("date"))
    if stamp is not None:
        times.append(stamp)
    try:
        parsed = await asyncio.to_thread(parse_feed, result.body, result.headers)
    except FeedParseError as exc:
        fix = "use the address of the site's RSS or Atom feed (a page links to it)"
        return problem(name, f"answers, but not with a feed: {exc}", fix)
    count = len(parsed.entries)
    return ok(name, f"reachable: {counted(count, 'item')}")


async def feed_checks(
    settings: Settings, feeds: Sequence[FeedTarget], times: list[ServerTime]
) -> list[Check]:
    """Each feed fetched and parsed once (within the fetch limits); times collected."""
    if not feeds:
        return [problem("feeds", "no feeds configured", "add some under `feeds:` in the config")]
    fetcher = Fetcher(settings.config.fetch)
    try:
        checks = list(await asyncio.gather(*(_feed(fetcher, f, times) for f in feeds)))
    finally:
        await fetcher.aclose()
    if len(checks) <= MAX_FEED_ROWS:
        return checks
    bad = [c for c in checks if c.status != "ok"]
    good = len(checks) - len(bad)
    return [*bad, ok("feeds", f"{counted(good, 'other feed')} reachable")]
