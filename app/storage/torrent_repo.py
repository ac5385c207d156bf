"""Queries of the ``torrents`` table: what is in the torrent cache, kept, and when last used."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select, update

from app.storage.db import Database
from app.storage.dialect import upsert
from app.storage.tables import torrents


@dataclass(frozen=True)
class TorrentRecord:
    info_hash: str
    name: str | None
    source: str
    total_size: int | None
    keep: bool
    added_at: int
    last_access_at: int


def record_access(
    db: Database,
    info_hash: str,
    *,
    source: str,
    now: int,
    name: str | None,
    total_size: int | None,
) -> None:
    """Insert a torrent or mark it used now (keeping its keep flag and first-added time)."""
    row = {
        "info_hash": info_hash,
        "name": name,
        "source": source,
        "total_size": total_size,
        "keep": False,
        "added_at": now,
        "last_access_at": now,
    }
    with db.engine.begin() as conn:
        conn.execute(
            upsert(
                conn,
                torrents,
                ("info_hash",),
                lambda new: {"last_access_at": now, "name": new.name, "total_size": new.total_size},
                values=row,
            )
        )


def set_keep(db: Database, info_hash: str, keep: bool) -> bool:
    """Set the keep flag; False when the torrent is unknown."""
    with db.engine.begin() as conn:
        result = conn.execute(update(torrents).where(torrents.c.info_hash == info_hash).values(keep=keep))
    return bool(result.rowcount)


def list_torrents(db: Database) -> list[TorrentRecord]:
    with db.engine.connect() as conn:
        rows = conn.execute(select(torrents).order_by(torrents.c.last_access_at)).all()
    return [
        TorrentRecord(
            info_hash=r.info_hash,
            name=r.name,
            source=r.source,
            total_size=r.total_size,
            keep=bool(r.keep),
            added_at=r.added_at,
            last_access_at=r.last_access_at,
        )
        for r in rows
    ]


def delete_torrents(db: Database, info_hashes: list[str]) -> None:
    if not info_hashes:
        return
    with db.engine.begin() as conn:
        conn.execute(delete(torrents).where(torrents.c.info_hash.in_(info_hashes)))
