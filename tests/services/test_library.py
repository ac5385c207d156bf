"""Progress, resume points and history for the default profile."""

from __future__ import annotations

from app.core.events import ProgressDidChange
from app.services.library.progress import LibraryService


def test_progress_round_trip_and_resume_point(services) -> None:
    lib = LibraryService(services)
    seen: list[ProgressDidChange] = []
    services.bus.subscribe(ProgressDidChange, seen.append)
    assert lib.resume_point_ms("tmdb:movie:19") == 0
    lib.save_progress("tmdb:movie:19", 42_000, 600_000, title_id="tmdb:movie:19", count_view=True)
    assert lib.resume_point_ms("tmdb:movie:19") == 42_000
    p = lib.progress("tmdb:movie:19")
    assert p is not None and p.view_count == 1 and not p.watched
    lib.save_progress("tmdb:movie:19", 50_000, 600_000, title_id="tmdb:movie:19")
    assert lib.progress("tmdb:movie:19").view_count == 1  # a save is not a new view
    assert [e.position_ms for e in seen] == [42_000, 50_000]


def test_watched_titles_start_from_the_beginning(services) -> None:
    lib = LibraryService(services)
    lib.save_progress("x", 590_000, 600_000, watched=True)
    assert lib.resume_point_ms("x") == 0
    lib.save_progress("y", 3_000, 600_000)  # a few seconds in: not worth a "Continue"
    assert lib.resume_point_ms("y") == 0


def test_history_entries_newest_first(services) -> None:
    lib = LibraryService(services)
    first = lib.start_history("a", None, "A", "/tmp/a.mp4")
    second = lib.start_history("b", "tmdb:movie:1", "B", "http://127.0.0.1/b.m3u8")
    lib.update_history(first, 10_000, 20_000, ended=True)
    entries = lib.history()
    assert [e.id for e in entries][:2] == [second, first]
    by_id = {e.id: e for e in entries}
    assert by_id[first].position_ms == 10_000 and by_id[first].ended_at is not None
    assert by_id[second].title_id == "tmdb:movie:1"
