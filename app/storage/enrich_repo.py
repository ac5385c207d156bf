"""Enrichment state: guide films to match, title_matches rows, titles upserts, relinking."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, insert, or_, select, text, update

from app.storage.db import Database
from app.storage.dialect import upsert
from app.storage.tables import guide_sources, programmes, refresh_runs, title_matches, titles

FILM_KINDS = ("film", "series", "anime", "cartoon", "documentary")  # as ingestion gives film_keys
PLACEHOLDER_PREFIX = "epg:film:"
DONE = ("matched", "manual")


@dataclass(frozen=True)
class FilmWork:
    """One guide film (all airings sharing a film_key) waiting to be matched."""

    film_key: str
    kind: str
    title: str
    norm_title: str | None
    year_hint: int | None
    country_hint: str | None
    director_hint: str | None
    description: str | None
    icon: str | None
    duration_min: int | None
    airings: int

    @property
    def placeholder_id(self) -> str:
        return placeholder_id(self.film_key)


def placeholder_id(film_key: str) -> str:
    return f"{PLACEHOLDER_PREFIX}{film_key}"


def pending_films(
    db: Database,
    now: int,
    *,
    force: bool = False,
    retry_unmatched_after: int = 86_400,
    limit: int | None = None,
) -> list[FilmWork]:
    """Film keys without a final match: never tried, failed last time, or unmatched long enough ago.

    ``force`` retries everything except the user's manual choices.
    """
    first = (
        select(
            programmes.c.film_key,
            func.min(programmes.c.id).label("pid"),
            func.max(programmes.c.stop - programmes.c.start).label("duration"),
            func.count().label("airings"),
        )
        .where(and_(programmes.c.film_key.is_not(None), programmes.c.kind.in_(FILM_KINDS)))
        .group_by(programmes.c.film_key)
        .subquery()
    )
    if force:
        due = title_matches.c.status != "manual"
    else:
        due = or_(
            title_matches.c.status.in_(("pending", "failed")),
            and_(
                title_matches.c.status == "unmatched",
                func.coalesce(title_matches.c.checked_at, 0) <= now - retry_unmatched_after,
            ),
        )
    query = (
        select(
            first.c.film_key,
            programmes.c.kind,
            programmes.c.title,
            programmes.c.norm_title,
            programmes.c.year_hint,
            programmes.c.country_hint,
            programmes.c.director_hint,
            programmes.c.description,
            programmes.c.icon,
            first.c.duration,
            first.c.airings,
        )
        .join(programmes, programmes.c.id == first.c.pid)
        .outerjoin(title_matches, title_matches.c.film_key == first.c.film_key)
        .where(or_(title_matches.c.film_key.is_(None), due))
        .order_by(first.c.airings.desc(), first.c.film_key)
    )
    if limit is not None:
        query = query.limit(limit)
    with db.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [
        FilmWork(
            film_key=r.film_key,
            kind=r.kind,
            title=r.title,
            norm_title=r.norm_title,
            year_hint=r.year_hint,
            country_hint=r.country_hint,
            director_hint=r.director_hint,
            description=r.description,
            icon=r.icon,
            duration_min=round(r.duration / 60) if r.duration else None,
            airings=r.airings,
        )
        for r in rows
    ]


def _match_row(
    film_key: str,
    kind: str,
    *,
    status: str,
    title_id: str | None,
    score: float | None,
    candidates: Any,
    now: int,
) -> dict[str, Any]:
    return {
        "film_key": film_key,
        "kind": kind,
        "title_id": title_id,
        "score": score,
        "candidates": json.dumps(candidates, ensure_ascii=False),
        "status": status,
        "attempts": 1,
        "checked_at": now,
    }


def _upsert_match(conn: Any, row: dict[str, Any]) -> None:
    changed = {k: v for k, v in row.items() if k not in ("film_key", "attempts")}
    changed["attempts"] = title_matches.c.attempts + 1
    conn.execute(upsert(conn, title_matches, ("film_key",), changed, values=row))


def save_unmatched(
    db: Database,
    film_key: str,
    kind: str,
    *,
    score: float | None,
    candidates: Any,
    now: int,
    status: str = "unmatched",
) -> None:
    """Below the threshold (or a failure, ``status="failed"``): the placeholder stays as it is."""
    with db.engine.begin() as conn:
        _upsert_match(
            conn,
            _match_row(
                film_key,
                kind,
                status=status,
                title_id=None,
                score=score,
                candidates=candidates,
                now=now,
            ),
        )


def save_matched(
    db: Database,
    film_key: str,
    kind: str,
    *,
    title_row: dict[str, Any],
    score: float,
    candidates: Any,
    now: int,
) -> None:
    """In one transaction: upsert the title, record the match, relink airings, move the
    placeholder's progress/watchlist/history/sources/playlists, and drop the placeholder."""
    new_id = title_row["id"]
    old_id = placeholder_id(film_key)
    row = {**title_row, "added_at": now, "updated_at": now}
    with db.engine.begin() as conn:
        changed = {k: v for k, v in row.items() if k not in ("id", "added_at")}
        conn.execute(upsert(conn, titles, ("id",), changed, values=row))
        _upsert_match(
            conn,
            _match_row(
                film_key,
                kind,
                status="matched",
                title_id=new_id,
                score=score,
                candidates=candidates,
                now=now,
            ),
        )
        conn.execute(update(programmes).where(programmes.c.film_key == film_key).values(title_id=new_id))
        if old_id != new_id:
            _move_references(conn, old_id, new_id)
            conn.execute(titles.delete().where(titles.c.id == old_id))


