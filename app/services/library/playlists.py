"""The profile's playlists: create, add, remove, reorder, play order (shuffle), M3U export/import."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.events import PlaylistDidChange
from app.domain.errors import LibraryError, NotFound
from app.domain.ids import media_key_for
from app.domain.playlists import NewItem, Playlist, PlaylistItem
from app.services.context import AppContext
from app.services.library import playlist_m3u
from app.storage import playlists_repo, titles_lookup

NAME_MAX = 80


@dataclass(frozen=True, slots=True)
class ImportResult:
    """An M3U import: the playlist it went into, how many items were added, and the lines that
    could not be used (line number, why)."""

    playlist: Playlist
    added: int
    problems: tuple[tuple[int, str], ...]


class PlaylistService:
    """Per profile (the current one, passed explicitly to storage); publishes PlaylistDidChange."""

    def __init__(self, context: AppContext) -> None:
        self._s = context

    def _profile(self) -> int:
        return self._s.profile_id

    def _now(self) -> int:
        return int(self._s.clock.now().timestamp())

    def _changed(self, playlist_id: int) -> None:
        self._s.bus.publish(PlaylistDidChange(playlist_id))

    # -- reading --------------------------------------------------------------------------------
    def all(self) -> list[Playlist]:
        return playlists_repo.all_of(self._s.db, self._profile())

    def get(self, playlist_id: int) -> Playlist:
        found = playlists_repo.get(self._s.db, self._profile(), playlist_id)
        if found is None:
            raise NotFound("That playlist is gone (deleted in another window or process).")
        return found

    def find(self, name_or_id: str) -> Playlist:
        found = playlists_repo.by_name(self._s.db, self._profile(), name_or_id.strip())
        if found is None and name_or_id.strip().isdigit():
            found = playlists_repo.get(self._s.db, self._profile(), int(name_or_id))
        if found is None:
            raise NotFound(f"No playlist called “{name_or_id}”.")
        return found

    def items(self, playlist_id: int) -> list[PlaylistItem]:
        self.get(playlist_id)  # another profile's playlist is not readable
        return playlists_repo.items(self._s.db, playlist_id)

    def contents(self, playlist_id: int) -> tuple[Playlist, list[PlaylistItem]]:
        """The playlist and its items, read together (blocking: from a worker)."""
        playlist = self.get(playlist_id)
        return playlist, playlists_repo.items(self._s.db, playlist_id)

    def containing(self, item_key: str) -> list[int]:
        return playlists_repo.containing(self._s.db, self._profile(), item_key)

    # -- changing -------------------------------------------------------------------------------
    def _valid_name(self, name: str, own_id: int | None = None) -> str:
        name = " ".join(name.split())
        if not name:
            raise LibraryError("A playlist needs a name.")
        if len(name) > NAME_MAX:
            raise LibraryError(f"A playlist's name is at most {NAME_MAX} characters.")
        other = playlists_repo.by_name(self._s.db, self._profile(), name)
        if other is not None and other.id != own_id:
            raise LibraryError(f"A playlist called “{other.name}” exists already.")
        return name

    def create(self, name: str) -> Playlist:
        new_id = playlists_repo.create(self._s.db, self._profile(), self._valid_name(name), self._now())
        self._changed(new_id)
        return self.get(new_id)

    def rename(self, playlist_id: int, name: str, expected_version: int | None = None) -> Playlist:
        name = self._valid_name(name, own_id=playlist_id)
        playlists_repo.rename(self._s.db, self._profile(), playlist_id, name, self._now(), expected_version)
        self._changed(playlist_id)
        return self.get(playlist_id)

    def delete(self, playlist_id: int) -> None:
        if not playlists_repo.delete(self._s.db, self._profile(), playlist_id):
            raise NotFound("That playlist is gone already.")
        self._changed(playlist_id)

    def add_titles(self, playlist_id: int, title_ids: Sequence[str]) -> int:
        """Append titles (by id) at the end; how many were added (unknown ids are refused)."""
        labels = titles_lookup.labels(self._s.db, title_ids)
        missing = [t for t in title_ids if t not in labels]
        if missing:
            raise NotFound(f"No title {missing[0]} in the library.")
        new = [
            NewItem(item_key=t, label=labels[t][0], title_id=t, duration_ms=labels[t][1]) for t in title_ids
        ]
        return self._add(playlist_id, new)

    def add_locations(self, playlist_id: int, entries: Sequence[tuple[str, str]]) -> int:
        """Append (label, path or URL) items."""
        new = [
            NewItem(item_key=media_key_for(loc), label=label or loc, location=loc) for label, loc in entries
        ]
        return self._add(playlist_id, new)

    def _add(self, playlist_id: int, new: list[NewItem]) -> int:
        if new:
            playlists_repo.add(self._s.db, self._profile(), playlist_id, new, self._now())
            self._changed(playlist_id)
        return len(new)

    def remove_item(self, playlist_id: int, item_id: int) -> None:
        playlists_repo.remove(self._s.db, self._profile(), playlist_id, item_id, self._now())
        self._changed(playlist_id)

    def reorder(self, playlist_id: int, order: Sequence[int], expected_version: int) -> int:
        """Put the items in ``order``; PlaylistChanged when the playlist moved on meanwhile."""
        version = playlists_repo.reorder(
            self._s.db, self._profile(), playlist_id, list(order), self._now(), expected_version
        )
        self._changed(playlist_id)
        return version

    # -- M3U ------------------------------------------------------------------------------------
    def m3u(self, playlist_id: int) -> str:
        playlist, items = self.contents(playlist_id)
        urls = titles_lookup.best_source_urls(self._s.db, [i.title_id for i in items if i.title_id])
        out = []
        for item in items:
            location = item.location or (urls.get(item.title_id) if item.title_id else None)
            if not location and item.title_id:
                location = playlist_m3u.TITLE_SCHEME + item.title_id
            if not location:
                continue
            seconds = item.duration_ms // 1000 if item.duration_ms else None
            out.append(playlist_m3u.M3uOut(item.label, location, seconds, item.title_id))
        return playlist_m3u.render(out, playlist.name)

    def export_m3u(self, playlist_id: int, path: Path) -> int:
        """Write the playlist to ``path`` (atomically); how many items were written."""
        text = self.m3u(playlist_id)
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(text, "utf-8")
        tmp.replace(path)
        return sum(1 for line in text.splitlines() if line.startswith("#EXTINF"))

    def import_m3u(self, data: bytes | str, name: str, into: int | None = None) -> ImportResult:
        """Import an M3U: into the playlist ``into``, or a new one called ``name`` (a number is
        added when the name is taken). Broken lines are skipped and reported; the rest is added."""
        parsed = playlist_m3u.parse(data)
        problems = list(parsed.problems)
        known = titles_lookup.labels(self._s.db, [e.title_id for e in parsed.entries if e.title_id])
        new: list[NewItem] = []
        for entry in parsed.entries:
            if entry.title_id and entry.title_id in known:
                title, runtime = known[entry.title_id]
                loc = None if entry.location.startswith(playlist_m3u.TITLE_SCHEME) else entry.location
                new.append(
                    NewItem(item_key=entry.title_id, label=entry.label or title, title_id=entry.title_id,
                            location=loc, duration_ms=runtime)
                )  # fmt: skip
            elif entry.location.startswith(playlist_m3u.TITLE_SCHEME):
                problems.append((entry.line, f"the title {entry.title_id} is not in this library"))
            else:
                duration = entry.duration_s * 1000 if entry.duration_s else None
                new.append(
                    NewItem(item_key=media_key_for(entry.location), label=entry.label,
                            location=entry.location, duration_ms=duration)
                )  # fmt: skip
        playlist = self.get(into) if into is not None else self.create(self._free_name(name))
        self._add(playlist.id, new)
        return ImportResult(self.get(playlist.id), len(new), tuple(sorted(problems)))

    def _free_name(self, name: str) -> str:
        base = " ".join(name.split())[:NAME_MAX] or "Imported"
        taken = {p.name.lower() for p in self.all()}
        if base.lower() not in taken:
            return base
        n = 2
        while f"{base} ({n})".lower() in taken:
            n += 1
        return f"{base} ({n})"


def play_order(
    items: Sequence[PlaylistItem], *, shuffle: bool = False, start: int = 0, seed: int | None = None
) -> list[PlaylistItem]:
    """The items in the order Play all plays them: from ``start`` on, or all of them shuffled."""
    if shuffle:
        order = list(items)
        random.Random(seed).shuffle(order)
        return order
    return list(items[max(0, start) :])
