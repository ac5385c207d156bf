"""The FTS5 title index (migrations 0002, 0003): ranked ids, suggestions, index terms for typo repair.

A text search costs two bare FTS5 matches that return rowids as one string (title hits, then the
other hits), a lookup of each rowid's position in the catalog's rating order, and a sort of small
integers. The rating order lives in memory per ``catalog_version`` (bumped by the title triggers)
together with the last few results, every one- and two-letter prefix's result, and the index
terms the typo pass asked for; a title write replaces all of it at the next query.

SQLite only, by design: search reads the device's own catalog (storage/dialect.py). A PostgreSQL
version would replace these public functions (ranked_ids, ranked_subset, suggestions,
terms_starting_with, has_term_prefix, warm, merge, rebuild, segments) with a tsvector column and a
GIN index (CONTRACTS.md §13); migrations 0002/0003 make the index on SQLite only.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import weakref
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import repeat

from app.storage.db import Database

# A result is kept for the grid and the suggestions of the same keystroke, and for backspacing.
_RESULTS_KEPT = 4
# One- and two-letter prefixes start every search and match thousands of titles (~1 us each to
# rank): their results are kept for the whole catalog_version; warm() prepares the one-letter ones.
_SHORT_PREFIX = re.compile(r'^"[^"]{1,2}"\*$')
_SHORT_KEPT = 1024
# The index is merged into one segment when it has more (each segment is one more doclist per word).
_SEGMENTS_BEFORE_MERGE = 1


@dataclass(frozen=True)
class Suggestion:
    id: str
    title: str
    original_title: str | None
    year: int | None
    kind: str


@dataclass
class _Snapshot:
    """What search keeps in memory for one ``catalog_version``."""

    version: int
    position: dict[str, int]  # titles.rowid as text (as group_concat gives it) -> rating-order position
    ids: tuple[str, ...]  # position -> title id
    results: OrderedDict[str, tuple[str, ...]] = field(default_factory=OrderedDict)
    short: dict[str, tuple[str, ...]] = field(default_factory=dict)  # '"н"*', '"но"*', ...
    terms: dict[str, list[str]] = field(default_factory=dict)


_snapshots: weakref.WeakKeyDictionary[Database, _Snapshot] = weakref.WeakKeyDictionary()
_lock = threading.Lock()

# the order of ix_titles_search_rank (0003): read from the index, no sort, no table rows
_RANK_FROM = "FROM titles WHERE kind != 'programme' ORDER BY rating IS NULL, rating DESC, votes DESC, title"
# two strings instead of 20,000 Python rows (a subquery with ORDER BY is not flattened into the
# aggregate, so the strings follow its order; the search tests check it against a reference)
_RANK_SQL = (
    f"SELECT group_concat(r), group_concat(i, char(31)) FROM (SELECT rowid AS r, id AS i {_RANK_FROM})"
)
_RANK_SQL_ROWS = f"SELECT rowid, id {_RANK_FROM}"


@contextmanager
def _read(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One read transaction, so the version, the rating order and the matches agree."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        try:
            conn.execute("COMMIT")
        except sqlite3.Error:  # e.g. interrupted at exit: never leave this thread in a snapshot
            if conn.in_transaction:
                conn.rollback()


def _version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT n FROM catalog_version WHERE id = 1").fetchone()[0])


def _snapshot(db: Database, conn: sqlite3.Connection) -> _Snapshot:
    version = _version(conn)
    with _lock:
        snap = _snapshots.get(db)
        if snap is not None and snap.version == version:
            return snap
        joined_rowids, joined_ids = conn.execute(_RANK_SQL).fetchone()
        rowids = joined_rowids.split(",") if joined_rowids else []
        ids = tuple(joined_ids.split("\x1f")) if joined_ids else ()
        if len(ids) != len(rowids):  # an id holding the separator: rows one by one
            rows = conn.execute(_RANK_SQL_ROWS).fetchall()
            rowids, ids = [str(r[0]) for r in rows], tuple(r[1] for r in rows)
        snap = _Snapshot(
            version=version, position=dict(zip(rowids, range(len(rowids)), strict=True)), ids=ids
        )
        _snapshots[db] = snap
        return snap


def _sorted_positions(position: dict[str, int], joined: str | None) -> list[int]:
    """Rating-order positions of comma-joined rowids, sorted; rowids outside the catalog dropped."""
    if not joined:
        return []
    # C loops only: a one-letter prefix matches thousands (-1: a programme, not a catalog title)
    found = sorted(map(position.get, joined.split(","), repeat(-1)))
    return found[bisect_left(found, 0) :]


def _positions(conn: sqlite3.Connection, position: dict[str, int], expr: str) -> list[int]:
    """Sorted rating-order positions of the catalog titles matching ``expr``."""
    # one string instead of a Python row per hit
    joined = conn.execute(
        "SELECT group_concat(rowid) FROM titles_fts WHERE titles_fts MATCH ?", (expr,)
    ).fetchone()[0]
    return _sorted_positions(position, joined)


def _kept(snap: _Snapshot, match: str) -> tuple[str, ...] | None:
    with _lock:
        kept = snap.short.get(match)
        if kept is None:
            kept = snap.results.get(match)
            if kept is not None:
                snap.results.move_to_end(match)
        return kept


def _keep(snap: _Snapshot, match: str, result: tuple[str, ...]) -> None:
    with _lock:
        if _SHORT_PREFIX.match(match) and len(snap.short) < _SHORT_KEPT:
            snap.short[match] = result
            return
        snap.results[match] = result
        while len(snap.results) > _RESULTS_KEPT:
            snap.results.popitem(last=False)


def _rank(conn: sqlite3.Connection, snap: _Snapshot, match: str) -> tuple[str, ...]:
    in_title = f"title : ({match})"
    ids = snap.ids
    # disjoint: every hit is fetched once; own-title hits come first
    first = _positions(conn, snap.position, in_title)
    rest = _positions(conn, snap.position, f"({match}) NOT {in_title}")
    return tuple([ids[p] for p in first] + [ids[p] for p in rest])


def _ranked(db: Database, match: str) -> tuple[str, ...]:
    conn = db.raw()
    with _read(conn):
        snap = _snapshot(db, conn)
        kept = _kept(snap, match)
        if kept is not None:
            return kept
        result = _rank(conn, snap, match)
    _keep(snap, match, result)
    return result


def ranked_ids(db: Database, match: str) -> list[str]:
    """Catalog titles matching ``match``: own-title hits first, then by rating, votes, title."""
    return list(_ranked(db, match))


def ranked_subset(db: Database, match: str, rowids: str | None) -> list[str]:
    """``ranked_ids`` restricted to ``rowids`` (comma-joined; what passed the other filters).

    Own-title hits first, then the rating order, as the text alone would show them.
    """
    conn = db.raw()
    with _read(conn):
        snap = _snapshot(db, conn)
        kept = _kept(snap, match)
        passed = _sorted_positions(snap.position, rowids)
        ids = snap.ids
        if kept is not None:  # the text alone was just searched (the usual order of clicks)
            wanted = {ids[p] for p in passed}
            return [i for i in kept if i in wanted]
        in_title = set(_positions(conn, snap.position, f"title : ({match})"))
    return [ids[p] for p in passed if p in in_title] + [ids[p] for p in passed if p not in in_title]


def suggestions(db: Database, match: str, limit: int = 8) -> list[Suggestion]:
    """The best ``limit`` titles for an FTS5 expression, in the order the grid shows them."""
    best = _ranked(db, match)[:limit]
    if not best:
        return []
    marks = ", ".join("?" * len(best))
    rows = db.raw().execute(
        f"SELECT id, title, original_title, year, kind FROM titles WHERE id IN ({marks})", best
    )
    by_id = {r[0]: Suggestion(r[0], r[1], r[2], r[3], r[4]) for r in rows}
    return [by_id[i] for i in best if i in by_id]


def _upper(head: str) -> str:
    return head[:-1] + chr(ord(head[-1]) + 1)


def terms_starting_with(db: Database, head: str, limit: int = 20000) -> list[str]:
    """Index terms that begin with ``head`` (the typo pass compares the user's word with these).

    Kept per ``catalog_version``: typing a misspelt word asks for the same letter every keystroke.
    """
    conn = db.raw()
    with _read(conn):
        snap = _snapshot(db, conn)
        key = f"{head}\0{limit}"
        with _lock:
            kept = snap.terms.get(key)
        if kept is not None:
            return kept
        # the vocabulary table is ordered by term, so a range on it is a seek, not a scan
        rows = conn.execute(
            "SELECT term FROM titles_fts_vocab WHERE term >= ? AND term < ? LIMIT ?",
            (head, _upper(head), limit),
        )
        terms = [r[0] for r in rows]
    with _lock:
        snap.terms[key] = terms
    return terms


def has_term_prefix(db: Database, prefix: str) -> bool:
    row = (
        db.raw()
        .execute(
            "SELECT 1 FROM titles_fts_vocab WHERE term >= ? AND term < ? LIMIT 1", (prefix, _upper(prefix))
        )
        .fetchone()
    )
    return row is not None


def segments(db: Database) -> int:
    """How many segments the index is made of (each adds a doclist read per query word)."""
    return int(db.raw().execute("SELECT count(DISTINCT segid) FROM titles_fts_idx").fetchone()[0])


def merge(db: Database) -> bool:
    """Merge the index into one segment unless a writer holds the database (then try next time)."""
    conn = db.raw()
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("INSERT INTO titles_fts(titles_fts) VALUES ('optimize')")
        return True
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        return False
    finally:
        conn.execute("PRAGMA busy_timeout = 5000")


def rebuild(db: Database) -> int:
    """Refill the index from ``titles`` (after a VACUUM, whose new rowids it must follow)."""
    fold = "replace(replace(coalesce({0}, ''), 'ё', 'е'), 'Ё', 'Е')"
    # as the triggers of migration 0003 write it: alternative titles are the JSON list's strings
    alt = (
        "CASE WHEN json_valid(alt_titles) THEN "
        "(SELECT group_concat(value, ' ') FROM json_each(alt_titles)) ELSE alt_titles END"
    )
    cols = ", ".join(fold.format(c) for c in ("title", "original_title", alt))
    conn = db.raw()
    with conn:
        conn.execute("BEGIN")
        conn.execute("DELETE FROM titles_fts")
        conn.execute(
            "INSERT INTO titles_fts(rowid, title, original_title, alt_titles) "
            f"SELECT rowid, {cols} FROM titles"
        )
        conn.execute("INSERT INTO titles_fts(titles_fts) VALUES ('optimize')")
        # the rowids may have moved: the rating order in memory must follow
        conn.execute("UPDATE catalog_version SET n = n + 1 WHERE id = 1")
    return int(conn.execute("SELECT count(*) FROM titles_fts").fetchone()[0])


def forget_results(db: Database) -> None:
    """Drop the kept results but not the rating order (bench/search.py times cold searches)."""
    with _lock:
        snap = _snapshots.get(db)
        if snap is not None:
            snap.results.clear()
            snap.short.clear()


def first_letters(db: Database, limit: int = 500) -> list[str]:
    """The letters index terms begin with, one vocabulary seek each."""
    conn = db.raw()
    letters: list[str] = []
    bound = ""
    while len(letters) < limit:
        row = conn.execute("SELECT term FROM titles_fts_vocab WHERE term >= ? LIMIT 1", (bound,)).fetchone()
        if row is None or not row[0]:
            break
        letters.append(row[0][0])
        if ord(row[0][0]) >= 0x10FFFF:  # nothing can sort after the last code point
            break
        bound = _upper(row[0][0])
    return letters


def warm(db: Database) -> int:
    """Merge a fragmented index, build the rating order and rank every one-letter prefix, ahead
    of the first keystroke (the first letter typed matches the most titles).

    Runs in a worker after start-up and after a refresh; returns the number of ranked titles.
    """
    if segments(db) > _SEGMENTS_BEFORE_MERGE:
        merge(db)
    conn = db.raw()
    with _read(conn):
        snap = _snapshot(db, conn)
        for letter in first_letters(db):
            match = f'"{letter}"*'
            if letter != '"' and _kept(snap, match) is None:
                _keep(snap, match, _rank(conn, snap, match))
        return len(snap.ids)
