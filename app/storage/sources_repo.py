"""Sources (issue 14): stream providers and their log, ranked sources, outcomes, the search cache.

Portable SQL (SQLAlchemy Core and ``upsert``): runs on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import and_, bindparam, delete, desc, func, select, update

from app.storage.db import Database
from app.storage.dialect import upsert
from app.storage.tables import (
    provider_events,
    source_outcomes,
    source_searches,
    sources,
    stream_providers,
    titles,
)


@dataclass(frozen=True, slots=True)
class ProviderRow:
    id: str
    kind: str
    name: str
    url: str | None
    enabled: bool
    manifest: dict[str, Any] | None
    status: str
    last_error: str | None
    last_ok_at: int | None
    last_error_at: int | None
    latency_ms: int | None
    successes: int
    failures: int
    added_at: int

    @property
    def success_rate(self) -> float | None:
        total = self.successes + self.failures
        return self.successes / total if total else None


@dataclass(frozen=True, slots=True)
class ProviderEvent:
    provider_id: str
    at: int
    action: str
    detail: str | None


def _loads(text: str | None) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _provider(r: Any) -> ProviderRow:
    return ProviderRow(
        id=r.id, kind=r.kind, name=r.name, url=r.url, enabled=bool(r.enabled), manifest=_loads(r.manifest),
        status=r.status, last_error=r.last_error, last_ok_at=r.last_ok_at, last_error_at=r.last_error_at,
        latency_ms=r.latency_ms, successes=r.successes, failures=r.failures, added_at=r.added_at,
    )  # fmt: skip


# ---------------------------------------------------------------- providers


def providers(db: Database) -> list[ProviderRow]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(stream_providers).order_by(stream_providers.c.added_at, stream_providers.c.id)
        )
        return [_provider(r) for r in rows]


def provider(db: Database, provider_id: str) -> ProviderRow | None:
    with db.engine.connect() as conn:
        r = conn.execute(select(stream_providers).where(stream_providers.c.id == provider_id)).first()
    return _provider(r) if r is not None else None


def ensure_provider(db: Database, provider_id: str, kind: str, name: str, now: int) -> None:
    """A built-in provider's row (Nyaa, Rutube, own links), created once, enabled."""
    with db.engine.begin() as conn:
        conn.execute(
            upsert(conn, stream_providers, ("id",)),
            [{"id": provider_id, "kind": kind, "name": name, "url": None, "added_at": now}],
        )


def add_provider(
    db: Database, provider_id: str, kind: str, name: str, url: str, manifest: dict[str, Any] | None, now: int
) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            upsert(conn, stream_providers, ("id",), ("kind", "name", "url", "manifest", "manifest_at", "enabled")),  # noqa: E501
            [{
                "id": provider_id, "kind": kind, "name": name, "url": url, "enabled": True,
                "manifest": json.dumps(manifest, ensure_ascii=False) if manifest is not None else None,
                "manifest_at": now, "added_at": now, "status": "ok",
            }],
        )  # fmt: skip
        conn.execute(
            provider_events.insert().values(provider_id=provider_id, at=now, action="added", detail=name)
        )


def remove_provider(db: Database, provider_id: str, now: int) -> bool:
    with db.engine.begin() as conn:
        gone = conn.execute(delete(stream_providers).where(stream_providers.c.id == provider_id)).rowcount
        if gone:
            conn.execute(
                delete(sources).where(and_(sources.c.provider == provider_id, sources.c.origin == "search"))
            )
            conn.execute(provider_events.insert().values(provider_id=provider_id, at=now, action="removed"))
    return bool(gone)


def set_enabled(db: Database, provider_id: str, enabled: bool, now: int) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            update(stream_providers).where(stream_providers.c.id == provider_id).values(enabled=enabled)
        )
        action = "enabled" if enabled else "disabled"
        conn.execute(provider_events.insert().values(provider_id=provider_id, at=now, action=action))


