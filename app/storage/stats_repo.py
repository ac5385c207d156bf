"""Reads for the Statistics page: a profile's plays with their titles' genres, playback outcomes."""

from __future__ import annotations

from dataclasses import dataclass

from app.storage.db import Database


@dataclass(frozen=True, slots=True)
class PlayRow:
    started_at: int
    watched_ms: int
    item_key: str
    title_id: str | None
    label: str
    provider: str | None
    source_kind: str | None
    genres: str | None  # the title's JSON list


@dataclass(frozen=True, slots=True)
class OutcomeRow:
    provider: str
    kind: str | None
    plays: int
    ok: int
    first_frame_ms: float | None  # the mean of the successful ones


def plays(db: Database, profile_id: int, since: int | None = None) -> list[PlayRow]:
    params: dict[str, object] = {"profile": profile_id}
    where = "h.profile_id = :profile"
    if since is not None:
        where += " AND h.started_at >= :since"
        params["since"] = since
    rows = db.execute(
        "SELECT h.started_at, h.watched_ms, h.item_key, h.title_id, h.label, h.provider, h.source_kind, "
        "t.genres FROM history h LEFT JOIN titles t ON t.id = h.title_id "
        f"WHERE {where} ORDER BY h.started_at",
        params,
    )
    return [PlayRow(int(r[0]), int(r[1] or 0), r[2], r[3], r[4], r[5], r[6], r[7]) for r in rows]


def outcomes(db: Database, providers: list[str] | None = None) -> list[OutcomeRow]:
    """Playback outcomes per provider (every profile's: the sources are the household's)."""
    rows = db.execute(
        "SELECT coalesce(o.provider, ''), max(s.kind), COUNT(*), "
        "SUM(CASE WHEN o.ok THEN 1 ELSE 0 END), AVG(CASE WHEN o.ok THEN o.first_frame_ms END) "
        "FROM source_outcomes o LEFT JOIN sources s ON s.url = o.url "
        "GROUP BY coalesce(o.provider, '') ORDER BY COUNT(*) DESC"
    )
    found = [
        OutcomeRow(r[0], r[1], int(r[2]), int(r[3] or 0), float(r[4]) if r[4] is not None else None)
        for r in rows
    ]
    if providers is not None:
        wanted = set(providers)
        found = [o for o in found if o.provider in wanted]
    return found


def watched_count(db: Database, profile_id: int) -> int:
    rows = db.execute("SELECT COUNT(*) FROM progress WHERE profile_id = :p AND watched", {"p": profile_id})
    return int(rows[0][0])
