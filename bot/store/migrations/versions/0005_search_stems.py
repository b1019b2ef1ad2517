"""Search that finds "GPUs" for "GPU", ranked from a stored vector.

SQLite's FTS5 index is rebuilt with the porter stemmer over unicode61 ("clusters",
"cluster" and "clustered" are one word). PostgreSQL gets a stored generated `tsvector`
column in the English configuration, with the GIN index on it: ranking used to compute
`to_tsvector` again for every matching article (6.7 s for 70,000 matches at 100,000
articles); now it reads the stored vector. Both rewrite the search data of every stored
article once, at upgrade (about a minute at 100,000 articles).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_OLD_VECTOR = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"
_VECTOR = "to_tsvector('english', coalesce(title, '') || ' ' || coalesce(text, ''))"


def _fts(tokenize: str) -> None:
    """The FTS5 table again with `tokenize`; its triggers, on `articles`, stay as they are."""
    op.execute("DROP TABLE IF EXISTS articles_fts")
    op.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        f"title, text, content='articles', content_rowid='id', tokenize='{tokenize}')"
    )
    op.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _fts("porter unicode61")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_articles_search")
        op.execute(
            "ALTER TABLE articles ADD COLUMN search tsvector "
            f"GENERATED ALWAYS AS ({_VECTOR}) STORED"
        )
        op.execute("CREATE INDEX ix_articles_search ON articles USING gin (search)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _fts("unicode61")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_articles_search")
        op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS search")
        op.execute(f"CREATE INDEX ix_articles_search ON articles USING gin ({_OLD_VECTOR})")