def record_search(
    db: Database, provider_id: str, ok: bool, latency_ms: int | None, error: str | None, now: int
) -> str | None:
    """Count one search of a provider; returns "failed" or "recovered" when its status changed."""
    with db.engine.begin() as conn:
        r = conn.execute(select(stream_providers).where(stream_providers.c.id == provider_id)).first()
        if r is None:
            return None
        values: dict[str, Any] = {}
        if ok:
            values.update(status="ok", last_ok_at=now, successes=r.successes + 1, last_error=None)
            if latency_ms is not None:
                old = r.latency_ms
                values["latency_ms"] = latency_ms if old is None else int(0.7 * old + 0.3 * latency_ms)
        else:
            values.update(
                status="error", last_error=(error or "")[:500], last_error_at=now, failures=r.failures + 1
            )
        conn.execute(update(stream_providers).where(stream_providers.c.id == provider_id).values(**values))
        change = None
        if ok and r.status == "error":
            change = "recovered"
        elif not ok and r.status != "error":
            change = "failed"
        if change:
            detail = None if ok else (error or "")[:500]
            conn.execute(
                provider_events.insert().values(provider_id=provider_id, at=now, action=change, detail=detail)
            )
        return change


def events(db: Database, limit: int = 100) -> list[ProviderEvent]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(provider_events)
            .order_by(desc(provider_events.c.at), desc(provider_events.c.id))
            .limit(limit)
        )
        return [ProviderEvent(r.provider_id, r.at, r.action, r.detail) for r in rows]


# ---------------------------------------------------------------- sources


@dataclass(frozen=True, slots=True)
class SourceRow:
    id: int
    title_id: str
    kind: str
    url: str
    label: str
    quality: str | None
    headers: dict[str, str]
    score: float
    health: str
    provider: str | None
    info_hash: str | None
    file_idx: int | None
    size_bytes: int | None
    seeders: int | None
    peers: int | None
    grabs: int | None
    release: dict[str, Any]
    components: list[dict[str, Any]]
    origin: str
    availability: float | None
    plays: int
    failures: int
    last_checked_at: int | None


def _source(r: Any) -> SourceRow:
    return SourceRow(
        id=r.id, title_id=r.title_id, kind=r.kind, url=r.url, label=r.label or "", quality=r.quality,
        headers=_loads(r.headers) or {}, score=r.score, health=r.health, provider=r.provider,
        info_hash=r.info_hash, file_idx=r.file_idx, size_bytes=r.size_bytes, seeders=r.seeders,
        peers=r.peers, grabs=r.grabs, release=_loads(r.release) or {}, components=_loads(r.components) or [],
        origin=r.origin, availability=r.availability, plays=r.plays, failures=r.failures,
        last_checked_at=r.last_checked_at,
    )  # fmt: skip


def title_sources(db: Database, title_id: str) -> list[SourceRow]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(sources)
            .where(sources.c.title_id == title_id)
            .order_by(desc(sources.c.score), sources.c.id)
        )
        return [_source(r) for r in rows]


def source_by_url(db: Database, url: str) -> tuple[SourceRow, str] | None:
    """The stored source with ``url`` (any title) and its title's name."""
    with db.engine.connect() as conn:
        r = conn.execute(
            select(sources, titles.c.title.label("title_name"))
            .select_from(sources.join(titles, titles.c.id == sources.c.title_id))
            .where(sources.c.url == url)
            .limit(1)
        ).first()
    return (_source(r), r.title_name) if r is not None else None


def save_found(
    db: Database, title_id: str, rows: Sequence[dict[str, Any]], now: int, providers_answered: Sequence[str]
) -> None:
    """Store a search's ranked sources for ``title_id``: upsert by URL (counts kept), and drop the
    searched sources of the providers that answered and no longer list them."""
    keep_cols = (
        *("kind", "label", "quality", "headers", "score", "provider", "info_hash", "file_idx", "size_bytes"),
        *("seeders", "peers", "grabs", "release", "components", "last_seen_at"),
    )
    with db.engine.begin() as conn:
        if rows:
            rows = _keep_measured(conn, title_id, rows)
            conn.execute(
                upsert(conn, sources, ("title_id", "url"), keep_cols),
                [
                    {
                        **r,
                        "title_id": title_id,
                        "added_at": now,
                        "last_seen_at": now,
                        "origin": r.get("origin", "search"),
                    }
                    for r in rows
                ],
            )
        urls = [r["url"] for r in rows]
        stale = and_(
            sources.c.title_id == title_id,
            sources.c.origin == "search",
            sources.c.provider.in_(list(providers_answered)),
        )
        if urls:
            stale = and_(stale, sources.c.url.not_in(urls))
        conn.execute(delete(sources).where(stale))


