"""Queries of ``subtitle_files``: subtitles downloaded once, found again in the cache."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.storage.db import Database
from app.storage.dialect import upsert
from app.storage.tables import subtitle_files


@dataclass(frozen=True)
class CachedSubtitle:
    provider: str
    file_id: str
    language: str
    release: str | None
    file_name: str
    path: str
    item_key: str | None
    downloaded_at: int


def _row(r: object) -> CachedSubtitle:
    return CachedSubtitle(
        provider=r.provider,  # type: ignore[attr-defined]
        file_id=r.file_id,  # type: ignore[attr-defined]
        language=r.language,  # type: ignore[attr-defined]
        release=r.release,  # type: ignore[attr-defined]
        file_name=r.file_name,  # type: ignore[attr-defined]
        path=r.path,  # type: ignore[attr-defined]
        item_key=r.item_key,  # type: ignore[attr-defined]
        downloaded_at=r.downloaded_at,  # type: ignore[attr-defined]
    )


def find(db: Database, provider: str, file_id: str) -> CachedSubtitle | None:
    with db.engine.connect() as conn:
        row = conn.execute(
            select(subtitle_files).where(
                subtitle_files.c.provider == provider, subtitle_files.c.file_id == file_id
            )
        ).first()
    return _row(row) if row is not None else None


def for_item(db: Database, item_key: str) -> list[CachedSubtitle]:
    """What was downloaded for one item, newest first."""
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(subtitle_files)
            .where(subtitle_files.c.item_key == item_key)
            .order_by(subtitle_files.c.downloaded_at.desc())
        ).all()
    return [_row(r) for r in rows]


def record(db: Database, entry: CachedSubtitle, moviehash: str | None = None) -> None:
    values = {
        "provider": entry.provider,
        "file_id": entry.file_id,
        "language": entry.language,
        "release": entry.release,
        "file_name": entry.file_name,
        "path": entry.path,
        "item_key": entry.item_key,
        "moviehash": moviehash,
        "downloaded_at": entry.downloaded_at,
    }
    with db.engine.begin() as conn:
        conn.execute(
            upsert(
                conn,
                subtitle_files,
                ("provider", "file_id"),
                lambda new: {"path": new.path, "downloaded_at": new.downloaded_at, "item_key": new.item_key},
                values=values,
            )
        )
