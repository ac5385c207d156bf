"""Titles for the catalog: ordered ids, briefs in pages, one detail; demo library writes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.dialects.sqlite import insert

from app.domain.models import Airing, Source, SourceKind, TitleBrief, TitleDetail, TitleKind
from app.storage.db import Database
from app.storage.tables import channels, programmes, progress, sources, titles


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
    stmt = insert(titles)
    update_cols = {c.name: stmt.excluded[c.name] for c in titles.columns if c.name not in ("id", "added_at")}
    with db.engine.begin() as conn:
        conn.execute(stmt.on_conflict_do_update(index_elements=[titles.c.id], set_=update_cols), list(rows))


def upsert_sources(db: Database, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    stmt = insert(sources)
    stmt = stmt.on_conflict_do_update(
        index_elements=[sources.c.title_id, sources.c.url],
        set_={
            "kind": stmt.excluded.kind,
            "label": stmt.excluded.label,
            "quality": stmt.excluded.quality,
        },
    )
    with db.engine.begin() as conn:
        conn.execute(stmt, list(rows))


def delete_demo(db: Database) -> int:
    with db.engine.begin() as conn:
        ids = [r[0] for r in conn.execute(select(titles.c.id).where(titles.c.is_demo.is_(True)))]
        if ids:
            conn.execute(delete(progress).where(progress.c.item_key.in_(ids)))
            conn.execute(delete(titles).where(titles.c.id.in_(ids)))
        return len(ids)


def count_titles(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(titles)).scalar_one())


def catalog_ids(db: Database, now: datetime, *, kind: str | None = None) -> list[str]:
    """All catalog titles: upcoming airings first (soonest first), then by rating."""
    now_ts = int(now.timestamp())
    next_air = (
        select(programmes.c.title_id, func.min(programmes.c.start).label("next_start"))
        .where(
            or_(
                programmes.c.stop > now_ts,
                and_(programmes.c.stop.is_(None), programmes.c.start > now_ts - 3 * 3600),
            )
        )
        .where(programmes.c.title_id.is_not(None))
        .group_by(programmes.c.title_id)
        .subquery()
    )
    stmt = (
        select(titles.c.id)
        .select_from(titles.outerjoin(next_air, next_air.c.title_id == titles.c.id))
        .where(titles.c.kind != TitleKind.PROGRAMME.value)
        .order_by(
            next_air.c.next_start.is_(None),
            next_air.c.next_start,
            titles.c.rating.desc().nulls_last(),
            titles.c.title,
        )
    )
    if kind:
        stmt = stmt.where(titles.c.kind == kind)
    with db.engine.connect() as conn:
        return [r[0] for r in conn.execute(stmt)]


def _next_airings(conn: Any, ids: Iterable[str], now_ts: int) -> dict[str, Airing]:
    ids = list(ids)
    if not ids:
        return {}
    rows = conn.execute(
        select(
            programmes.c.title_id,
            programmes.c.channel_id,
            channels.c.name,
            programmes.c.start,
            programmes.c.stop,
            programmes.c.title,
        )
        .select_from(programmes.outerjoin(channels, channels.c.id == programmes.c.channel_id))
        .where(programmes.c.title_id.in_(ids))
        .where(
            or_(
                programmes.c.stop > now_ts,
                programmes.c.stop.is_(None) & (programmes.c.start > now_ts - 3 * 3600),
            )
        )
        .order_by(programmes.c.title_id, programmes.c.start)
    )
    found: dict[str, Airing] = {}
    for tid, ch_id, ch_name, start, stop, ptitle in rows:
        if tid not in found:
            found[tid] = Airing(
                channel_id=ch_id,
                channel_name=ch_name or ch_id,
                start=_dt(start),  # type: ignore[arg-type]
                stop=_dt(stop),
                title=ptitle,
            )
    return found


def briefs(db: Database, ids: Sequence[str], now: datetime, profile_id: int = 1) -> dict[str, TitleBrief]:
    """Grid rows for ``ids`` (one query each for titles, airings, progress and sources)."""
    if not ids:
        return {}
    now_ts = int(now.timestamp())
    out: dict[str, TitleBrief] = {}
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(
                titles.c.id,
                titles.c.kind,
                titles.c.title,
                titles.c.original_title,
                titles.c.year,
                titles.c.rating,
                titles.c.poster_thumb,
                titles.c.poster_path,
            ).where(titles.c.id.in_(list(ids)))
        ).all()
        airings = _next_airings(conn, [r.id for r in rows], now_ts)
        prog = {
            r.item_key: r
            for r in conn.execute(
                select(
                    progress.c.item_key,
                    progress.c.position_ms,
                    progress.c.duration_ms,
                    progress.c.watched,
                )
                .where(progress.c.profile_id == profile_id)
                .where(progress.c.item_key.in_(list(ids)))
            )
        }
        kinds: dict[str, set[str]] = {}
        for tid, skind in conn.execute(
            select(sources.c.title_id, sources.c.kind).where(sources.c.title_id.in_(list(ids))).distinct()
        ):
            kinds.setdefault(tid, set()).add(skind)
    for r in rows:
        p = prog.get(r.id)
        fraction = None
        if p is not None and p.duration_ms and not p.watched and p.position_ms > 0:
            fraction = min(1.0, p.position_ms / p.duration_ms)
        source_kinds = {SourceKind(k) for k in kinds.get(r.id, set()) if k in SourceKind._value2member_map_}
        if r.id in airings:
            source_kinds.add(SourceKind.IPTV_LIVE)
        out[r.id] = TitleBrief(
            id=r.id,
            kind=TitleKind(r.kind) if r.kind in TitleKind._value2member_map_ else TitleKind.FILM,
            title=r.title,
            original_title=r.original_title,
            year=r.year,
            rating=r.rating,
            poster_path=r.poster_thumb or r.poster_path,
            next_airing=airings.get(r.id),
            progress=fraction,
            source_kinds=tuple(sorted(source_kinds, key=lambda k: k.value)),
        )
    return out


def detail(db: Database, title_id: str, now: datetime) -> TitleDetail | None:
    now_ts = int(now.timestamp())
    with db.engine.connect() as conn:
        r = conn.execute(select(titles).where(titles.c.id == title_id)).first()
        if r is None:
            return None
        air_rows = conn.execute(
            select(
                programmes.c.channel_id,
                channels.c.name,
                programmes.c.start,
                programmes.c.stop,
                programmes.c.title,
            )
            .select_from(programmes.outerjoin(channels, channels.c.id == programmes.c.channel_id))
            .where(programmes.c.title_id == title_id)
            .where(
                or_(
                    programmes.c.stop > now_ts,
                    programmes.c.stop.is_(None) & (programmes.c.start > now_ts - 3 * 3600),
                )
            )
            .order_by(programmes.c.start)
            .limit(50)
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


def count_demo(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(titles).where(titles.c.is_demo.is_(True))
            ).scalar_one()
        )