def _keep_measured(conn: Any, title_id: str, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """A search replaces a source's release fields; the throughput a health check measured
    (``_kbps``) is not the provider's to forget, so it is carried over."""
    urls = [r["url"] for r in rows]
    measured: dict[str, Any] = {}
    for url, release in conn.execute(
        select(sources.c.url, sources.c.release).where(
            sources.c.title_id == title_id, sources.c.url.in_(urls)
        )
    ):
        kbps = (_loads(release) or {}).get("_kbps")
        if kbps is not None:
            measured[url] = kbps
    if not measured:
        return list(rows)
    out = []
    for r in rows:
        kbps = measured.get(r["url"])
        release = (_loads(r.get("release")) or {}) if kbps is not None else None
        out.append(
            r
            if release is None
            else {**r, "release": json.dumps({**release, "_kbps": kbps}, ensure_ascii=False)}
        )
    return out


def add_user_source(db: Database, row: dict[str, Any], now: int) -> int:
    with db.engine.begin() as conn:
        result = conn.execute(
            sources.insert().values(
                **{**row, "origin": "user", "provider": "user", "added_at": now, "last_seen_at": now}
            )
        )
        return int(result.inserted_primary_key[0])  # type: ignore[index]


def user_sources(db: Database, title_id: str) -> list[SourceRow]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(sources).where(and_(sources.c.title_id == title_id, sources.c.origin == "user"))
        )
        return [_source(r) for r in rows]


def set_health(
    db: Database, source_id: int, health: str, availability: float, now: int, kbps: float | None = None
) -> None:
    """A check's result; a measured throughput is kept in the release fields (``_kbps``)."""
    with db.engine.begin() as conn:
        values: dict[str, Any] = {"health": health, "availability": availability, "last_checked_at": now}
        if kbps is not None:
            stored = conn.execute(select(sources.c.release).where(sources.c.id == source_id)).scalar()
            release = _loads(stored) or {}
            values["release"] = json.dumps({**release, "_kbps": round(kbps)}, ensure_ascii=False)
        conn.execute(update(sources).where(sources.c.id == source_id).values(**values))


def set_scores(db: Database, scores: Sequence[tuple[int, float, str]]) -> None:
    """(source id, score, components JSON) for re-ranked sources."""
    if not scores:
        return
    # one statement for all (executemany): a title's fifty sources re-ranked after each play
    # cost the worker ~20 ms of Python as fifty statements, the GIL the GUI thread waited for
    statement = (
        update(sources)
        .where(sources.c.id == bindparam("sid"))
        .values(score=bindparam("new_score"), components=bindparam("new_components"))
    )
    with db.engine.begin() as conn:
        conn.execute(
            statement,
            [{"sid": sid, "new_score": score, "new_components": comps} for sid, score, comps in scores],
        )


# ---------------------------------------------------------------- outcomes


class OutcomeRecorded(NamedTuple):
    """The source's availability and health after an outcome; ``changed``: either moved (only
    then does its title need ranking again)."""

    availability: float
    health: str
    changed: bool


