"""Settings › Watching: the watched threshold is saved to settings.json and playback's saves use it."""

from __future__ import annotations

import json

from app.domain.models import MediaRequest
from app.services.library.progress import LibraryService
from app.services.playback.saving import ProgressSaver
from app.ui.components.watched_setting import WatchedSetting
from app.ui.pages.settings_page import SettingsPage


def test_the_threshold_is_saved_and_decides_what_counts_as_watched(qtbot, services) -> None:
    page = SettingsPage(services)
    qtbot.addWidget(page)
    setting = page.watched
    assert setting.percent.value() == 90  # the default, 0.9
    setting.percent.setValue(70)
    assert services.settings.watched_fraction == 0.7
    assert json.loads(services.paths.settings_file.read_text("utf-8"))["watched_fraction"] == 0.7
    library = LibraryService(services)
    saver = ProgressSaver(library, lambda: services.settings.watched_fraction)
    film = MediaRequest(location="/films/a.mkv", item_key="tmdb:movie:1", label="A", title_id="tmdb:movie:1")
    saver.begin(film)
    saver.save(film, 65_000, 100_000)
    assert not library.progress("tmdb:movie:1").watched  # 65 % < 70 %
    saver.save(film, 72_000, 100_000)
    assert library.progress("tmdb:movie:1").watched
    # a fresh page shows what was saved
    again = WatchedSetting(services)
    qtbot.addWidget(again)
    assert again.percent.value() == 70


def test_an_unwritable_settings_file_keeps_the_value_for_this_run(qtbot, services) -> None:
    services.paths.settings_file.write_text("{}", "utf-8")
    services.paths.settings_file.with_suffix(".tmp").mkdir()  # the atomic write cannot happen
    setting = WatchedSetting(services)
    qtbot.addWidget(setting)
    setting.percent.setValue(80)
    assert services.settings.watched_fraction == 0.8
    assert "could not be saved" in setting.note.text()
    assert json.loads(services.paths.settings_file.read_text("utf-8")) == {}
