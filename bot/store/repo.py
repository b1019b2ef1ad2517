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
    """Reads and writes over one engine; each method is its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._session = sessionmaker(engine, expire_on_commit=False)
        track_rollups(self._session)

    def close(self) -> None:
        self.engine.dispose()
