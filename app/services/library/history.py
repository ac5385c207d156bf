"""The profile's history: by day, resume, remove one, clear all, watched marks, CSV/JSON export.

Continue watching reads the resume points (progress); removing an item's last history entry, or
clearing the history, drops its resume point too, so the two always agree.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.core.events import HistoryDidChange, ProgressDidChange
from app.domain.errors import NotFound
from app.domain.models import HistoryEntry
from app.services.context import AppContext
from app.storage import library_repo, watchlist_repo

EXPORT_FIELDS = (
    "id", "started_at", "ended_at", "title_id", "item_key", "label", "location", "position_s",
    "duration_s", "watched_s", "watched", "provider", "source_kind",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class HistoryDay:
    """One day of the history (local time), newest entry first."""

    day: date
    entries: tuple[HistoryEntry, ...]

    @property
    def watched_ms(self) -> int:
        return sum(e.watched_ms for e in self.entries)


@dataclass(frozen=True, slots=True)
class HistoryView:
    """What the History page shows: days, and which items are marked watched."""

    days: tuple[HistoryDay, ...]
    watched: frozenset[str]


def by_day(entries: list[HistoryEntry]) -> list[HistoryDay]:
    """Entries (newest first) grouped by their local start day."""
    days: dict[date, list[HistoryEntry]] = {}
    for e in entries:
        days.setdefault(e.started_at.astimezone().date(), []).append(e)
    return [HistoryDay(day, tuple(items)) for day, items in days.items()]


class HistoryService:
    """Per profile (the current one, passed explicitly to storage); publishes HistoryDidChange and
    ProgressDidChange so that Home's Continue watching and the grid follow."""

    def __init__(self, context: AppContext) -> None:
        self._s = context

    def _profile(self) -> int:
        return self._s.profile_id

    def entries(self, limit: int | None = 500, since: int | None = None) -> list[HistoryEntry]:
        return library_repo.list_history(self._s.db, self._profile(), limit, since=since)

    def view(self, limit: int = 500) -> HistoryView:
        """The page's content (blocking: call from a worker)."""
        profile = self._profile()
        entries = library_repo.list_history(self._s.db, profile, limit)
        progress = library_repo.all_progress(self._s.db, profile)
        watched = frozenset(k for k, p in progress.items() if p.watched)
        return HistoryView(tuple(by_day(entries)), watched)

    def resume_ms(self, item_key: str) -> int:
        """Where Play continues this item (0: from the start)."""
        p = library_repo.get_progress(self._s.db, self._profile(), item_key)
        if p is None or p.watched or p.position_ms < 5_000:
            return 0
        if p.duration_ms and p.position_ms >= p.duration_ms - 5_000:
            return 0
        return p.position_ms

    def remove(self, entry_id: int) -> HistoryEntry:
        """Remove one entry; when it was the item's last, its resume point goes too."""
        profile = self._profile()
        removed = library_repo.remove_history(self._s.db, profile, entry_id)
        if removed is None:
            raise NotFound("That history entry is gone already.")
        if not library_repo.has_history(self._s.db, profile, removed.item_key):
            library_repo.forget_progress(self._s.db, profile, removed.item_key)
        self._s.bus.publish(HistoryDidChange(removed.item_key))
        self._s.bus.publish(ProgressDidChange(removed.item_key, 0, None))
        return removed

    def clear(self) -> int:
        """Remove the whole history of the profile (and the resume points of unwatched items)."""
        profile = self._profile()
        count = library_repo.clear_history(self._s.db, profile)
        library_repo.forget_progress(self._s.db, profile)
        self._s.bus.publish(HistoryDidChange(""))
        self._s.bus.publish(ProgressDidChange("", 0, None))
        return count

    def set_watched(self, item_key: str, watched: bool) -> None:
        """Mark an item watched (one view) or unwatched (the next Play starts from the top)."""
        watchlist_repo.set_watched(self._s.db, self._profile(), item_key, watched, self._s.clock.now())
        self._s.bus.publish(ProgressDidChange(item_key, 0, None))

    # -- export ---------------------------------------------------------------------------------
    def export_rows(self) -> list[dict[str, Any]]:
        """Every entry of the profile, oldest first, as plain values (the export's records)."""
        profile = self._profile()
        progress = library_repo.all_progress(self._s.db, profile)
        rows = []
        for e in reversed(library_repo.list_history(self._s.db, profile, None)):
            p = progress.get(e.item_key)
            rows.append(
                {
                    "id": e.id,
                    "started_at": _iso(e.started_at),
                    "ended_at": _iso(e.ended_at),
                    "title_id": e.title_id,
                    "item_key": e.item_key,
                    "label": e.label,
                    "location": e.location,
                    "position_s": round(e.position_ms / 1000, 1),
                    "duration_s": round(e.duration_ms / 1000, 1) if e.duration_ms else None,
                    "watched_s": round(e.watched_ms / 1000, 1),
                    "watched": bool(p and p.watched),
                    "provider": e.provider,
                    "source_kind": e.source_kind,
                }
            )
        return rows

    def export(self, path: Path, fmt: str | None = None) -> int:
        """Write the history to ``path`` as CSV or JSON (by ``fmt`` or the file's suffix),
        atomically; how many entries were written."""
        fmt = (fmt or path.suffix.lstrip(".") or "json").lower()
        rows = self.export_rows()
        if fmt == "csv":
            text = to_csv(rows)
        elif fmt == "json":
            text = json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
        else:
            raise ValueError(f"Unknown export format {fmt!r}: csv or json.")
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(text, "utf-8", newline="")
        tmp.replace(path)
        return len(rows)


def to_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else row[k] for k in EXPORT_FIELDS})
    return out.getvalue()


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()
