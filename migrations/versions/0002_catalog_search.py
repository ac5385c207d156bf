"""Catalog search: an FTS5 index over Russian, original and alternative titles, kept in sync by triggers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21

The index rows share the rowid of their title. Text is stored folded (ё → е) because FTS5's
unicode61 tokenizer folds case and Latin diacritics but not the Cyrillic ё.
"""

from alembic import op


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _sqlite() -> bool:
    # The FTS5 index (and what serves it) exists only in SQLite: the catalog search reads the
    # per-device catalog, which stays in SQLite when a household shares a PostgreSQL library.
    return bool(op.get_bind().dialect.name == "sqlite")



def _fold(column: str) -> str:
    return f"replace(replace(coalesce({column}, ''), 'ё', 'е'), 'Ё', 'Е')"


_COLUMNS = "rowid, title, original_title, alt_titles"
_BUMP = "UPDATE catalog_version SET n = n + 1 WHERE id = 1;"


def _values(prefix: str) -> str:
    return f"{prefix}.rowid, {_fold(prefix + '.title')}, {_fold(prefix + '.original_title')}, " + _fold(
        prefix + ".alt_titles"
    )


def upgrade() -> None:
    if not _sqlite():
        return
    # bumped by every title write: the search service's in-memory rank table checks it per query
    op.execute("CREATE TABLE catalog_version (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)")
    op.execute("INSERT INTO catalog_version (id, n) VALUES (1, 0)")
    op.execute(
        "CREATE VIRTUAL TABLE titles_fts USING fts5("
        "title, original_title, alt_titles, tokenize = 'unicode61 remove_diacritics 2')"
    )
    op.execute("CREATE VIRTUAL TABLE titles_fts_vocab USING fts5vocab(titles_fts, row)")
    op.execute(
        f"CREATE TRIGGER titles_fts_insert AFTER INSERT ON titles BEGIN "
        f"INSERT INTO titles_fts({_COLUMNS}) VALUES ({_values('new')}); {_BUMP} END"
    )
    op.execute(
        "CREATE TRIGGER titles_fts_delete AFTER DELETE ON titles BEGIN "
        f"DELETE FROM titles_fts WHERE rowid = old.rowid; {_BUMP} END"
    )
    op.execute(
        f"CREATE TRIGGER titles_fts_update AFTER UPDATE OF title, original_title, alt_titles ON titles BEGIN "
        f"DELETE FROM titles_fts WHERE rowid = old.rowid; "
        f"INSERT INTO titles_fts({_COLUMNS}) VALUES ({_values('new')}); {_BUMP} END"
    )
    op.execute(
        f"CREATE TRIGGER titles_rank_update AFTER UPDATE OF kind, rating, votes ON titles BEGIN {_BUMP} END"
    )
    op.execute(f"INSERT INTO titles_fts({_COLUMNS}) SELECT {_values('titles')} FROM titles")


def downgrade() -> None:
    if not _sqlite():
        return
    for trigger in ("titles_fts_insert", "titles_fts_delete", "titles_fts_update", "titles_rank_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS titles_fts_vocab")
    op.execute("DROP TABLE IF EXISTS titles_fts")
    op.execute("DROP TABLE IF EXISTS catalog_version")
