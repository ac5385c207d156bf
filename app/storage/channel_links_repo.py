"""Playlist-guide pairs and the channel links between them (portable SQL).

A pair says which guide feeds a playlist (origin manual, auto, or off: unlinked by a person, so
automatic pairing leaves it alone). A link says which guide channel feeds one playlist channel
(method tvg-id, name, fuzzy, manual, or none); manual links survive every refresh.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.tv import ChannelName
from app.storage.db import Database


@dataclass(frozen=True, slots=True)
class Pair:
    playlist_id: int
    guide_id: int
    origin: str


@dataclass(frozen=True, slots=True)
class Link:
    playlist_channel_id: str
    guide_channel_id: str | None
    method: str
    score: float | None


def pairs(db: Database, playlist_id: int | None = None) -> list[Pair]:
    sql = "SELECT playlist_id, guide_id, origin FROM guide_pairs"
    rows = (
        db.execute(sql + " WHERE playlist_id = :p ORDER BY guide_id", {"p": playlist_id})
        if playlist_id is not None
        else db.execute(sql + " ORDER BY playlist_id, guide_id")
    )
    return [Pair(int(r[0]), int(r[1]), str(r[2])) for r in rows]


def set_pair(db: Database, playlist_id: int, guide_id: int, origin: str, now: int) -> None:
    """Link (or, origin 'off', unlink) a guide to a playlist; a manual choice replaces any other."""
    db.execute(
        "INSERT INTO guide_pairs (playlist_id, guide_id, origin, created_at) VALUES (:p, :g, :o, :t) "
        "ON CONFLICT (playlist_id, guide_id) DO UPDATE SET origin = excluded.origin",
        {"p": playlist_id, "g": guide_id, "o": origin, "t": now},
    )


def channels_of(db: Database, source_id: int, *, with_stream: bool | None = None) -> list[ChannelName]:
    cond = ""
    if with_stream is True:
        cond = " AND stream_url IS NOT NULL"
    elif with_stream is False:
        cond = " AND stream_url IS NULL"
    rows = db.execute(
        "SELECT id, guide_id, name, display_names FROM channels WHERE source_id = :s"
        + cond
        + " ORDER BY position, number, id",
        {"s": source_id},
    )
    return [ChannelName(r[0], r[1], r[2], r[3]) for r in rows]


def channels_with_programmes(db: Database, source_id: int) -> set[str]:
    """Channels of a source that have programmes of their own (a playlist's url-tvg guide)."""
    rows = db.execute(
        "SELECT DISTINCT p.channel_id FROM programmes p JOIN channels c ON c.id = p.channel_id "
        "WHERE c.source_id = :s",
        {"s": source_id},
    )
    return {r[0] for r in rows}


def links(db: Database, playlist_id: int) -> dict[str, Link]:
    rows = db.execute(
        "SELECT playlist_channel_id, guide_channel_id, method, score FROM channel_links "
        "WHERE playlist_id = :p",
        {"p": playlist_id},
    )
    return {r[0]: Link(r[0], r[1], r[2], r[3]) for r in rows}


def linked_names(db: Database, playlist_id: int) -> set[str]:
    """Names of the playlist's channels that a link gives a guide channel."""
    rows = db.execute(
        "SELECT c.name FROM channel_links l JOIN channels c ON c.id = l.playlist_channel_id "
        "WHERE l.playlist_id = :p AND l.guide_channel_id IS NOT NULL",
        {"p": playlist_id},
    )
    return {str(r[0]) for r in rows}


def replace_automatic(db: Database, playlist_id: int, found: list[Link], now: int) -> None:
    """Store the automatic links of a playlist in one transaction; manual ones (and 'none'
    chosen by hand) stay."""
    from sqlalchemy import text

    rows = [
        {
            "c": link.playlist_channel_id, "p": playlist_id, "g": link.guide_channel_id,
            "m": link.method, "s": link.score, "t": now,
        }
        for link in found
    ]  # fmt: skip
    with db.errors(), db.engine.begin() as conn:
        conn.execute(
            text("DELETE FROM channel_links WHERE playlist_id = :p AND method NOT IN ('manual', 'none')"),
            {"p": playlist_id},
        )
        if rows:
            conn.execute(
                text(
                    "INSERT INTO channel_links (playlist_channel_id, playlist_id, guide_channel_id, "
                    "method, score, updated_at) VALUES (:c, :p, :g, :m, :s, :t) "
                    "ON CONFLICT (playlist_channel_id) DO NOTHING"
                ),
                rows,
            )


def set_manual(
    db: Database, playlist_id: int, playlist_channel_id: str, guide_channel_id: str | None, now: int
) -> None:
    """A person's choice: this guide channel (or none) feeds that playlist channel."""
    db.execute(
        "INSERT INTO channel_links (playlist_channel_id, playlist_id, guide_channel_id, method, score, "
        "updated_at) VALUES (:c, :p, :g, :m, NULL, :t) ON CONFLICT (playlist_channel_id) DO UPDATE "
        "SET guide_channel_id = excluded.guide_channel_id, method = excluded.method, "
        "playlist_id = excluded.playlist_id, score = NULL, updated_at = excluded.updated_at",
        {
            "c": playlist_channel_id, "p": playlist_id, "g": guide_channel_id,
            "m": "manual" if guide_channel_id else "none", "t": now,
        },
    )  # fmt: skip


def clear_manual(db: Database, playlist_channel_id: str) -> None:
    """Forget a person's choice: automatic matching decides again on the next pairing run."""
    db.execute(
        "DELETE FROM channel_links WHERE playlist_channel_id = :c AND method IN ('manual', 'none')",
        {"c": playlist_channel_id},
    )
