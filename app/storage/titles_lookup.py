"""Small portable reads about titles for the library: labels and runtimes, a title's best link."""

from __future__ import annotations

from collections.abc import Sequence

from app.storage.db import Database

# Kinds of source a playlist file can carry to another player (not web pages or TV airings).
_PORTABLE_KINDS = ("direct", "hls", "torrent")


def _marks(prefix: str, values: Sequence[str]) -> tuple[str, dict[str, str]]:
    names = [f":{prefix}{i}" for i in range(len(values))]
    return ", ".join(names), {f"{prefix}{i}": v for i, v in enumerate(values)}


def labels(db: Database, title_ids: Sequence[str | None]) -> dict[str, tuple[str, int | None]]:
    """{title id: (title, runtime in ms or None)} for the ids that exist."""
    ids = sorted({t for t in title_ids if t})
    found: dict[str, tuple[str, int | None]] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        marks, params = _marks("t", part)
        for tid, title, runtime in db.execute(
            f"SELECT id, title, runtime FROM titles WHERE id IN ({marks})", params
        ):
            found[tid] = (title, runtime * 60_000 if runtime else None)
    return found


def best_source_urls(db: Database, title_ids: Sequence[str | None]) -> dict[str, str]:
    """{title id: the URL of its best-scored playable source} for the titles that have one."""
    ids = sorted({t for t in title_ids if t})
    if not ids:
        return {}
    marks, params = _marks("t", ids)
    kinds, kind_params = _marks("k", list(_PORTABLE_KINDS))
    rows = db.execute(
        f"SELECT title_id, url FROM sources WHERE title_id IN ({marks}) AND kind IN ({kinds}) "
        "ORDER BY title_id, score DESC, id",
        {**params, **kind_params},
    )
    best: dict[str, str] = {}
    for tid, url in rows:
        best.setdefault(tid, url)
    return best
