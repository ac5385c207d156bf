"""Search speed: FTS5 prefix indexes for one- and two-letter prefixes, and the rating order as an index.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21

The title index is rebuilt with ``prefix='1 2'`` (lengths in characters, so Cyrillic counts
as one): a one-letter search reads one doclist instead of merging every term's. Its contents,
triggers and the ``catalog_version`` bumps stay as in 0002, except that alternative titles are
indexed as the decoded strings of their JSON list (0002 indexed the JSON text, where a writer
using ASCII escapes hid Cyrillic words). ``ix_titles_search_rank`` holds the catalog's rating
order (rating, votes, title) with the id and kind, so search's rank table is read from the
index alone after a title write, and "sort by rating" walks it instead of sorting.
"""

from alembic import op


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _sqlite() -> bool:
    # The FTS5 index (and what serves it) exists only in SQLite: the catalog search reads the
    # per-device catalog, which stays in SQLite when a household shares a PostgreSQL library.
    return bool(op.get_bind().dialect.name == "sqlite")


_TRIGGERS = ("titles_fts_insert", "titles_fts_delete", "titles_fts_update")
_COLUMNS = "rowid, title, original_title, alt_titles"
_BUMP = "UPDATE catalog_version SET n = n + 1 WHERE id = 1;"


def _fold(column: str) -> str:
    return f"replace(replace(coalesce({column}, ''), 'ё', 'е'), 'Ё', 'Е')"


def _alt(column: str) -> str:
    # the JSON list's strings, decoded (json.dumps without ensure_ascii=False escapes Cyrillic)
    return (
        f"CASE WHEN json_valid({column}) THEN "
        f"(SELECT group_concat(value, ' ') FROM json_each({column})) ELSE {column} END"
    )


def _values(prefix: str, decode_alt: bool) -> str:
    alt = f"{prefix}.alt_titles"
    alt = _alt(alt) if decode_alt else alt
    return f"{prefix}.rowid, {_fold(prefix + '.title')}, {_fold(prefix + '.original_title')}, {_fold(alt)}"


def _rebuild_index(options: str, decode_alt: bool) -> None:
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS titles_fts_vocab")
    op.execute("DROP TABLE IF EXISTS titles_fts")
    op.execute(
        "CREATE VIRTUAL TABLE titles_fts USING fts5("
        f"title, original_title, alt_titles, tokenize = 'unicode61 remove_diacritics 2'{options})"
    )
    op.execute("CREATE VIRTUAL TABLE titles_fts_vocab USING fts5vocab(titles_fts, row)")
    op.execute(
        f"CREATE TRIGGER titles_fts_insert AFTER INSERT ON titles BEGIN "
        f"INSERT INTO titles_fts({_COLUMNS}) VALUES ({_values('new', decode_alt)}); {_BUMP} END"
    )
    op.execute(
        "CREATE TRIGGER titles_fts_delete AFTER DELETE ON titles BEGIN "
        f"DELETE FROM titles_fts WHERE rowid = old.rowid; {_BUMP} END"
    )
    op.execute(
        f"CREATE TRIGGER titles_fts_update AFTER UPDATE OF title, original_title, alt_titles ON titles BEGIN "
        f"DELETE FROM titles_fts WHERE rowid = old.rowid; "
        f"INSERT INTO titles_fts({_COLUMNS}) VALUES ({_values('new', decode_alt)}); {_BUMP} END"
    )
    op.execute(f"INSERT INTO titles_fts({_COLUMNS}) SELECT {_values('titles', decode_alt)} FROM titles")
    op.execute("INSERT INTO titles_fts(titles_fts) VALUES ('optimize')")
    op.execute(f"{_BUMP}")


def upgrade() -> None:
    if not _sqlite():
        return
    _rebuild_index(", prefix = '1 2'", decode_alt=True)
    # the same expressions and order as search_repo's rank table and catalog_query's "rating" sort
    op.execute(
        "CREATE INDEX ix_titles_search_rank ON titles "
        "(rating IS NULL, rating DESC, votes DESC, title, id, kind) WHERE kind != 'programme'"
    )


def downgrade() -> None:
    if not _sqlite():
        return
    op.execute("DROP INDEX IF EXISTS ix_titles_search_rank")
    _rebuild_index("", decode_alt=False)
