"""The FTS5 title index (migration 0002): suggestions, index terms for typo repair, rebuild."""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

from app.storage.db import Database


@dataclass(frozen=True)
class Suggestion:
    id: str
    title: str
    original_title: str | None
    year: int | None
    kind: str


def suggestions(db: Database, match: str, limit: int = 8) -> list[Suggestion]:
    """The best ``limit`` titles for an FTS5 expression: own-title hits first, then by rating."""
    conn = db.raw()
    found: list[Suggestion] = []
    seen: set[str] = set()
    for expr in (f"title : ({match})", match):
        rows = conn.execute(
            "SELECT id, title, original_title, year, kind FROM titles "
            "WHERE rowid IN (SELECT rowid FROM titles_fts WHERE titles_fts MATCH ?) AND kind != 'programme' "
            "ORDER BY rating IS NULL, rating DESC LIMIT ?",
            (expr, limit),
        )
        for r in rows:
            if r[0] not in seen and len(found) < limit:
                seen.add(r[0])
                found.append(Suggestion(r[0], r[1], r[2], r[3], r[4]))
        if len(found) >= limit:
            break
    return found


def _upper(head: str) -> str:
    return head[:-1] + chr(ord(head[-1]) + 1)


def terms_starting_with(db: Database, head: str, limit: int = 20000) -> list[str]:
    """Index terms that begin with ``head`` (the typo pass compares the user's word with these)."""
    # the vocabulary table is ordered by term, so a range on it is a seek, not a scan
    rows = db.raw().execute(
        "SELECT term FROM titles_fts_vocab WHERE term >= ? AND term < ? LIMIT ?", (head, _upper(head), limit)
    )
    return [r[0] for r in rows]


def has_term_prefix(db: Database, prefix: str) -> bool:
    row = (
        db.raw()
        .execute(
            "SELECT 1 FROM titles_fts_vocab WHERE term >= ? AND term < ? LIMIT 1", (prefix, _upper(prefix))
        )
        .fetchone()
    )
    return row is not None


def rebuild(db: Database) -> int:
    """Refill the index from ``titles`` (after a VACUUM, whose new rowids it must follow)."""
    fold = "replace(replace(coalesce({0}, ''), 'ё', 'е'), 'Ё', 'Е')"
    cols = ", ".join(fold.format(c) for c in ("title", "original_title", "alt_titles"))
    conn = db.raw()
    with conn:
        conn.execute("BEGIN")
        conn.execute("DELETE FROM titles_fts")
        conn.execute(
            "INSERT INTO titles_fts(rowid, title, original_title, alt_titles) "
            f"SELECT rowid, {cols} FROM titles"
        )
    return int(conn.execute("SELECT count(*) FROM titles_fts").fetchone()[0])


class _RankTable:
    """rowid -> (id, position in the catalog's rating order), rebuilt when catalog_version moves.

    A text search then costs one bare FTS5 match (rowids only) and a sort of small integers,
    instead of a row lookup per hit: a one-letter prefix matches thousands of titles.
    """

    def __init__(self) -> None:
        self.version = -1
        self.rows: dict[int, tuple[str, int]] = {}


_tables: weakref.WeakKeyDictionary[Database, _RankTable] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _rank_table(db: Database) -> _RankTable:
    conn = db.raw()
    version = int(conn.execute("SELECT n FROM catalog_version WHERE id = 1").fetchone()[0])
    with _lock:
        table = _tables.get(db)
        if table is not None and table.version == version:
            return table
        table = _RankTable()
        rows = conn.execute(
            "SELECT rowid, id FROM titles WHERE kind != 'programme' "
            "ORDER BY rating IS NULL, rating DESC, votes DESC, title"
        )
        table.rows = {rowid: (tid, position) for position, (rowid, tid) in enumerate(rows)}
        table.version = version
        _tables[db] = table
        return table


def warm(db: Database) -> int:
    """Build the rank table ahead of the first keystroke; returns its size."""
    return len(_rank_table(db).rows)


def ranked_ids(db: Database, match: str) -> list[str]:
    """Catalog titles matching ``match``: own-title hits first, then by rating, votes, title."""
    conn = db.raw()
    table = _rank_table(db).rows
    size = len(table)
    in_title = {
        r[0]
        for r in conn.execute(
            "SELECT rowid FROM titles_fts WHERE titles_fts MATCH ?", (f"title : ({match})",)
        )
    }
    keyed: list[tuple[int, str]] = []
    for (rowid,) in conn.execute("SELECT rowid FROM titles_fts WHERE titles_fts MATCH ?", (match,)):
        entry = table.get(rowid)
        if entry is not None:
            keyed.append((entry[1] if rowid in in_title else entry[1] + size, entry[0]))
    keyed.sort()
    return [tid for _, tid in keyed]
