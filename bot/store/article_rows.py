"""A stored article row read back as the `Article` that was saved: for a replay or a prune.

A ledger rebuild (bot/store/ledger_writes.py) and retention (bot/store/retention_store.py)
both walk the stored articles in batches and hand each on as a `StoredArticle`; reading
the row back in one place keeps the two from drifting when `Article` gains a field.
"""

from __future__ import annotations

from bot.models import Article
from bot.store.tables import ArticleRow

__all__ = ["article_from_row"]


def article_from_row(row: ArticleRow) -> Article:
    """The article as it was saved, as far as a replay reads it: its text and metadata,
    not its author (the rows that pass through here are read for their claims)."""
    return Article(
        url=row.url,
        canonical_url=row.canonical_url,
        title=row.title,
        text=row.text,
        source=row.source,
        published=row.published_at,
        language=row.language,
    )
