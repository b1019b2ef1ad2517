"""The store: every read and write the bot makes, behind plain-data methods.

Callers hand in and get back domain objects (or small row views); no SQL or session
escapes bot/store, so the SQLite/PostgreSQL difference stays here. `Store` is composed
of one part per concern (feeds, articles, channels, the ledger); the row views live in `states`.
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from bot.store.alerts_store import AlertsStore
from bot.store.articles_store import ArticlesStore
from bot.store.channels_store import ChannelsStore
from bot.store.db import read_engine
from bot.store.feeds_store import FeedsStore
from bot.store.ledger_reads import LedgerReads
from bot.store.ledger_rollup import track_rollups
from bot.store.ledger_writes import LedgerWrites
from bot.store.retention_store import RetentionStore
from bot.store.states import Delivery, FeedState, NewEntry, SourceError, SubscriptionState

__all__ = ["Delivery", "FeedState", "NewEntry", "SourceError", "Store", "SubscriptionState"]


class Store(
    FeedsStore, ArticlesStore, ChannelsStore, LedgerReads, LedgerWrites, AlertsStore, RetentionStore
):
    """Reads and writes over one engine; each write method is its own transaction.

    A read method's statements run outside a transaction (`read_engine`): on PostgreSQL,
    at READ COMMITTED, a transaction gives each statement its own snapshot anyway, so the
    `BEGIN` and `ROLLBACK` around a read bought nothing and cost two round trips, a fifth
    of a worker's statements an article."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._session = sessionmaker(engine, expire_on_commit=False)
        self._read = sessionmaker(read_engine(engine), expire_on_commit=False)
        track_rollups(self._session)

    def close(self) -> None:
        self.engine.dispose()
