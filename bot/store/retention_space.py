"""Giving pruned space back: SQLite's VACUUM, PostgreSQL's VACUUM, and the size to show.

A prune frees pages inside the database, which later writes reuse; the file (SQLite) or
the tables (PostgreSQL) shrink only when vacuumed. SQLite's VACUUM rewrites the whole file
under an exclusive lock and needs as much free disk again: run by hand (`sovai db prune
--vacuum`), never by the scheduler. PostgreSQL's plain VACUUM takes no lock that blocks
reads or writes and autovacuum does it anyway; it is there to see the effect at once.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

__all__ = ["PRUNED_TABLES", "database_bytes", "vacuum"]

# what a prune rewrites: what a PostgreSQL VACUUM after it looks at
PRUNED_TABLES = ("articles", "analyses", "entries", "article_countries", "speaker_quotes")


def database_bytes(engine: Engine) -> int:
    """The database's size: SQLite's pages in use and free; PostgreSQL's on-disk size."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            pages = conn.execute(text("PRAGMA page_count")).scalar_one()
            size = conn.execute(text("PRAGMA page_size")).scalar_one()
            return int(pages) * int(size)
        return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one())


def vacuum(engine: Engine) -> None:
    """VACUUM outside any transaction (neither backend runs it inside one)."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(text("VACUUM"))
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        else:
            conn.execute(text(f"VACUUM (ANALYZE) {', '.join(PRUNED_TABLES)}"))
