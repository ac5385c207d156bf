"""The FTS5 title index (migration 0002): suggestions, index terms for typo repair, rebuild."""

from __future__ import annotations

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
