"""`sovai db prune [--dry-run] [--days N] [--vacuum]`: retention by hand.

The parser part is cheap to import (the CLI builds every command's parser at each start);
the store and the analysis are imported only when a prune runs.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.retention import PruneReport
    from bot.settings import Settings

__all__ = ["add_prune_command", "prune_command"]


def _days(text: str) -> int:
    from bot.settings import MAX_RETENTION_DAYS, MIN_RETENTION_DAYS

    raw = text.strip()
    digits = raw.isascii() and raw.isdigit() and len(raw) <= 6
    if digits and MIN_RETENTION_DAYS <= int(raw) <= MAX_RETENTION_DAYS:
        return int(raw)
    raise argparse.ArgumentTypeError(
        f"expected days from {MIN_RETENTION_DAYS} to {MAX_RETENTION_DAYS}, got {text[:40]!r}"
    )


def add_prune_command(db_actions: Any) -> None:
    """`prune` under `sovai db`."""
    prune = db_actions.add_parser(
        "prune", help="drop article text older than retention.articles_days (the ledger stays)"
    )
    prune.add_argument("--dry-run", action="store_true", help="count what would go, change nothing")
    prune.add_argument(
        "--days", type=_days, metavar="N", help="keep N days (default: retention.articles_days)"
    )
    prune.add_argument(
        "--vacuum",
        action="store_true",
        help="then give the space back (SQLite: rewrites the file, locks it meanwhile)",
    )


def prune_command(settings: Settings, args: argparse.Namespace) -> int:
    """Prune (or count, `--dry-run`), then say what went and what the database weighs."""
    from bot.cli_admin import _missing_sqlite_file

    days = args.days or settings.config.retention.articles_days
    if days is None:
        print(
            "sovai: retention is off: set `retention: {articles_days: 365}` in "
            f"{settings.path} or give --days N",
            file=sys.stderr,
        )
        return 2
    missing = _missing_sqlite_file(settings.database_url)
    if missing is not None:
        print(f"sovai: no database at {missing} yet: nothing to prune", file=sys.stderr)
        return 1
    from bot.retention import prune
    from bot.runtime import open_store
    from bot.store.db import make_engine
    from bot.store.repo import Store
    from bot.store.retention_space import database_bytes, vacuum

    # a dry run only reads: no migration, no config synced into the database
    store = Store(make_engine(settings.database_url)) if args.dry_run else open_store(settings)
    try:
        report = prune(store, days, datetime.now(UTC), dry_run=args.dry_run)
        print(_said(report, days))
        if args.vacuum and not args.dry_run:
            before = database_bytes(store.engine)
            vacuum(store.engine)
            after = database_bytes(store.engine)
            print(f"vacuumed: {_mb(before)} → {_mb(after)}")
        else:
            print(f"{settings.database_display}: {_mb(database_bytes(store.engine))}")
    finally:
        store.close()
    return 0


def _mb(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB"


def _said(report: PruneReport, days: int) -> str:
    verb = "would prune" if report.dry_run else "pruned"
    return (
        f"{verb} {report.articles:,} article{'' if report.articles == 1 else 's'} "
        f"({report.text_chars / 1_000_000:,.1f} MB of text) and {report.entries:,} "
        f"entr{'y' if report.entries == 1 else 'ies'} older than "
        f"{report.cutoff:%Y-%m-%d %H:%M} UTC ({days} days); the ledger is kept"
    )
