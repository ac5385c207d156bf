"""Playlists of a profile: ordered items, each a title or a path/URL (from an imported M3U)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaylistItem:
    id: int
    position: int
    item_key: str  # a title id or media:<hash>
    label: str
    title_id: str | None = None
    location: str | None = None  # a path or URL (items without a title)
    duration_ms: int | None = None
    poster_path: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Playlist:
    """``version`` grows with every change: a change made from an older view is refused."""

    id: int
    name: str
    count: int = 0
    version: int = 0
    created_at: int = 0
    updated_at: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class NewItem:
    """An item to add: a title (``title_id``) or a location with its label."""

    item_key: str
    label: str
    title_id: str | None = None
    location: str | None = None
    duration_ms: int | None = None