def record_outcome(
    db: Database,
    title_id: str | None,
    url: str,
    provider_id: str | None,
    ok: bool,
    first_frame_ms: int | None,
    stalls: int,
    error: str | None,
    now: int,
) -> OutcomeRecorded | None:
    """Store one playback's outcome; update the source's counts, availability and health.

    Returns the source's new availability and health, or None when no stored source has ``url``.
    """
    with db.engine.begin() as conn:
        conn.execute(source_outcomes.insert().values(
            title_id=title_id, url=url, provider=provider_id, at=now, ok=ok,
            first_frame_ms=first_frame_ms, stalls=stalls, error=(error or None) and error[:500],
        ))  # fmt: skip
        where = sources.c.url == url
        if title_id:
            where = and_(where, sources.c.title_id == title_id)
        c = sources.c
        r = conn.execute(select(c.id, c.plays, c.failures, c.availability, c.health).where(where)).first()
        if r is None:
            return None
        recent = conn.execute(
            select(source_outcomes.c.ok)
            .where(source_outcomes.c.url == url)
            .order_by(desc(source_outcomes.c.id))
            .limit(10)
        ).all()
        # the last ten outcomes, newer ones weigh more
        weights = [0.8**i for i in range(len(recent))]
        value = sum(w for w, (good,) in zip(weights, recent, strict=True) if good) / sum(weights)
        health = "ok" if value >= 0.75 else "flaky" if value >= 0.35 else "failing"
        conn.execute(update(sources).where(sources.c.id == r.id).values(
            plays=r.plays + (1 if ok else 0), failures=r.failures + (0 if ok else 1),
            availability=value, health=health, last_checked_at=now,
        ))  # fmt: skip
        changed = r.availability is None or abs(r.availability - value) > 1e-9 or r.health != health
        return OutcomeRecorded(value, health, changed)


def provider_outcomes(db: Database, provider_id: str) -> tuple[int, int]:
    """(good, bad) playbacks of the provider's sources."""
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(source_outcomes.c.ok, func.count())
            .where(source_outcomes.c.provider == provider_id)
            .group_by(source_outcomes.c.ok)
        ).all()
    counts = {bool(ok): n for ok, n in rows}
    return counts.get(True, 0), counts.get(False, 0)


# ---------------------------------------------------------------- search cache


def last_search(db: Database, title_id: str) -> tuple[int, int, dict[str, str]] | None:
    """(searched at, sources found, {provider: "ok" | error}) of the title's last search."""
    with db.engine.connect() as conn:
        r = conn.execute(select(source_searches).where(source_searches.c.title_id == title_id)).first()
    return (r.searched_at, r.found, _loads(r.providers) or {}) if r is not None else None


def save_search(db: Database, title_id: str, found: int, outcome: dict[str, str], now: int) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            upsert(conn, source_searches, ("title_id",), ("searched_at", "found", "providers")),
            [
                {
                    "title_id": title_id,
                    "searched_at": now,
                    "found": found,
                    "providers": json.dumps(outcome, ensure_ascii=False),
                }
            ],
        )


def watchlisted_due(db: Database, profile_id: int, older_than: int, limit: int = 50) -> list[str]:
    """Watchlisted titles not searched since ``older_than`` (never searched first)."""
    sql = (
        "SELECT w.title_id FROM watchlist w LEFT JOIN source_searches s ON s.title_id = w.title_id "
        "WHERE w.profile_id = :profile AND (s.searched_at IS NULL OR s.searched_at < :older) "
        "ORDER BY s.searched_at IS NOT NULL, s.searched_at LIMIT :limit"
    )
    return [r[0] for r in db.execute(sql, {"profile": profile_id, "older": older_than, "limit": limit})]


def title_query_fields(db: Database, title_id: str) -> dict[str, Any] | None:
    """What a stream search needs to know of a title."""
    with db.engine.connect() as conn:
        r = conn.execute(
            select(titles.c.id, titles.c.kind, titles.c.title, titles.c.original_title, titles.c.alt_titles,
                   titles.c.year, titles.c.runtime, titles.c.imdb_id, titles.c.tmdb_id, titles.c.shikimori_id)
            .where(titles.c.id == title_id)
        ).first()  # fmt: skip
    if r is None:
        return None
    alt = _loads(r.alt_titles)
    return {
        "title_id": r.id, "kind": r.kind, "title": r.title, "original_title": r.original_title,
        "alt_titles": tuple(str(a) for a in alt) if isinstance(alt, list) else (), "year": r.year,
        "runtime_min": r.runtime, "imdb_id": r.imdb_id, "tmdb_id": r.tmdb_id, "shikimori_id": r.shikimori_id,
    }  # fmt: skip
