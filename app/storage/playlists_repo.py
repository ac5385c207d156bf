"""Playlists and their items, per profile, in portable SQL.

Every change bumps the playlist's ``version`` as its first statement (on SQLite that takes the
write lock, so two processes' changes are applied one after the other). Adding and removing
items commute and always apply; a reorder or rename carries the version it was made from and
is refused with PlaylistChanged when another window or process changed the playlist since.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.domain.errors import NotFound, PlaylistChanged
from app.domain.playlists import NewItem, Playlist, PlaylistItem
from app.storage.db import Database
from app.storage.tx import Run, transaction

_PLAYLIST_SQL = (
    "SELECT p.id, p.name, p.version, p.created_at, p.updated_at, "
    "(SELECT COUNT(*) FROM playlist_items i WHERE i.playlist_id = p.id) FROM playlists p "
    "WHERE p.profile_id = :profile"
)


def _playlist(r: tuple[Any, ...]) -> Playlist:
    return Playlist(
        id=int(r[0]),
        name=str(r[1]),
        version=int(r[2]),
        created_at=int(r[3]),
        updated_at=r[4],
        count=int(r[5]),
    )


def all_of(db: Database, profile_id: int) -> list[Playlist]:
    rows = db.execute(f"{_PLAYLIST_SQL} ORDER BY p.created_at, p.id", {"profile": profile_id})
    return [_playlist(r) for r in rows]


def get(db: Database, profile_id: int, playlist_id: int) -> Playlist | None:
    rows = db.execute(f"{_PLAYLIST_SQL} AND p.id = :id", {"profile": profile_id, "id": playlist_id})
    return _playlist(rows[0]) if rows else None


def by_name(db: Database, profile_id: int, name: str) -> Playlist | None:
    """The profile's playlist called ``name``, in any case and alphabet (compared in Python)."""
    wanted = name.strip().casefold()
    return next((p for p in all_of(db, profile_id) if p.name.casefold() == wanted), None)


def create(db: Database, profile_id: int, name: str, now: int) -> int:
    rows = db.execute(
        "INSERT INTO playlists (profile_id, name, created_at, version, updated_at) "
        "VALUES (:profile, :name, :now, 0, :now) RETURNING id",
        {"profile": profile_id, "name": name, "now": now},
    )
    return int(rows[0][0])


def delete(db: Database, profile_id: int, playlist_id: int) -> bool:
    rows = db.execute(
        "DELETE FROM playlists WHERE id = :id AND profile_id = :profile RETURNING id",
        {"id": playlist_id, "profile": profile_id},
    )
    return bool(rows)


def _bump(run: Run, profile_id: int, playlist_id: int, now: int, expected: int | None) -> int:
    """The first write of every change: the new version (NotFound, or PlaylistChanged when the
    playlist is no longer at ``expected``)."""
    rows = run(
        "UPDATE playlists SET version = version + 1, updated_at = :now "
        "WHERE id = :id AND profile_id = :profile RETURNING version",
        {"id": playlist_id, "profile": profile_id, "now": now},
    )
    if not rows:
        raise NotFound("That playlist is gone (deleted in another window or process).")
    version = int(rows[0][0])
    if expected is not None and version != expected + 1:
        raise PlaylistChanged(
            "The playlist was changed in another window or process meanwhile: it has been reloaded, "
            "nothing was lost; please try again."
        )
    return version


def rename(db: Database, profile_id: int, playlist_id: int, name: str, now: int, expected: int | None) -> int:
    with transaction(db) as run:
        version = _bump(run, profile_id, playlist_id, now, expected)
        run("UPDATE playlists SET name = :name WHERE id = :id", {"id": playlist_id, "name": name})
    return version


def items(db: Database, playlist_id: int) -> list[PlaylistItem]:
    rows = db.execute(
        "SELECT i.id, i.position, i.item_key, i.label, i.title_id, i.location, i.duration_ms, "
        "coalesce(t.poster_thumb, t.poster_path) FROM playlist_items i "
        "LEFT JOIN titles t ON t.id = i.title_id WHERE i.playlist_id = :id ORDER BY i.position, i.id",
        {"id": playlist_id},
    )
    return [
        PlaylistItem(
            id=int(r[0]),
            position=int(r[1]),
            item_key=r[2],
            label=r[3],
            title_id=r[4],
            location=r[5],
            duration_ms=r[6],
            poster_path=r[7],
        )
        for r in rows
    ]


def add(db: Database, profile_id: int, playlist_id: int, new: Sequence[NewItem], now: int) -> int:
    """Append ``new`` at the end (always applies: appends from two processes both land, one
    after the other); the playlist's new version."""
    with transaction(db) as run:
        version = _bump(run, profile_id, playlist_id, now, None)
        end = run("SELECT max(position) FROM playlist_items WHERE playlist_id = :id", {"id": playlist_id})
        start = (end[0][0] if end and end[0][0] is not None else -1) + 1
        for offset, item in enumerate(new):
            run(
                "INSERT INTO playlist_items (playlist_id, position, item_key, title_id, label, location, "
                "duration_ms, added_at) VALUES (:playlist, :position, :key, :title, :label, :location, "
                ":duration, :now)",
                {
                    "playlist": playlist_id,
                    "position": start + offset,
                    "key": item.item_key,
                    "title": item.title_id,
                    "label": item.label,
                    "location": item.location,
                    "duration": item.duration_ms,
                    "now": now,
                },
            )
    return version


def remove(db: Database, profile_id: int, playlist_id: int, item_id: int, now: int) -> int:
    with transaction(db) as run:
        version = _bump(run, profile_id, playlist_id, now, None)
        run(
            "DELETE FROM playlist_items WHERE id = :item AND playlist_id = :id",
            {"item": item_id, "id": playlist_id},
        )
    return version


def reorder(
    db: Database, profile_id: int, playlist_id: int, order: Sequence[int], now: int, expected: int
) -> int:
    """Put the items in ``order`` (item ids, all of them) if the playlist is still at ``expected``."""
    with transaction(db) as run:
        version = _bump(run, profile_id, playlist_id, now, expected)
        present = {
            int(r[0])
            for r in run("SELECT id FROM playlist_items WHERE playlist_id = :id", {"id": playlist_id})
        }
        if present != set(order) or len(order) != len(present):
            raise PlaylistChanged(
                "The playlist's items changed in another window or process meanwhile: it has been "
                "reloaded, nothing was lost; please try again."
            )
        for position, item_id in enumerate(order):
            run("UPDATE playlist_items SET position = :p WHERE id = :item", {"p": position, "item": item_id})
    return version


def containing(db: Database, profile_id: int, item_key: str) -> list[int]:
    """The ids of the profile's playlists that hold ``item_key``."""
    rows = db.execute(
        "SELECT DISTINCT p.id FROM playlists p JOIN playlist_items i ON i.playlist_id = p.id "
        "WHERE p.profile_id = :profile AND i.item_key = :key",
        {"profile": profile_id, "key": item_key},
    )
    return [int(r[0]) for r in rows]
