"""Filtered, sorted catalog ids (grid, home rows, search) and the facets the filter bar offers."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from app.storage.db import Database

KINDS = ("film", "series", "anime", "documentary", "cartoon")
AVAILABILITY = ("on_air", "catchup", "torrent", "stream")
SORTS = ("air", "rating", "year", "title", "added", "views", "relevance", "recent", "watchlist")

# An airing without a stop time is taken to last this long (seconds).
_DEFAULT_LENGTH = 3 * 3600


@dataclass(frozen=True)
class CatalogFilter:
    """What the user asked the catalog for. Empty fields do not filter.

    ``text`` is the user's words; the search service turns it into an FTS5 expression
    (``match``) with prefixes and typo alternatives before the query runs.
    """

    kinds: tuple[str, ...] = ()
    genre: str | None = None
    year_min: int | None = None
    year_max: int | None = None
    rating_min: float | None = None
    country: str | None = None
    availability: str | None = None  # one of AVAILABILITY
    poster_origin: str | None = None
    watched: bool | None = None  # True: watched only, False: unwatched only
    in_progress: bool = False  # started, not finished (continue watching)
    watchlist: bool = False
    airing_from: int | None = None  # unix seconds: an airing overlaps [from, to)
    airing_to: int | None = None
    text: str = ""
    sort: str = "air"
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def is_default(self) -> bool:
        return self == CatalogFilter(sort=self.sort)


def _json_item_patterns(value: str) -> tuple[str, str]:
    def like(text: str) -> str:
        return "%" + text.replace("%", "").replace("_", "") + "%"

    return like(json.dumps(value, ensure_ascii=False)), like(json.dumps(value))


def _order(sort: str) -> str:
    by_rating = "t.rating IS NULL, t.rating DESC, t.votes DESC, t.title"
    return {
        "air": f"na.next_start IS NULL, na.next_start, {by_rating}",
        "rating": by_rating,
        "year": "t.year IS NULL, t.year DESC, t.title",
        "title": "replace(replace(t.title, 'Ё', 'Е'), 'ё', 'е'), t.year",  # Ё sorts with Е, not before А
        "added": "t.added_at DESC",  # no tie-break: the index answers it without a sort
        "views": f"coalesce(p.view_count, 0) DESC, {by_rating}",
        "relevance": by_rating,  # then partitioned: title hits first (filtered_ids)
        "recent": "p.updated_at DESC",
        "watchlist": "w.added_at DESC",
    }.get(sort, by_rating)


def filtered_ids(
    db: Database,
    flt: CatalogFilter,
    now_ts: int,
    profile_id: int,
    *,
    match: str | None = None,
    limit: int | None = None,
    age_limit: int | None = None,
) -> list[str]:
    """Title ids that pass ``flt`` in its sort order (``match``: an FTS5 expression or None).

    ``age_limit``: a kids' profile's highest age rating; titles without a known one are left out.
    """
    sort = flt.sort
    if sort == "relevance" and not match:
        sort = "air"
    joins: list[str] = []
    where = ["t.kind != 'programme'"]
    params: dict[str, Any] = {"now": now_ts, "profile": profile_id, "len": _DEFAULT_LENGTH}
    window = flt.airing_from is not None or flt.airing_to is not None
    if window:
        params["from"] = flt.airing_from if flt.airing_from is not None else now_ts
        params["to"] = flt.airing_to if flt.airing_to is not None else now_ts + 30 * 86400
    if sort == "air" and window:
        # driven by the few airings in the window (a home row), not by every title
        joins.append(
            "JOIN (SELECT title_id, min(start) AS next_start FROM programmes WHERE title_id IS NOT NULL "
            "AND start < :to AND start > :from - 43200 AND coalesce(stop, start + :len) > :from "
            "GROUP BY title_id) na ON na.title_id = t.id"
        )
    elif sort == "air":
        joins.append(
            "LEFT JOIN (SELECT title_id, min(start) AS next_start FROM programmes "
            "WHERE title_id IS NOT NULL AND start > :now - 43200 AND coalesce(stop, start + :len) > :now "
            "GROUP BY title_id) na ON na.title_id = t.id"
        )
    needs_progress = flt.watched is not None or flt.in_progress or sort in ("views", "recent")
    if needs_progress:
        kind = "JOIN" if flt.in_progress or sort == "recent" else "LEFT JOIN"
        joins.append(f"{kind} progress p ON p.profile_id = :profile AND p.item_key = t.id")
    if flt.watchlist or sort == "watchlist":
        joins.append("JOIN watchlist w ON w.profile_id = :profile AND w.title_id = t.id")
    if match:
        # bm25() over a thousand prefix hits cost 4x the match itself; relevance is ranked below
        where.append("t.rowid IN (SELECT rowid FROM titles_fts WHERE titles_fts MATCH :match)")
        params["match"] = match
    if flt.kinds:
        names = [f":kind{i}" for i in range(len(flt.kinds))]
        where.append(f"t.kind IN ({', '.join(names)})")
        params.update({f"kind{i}": k for i, k in enumerate(flt.kinds)})
    # JSON lists matched as text (a plain substring scan is ~5x cheaper than json_each per row),
    # in both spellings a JSON writer may have used
    if flt.genre:
        where.append("(t.genres LIKE :genre OR t.genres LIKE :genre_esc)")
        params["genre"], params["genre_esc"] = _json_item_patterns(flt.genre)
    if flt.country:
        where.append("(t.countries LIKE :country OR t.countries LIKE :country_esc)")
        params["country"], params["country_esc"] = _json_item_patterns(flt.country)
    if flt.year_min is not None:
        where.append("t.year >= :year_min")
        params["year_min"] = flt.year_min
    if flt.year_max is not None:
        where.append("t.year <= :year_max")
        params["year_max"] = flt.year_max
    if flt.rating_min is not None:
        where.append("t.rating >= :rating_min")
        params["rating_min"] = flt.rating_min
    if flt.poster_origin:
        where.append("t.poster_origin = :origin")
        params["origin"] = flt.poster_origin
    if flt.watched is True:
        where.append("p.watched = 1")
    elif flt.watched is False:
        where.append("coalesce(p.watched, 0) = 0")
    if flt.in_progress:
        where.append("p.position_ms > 0 AND p.watched = 0")
    if window and sort != "air":
        where.append(
            "t.id IN (SELECT title_id FROM programmes WHERE title_id IS NOT NULL "
            "AND start < :to AND start > :from - 43200 AND coalesce(stop, start + :len) > :from)"
        )
    if flt.availability:
        where.append(_availability(flt.availability))
    if age_limit is not None:
        where.append("t.min_age IS NOT NULL AND t.min_age <= :age_limit")
        params["age_limit"] = age_limit
    tail = f"FROM titles t {' '.join(joins)} WHERE {' AND '.join(where)}"
    conn = db.raw()
    if sort == "relevance" and match:
        # the text search's own order (title hits first, then the rating order, kept in memory
        # by search_repo) for the titles that pass the filters: SQL only says which rowids pass
        passed = conn.execute(f"SELECT group_concat(t.rowid) {tail}", params).fetchone()[0]
        from app.storage import search_repo  # with the first search: Home's rows do without it

        ids = search_repo.ranked_subset(db, match, passed)
        return ids[:limit] if limit is not None else ids
    sql = f"SELECT t.id {tail} ORDER BY {_order(sort)}"
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    return [r[0] for r in conn.execute(sql, params)]


def _availability(kind: str) -> str:
    if kind == "on_air":
        return (
            "t.id IN (SELECT title_id FROM programmes WHERE title_id IS NOT NULL "
            "AND start > :now - 43200 AND coalesce(stop, start + :len) > :now)"
        )
    if kind == "catchup":
        # a catch-up source, or a past airing still inside its channel's archive window
        return (
            "(t.id IN (SELECT title_id FROM sources WHERE kind = 'iptv-catchup') OR t.id IN ("
            "SELECT pr.title_id FROM programmes pr JOIN channels c ON c.id = pr.channel_id "
            "WHERE pr.title_id IS NOT NULL AND pr.start < :now AND coalesce(c.catchup_mode, '') != '' "
            "AND pr.start > :now - 86400 * coalesce(c.catchup_days, 1)))"
        )
    if kind == "torrent":
        return "t.id IN (SELECT title_id FROM sources WHERE kind = 'torrent')"
    if kind == "stream":
        return "t.id IN (SELECT title_id FROM sources WHERE kind IN ('hls', 'direct'))"
    raise ValueError(f"unknown availability {kind!r}")


def _facet(db: Database, column: str, limit: int | None) -> list[tuple[str, int]]:
    sql = (
        f"SELECT v.value, count(*) FROM (SELECT {column} AS js FROM titles "
        f"WHERE kind != 'programme' AND {column} IS NOT NULL) t, "
        "json_each(CASE WHEN json_valid(t.js) THEN t.js ELSE '[]' END) v "
        "GROUP BY v.value ORDER BY count(*) DESC, v.value"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [(str(r[0]), int(r[1])) for r in db.raw().execute(sql) if r[0]]


def top_genres(db: Database, limit: int, sample: int = 2000) -> list[tuple[str, int]]:
    """The most common genres among the best-rated ``sample`` titles (home's genre rows)."""
    sql = (
        "SELECT v.value, count(*) FROM (SELECT genres AS js FROM titles WHERE kind != 'programme' "
        "AND rating IS NOT NULL ORDER BY rating DESC LIMIT ?) t, "
        "json_each(CASE WHEN json_valid(t.js) THEN t.js ELSE '[]' END) v "
        "GROUP BY v.value ORDER BY count(*) DESC, v.value LIMIT ?"
    )
    return [(str(r[0]), int(r[1])) for r in db.raw().execute(sql, (sample, limit)) if r[0]]


def genre_counts(db: Database, limit: int | None = None) -> list[tuple[str, int]]:
    """Genres with their number of titles, the most common first."""
    return _facet(db, "genres", limit)


def country_counts(db: Database, limit: int | None = None) -> list[tuple[str, int]]:
    return _facet(db, "countries", limit)


def poster_origins(db: Database) -> list[str]:
    rows = db.raw().execute(
        "SELECT DISTINCT poster_origin FROM titles WHERE poster_origin IS NOT NULL ORDER BY 1"
    )
    return [r[0] for r in rows]


@dataclass(frozen=True)
class CatchupAiring:
    """A past airing still in its channel's archive (the title page lists these)."""

    channel_id: str
    channel_name: str
    start: int
    stop: int | None
    catchup_mode: str
    days: int


def catchup_airings(db: Database, title_id: str, now_ts: int, limit: int = 20) -> list[CatchupAiring]:
    sql = (
        "SELECT pr.channel_id, c.name, pr.start, pr.stop, c.catchup_mode, coalesce(c.catchup_days, 1) "
        "FROM programmes pr JOIN channels c ON c.id = pr.channel_id "
        "WHERE pr.title_id = :tid AND coalesce(c.catchup_mode, '') != '' "
        "AND coalesce(pr.stop, pr.start + :len) <= :now "
        "AND pr.start > :now - 86400 * coalesce(c.catchup_days, 1) "
        "ORDER BY pr.start DESC LIMIT :limit"
    )
    params = {"tid": title_id, "now": now_ts, "len": _DEFAULT_LENGTH, "limit": limit}
    rows = db.raw().execute(sql, params)
    return [CatchupAiring(r[0], r[1] or r[0], r[2], r[3], r[4], int(r[5])) for r in rows]


def match_candidates(db: Database, title_id: str) -> tuple[str | None, list[dict[str, Any]]]:
    """The film_key that links ``title_id`` to the guide and the enrichment's stored candidates."""
    conn = db.raw()
    row = conn.execute(
        "SELECT film_key, candidates FROM title_matches WHERE title_id = ? ORDER BY checked_at DESC LIMIT 1",
        (title_id,),
    ).fetchone()
    if row is None and title_id.startswith("epg:film:"):
        row = conn.execute(
            "SELECT film_key, candidates FROM title_matches WHERE film_key = ?",
            (title_id.removeprefix("epg:film:"),),
        ).fetchone()
    if row is None:
        return None, []
    try:
        candidates = json.loads(row[1]) if row[1] else []
    except ValueError:
        candidates = []
    return row[0], [c for c in candidates if isinstance(c, dict) and c.get("id")]