def _move_references(conn: Any, old_id: str, new_id: str) -> None:
    params = {"old": old_id, "new": new_id}
    # When the user already has a row for the new title, theirs wins (NOT EXISTS: the row that
    # would collide with it is not moved) and the placeholder's duplicate goes with the
    # placeholder (cascade) or stays keyed by the old id.
    for sql in (
        _move_unless_taken("progress", "item_key", "profile_id"),
        _MOVE_EPISODE_PROGRESS,  # a series' per-episode rows (issue 16): ep:<id>:<season>:<number>
        "UPDATE progress SET title_id = :new WHERE title_id = :old",
        "UPDATE episodes SET title_id = :new WHERE title_id = :old AND NOT EXISTS (SELECT 1 FROM episodes "
        "taken WHERE taken.title_id = :new AND taken.season = episodes.season "
        "AND taken.number = episodes.number)",
        "UPDATE history SET item_key = :new WHERE item_key = :old",
        "UPDATE history SET title_id = :new WHERE title_id = :old",
        _move_unless_taken("watchlist", "title_id", "profile_id"),
        _move_unless_taken("sources", "title_id", "url"),
        # a playlist may hold a title twice (migration 0006): every item follows the match
        "UPDATE playlist_items SET title_id = :new, item_key = :new WHERE title_id = :old",
    ):
        conn.execute(text(sql), params)


_OLD_LEN = "length(CAST(:old AS VARCHAR)) + 4"  # 'ep:' + the old id + ':'
_MOVE_EPISODE_PROGRESS = (
    f"UPDATE progress SET item_key = 'ep:' || :new || substr(item_key, {_OLD_LEN}) "
    f"WHERE title_id = :old AND substr(item_key, 1, {_OLD_LEN}) = 'ep:' || :old || ':' AND NOT EXISTS "
    "(SELECT 1 FROM progress taken WHERE taken.profile_id = progress.profile_id "
    f"AND taken.item_key = 'ep:' || :new || substr(progress.item_key, {_OLD_LEN}))"
)


def _move_unless_taken(table: str, column: str, partner: str) -> str:
    """Move ``column`` from :old to :new except where (partner, :new) is already a row (unique)."""
    return (
        f"UPDATE {table} SET {column} = :new WHERE {column} = :old AND NOT EXISTS "
        f"(SELECT 1 FROM {table} taken WHERE taken.{column} = :new AND taken.{partner} = {table}.{partner})"
    )


def start_run(db: Database, now: int) -> int:
    """A refresh_runs row (kind enrich) for the UI's "last enrichment" line."""
    with db.engine.begin() as conn:
        return int(
            conn.execute(
                insert(refresh_runs).values(kind="enrich", started_at=now).returning(refresh_runs.c.id)
            ).scalar_one()
        )


