"""Open anything: drops of each kind on any page, Ctrl+V of a link, Open…, a later launch; a magnet
played is named by its dn= (or the .torrent's own name), not the raw link."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.bootstrap import build_window
from app.domain.locations import OpenKind, classify, magnet_name
from app.services.playback.plan import request_for_location
from app.services.playback.session import PlaybackState
from tests.ui.asyncqt import run_scenario, wait_until

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Qt 6 drag events take a QPoint

MAGNET = "magnet:?xt=urn:btih:" + "c" * 40 + "&dn=Big.Buck.Bunny.2008.1080p&tr=udp%3A%2F%2Ft.example%3A80"


@pytest.fixture
def window(qtbot, library):
    win = build_window(library)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.shutdown()


@pytest.fixture
def played(window, monkeypatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(window, "play_location", seen.append)
    return seen


def _drop(target, mime: QMimeData) -> bool:
    """Drag ``mime`` over ``target`` and drop it, as a file manager would; True when accepted."""
    pos = QPointF(10, 10)
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        pos.toPoint(), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def _files(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _text(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    return mime


def test_classify_every_kind() -> None:
    assert classify("/films/Кин-дза-дза.mkv") == OpenKind.VIDEO
    assert classify("/films/x.torrent") == OpenKind.TORRENT
    assert classify(MAGNET) == OpenKind.TORRENT
    assert classify("c" * 40) == OpenKind.TORRENT
    assert classify("https://example.org/live/index.m3u8") == OpenKind.URL
    assert classify("/films/x.ru.srt") == OpenKind.SUBTITLE
    assert classify("/films/notes.txt") == OpenKind.UNKNOWN
    assert classify("hello world") == OpenKind.UNKNOWN
    assert magnet_name(MAGNET) == "Big.Buck.Bunny.2008.1080p"


def test_drops_of_each_kind_on_any_page(qtbot, window, played, tmp_path: Path, messages) -> None:
    video = tmp_path / "Фильм.mkv"
    video.write_bytes(b"\0" * 16)
    torrent = tmp_path / "film.torrent"
    torrent.write_bytes(b"d4:infod4:name1:xee")
    notes = tmp_path / "notes.txt"
    notes.write_text("x")
    # on Home (a poster strip does not take drops itself: the window does)
    strip = window.home.first_strip()
    target = strip.viewport() if strip is not None else window.home
    assert _drop(target, _files(video))
    assert _drop(target, _files(torrent))
    assert _drop(window.top_bar, _text(MAGNET))
    assert _drop(window.top_bar, _text("https://example.org/film.mp4"))
    assert played == [str(video), str(torrent), MAGNET, "https://example.org/film.mp4"]
    # two videos: the first plays, the window says so
    second = tmp_path / "b.mp4"
    second.write_bytes(b"\0")
    assert _drop(target, _files(video, second))
    assert played[-1] == str(video)
    assert "first of 2" in window.open_anything.toast.text()
    # a subtitle file with nothing playing, and a file Cinema cannot open: a sentence each
    srt = tmp_path / "film.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nПривет\n")
    assert _drop(target, _files(srt))
    assert "start a video" in window.open_anything.toast.text()
    assert _drop(target, _files(notes))
    assert "cannot open «notes.txt»" in window.open_anything.toast.text()
    assert len(played) == 5


def test_a_subtitle_dropped_on_the_playing_video_is_loaded(
    qtbot, window, library, sample_video, tmp_path
) -> None:
    srt = tmp_path / "clip.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:05,000\nПривет\n", "utf-8")

    async def scenario() -> None:
        window.play_location(str(sample_video))
        await wait_until(lambda: window.navigator.is_current("player"))
        await wait_until(lambda: window.playback.state == PlaybackState.PLAYING)
        assert _drop(window.player.video, _files(srt))
        await wait_until(lambda: "Subtitles loaded: clip.srt" in window.player.message.text())

    run_scenario(scenario(), timeout=60)


def test_paste_and_open_dialog(qtbot, window, played, messages) -> None:
    QGuiApplication.clipboard().setText(MAGNET)
    window.open_anything.paste()
    assert played == [MAGNET]
    QGuiApplication.clipboard().setText("")
    window.open_anything.paste()
    assert "no link or file" in window.open_anything.toast.text()

    window.open_anything.show_dialog()
    dialog = window.open_anything.dialog
    assert dialog is not None
    open_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Open)
    dialog.field.setText("what is this")
    assert not open_button.isEnabled()
    assert "not a video" in dialog.problem.text()
    dialog.field.setText("https://example.org/a.m3u8")
    assert open_button.isEnabled()
    open_button.click()
    assert played[-1] == "https://example.org/a.m3u8"


def test_a_later_launch_brings_the_window_forward_and_plays(qtbot, window, played) -> None:
    window.hide()
    window.open_anything.launched([MAGNET])
    assert window.isVisible()
    assert played == [MAGNET]


def test_a_magnet_is_named_by_its_dn_or_hash_and_a_torrent_file_by_its_name(tmp_path: Path) -> None:
    assert request_for_location(MAGNET).label == "Big.Buck.Bunny.2008.1080p"
    nameless = "magnet:?xt=urn:btih:" + "d" * 40
    assert request_for_location(nameless).label == "d" * 40
    from tests.fakes.swarm import make_torrent

    content = tmp_path / "Старый фильм"
    content.mkdir()
    (content / "film.mkv").write_bytes(b"\1" * 300_000)
    torrent = make_torrent(content, tmp_path / "x.torrent")
    assert request_for_location(str(torrent)).label == "Старый фильм"


def test_a_file_played_without_a_title_is_continued_from_home(qtbot, library, sample_video) -> None:
    from app.domain.ids import media_key_for
    from app.services.library.progress import LibraryService

    lib = LibraryService(library)
    key = media_key_for(str(sample_video))
    entry = lib.start_history(key, None, "clip.mp4", str(sample_video))
    lib.save_progress(key, 7_000, 30_000)
    lib.update_history(entry, 7_000, 30_000)
    win = build_window(library)
    qtbot.addWidget(win)
    seen: list[str] = []
    win.play_location = seen.append  # type: ignore[method-assign]
    try:
        win.show()
        win.home.reload()
        row = win.home.rows["continue"]
        assert key in row.model.ids()
        win.home.titleOpened.emit(key)  # a click on its card
        assert seen == [str(sample_video)]
    finally:
        win.shutdown()
