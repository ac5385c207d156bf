"""Guide sources, the atomic bulk replace of a source's guide, and the guide catalog queries.

SQLite only, by design: the guide lives per device (storage/dialect.py). ``GuideWriter`` is the
dialect seam of the bulk replace: a PostgreSQL version would replace that class (COPY instead of
executemany) and keep its begin/add_*/commit/rollback interface.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import text

from app.storage.db import Database

PLACEHOLDER_PREFIX = "epg:film:"
FILM_KINDS = ("film", "cartoon", "documentary", "anime")
_FILM_KINDS_SQL = "('film', 'cartoon', 'documentary', 'anime')"

PROGRAMME_COLUMNS = (
    "source_id", "channel_id", "start", "stop", "title", "norm_title", "subtitle",
    "description", "category", "kind", "film_key", "year_hint", "country_hint",
    "director_hint", "episode", "icon", "catchup_id", "title_id", "season", "episode_num",
)  # fmt: skip
CHANNEL_COLUMNS = (
    "id", "source_id", "guide_id", "name", "display_names", "logo", "group_title", "number",
    "stream_url", "headers", "catchup_mode", "catchup_source", "catchup_days", "tvg_shift",
    "catchup_correction", "position",
)  # fmt: skip
_INSERT_PROGRAMME = (
    f"INSERT INTO programmes ({', '.join(PROGRAMME_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(PROGRAMME_COLUMNS))})"
)
# The first declaration of a channel id wins (feeds repeat ids), except over a placeholder
# made for programmes that came before their <channel> (its name is still the bare id).
_INSERT_CHANNEL = (
    f"INSERT INTO channels ({', '.join(CHANNEL_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(CHANNEL_COLUMNS))}) "
    "ON CONFLICT(id) DO UPDATE SET name = excluded.name, display_names = excluded.display_names, "
    "logo = excluded.logo, number = excluded.number WHERE channels.name = channels.guide_id"
)


@dataclass(frozen=True, slots=True)
class SourceRow:
    id: int
    name: str
    kind: str
    location: str
    params: dict[str, Any]
    enabled: bool
    is_demo: bool
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    last_refresh_at: int | None
    last_status: str | None
    last_error: str | None
    channels_count: int
    programmes_count: int
    films_count: int
    unmatched_channels: tuple[str, ...]


class AiringRow(NamedTuple):
    """One airing as the catalog queries return it (a tuple: a thousand are built per query)."""

    programme_id: int
    channel_id: str
    channel_name: str
    start: int
    stop: int | None
    title: str
    norm_title: str | None
    kind: str
    film_key: str | None
    year_hint: int | None
    title_id: str | None
    description: str | None = None
    icon: str | None = None


# ---------------------------------------------------------------- sources


def add_source(
    db: Database,
    *,
    name: str,
    kind: str,
    location: str,
    params: dict[str, Any] | None,
    is_demo: bool,
    now: int,
) -> int:
    with db.engine.begin() as conn:
        result = conn.execute(
            text(
                "INSERT INTO guide_sources (name, kind, location, params, is_demo, created_at) "
                "VALUES (:n, :k, :l, :p, :d, :c)"
            ),
            {
                "n": name,
                "k": kind,
                "l": location,
                "p": json.dumps(params or {}, ensure_ascii=False),
                "d": is_demo,
                "c": now,
            },
        )
        return int(result.lastrowid or 0)


def _source(row: Any) -> SourceRow:
    m = row._mapping
    return SourceRow(
        id=m["id"],
        name=m["name"],
        kind=m["kind"],
        location=m["location"],
        params=json.loads(m["params"] or "{}"),
        enabled=bool(m["enabled"]),
        is_demo=bool(m["is_demo"]),
        etag=m["etag"],
        last_modified=m["last_modified"],
        content_hash=m["content_hash"],
        last_refresh_at=m["last_refresh_at"],
        last_status=m["last_status"],
        last_error=m["last_error"],
        channels_count=m["channels_count"],
        programmes_count=m["programmes_count"],
        films_count=m["films_count"],
        unmatched_channels=tuple(json.loads(m["unmatched_channels"] or "[]")),
    )


def get_source(db: Database, source_id: int) -> SourceRow | None:
    with db.engine.connect() as conn:
        row = conn.execute(text("SELECT * FROM guide_sources WHERE id = :i"), {"i": source_id}).first()
    return _source(row) if row is not None else None


def list_sources(db: Database) -> list[SourceRow]:
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT * FROM guide_sources ORDER BY id")).all()
    return [_source(r) for r in rows]


def record_status(
    db: Database, source_id: int, *, status: str, error: str | None, now: int, **extra: Any
) -> None:
    """Store the outcome of a refresh that did not replace the guide (error or unchanged)."""
    sets = {"last_status": status, "last_error": error, "last_refresh_at": now, **extra}
    clause = ", ".join(f"{k} = :{k}" for k in sets)
    with db.engine.begin() as conn:
        conn.execute(text(f"UPDATE guide_sources SET {clause} WHERE id = :id"), {**sets, "id": source_id})


def remove_source(db: Database, source_id: int) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM programmes WHERE source_id = :i"), {"i": source_id})
        conn.execute(text("DELETE FROM channels WHERE source_id = :i"), {"i": source_id})
        conn.execute(text("DELETE FROM guide_sources WHERE id = :i"), {"i": source_id})
        conn.exec_driver_sql(_DELETE_ORPHANS, (PLACEHOLDER_PREFIX + "%",))


def matched_titles(db: Database) -> dict[str, str]:
    """film_key -> title id for every match a person or the enricher settled on."""
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT film_key, title_id FROM title_matches "
                "WHERE status IN ('matched', 'manual') AND title_id IS NOT NULL"
            )
        ).all()
    return {r[0]: r[1] for r in rows}


# ---------------------------------------------------------------- the bulk replace

_DELETE_ORPHANS = (
    "DELETE FROM titles WHERE id LIKE ? AND NOT EXISTS "
    "(SELECT 1 FROM programmes p WHERE p.title_id = titles.id) "
    "AND NOT EXISTS (SELECT 1 FROM progress g WHERE g.title_id = titles.id) "
    "AND NOT EXISTS (SELECT 1 FROM watchlist w WHERE w.title_id = titles.id)"
)
_FILL_STOPS = (
    "UPDATE programmes SET stop = (SELECT MIN(p2.start) FROM programmes p2 "
    "WHERE p2.channel_id = programmes.channel_id AND p2.start > programmes.start) "
    "WHERE source_id = ? AND stop IS NULL"
)
_UPSERT_PLACEHOLDER = (
    "INSERT INTO titles (id, kind, title, year, overview, poster_path, poster_origin, is_demo, "
    "added_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, CASE WHEN ? IS NULL THEN NULL ELSE "
    "'preview' END, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, "
    "title = excluded.title, year = excluded.year, "
    "overview = COALESCE(excluded.overview, titles.overview), "
    "poster_path = COALESCE(titles.poster_path, excluded.poster_path), "
    "poster_origin = COALESCE(titles.poster_origin, excluded.poster_origin), "
    "is_demo = excluded.is_demo, updated_at = excluded.updated_at"
)


class GuideWriter:
    """Replaces one source's channels and programmes in ONE transaction.

    Use from a single thread: ``begin``, ``add_channels``/``add_programmes`` as rows arrive,
    then ``commit`` (or ``rollback``). Until ``commit`` readers keep seeing the old guide, and a
    killed process leaves it in place (SQLite rolls the open transaction back).
    """

    def __init__(self, db: Database) -> None:
        if not db.is_sqlite:
            raise RuntimeError("the guide is written to the device's SQLite database only")
        self._db = db
        self._path = str(db.path)
        self._conn: sqlite3.Connection | None = None
        self.source_id = 0
        self._rows = 0
        self._missing_stops = False

    def begin(self, source_id: int) -> None:
        """Take the write lock (waiting up to the database's busy timeout) and clear the source."""
        with self._db.errors():  # busy, damaged or read-only: our error, one sentence
            conn = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
            try:
                self._open(conn, source_id)
            except BaseException:
                conn.close()
                raise
        self._conn = conn

    def _open(self, conn: sqlite3.Connection, source_id: int) -> None:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(f"PRAGMA busy_timeout={self._db.busy_timeout_ms}")
        # A larger page cache keeps the six programme indexes' hot pages in memory while
        # a million rows go in; 16 MB keeps the import within its memory budget.
        conn.execute("PRAGMA cache_size=-16384")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("BEGIN IMMEDIATE")
        self.source_id = source_id
        others = conn.execute(
            "SELECT EXISTS (SELECT 1 FROM programmes WHERE source_id < ? OR source_id > ?)",
            (source_id, source_id),
        ).fetchone()[0]
        # With no other source's rows, an unqualified DELETE takes SQLite's truncate path
        # (pages dropped wholesale) instead of removing a million rows from six indexes.
        if others:
            conn.execute("DELETE FROM programmes WHERE source_id = ?", (source_id,))
        else:
            conn.execute("DELETE FROM programmes")
        conn.execute("DELETE FROM channels WHERE source_id = ?", (source_id,))

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("GuideWriter.begin() was not called")
        return self._conn

    def add_channels(self, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(_INSERT_CHANNEL, rows)

    def add_programmes(self, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(_INSERT_PROGRAMME, rows)
        self._rows += len(rows)
        # Column 3 is stop: remember whether any is missing, so that commit can skip the
        # fill-in pass (it visits every row of the source).
        if not self._missing_stops:
            self._missing_stops = any(r[3] is None for r in rows)

    def add_placeholders(self, rows: Iterable[Sequence[Any]], *, now: int, is_demo: bool) -> None:
        """Upsert unmatched film titles: (title id, kind, title, year, overview, poster url).

        The demo guide's series get no titles (issue 16): the demo library is its 22 films, and
        its removal must not leave (or bring back) series made from its guide."""
        self.conn.executemany(
            _UPSERT_PLACEHOLDER,
            (
                (tid, kind, title, year, overview, poster, poster, is_demo, now, now)
                for tid, kind, title, year, overview, poster in rows
                if not (is_demo and kind == "series")
            ),
        )

    def commit(
        self,
        *,
        now: int,
        prune_before: int,
        status: dict[str, Any],
    ) -> tuple[int, int]:
        """Finish: fill missing stops, prune, drop orphan placeholders, store status, commit."""
        with self._db.errors():
            return self._commit(now, prune_before, status)

    def _commit(self, now: int, prune_before: int, status: dict[str, Any]) -> tuple[int, int]:
        conn = self.conn
        if self._missing_stops:
            conn.execute(_FILL_STOPS, (self.source_id,))
        own_old = conn.execute(
            "DELETE FROM programmes WHERE start < ? AND source_id = ?", (prune_before, self.source_id)
        ).rowcount
        conn.execute("DELETE FROM programmes WHERE start < ?", (prune_before,))
        conn.execute(_DELETE_ORPHANS, (PLACEHOLDER_PREFIX + "%",))
        sid = (self.source_id,)
        n_ch = conn.execute("SELECT COUNT(*) FROM channels WHERE source_id = ?", sid).fetchone()[0]
        # Every row of this source was inserted in this transaction: no COUNT(*) pass needed.
        n_pr = self._rows - own_old
        sets = {
            "last_refresh_at": now,
            "last_status": "ok",
            "last_error": None,
            "channels_count": n_ch,
            "programmes_count": n_pr,
            **status,
        }
        clause = ", ".join(f"{k} = ?" for k in sets)
        conn.execute(f"UPDATE guide_sources SET {clause} WHERE id = ?", (*sets.values(), self.source_id))
        conn.execute("COMMIT")
        self.close()
        return int(n_ch), int(n_pr)

    def unmatched_stream_channels(self, limit: int) -> tuple[list[str], int]:
        """Of the channels written so far, those with a stream URL and no programme: the first
        ``limit`` names in playlist order, and how many there are (a playlist's channels its
        guide did not cover)."""
        sid = self.source_id
        where = (
            "FROM channels c WHERE c.source_id = ? AND c.stream_url IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM programmes p WHERE p.channel_id = c.id)"
        )
        count = self.conn.execute(f"SELECT COUNT(*) {where}", (sid,)).fetchone()[0]
        if not count:
            return [], 0
        rows = self.conn.execute(f"SELECT c.name {where} ORDER BY c.position LIMIT ?", (sid, limit))
        return [r[0] for r in rows], int(count)

    def rollback(self) -> None:
        if self._conn is not None:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            self.close()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def prune_programmes(db: Database, before: int) -> int:
    with db.engine.begin() as conn:
        n = conn.execute(text("DELETE FROM programmes WHERE start < :b"), {"b": before}).rowcount
        conn.exec_driver_sql(_DELETE_ORPHANS, (PLACEHOLDER_PREFIX + "%",))
    return int(n or 0)


# ---------------------------------------------------------------- catalog queries

_AIRING_SELECT = (
    "SELECT p.id, p.channel_id, COALESCE(c.name, p.channel_id), p.start, p.stop, p.title, "
    "p.norm_title, p.kind, p.film_key, p.year_hint, p.title_id, p.description, p.icon "
    "FROM programmes p LEFT JOIN channels c ON c.id = p.channel_id "
)


_LEAN_SELECT = (
    "SELECT p.id, p.channel_id, COALESCE(c.name, p.channel_id), p.start, p.stop, p.title, "
    "p.norm_title, p.kind, p.film_key, p.year_hint, p.title_id, NULL, p.icon "
    "FROM programmes p LEFT JOIN channels c ON c.id = p.channel_id "
)


def _airings(db: Database, sql: str, params: tuple[Any, ...]) -> list[AiringRow]:
    with db.engine.connect() as conn:
        # The DB-API cursor: SQLAlchemy Row objects cost more than the query for 1,000 rows.
        raw = conn.connection.driver_connection
        assert raw is not None
        # Guide queries touch a thousand rows spread over a large file: memory-mapped reads
        # and a bigger page cache took "on air now" at 1 M programmes from 19 to 10 ms here.
        # Both pragmas are no-ops (~6 us) once set on a pooled connection.
        raw.execute("PRAGMA mmap_size=268435456")
        raw.execute("PRAGMA cache_size=-8192")
        rows = raw.execute(sql, params).fetchall()
    return list(map(AiringRow._make, rows))


def films_between(db: Database, start: int, end: int, *, limit: int | None = None) -> list[AiringRow]:
    """Airings of films, cartoons, documentaries and anime starting in ``[start, end)``.

    With ``limit`` (a page of the grid) each kind is read in start order from the
    (kind, start) index and stops after ``limit`` rows; the cost does not grow with the guide.
    """
    if limit is None:
        sql = _LEAN_SELECT + f"WHERE p.kind IN {_FILM_KINDS_SQL} AND p.start >= ? AND p.start < ? "
        return _airings(db, sql + "ORDER BY p.start, p.id", (start, end))
    ids = (
        "SELECT id, start FROM (SELECT id, start FROM programmes WHERE kind = ? AND start >= ? "
        "AND start < ? ORDER BY start LIMIT ?)"
    )
    page = " UNION ALL ".join([ids] * len(FILM_KINDS))
    sql = _LEAN_SELECT + f"JOIN ({page} ORDER BY start LIMIT ?) pg ON pg.id = p.id ORDER BY p.start, p.id"
    params: list[Any] = []
    for kind in FILM_KINDS:
        params += [kind, start, end, limit]
    return _airings(db, sql, (*params, limit))


def on_air(db: Database, now: int, *, max_length: int = 6 * 3600) -> list[AiringRow]:
    """What every channel shows at ``now``: one covering-index seek per channel."""
    sql = (
        # Only what a "now" column shows: building a thousand strings is most of the cost.
        "SELECT p.id, p.channel_id, ch.name, p.start, p.stop, p.title, NULL, p.kind, "
        "NULL, NULL, p.title_id, NULL, p.icon FROM channels ch "
        "JOIN programmes p ON p.id = (SELECT q.id FROM programmes q WHERE q.channel_id = ch.id "
        "AND q.start <= ? AND q.start > ? ORDER BY q.start DESC LIMIT 1) "
        "WHERE p.stop > ? OR (p.stop IS NULL AND p.start > ?)"
    )
    return _airings(db, sql, (now, now - max_length, now, now - 3 * 3600))


def channel_day(db: Database, channel_id: str, start: int, end: int) -> list[AiringRow]:
    sql = _AIRING_SELECT + "WHERE p.channel_id = ? AND p.start >= ? AND p.start < ? ORDER BY p.start"
    return _airings(db, sql, (channel_id, start, end))


def source_channel_ids(db: Database, source_id: int) -> list[str]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id FROM channels WHERE source_id = :s ORDER BY id"), {"s": source_id}
        ).all()
    return [r[0] for r in rows]


def count_rows(db: Database, source_id: int) -> tuple[int, int]:
    """(channels, programmes) actually stored for a source."""
    with db.engine.connect() as conn:
        ch = conn.execute(
            text("SELECT COUNT(*) FROM channels WHERE source_id = :s"), {"s": source_id}
        ).scalar_one()
        pr = conn.execute(
            text("SELECT COUNT(*) FROM programmes WHERE source_id = :s"), {"s": source_id}
        ).scalar_one()
    return int(ch), int(pr)
