"""History by day, remove one, clear all (Continue watching agrees), watched marks, CSV/JSON export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from app.core.events import HistoryDidChange, ProgressDidChange
from app.services.library.catalog import CatalogFilter, CatalogService
from app.services.library.history import EXPORT_FIELDS, HistoryService
from app.services.library.progress import LibraryService
from app.storage import titles_repo


def _titles(services, *ids: str) -> None:  # type: ignore[no-untyped-def]
    now = int(services.clock.now().timestamp())
    titles_repo.upsert_titles(
        services.db,
        [{"id": t, "kind": "film", "title": f"Title {t}", "added_at": now, "updated_at": now} for t in ids],
    )


def _play(library: LibraryService, key: str, position: int) -> int:
    entry = library.start_history(key, key, f"Title {key}", "http://127.0.0.1/v.m3u8")
    library.save_progress(key, position, 600_000, title_id=key, count_view=True)
    library.update_history(entry, position, 600_000)
    return entry


def test_continue_watching_agrees_with_the_history(services) -> None:
    _titles(services, "a", "b")
    library, history, catalog = LibraryService(services), HistoryService(services), CatalogService(services)
    seen: list[object] = []
    services.bus.subscribe(HistoryDidChange, seen.append)
    services.bus.subscribe(ProgressDidChange, seen.append)
    first_a = _play(library, "a", 60_000)
    second_a = _play(library, "a", 120_000)
    only_b = _play(library, "b", 90_000)
    assert sorted(catalog.query(CatalogFilter(in_progress=True))) == ["a", "b"]
    view = history.view()
    assert len(view.days) == 1 and [e.id for e in view.days[0].entries] == [only_b, second_a, first_a]
    history.remove(first_a)  # "a" still has an entry: it stays in Continue watching
    assert sorted(catalog.query(CatalogFilter(in_progress=True))) == ["a", "b"]
    history.remove(second_a)  # its last entry: its resume point goes too
    assert catalog.query(CatalogFilter(in_progress=True)) == ["b"]
    assert history.resume_ms("a") == 0 and history.resume_ms("b") == 90_000
    seen.clear()
    assert history.clear() == 1
    assert catalog.query(CatalogFilter(in_progress=True)) == []
    assert history.view().days == ()
    assert {type(e) for e in seen} == {HistoryDidChange, ProgressDidChange}


def test_watched_marks_survive_a_cleared_history(services) -> None:
    _titles(services, "a")
    library, history = LibraryService(services), HistoryService(services)
    _play(library, "a", 60_000)
    history.set_watched("a", True)
    assert "a" in history.view().watched
    history.clear()
    assert "a" in history.view().watched
    history.set_watched("a", False)
    assert "a" not in history.view().watched


def test_time_played_counts_the_advance_not_a_seek(services, monkeypatch) -> None:
    import app.services.library.progress as progress_module

    clock = [1000.0]
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: clock[0])
    library = LibraryService(services)
    entry = library.start_history("k", None, "clip", "/tmp/clip.mp4")
    clock[0] += 30
    library.update_history(entry, 30_000, 600_000)  # 30 s played in 30 s
    clock[0] += 5
    library.update_history(entry, 400_000, 600_000)  # a seek: 370 s in 5 s counts nothing
    clock[0] += 10
    library.update_history(entry, 410_000, 600_000, ended=True)
    assert HistoryService(services).entries()[0].watched_ms == 40_000


def test_export_csv_and_json(services, tmp_path: Path) -> None:
    _titles(services, "a")
    library, history = LibraryService(services), HistoryService(services)
    _play(library, "a", 60_000)
    library.start_history("media:1", None, "Дача, 1982", "/видео/дача.mp4")
    assert history.export(tmp_path / "h.json") == 2
    rows = json.loads((tmp_path / "h.json").read_text("utf-8"))
    assert [r["label"] for r in rows] == ["Title a", "Дача, 1982"]  # oldest first
    assert set(rows[0]) == set(EXPORT_FIELDS) and rows[0]["position_s"] == 60.0
    assert history.export(tmp_path / "h.csv") == 2
    with (tmp_path / "h.csv").open(encoding="utf-8", newline="") as f:
        read = list(csv.DictReader(f))
    assert [r["label"] for r in read] == ["Title a", "Дача, 1982"]  # the comma is quoted
    assert read[1]["title_id"] == "" and read[1]["location"] == "/видео/дача.mp4"
