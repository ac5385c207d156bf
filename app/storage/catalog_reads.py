"""The catalog's hot reads (ordered ids, grid rows) through the DB-API: no SQLAlchemy import
on the way to the first painted grid, and no statement compilation per page."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from app.domain.briefs import Airing, SourceKind, TitleBrief, TitleKind
from app.storage.db import Database

# An airing counts while it runs; one without a stop counts for three hours after its start.
_CURRENT = "(p.stop > :now OR (p.stop IS NULL AND p.start > :now - 10800))"

_IDS_SQL = f"""
SELECT t.id FROM titles t
LEFT JOIN (
    SELECT p.title_id AS title_id, MIN(p.start) AS next_start FROM programmes p
    WHERE p.title_id IS NOT NULL AND {_CURRENT}
    GROUP BY p.title_id
) n ON n.title_id = t.id
WHERE t.kind != 'programme' {{kind}} {{age}}
ORDER BY n.next_start IS NULL, n.next_start, t.rating IS NULL, t.rating DESC, t.title
"""


def _in(n: int) -> str:
    return ",".join("?" * n)


def count_titles(db: Database) -> int:
    return int(db.raw().execute("SELECT COUNT(*) FROM titles").fetchone()[0])


def count_demo(db: Database) -> int:
    return int(db.raw().execute("SELECT COUNT(*) FROM titles WHERE is_demo = 1").fetchone()[0])


def catalog_ids(
    db: Database, now: datetime, *, kind: str | None = None, age_limit: int | None = None
) -> list[str]:
    """All catalog titles: upcoming airings first (soonest first), then by rating.

    ``age_limit``: a kids' profile's highest age rating (titles without a known one are left out).
    """
    params: dict[str, object] = {"now": int(now.timestamp())}
    kind_sql = age_sql = ""
    if kind:
        kind_sql = "AND t.kind = :kind"
        params["kind"] = kind
    if age_limit is not None:
        age_sql = "AND t.min_age IS NOT NULL AND t.min_age <= :age_limit"
        params["age_limit"] = age_limit
    return [row[0] for row in db.raw().execute(_IDS_SQL.format(kind=kind_sql, age=age_sql), params)]


def min_ages(db: Database, ids: Sequence[str]) -> dict[str, int | None]:
    """The age rating (years) of each title in ``ids`` (None: not known)."""
    ids = list(ids)
    if not ids:
        return {}
    rows = db.raw().execute(f"SELECT id, min_age FROM titles WHERE id IN ({_in(len(ids))})", ids)
    return {tid: age for tid, age in rows}


# app.domain.series.EPISODE_KEY_PREFIX (a test keeps them equal): that module and episodes_repo
# load only once a tile has episodes to show, not on every start's way to the first paint
EPISODE_KEY_PREFIX = "ep:"


def series_with_episodes(db: Database, profile_id: int, title_ids: Sequence[str]) -> list[str]:
    """Those of ``title_ids`` that have episodes, or episode progress of the profile (portable SQL)."""
    if not title_ids:
        return []
    params: dict[str, object] = {f"t{i}": t for i, t in enumerate(title_ids)}
    params["profile"] = profile_id
    listed = ", ".join(f":t{i}" for i in range(len(title_ids)))
    rows = db.execute(
        f"SELECT DISTINCT title_id FROM episodes WHERE title_id IN ({listed}) UNION "
        f"SELECT DISTINCT title_id FROM progress WHERE profile_id = :profile AND title_id IN ({listed}) "
        f"AND substr(item_key, 1, 3) = '{EPISODE_KEY_PREFIX}'",
        params,
    )
    return [str(tid) for (tid,) in rows]


def has_adhoc_progress(db: Database, profile_id: int) -> bool:
    """The profile has a file or link played without a title and not finished (adhoc_repo reads
    them; Home asks this first, at every start, so that module loads only when there are some)."""
    rows = db.execute(
        "SELECT 1 FROM progress WHERE profile_id = :profile AND title_id IS NULL "
        "AND position_ms > 0 AND watched = :no LIMIT 1",
        {"profile": profile_id, "no": False},
    )
    return bool(list(rows))


def has_discovery_rows(db: Database, profile_id: int) -> bool:
    """Discovery rows were stored, shared or the profile's own (discovery_repo reads them)."""
    rows = db.execute(
        "SELECT 1 FROM discovery_rows WHERE profile_id IS NULL OR profile_id = :profile LIMIT 1",
        {"profile": profile_id},
    )
    return bool(list(rows))


def briefs(db: Database, ids: Sequence[str], now: datetime, profile_id: int) -> dict[str, TitleBrief]:
    """Grid rows for ``ids``: one query each for titles, next airings, progress and sources."""
    ids = list(ids)
    if not ids:
        return {}
    conn = db.raw()
    now_ts = int(now.timestamp())
    marks = _in(len(ids))
    rows = conn.execute(
        "SELECT id, kind, title, original_title, year, rating, poster_thumb, poster_path "
        f"FROM titles WHERE id IN ({marks})",
        ids,
    ).fetchall()
    airings: dict[str, Airing] = {}
    for tid, ch_id, ch_name, start, stop, ptitle in conn.execute(
        "SELECT p.title_id, p.channel_id, c.name, p.start, p.stop, p.title FROM programmes p "
        "LEFT JOIN channels c ON c.id = p.channel_id "
        f"WHERE p.title_id IN ({marks}) AND (p.stop > ? OR (p.stop IS NULL AND p.start > ?)) "
        "ORDER BY p.title_id, p.start",
        [*ids, now_ts, now_ts - 10800],
    ):
        if tid not in airings:
            airings[tid] = Airing(
                channel_id=ch_id,
                channel_name=ch_name or ch_id,
                start=datetime.fromtimestamp(start, UTC),
                stop=None if stop is None else datetime.fromtimestamp(stop, UTC),
                title=ptitle,
            )
    progress = {
        key: (position, duration, watched)
        for key, position, duration, watched in conn.execute(
            "SELECT item_key, position_ms, duration_ms, watched FROM progress "
            f"WHERE profile_id = ? AND item_key IN ({marks})",
            [profile_id, *ids],
        )
    }
    kinds: dict[str, set[str]] = {}
    for tid, skind in conn.execute(
        f"SELECT DISTINCT title_id, kind FROM sources WHERE title_id IN ({marks})", ids
    ):
        kinds.setdefault(tid, set()).add(skind)
    out: dict[str, TitleBrief] = {}
    for tid, kind, title, original, year, rating, thumb, poster in rows:
        fraction = None
        p = progress.get(tid)
        if p is not None and p[1] and not p[2] and p[0] > 0:
            fraction = min(1.0, p[0] / p[1])
        source_kinds = {SourceKind(k) for k in kinds.get(tid, ()) if k in SourceKind._value2member_map_}
        if tid in airings:
            source_kinds.add(SourceKind.IPTV_LIVE)
        out[tid] = TitleBrief(
            id=tid,
            kind=TitleKind(kind) if kind in TitleKind._value2member_map_ else TitleKind.FILM,
            title=title,
            original_title=original,
            year=year,
            rating=rating,
            poster_path=thumb or poster,
            next_airing=airings.get(tid),
            progress=fraction,
            source_kinds=tuple(sorted(source_kinds, key=lambda k: k.value)),
        )
    return out