def finish_run(db: Database, run_id: int, now: int, stats: dict[str, Any], error: str | None) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            update(refresh_runs)
            .where(refresh_runs.c.id == run_id)
            .values(
                finished_at=now,
                status="error" if error else "ok",
                stats=json.dumps(stats, ensure_ascii=False),
                error=error,
            )
        )


def last_run(db: Database) -> dict[str, Any] | None:
    with db.engine.connect() as conn:
        row = conn.execute(
            select(refresh_runs)
            .where(refresh_runs.c.kind == "enrich")
            .order_by(refresh_runs.c.started_at.desc(), refresh_runs.c.id.desc())
            .limit(1)
        ).first()
    if row is None:
        return None
    data = dict(row._mapping)
    data["stats"] = json.loads(data["stats"]) if data["stats"] else {}
    return data


def set_title_poster(db: Database, title_id: str, poster_path: str, thumb: str | None, origin: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            update(titles)
            .where(titles.c.id == title_id)
            .values(poster_path=poster_path, poster_thumb=thumb, poster_origin=origin)
        )


def title_poster(db: Database, title_id: str) -> tuple[str | None, str | None]:
    """(poster_path, poster_origin) of a title, or (None, None)."""
    with db.engine.connect() as conn:
        row = conn.execute(
            select(titles.c.poster_path, titles.c.poster_origin).where(titles.c.id == title_id)
        ).first()
    return (row.poster_path, row.poster_origin) if row else (None, None)


def match_status(db: Database, film_key: str) -> dict[str, Any] | None:
    with db.engine.connect() as conn:
        row = conn.execute(select(title_matches).where(title_matches.c.film_key == film_key)).first()
    if row is None:
        return None
    data = dict(row._mapping)
    data["candidates"] = json.loads(data["candidates"]) if data["candidates"] else []
    return data


def title_row(db: Database, title_id: str) -> dict[str, Any] | None:
    with db.engine.connect() as conn:
        row = conn.execute(select(titles).where(titles.c.id == title_id)).first()
    return dict(row._mapping) if row else None


def seed_guide_films(db: Database, films: Sequence[dict[str, Any]], now: int) -> int:
    """Write guide films as ingestion would (a source, airings, ``epg:film:`` placeholders).

    For tests and benchmarks. Each dict has film_key, title and optionally kind, year_hint,
    country_hint, director_hint, description, icon, duration_min, channel_id.
    """
    with db.engine.begin() as conn:
        source_id = conn.execute(
            insert(guide_sources)
            .values(name="seed", kind="xmltv", location="seed", created_at=now)
            .returning(guide_sources.c.id)
        ).scalar_one()
        prog_rows = []
        title_rows = []
        for i, film in enumerate(films):
            start = now + 3600 * (i % 48)
            prog_rows.append(
                {
                    "source_id": source_id,
                    "channel_id": film.get("channel_id", "seed:1"),
                    "start": start,
                    "stop": start + 60 * film["duration_min"] if film.get("duration_min") else None,
                    "title": film["title"],
                    "norm_title": film.get("norm_title", film["title"].lower()),
                    "description": film.get("description"),
                    "kind": film.get("kind", "film"),
                    "film_key": film["film_key"],
                    "year_hint": film.get("year_hint"),
                    "country_hint": film.get("country_hint"),
                    "director_hint": film.get("director_hint"),
                    "icon": film.get("icon"),
                    "title_id": placeholder_id(film["film_key"]),
                }
            )
            title_rows.append(
                {
                    "id": placeholder_id(film["film_key"]),
                    "kind": "anime" if film.get("kind") == "anime" else "film",
                    "title": film["title"],
                    "year": film.get("year_hint"),
                    "overview": film.get("description"),
                    "added_at": now,
                    "updated_at": now,
                }
            )
        if prog_rows:
            conn.execute(insert(programmes), prog_rows)
            conn.execute(upsert(conn, titles, ("id",)), title_rows)
    return len(films)
