"""The user's library: progress, resume points and history for the current profile."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from app.core.events import HistoryDidChange, ProgressDidChange
from app.services.context import AppContext
from app.storage import library_repo

if TYPE_CHECKING:  # built by library_repo; not on the way to the first paint (domain/briefs.py)
    from app.domain.models import HistoryEntry, Progress


class LibraryService:
    def __init__(self, services: AppContext) -> None:
        self._s = services
        # per history entry: (position, monotonic time) of its last update, for the time played
        self._last: dict[int, tuple[int, float]] = {}
        self._last_lock = threading.Lock()

    @property
    def profile_id(self) -> int:
        return self._s.profile_id

    def progress(self, item_key: str) -> Progress | None:
        return library_repo.get_progress(self._s.db, self.profile_id, item_key)

    def resume_point_ms(self, item_key: str) -> int:
        """Where Play should continue: 0 for unstarted or watched items, else the saved spot."""
        p = self.progress(item_key)
        if p is None or p.watched or p.position_ms < 5_000:
            return 0
        if p.duration_ms and p.position_ms >= p.duration_ms - 5_000:
            return 0
        return p.position_ms

    def save_progress(
        self,
        item_key: str,
        position_ms: int,
        duration_ms: int | None,
        *,
        title_id: str | None = None,
        watched: bool | None = None,
        count_view: bool = False,
    ) -> None:
        # queued, not lost, while another process holds the database (storage/pending.py)
        self._s.db.pending.submit(
            library_repo.save_progress,
            self._s.db,
            self.profile_id,
            item_key,
            position_ms,
            duration_ms,
            title_id=title_id,
            watched=watched,
            now=self._s.clock.now(),
            count_view=count_view,
        )
        self._s.bus.publish(ProgressDidChange(item_key, position_ms, duration_ms))

    def start_history(self, item_key: str, title_id: str | None, label: str, location: str) -> int:
        """The new entry's id; while another process writes, a provisional (negative) id that
        later updates of the entry resolve once the queued insert has run."""
        db, now, profile = self._s.db, self._s.clock.now(), self.profile_id
        written: list[int] = []

        def insert() -> None:
            written.append(library_repo.start_history(db, profile, item_key, title_id, label, location, now))

        entry = written[0] if db.pending.submit(insert) else db.pending.provisional(written)
        with self._last_lock:
            self._last[entry] = (0, time.monotonic())
        self._s.bus.publish(HistoryDidChange(item_key))
        return entry

    def _played_since(self, entry_id: int, position_ms: int, ended: bool) -> int:
        """How much was played since the entry's last update: the position's advance, unless it
        ran faster than the clock allows (a seek forward counts nothing)."""
        now = time.monotonic()
        with self._last_lock:
            last = self._last.pop(entry_id, None) if ended else self._last.get(entry_id)
            if not ended:
                self._last[entry_id] = (position_ms, now)
        if last is None:
            return 0
        advance = position_ms - last[0]
        allowed = (now - last[1]) * 1000 * 2.0 + 2000  # up to double speed, and the save's jitter
        return advance if 0 < advance <= allowed else 0

    def update_history(
        self, entry_id: int, position_ms: int, duration_ms: int | None, ended: bool = False
    ) -> None:
        db, now = self._s.db, self._s.clock.now()
        played = self._played_since(entry_id, position_ms, ended)

        def update() -> None:
            real = db.pending.resolve(entry_id)  # at write time: a queued insert has run by then
            if real is not None:
                library_repo.update_history(db, real, position_ms, duration_ms, now, ended, watched_ms=played)

        db.pending.submit(update)

    def history(self, limit: int = 200) -> list[HistoryEntry]:
        return library_repo.list_history(self._s.db, self.profile_id, limit)

    def all_progress(self) -> dict[str, Progress]:
        return library_repo.all_progress(self._s.db, self.profile_id)
