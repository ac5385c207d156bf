"""The player's subtitle menu finds subtitles online (loopback OpenSubtitles), loads the chosen
one into the video, and says in words when the day's quota is used up or no key is set."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.bootstrap import build_window
from app.services.playback.session import PlaybackState
from app.services.playback.subtitles import movie_hash
from tests.fakes.opensubtitles_server import GOOD_KEY, FakeOpenSubtitles, FakeSubtitle
from tests.ui.asyncqt import run_scenario, wait_until


@pytest.fixture
def fake(sample_video) -> Iterator[FakeOpenSubtitles]:
    subs = [
        FakeSubtitle(201, "ru", "Film.0.Rus", 300, tmdb_id=1000, moviehash=movie_hash(sample_video)),
        FakeSubtitle(202, "en", "Film.0.Eng", 9000, tmdb_id=1000),
    ]
    server = FakeOpenSubtitles(subs, quota=1)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def window(qtbot, library, fake, monkeypatch):
    monkeypatch.setenv("CINEMA_OPENSUBTITLES_TOKEN", GOOD_KEY)
    library.settings = library.settings.model_copy(
        update={"opensubtitles_base_url": fake.base_url, "sources_subtitle_languages": "ru,en"}
    )
    win = build_window(library)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.shutdown()


def _menu_action(window, text: str):
    panel = window.player.bottom_panel
    menu = panel.menus["subtitles"] if isinstance(panel.menus, dict) else None
    assert menu is not None
    menu.aboutToShow.emit()  # filled from the playback service when it opens
    found = [a for a in menu.actions() if a.text() == text]
    assert found, [a.text() for a in menu.actions()]
    return found[0]


def test_find_load_and_the_quota(qtbot, window, sample_video) -> None:
    async def scenario() -> None:
        window.play_title("tmdb:movie:1000", 0)
        await wait_until(lambda: window.playback.state == PlaybackState.PLAYING, timeout=30)
        _menu_action(window, "Find subtitles online…").trigger()
        dialog = window.player.subtitle_search
        await wait_until(lambda: dialog.table.topLevelItemCount() == 2)
        first = dialog.table.topLevelItem(0)
        assert first.text(3) == "✓" and first.text(1) == "Film.0.Rus"  # made for this very file
        assert dialog.status.text().startswith("Found: 2 (languages: Русский, English")
        dialog.load_button.click()
        await wait_until(lambda: "Subtitles loaded" in window.player.message.text())
        assert fake_downloads(dialog) == 1
        # the next file is over today's quota: said in words, the cached one still loads
        dialog.start()
        await wait_until(lambda: dialog.table.topLevelItemCount() == 3)  # + downloaded before
        dialog.table.setCurrentItem(dialog.table.topLevelItem(2))
        dialog.load_button.click()
        await wait_until(lambda: "used up" in dialog.status.text())
        assert "2026-12-06T14:00:00" in dialog.status.text()
        dialog.table.setCurrentItem(dialog.table.topLevelItem(0))  # downloaded before
        dialog.load_button.click()
        await wait_until(lambda: dialog.status.text().startswith("Loaded"))

    def fake_downloads(dialog) -> int:
        return len([p for p in dialog._search.folder.rglob("*.srt")])

    run_scenario(scenario(), timeout=90)


def test_without_a_key_the_dialog_says_where_to_add_it(qtbot, window, monkeypatch) -> None:
    monkeypatch.delenv("CINEMA_OPENSUBTITLES_TOKEN")
    monkeypatch.setattr("app.core.secrets.get_secret", lambda name: None)

    async def scenario() -> None:
        window.play_title("tmdb:movie:1000", 0)
        await wait_until(lambda: window.playback.state == PlaybackState.PLAYING, timeout=30)
        window.player.search_subtitles()
        dialog = window.player.subtitle_search
        await wait_until(lambda: "Settings › Keys and accounts" in dialog.status.text())

    run_scenario(scenario(), timeout=60)
