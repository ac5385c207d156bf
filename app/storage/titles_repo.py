"""Titles for the catalog: ordered ids, briefs in pages, one detail; demo library writes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select, text

from app.domain.models import Airing, Source, SourceKind, TitleDetail, TitleKind
from app.storage.db import Database
from app.storage.dialect import upsert
from app.storage.tables import progress, sources, titles


def _dt(ts: int | None) -> datetime | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC)


def _json_list(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    try:
        data = json.loads(value)
    except ValueError:
        return ()
    return tuple(str(x) for x in data) if isinstance(data, list) else ()


def upsert_titles(db: Database, rows: Sequence[dict[str, Any]]) -> None:
    """Insert or replace title rows (dicts with the column names of ``titles``)."""
    if not rows:
        return
    update_cols = [c.name for c in titles.columns if c.name not in ("id", "added_at")]
    with db.engine.begin() as conn:
        conn.execute(upsert(conn, titles, ("id",), update_cols), list(rows))


def upsert_sources(db: Database, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    with db.engine.begin() as conn:
        conn.execute(upsert(conn, sources, ("title_id", "url"), ("kind", "label", "quality")), list(rows))


def delete_demo(db: Database) -> int:
    with db.engine.begin() as conn:
        ids = [r[0] for r in conn.execute(select(titles.c.id).where(titles.c.is_demo.is_(True)))]
        if ids:
            conn.execute(delete(progress).where(progress.c.item_key.in_(ids)))
            conn.execute(delete(titles).where(titles.c.id.in_(ids)))
        return len(ids)


def detail(db: Database, title_id: str, now: datetime, catchup_default_days: int = 5) -> TitleDetail | None:
    """One title with its airings (ended ones only while in a channel's archive) and sources."""
    now_ts = int(now.timestamp())
    with db.engine.connect() as conn:
        r = conn.execute(select(titles).where(titles.c.id == title_id)).first()
        if r is None:
            return None
        # Airings still to come or on now, and ended ones inside the archive of their channel
        # (or of the playlist channel linked to it): catch-up plays those.
        air_rows = conn.execute(
            text(
                "SELECT p.channel_id, c.name, p.start, p.stop, p.title FROM programmes p "
                "LEFT JOIN channels c ON c.id = p.channel_id WHERE p.title_id = :t AND ("
                "coalesce(p.stop, p.start + 10800) > :now OR EXISTS (SELECT 1 FROM channels w "
                "WHERE (w.id = p.channel_id OR w.id IN (SELECT l.playlist_channel_id FROM channel_links l "
                "WHERE l.guide_channel_id = p.channel_id)) AND coalesce(w.catchup_mode, '') != '' "
                "AND w.stream_url IS NOT NULL AND p.start > :now - 86400 * (CASE WHEN w.catchup_days "
                "IS NULL THEN :dd WHEN w.catchup_days < 0 THEN 3650 ELSE w.catchup_days END))) "
                "ORDER BY p.start LIMIT 50"
            ),
            {"t": title_id, "now": now_ts, "dd": catchup_default_days},
        ).all()
        src_rows = conn.execute(
            select(sources)
            .where(sources.c.title_id == title_id)
            .order_by(sources.c.score.desc(), sources.c.id)
        ).all()
    airings = tuple(
        Airing(channel_id=a[0], channel_name=a[1] or a[0], start=_dt(a[2]), stop=_dt(a[3]), title=a[4])  # type: ignore[arg-type]
        for a in air_rows
    )
    srcs = tuple(
        Source(
            id=s.id,
            title_id=s.title_id,
            kind=SourceKind(s.kind),
            url=s.url,
            label=s.label or "",
            quality=s.quality,
            headers=json.loads(s.headers) if s.headers else {},
            score=s.score,
            health=s.health,
            provider=s.provider,
        )
        for s in src_rows
        if s.kind in SourceKind._value2member_map_
    )
    return TitleDetail(
        id=r.id,
        kind=TitleKind(r.kind) if r.kind in TitleKind._value2member_map_ else TitleKind.FILM,
        title=r.title,
        original_title=r.original_title,
        year=r.year,
        overview=r.overview,
        tagline=r.tagline,
        runtime=r.runtime,
        rating=r.rating,
        votes=r.votes,
        genres=_json_list(r.genres),
        countries=_json_list(r.countries),
        director=r.director,
        cast=_json_list(r.cast),
        poster_path=r.poster_path,
        backdrop_path=r.backdrop_path,
        trailer_url=r.trailer_url,
        tmdb_id=r.tmdb_id,
        shikimori_id=r.shikimori_id,
        imdb_id=r.imdb_id,
        is_demo=bool(r.is_demo),
        airings=airings,
        sources=srcs,
    )
