"""The player page: overlay panels, keys, menus, subtitles by drag and drop, failover message."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.domain.models import MediaRequest, SourceKind
from app.engines.playback.base import PlayerEvent
from app.services.library.progress import LibraryService
from app.services.playback.session import PlaybackService, PlaybackState
from app.services.sources.resolve import Playable
from app.ui.pages.player_page import PlayerPage
from tests.fakes.player import FakePlayer
from tests.ui.asyncqt import run_scenario, wait_until


def run(page: PlayerPage, coro) -> None:
    """Run a scenario and stop playback on the same loop (its tasks end there)."""

    async def wrapped() -> None:
        try:
            await coro
        finally:
            page.stop()
            await asyncio.sleep(0.01)

    run_scenario(wrapped())


@pytest.fixture
def page(qtbot, services):
    services.settings = services.settings.model_copy(
        update={"first_frame_timeout_s": 30, "progress_interval_s": 60}
    )
    players: list[FakePlayer] = []

    def factory(dispatch, listener):
        players.append(FakePlayer(dispatch, listener))
        return players[-1]

    pb = PlaybackService(services, LibraryService(services), factory, stall_timeout_s=30)
    widget = PlayerPage(pb)
    widget.resize(1000, 600)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.players = players  # type: ignore[attr-defined]
    yield widget
    pb.close()


def src(name: str) -> Playable:
    req = MediaRequest(location=f"http://127.0.0.1:9/{name}.mp4", item_key="tmdb:movie:3", label="Сталкер")
    return Playable(kind=SourceKind.DIRECT, request=req, label=f"Direct · {name}")


async def started(page: PlayerPage) -> FakePlayer:
    page.play_sources([src("a"), src("b")])
    player: FakePlayer = page.players[0]  # type: ignore[attr-defined]
    player.length = 3_600_000
    player.time = 60_000
    player.emit(PlayerEvent.PLAYING)
    player.emit(PlayerEvent.VIDEO_STARTED)
    await wait_until(lambda: page._playback.state == PlaybackState.PLAYING)
    await asyncio.sleep(0.3)
    return player


def test_overlay_panels_follow_the_video_and_keys_work(qtbot, page) -> None:
    async def scenario() -> None:
        player = await started(page)
        assert page.controls_visible() and page.top_panel.isVisible()
        assert page.title.text() == "Сталкер" and "Direct link · a" in page.source_label.text()
        # the panels are separate tool windows placed over the video's bottom and top edges
        video = page.video.geometry()
        bottom = page.bottom_panel.geometry()
        origin = page.video.mapToGlobal(QPoint(0, 0))
        assert bottom.width() == video.width() and bottom.bottom() == origin.y() + video.height() - 1
        assert page.top_panel.geometry().top() == origin.y()
        assert page.bottom_panel.windowFlags() & Qt.WindowType.Tool
        page.move(page.x() + 40, page.y() + 30)  # the window moves: the panels follow it
        await wait_until(lambda: page.top_panel.geometry().top() == page.video.mapToGlobal(QPoint(0, 0)).y())
        assert "1:00:00" in page.time.text() and "−59:00" in page.time.text()
        qtbot.keyClick(page, Qt.Key.Key_Right)
        assert player.time == 70_000
        qtbot.keyClick(page, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
        assert player.time == 10_000
        qtbot.keyClick(page, Qt.Key.Key_BracketRight)
        assert player.speed == 1.25 and page.message.text() == "Speed 1.25×"
        qtbot.keyClick(page, Qt.Key.Key_BracketLeft)
        qtbot.keyClick(page, Qt.Key.Key_BracketLeft)
        assert player.speed == 0.75
        qtbot.keyClick(page, Qt.Key.Key_M)
        assert player.is_muted()
        qtbot.keyClick(page, Qt.Key.Key_Down)
        assert player.volume() == 95
        qtbot.keyClick(page, Qt.Key.Key_H)
        qtbot.keyClick(page, Qt.Key.Key_J)
        assert player.delays == {"subtitle": 50, "audio": -50}
        qtbot.keyClick(page, Qt.Key.Key_Space)
        await wait_until(lambda: page._playback.state == PlaybackState.PAUSED)
        with qtbot.waitSignal(page.fullscreenToggled):
            qtbot.keyClick(page, Qt.Key.Key_F)
        with qtbot.waitSignal(page.backRequested):
            qtbot.keyClick(page, Qt.Key.Key_Escape)

    run(page, scenario())


def test_controls_hide_while_playing_and_come_back_on_mouse_move(qtbot, page) -> None:
    async def scenario() -> None:
        await started(page)
        page._hide_timer.setInterval(100)
        page.poke()
        # the pointer rests outside the controls (offscreen puts it at 0,0 over the top panel)
        for panel in (page.top_panel, page.bottom_panel):
            panel.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, False)
        await wait_until(lambda: not page.controls_visible(), timeout=3)
        page.video.mouseMoved.emit()
        assert page.controls_visible()
        page.hide()  # e.g. the window goes to the tray: the tool windows must go with it
        assert not page.bottom_panel.isVisible() and not page.top_panel.isVisible()

    run(page, scenario())


def test_track_menus_list_and_switch(qtbot, page) -> None:
    async def scenario() -> None:
        player = await started(page)
        menu = page.menus["audio"]
        menu.aboutToShow.emit()
        labels = [a.text() for a in menu.actions() if a.text()]
        assert labels[:3] == ["Off", "Track 1 - [English]", "Track 2 - [Russian]"]
        next(a for a in menu.actions() if a.text() == "Track 2 - [Russian]").trigger()
        assert player.audio_id == 2
        speed = page.menus["speed"]
        speed.aboutToShow.emit()
        next(a for a in speed.actions() if a.text() == "2×").trigger()
        assert player.speed == 2.0
        picture = page.menus["picture"]
        picture.aboutToShow.emit()
        aspect = next(a.menu() for a in picture.actions() if a.menu() and a.text() == "Aspect ratio")
        next(a for a in aspect.actions() if a.text() == "16:9").trigger()
        assert player.aspect == "16:9"
        from PySide6.QtWidgets import QSlider

        slider = picture.findChild(QSlider, "adjust-brightness")
        slider.setValue(75)
        assert player.adjust["brightness"] == pytest.approx(1.5)

    run(page, scenario())


def test_subtitle_file_dropped_on_the_player(qtbot, page, tmp_path: Path) -> None:
    async def scenario() -> None:
        player = await started(page)
        srt = tmp_path / "film.ru.srt"
        srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nПривет\n", encoding="utf-8")
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(srt))])
        drop = QDropEvent(
            QPointF(50, 50),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        page.dropEvent(drop)
        assert player.spus[-1].name == "film.ru.srt" and player.spu_id == player.spus[-1].id
        assert "film.ru.srt" in page.message.text() and page.message.isVisible()

    run(page, scenario())


def test_failover_shows_a_message_and_moves_on(qtbot, page, messages) -> None:
    async def scenario() -> None:
        player = await started(page)
        player.emit(PlayerEvent.ERROR)
        await wait_until(lambda: player.opened[-1].location.endswith("/b.mp4"))
        assert page.message.isVisible() and "Switching to Direct link · b" in page.message.text()
        assert player.opened[-1].start_ms == 60_000
        assert "Direct link · b" in page.source_label.text()
        player.emit(PlayerEvent.ERROR)
        await wait_until(lambda: page._playback.state == PlaybackState.ERROR)
        assert "Cannot play this source" in page.message.text()
        said = messages.status(page.message)
        switching = next(i for i, text in enumerate(said) if "Switching to Direct link · b" in text)
        assert any("Cannot play this source" in text for text in said[switching:])
        assert messages.boxes() == []

    run(page, scenario())


def test_seek_bar_draws_buffered_ranges(qtbot) -> None:
    from app.ui.widgets.player_seekbar import SeekBar

    bar = SeekBar()
    bar.resize(400, 20)
    qtbot.addWidget(bar)
    bar.setRange(0, 1000)
    before = bar.grab().toImage()
    bar.set_buffered([(0.5, 0.9), (0.95, 0.9)])  # the empty range is dropped
    assert bar.buffered == [(0.5, 0.9)]
    after = bar.grab().toImage()
    y = 10
    assert after.pixelColor(300, y) != before.pixelColor(300, y)  # inside the buffered range
    assert after.pixelColor(100, y) == before.pixelColor(100, y)  # outside it


def test_failures_are_said_from_their_reason_in_the_ui_language(qtbot, page) -> None:
    """The service reports a reason and its data; the page words it (no English re-parsed)."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from app.core.resources import resources_dir
    from app.services.playback.failures import Cause, FailureReason, PlaybackFailure

    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "cinema_ru.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert page.reason_text(Cause(FailureReason.NO_PICTURE, 0.5)) == "нет изображения за 0.5 с"
        assert page.reason_text(Cause(FailureReason.STALLED, 20)) == "поток замер на 20 с"
        assert page.reason_text(Cause(FailureReason.CANNOT_PLAY)) == "не воспроизводится"
        torrent = Cause(FailureReason.NOT_PREPARED, detail="no peers after 30 s")
        assert page.reason_text(torrent) == "no peers after 30 s"  # the engine's own words, as they are
        pack = Cause(FailureReason.NO_EPISODE_FILE, detail="S2 E9")  # a season pack without the episode
        assert page.reason_text(pack) == "в торренте нет файла серии S2 E9"
        failure = PlaybackFailure(Cause(FailureReason.STALLED, 20), "Торрент · 1080p", 61_000)
        page._on_player_event(PlayerEvent.ERROR, failure)
        assert page.message.text() == "Не удалось воспроизвести: Торрент · 1080p: поток замер на 20 с"
        assert str(failure) == "Торрент · 1080p: the stream stalled for 20 s"  # the log's line
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.asyncio
async def test_a_failover_carries_its_reason_position_and_next_source(services) -> None:
    from app.services.playback.failures import FailureReason, PlaybackFailure

    players: list[FakePlayer] = []
    events: list[tuple[PlayerEvent, object]] = []

    def factory(dispatch, listener):
        players.append(FakePlayer(dispatch, listener))
        return players[-1]

    pb = PlaybackService(services, LibraryService(services), factory, stall_timeout_s=30)
    pb.add_listener(lambda e, v: events.append((e, v)))
    pb.play([src("a"), src("b")])
    players[0].length, players[0].time = 600_000, 90_000
    players[0].emit(PlayerEvent.PLAYING)
    players[0].emit(PlayerEvent.VIDEO_STARTED)
    await asyncio.sleep(0.05)
    players[0].emit(PlayerEvent.ERROR)
    await asyncio.sleep(0.05)
    failure = next(v for e, v in events if e is PlayerEvent.FAILOVER)
    assert isinstance(failure, PlaybackFailure)
    assert (failure.reason, failure.source, failure.position_ms, failure.next_source) == (
        FailureReason.CANNOT_PLAY, "Direct · a", 90_000, "Direct · b",
    )  # fmt: skip
    pb.close()
