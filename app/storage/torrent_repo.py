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
    paused: bool = False  # paused on the Downloads page
    done_bytes: int | None = None  # downloaded when last seen in the session
    completed_at: int | None = None  # a kept torrent finished
    file_index: int | None = None  # the file that was played


def record_access(
    db: Database,
    info_hash: str,
    *,
    source: str,
    now: int,
    name: str | None,
    total_size: int | None,
    file_index: int | None = None,
) -> None:
    """Insert a torrent or mark it used now (keeping its keep flag and first-added time)."""
    row = {
        "file_index": file_index,
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
                lambda new: {
                    "last_access_at": now,
                    "name": new.name,
                    "total_size": new.total_size,
                    "file_index": new.file_index,
                },
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
            paused=bool(r.paused),
            done_bytes=r.done_bytes,
            completed_at=r.completed_at,
            file_index=r.file_index,
        )
        for r in rows
    ]


def delete_torrents(db: Database, info_hashes: list[str]) -> None:
    if not info_hashes:
        return
    with db.engine.begin() as conn:
        conn.execute(delete(torrents).where(torrents.c.info_hash.in_(info_hashes)))


def update_state(db: Database, info_hash: str, **values: object) -> bool:
    """Set the Downloads page's columns (``paused``, ``done_bytes``, ``completed_at``, ``keep``,
    ``total_size``); False when the torrent is unknown."""
    allowed = {"paused", "done_bytes", "completed_at", "keep", "total_size", "name"}
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"not a Downloads column: {sorted(unknown)}")
    with db.engine.begin() as conn:
        result = conn.execute(update(torrents).where(torrents.c.info_hash == info_hash).values(**values))
    return bool(result.rowcount)
