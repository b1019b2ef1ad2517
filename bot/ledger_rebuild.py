"""Keeping the ledger in step with its rules: rebuilt from the stored articles when needed.

Called at start-up (`sovai run`, `sovai poll`) and by `sovai ledger rebuild`. A database
from before the ledger, or one built by other rules (`LEDGER_VERSION`), is replayed once;
an up-to-date one costs one query.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from bot.ledger.version import LEDGER_VERSION
from bot.store.repo import Store

__all__ = ["ensure_ledger", "rebuild_ledger"]

_log = logging.getLogger(__name__)
BATCH = 500


def rebuild_ledger(
    store: Store, now: datetime, progress: Callable[[int], None] | None = None
) -> int:
    """Replay every stored article into a fresh ledger; the number of articles replayed."""
    from bot.ledger.claims import article_ref, claims_in  # the claim readers: a rebuild only
    from bot.read_entries import MAX_ANALYSED_CHARS  # what the analysis read of each
    from bot.retention import PrunedReplay

    store.clear_ledger()
    pruned = PrunedReplay(store)  # pruned articles' claims, kept as data (bot/retention.py)
    after, done = 0, 0
    while batch := store.articles_after(after, BATCH):
        for stored in batch:
            done += pruned.before(stored.id)
            text = stored.article.text[:MAX_ANALYSED_CHARS]
            ref = article_ref(stored.article, stored.fetched_at)
            store.record_replayed(stored, claims_in(text, stored.analysis, ref))
        after, done = batch[-1].id, done + len(batch)
        if progress is not None:
            progress(done)
    done += pruned.before(None)
    store.stamp_ledger(LEDGER_VERSION, now)
    return done


def ensure_ledger(store: Store, now: datetime) -> bool:
    """Rebuild the ledger if its version is not this one's; True if it was rebuilt."""
    if store.ledger_version() == LEDGER_VERSION:
        return False
    # a new database: nothing to replay (pruned articles' claims count), nothing to say
    if not store.articles_after(0, 1) and not store.has_pruned():
        store.stamp_ledger(LEDGER_VERSION, now)
        return False
    _log.info("building the ledger of announcements from the stored articles…")
    count = rebuild_ledger(
        store, now, lambda n: _log.info("ledger: %d articles read", n) if n % 10_000 == 0 else None
    )
    _log.info("ledger built from %d stored article%s", count, "" if count == 1 else "s")
    return True
