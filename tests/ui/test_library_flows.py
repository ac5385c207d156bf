"""People in the window: create a profile, switch (progress stays separate), PIN, history page,
a playlist that plays through with the countdown between items."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.services.library.catalog import CatalogFilter
from app.services.library.playlists import PlaylistService
from app.services.library.profiles import ProfileService
from app.services.playback.session import PlaybackState
from app.ui.components import play_queue
from tests.ui.asyncqt import run_scenario, wait_until


def _continue_ids(window) -> list[str]:  # type: ignore[no-untyped-def]
    row = window.home.rows.get("continue")
    return row.model.ids() if row is not None and not row.isHidden() else []


def test_create_a_profile_switch_and_progress_stays_separate(qtbot, window, library) -> None:
    async def scenario() -> None:
        ui = window.library_ui
        window.library.save_progress("tmdb:movie:1001", 120_000, 600_000, title_id="tmdb:movie:1001")
        window.home.refresh()
        await wait_until(lambda: _continue_ids(window) == ["tmdb:movie:1001"])
        # Profiles page: New profile, rename it, save
        window.navigator.navigate("profiles")
        page = window.navigator.page("profiles")
        await wait_until(lambda: page.list.count() == 1)
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: page.list.count() == 2)
        assert page._shown is not None and page._shown.name == "New profile"
        page.name.setText("Гость")
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: page.status.text() != "")
        assert page.status.text() == "Saved.", page.status.text()
        await wait_until(
            lambda: (
                [page.list.item(n).text() for n in range(page.list.count())] == ["Default  (now)", "Гость"]
            )
        )
        guest = ProfileService(library).find("Гость")
        # switch from the page: Home comes first, with the guest's own (empty) Continue watching
        qtbot.mouseClick(page.use_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: library.profile_id == guest.id and window.navigator.is_current("home"))
        await wait_until(lambda: _continue_ids(window) == [])
        assert ui.button.text() == "Гость"
        window.library.save_progress("tmdb:movie:1003", 60_000, 600_000, title_id="tmdb:movie:1003")
        window.home.refresh()
        await wait_until(lambda: _continue_ids(window) == ["tmdb:movie:1003"])
        # back to the first profile through the top bar's menu
        first = next(p for p in ProfileService(library).all() if p.name != "Гость")
        ui.switch_to(first.id)
        await wait_until(lambda: library.profile_id == first.id)
        await wait_until(lambda: _continue_ids(window) == ["tmdb:movie:1001"])
        assert window.catalog.query(CatalogFilter(in_progress=True)) == ["tmdb:movie:1001"]

    run_scenario(scenario())


def test_a_profile_with_a_pin_asks_for_it_and_a_wrong_one_is_refused(qtbot, window, library) -> None:
    async def scenario() -> None:
        dad = ProfileService(library).create("Папа", pin="2468")
        window.library_ui.switch_to(dad.id)
        await wait_until(
            lambda: window.library_ui.picker is not None and window.library_ui.picker.isVisible()
        )
        picker = window.library_ui.picker
        await wait_until(picker.pin_box.isVisible)
        picker.pin.setText("1111")
        qtbot.keyClick(picker.pin, Qt.Key.Key_Return)
        await wait_until(lambda: picker.message.text() != "")
        assert picker.message.text() == "Wrong PIN.", picker.message.text()
        assert library.profile_id != dad.id
        picker.pin.setText("2468")
        qtbot.keyClick(picker.pin, Qt.Key.Key_Return)
        await wait_until(lambda: library.profile_id == dad.id)
        assert not picker.isVisible()

    run_scenario(scenario())


def test_history_page_resume_remove_and_clear(qtbot, window, library, monkeypatch) -> None:
    async def scenario() -> None:
        lib = window.library
        entry = lib.start_history(
            "tmdb:movie:1002", "tmdb:movie:1002", "Фильм номер 2", "http://127.0.0.1:9/x.mp4"
        )
        lib.save_progress("tmdb:movie:1002", 90_000, 600_000, title_id="tmdb:movie:1002")
        lib.update_history(entry, 90_000, 600_000)
        lib.start_history("media:1", None, "clip.mp4", "/tmp/clip.mp4")
        window.navigator.navigate("history")
        page = window.navigator.page("history")
        await wait_until(lambda: len(page.rows) == 2)
        played: list[tuple[str, int]] = []
        monkeypatch.setattr(window, "play_title", lambda tid, start: played.append((tid, start)))
        row = next(r for r in page.rows if r.entry.title_id)
        qtbot.mouseClick(row.resume, Qt.MouseButton.LeftButton)
        await wait_until(lambda: played == [("tmdb:movie:1002", 90_000)])
        qtbot.mouseClick(row.remove, Qt.MouseButton.LeftButton)
        await wait_until(lambda: len(page.rows) == 1)
        assert window.catalog.query(CatalogFilter(in_progress=True)) == []  # Continue watching agrees
        page.ops.run("clear", page._history.clear, lambda _n: page.refresh())
        await wait_until(lambda: len(page.rows) == 0 and page.empty.isVisible())

    run_scenario(scenario())


@pytest.fixture
def short_clips(tmp_path: Path) -> list[Path]:
    clips = []
    for n, freq in enumerate((440, 660)):
        out = tmp_path / f"clip{n}.mp4"
        subprocess.run(
            ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25", "-f", "lavfi",
             "-i", f"sine=frequency={freq}", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast",
             "-c:a", "aac", "-shortest", str(out)],
            check=True,
        )  # fmt: skip
        clips.append(out)
    return clips


def test_a_playlist_plays_through(qtbot, window, library, short_clips, monkeypatch) -> None:
    monkeypatch.setattr(play_queue, "COUNTDOWN_S", 1)
    lists = PlaylistService(library)
    evening = lists.create("Вечер")
    lists.add_locations(evening.id, [(p.name, str(p)) for p in short_clips])

    async def scenario() -> None:
        window.navigator.navigate("playlists")
        page = window.navigator.page("playlists")
        await wait_until(lambda: page.items.count() == 2)
        started: list[int] = []
        queue = window.library_ui.queue
        queue.started.connect(started.append)
        finished: list[bool] = []
        queue.finished.connect(lambda: finished.append(True))
        qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: window.navigator.is_current("player"))
        await wait_until(lambda: window.playback.state == PlaybackState.PLAYING, timeout=20)
        assert window.player.title.text() == "clip0.mp4"
        # the first ends: "Up next" counts down over the video, then the second plays
        await wait_until(lambda: queue._panel is not None and queue._panel.isVisible(), timeout=20)
        assert "clip1.mp4" in queue._panel.label.text()
        await wait_until(lambda: started == [0, 1], timeout=20)
        await wait_until(lambda: window.player.title.text() == "clip1.mp4", timeout=20)
        await wait_until(lambda: finished == [True], timeout=30)  # the last one ends the queue
        history = [e.label for e in window.library.history()]
        assert history[:2] == ["clip1.mp4", "clip0.mp4"]

    run_scenario(scenario(), timeout=90)
