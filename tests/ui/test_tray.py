"""The tray: menu actions, close-to-tray vs quit without a tray, tooltip following the refresh.

In-process tests run on the offscreen platform, which has no tray: the tray's ``available`` probe
is given, and Qt's one complaint about the missing tray signal is expected. The last test runs
the real app under X with a real tray host (trayer).
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app.bootstrap import build_window
from app.core.clock import FixedClock
from app.core.config import load_settings
from app.core.resources import resources_dir
from app.domain.ids import media_key_for
from app.services import demo
from app.services.guide import refresh as epg_refresh
from app.services.library.progress import LibraryService
from app.services.playback.session import PlaybackState
from app.services.scheduler import RefreshScheduler
from app.ui.components.tray_settings import TraySettings
from app.ui.main_window import MainWindow
from app.ui.tray import Tray, install_tray
from tests.ui.asyncqt import run_scenario, wait_until

ROOT = Path(__file__).resolve().parents[2]

# offscreen has no tray window to follow; a real platform does not say this
pytestmark = pytest.mark.qt_log_ignore(r"No such signal QPlatformNativeInterface::systemTrayWindowChanged")


class Probe:
    """Whether a tray is there (switchable), and the app's quit requests."""

    def __init__(self) -> None:
        self.tray_there = True
        self.quits = 0

    def available(self) -> bool:
        return self.tray_there

    def quit(self) -> None:
        self.quits += 1


@pytest.fixture(autouse=True)
def english(qapp):
    """English as the app speaks it: cinema_en.qm adds the plural forms (make translations)."""
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "cinema_en.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def probe() -> Probe:
    return Probe()


@pytest.fixture
def window(qtbot, services):
    services.settings = services.settings.model_copy(update={"demo_enabled": False})
    yield from shown_window(qtbot, services)


@pytest.fixture
def library_window(qtbot, library):
    """A window over the ``library`` services (a sample video to play)."""
    yield from shown_window(qtbot, library)


def shown_window(qtbot, services):
    collect_here()  # windows of earlier tests, before this one starts workers
    win = build_window(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.shutdown()
    collect_here()


def collect_here() -> None:
    """Collect windows and trays now, on this thread: a collection that ran later in a worker
    (run_blocking) would destroy their timers from the wrong thread (a Qt warning)."""
    gc.collect()


def make_tray(window: MainWindow, probe: Probe, scheduler=None) -> Tray:
    scheduler = scheduler or RefreshScheduler(window.services, every_s=6 * 3600)
    tray = Tray(window, window.services, scheduler, available=probe.available, quit_app=probe.quit)
    window.tray = tray
    return tray


def in_loop(tray_body) -> None:
    """Run ``tray_body`` (a coroutine function) on a qasync loop, as the app does."""
    run_scenario(tray_body())


def add_guide(services, tmp_path: Path) -> int:
    guide = demo.write_shifted_guide(tmp_path / "guide.xml", demo.shift_weeks(services.clock.now()))
    return epg_refresh.add_source(services, str(guide), name="guide")


def test_menu_shows_and_hides_the_window_and_a_left_click_toggles_it(qtbot, window, probe) -> None:
    async def body() -> None:
        tray = make_tray(window, probe)
        try:
            assert tray.icon is not None and tray.icon.isVisible()
            assert tray.icon.contextMenu() is tray.menu
            assert not QApplication.quitOnLastWindowClosed()  # hidden in the tray is not closed
            tray.sync()
            assert tray.toggle_action.text() == "Hide Cinema"
            assert not tray.play_action.isVisible()  # nothing plays
            tray.toggle_action.trigger()
            assert not window.isVisible()
            tray.sync()
            assert tray.toggle_action.text() == "Show Cinema"
            tray.toggle_action.trigger()
            assert window.isVisible()
            # a left click on the icon toggles too
            tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
            assert not window.isVisible()
            tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
            assert window.isVisible()
            window.showMinimized()
            assert not tray.window_shown()
            tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
            assert window.isVisible() and not window.isMinimized()
            assert probe.quits == 0
        finally:
            tray.uninstall()
        assert QApplication.quitOnLastWindowClosed()

    in_loop(body)


def test_closing_hides_to_the_tray_with_one_hint_and_quits_once_the_tray_is_gone(
    qtbot, window, probe, services
) -> None:
    async def body() -> None:
        tray = make_tray(window, probe)
        shown: list[tuple[str, str]] = []
        tray.messageShown.connect(lambda title, text: shown.append((title, text)))
        try:
            window.close()
            await wait_until(lambda: not window.isVisible())  # hidden once the close event is done
            assert probe.quits == 0
            assert window._unsubscribe  # the window's shutdown did not run: it is only hidden
            assert [title for title, _ in shown] == ["Cinema keeps running in the tray"]
            assert "Quit is in its menu" in shown[0][1]
            tray.show_window()
            window.close()
            await wait_until(lambda: not window.isVisible())
            assert len(shown) == 1

            tray.show_window()
            probe.tray_there = False  # the panel went away: closing quits, as without a tray
            window.close()
            assert not window.isVisible() and not window._unsubscribe  # closed for real: shut down
            await wait_until(lambda: probe.quits == 1)
        finally:
            tray.uninstall()

    in_loop(body)


def test_close_to_tray_can_be_turned_off_in_settings(qtbot, window, probe, services) -> None:
    async def body() -> None:
        tray = make_tray(window, probe)
        panel = TraySettings(services, available=probe.available)
        qtbot.addWidget(panel)
        try:
            assert panel.close_to_tray.isChecked() and panel.notifications.isChecked()
            assert not panel.note.isVisibleTo(panel)  # a tray is there
            assert tray.close_hides()
            panel.close_to_tray.setChecked(False)
            assert not tray.close_hides()
            window.close()
            await wait_until(lambda: probe.quits == 1)
            probe.tray_there = False
            panel.refresh()
            assert panel.note.isVisibleTo(panel) and not panel.close_to_tray.isChecked()
        finally:
            tray.uninstall()

    in_loop(body)


def test_without_a_tray_there_is_no_icon_and_closing_quits_as_before(qtbot, window, probe) -> None:
    async def body() -> None:
        probe.tray_there = False
        tray = make_tray(window, probe)
        try:
            assert tray.icon is None and not tray.close_hides()
            assert QApplication.quitOnLastWindowClosed()  # Qt quits when the window closes
            window.close()
            assert not window.isVisible() and not window._unsubscribe
            assert probe.quits == 0  # nothing of ours in the way
        finally:
            tray.uninstall()

    in_loop(body)


def test_refresh_now_runs_the_scheduler_and_the_tooltip_follows(
    qtbot, window, probe, services, tmp_path
) -> None:
    source = add_guide(services, tmp_path)
    scheduler = RefreshScheduler(services, every_s=6 * 3600)

    async def body() -> None:
        tray = make_tray(window, probe, scheduler)
        shown: list[tuple[str, str]] = []
        tray.messageShown.connect(lambda title, text: shown.append((title, text)))
        try:
            await wait_until(lambda: tray.tooltip != "Cinema")  # the schedule is read from a worker
            assert tray.tooltip == "Cinema — guide refresh due"  # the source never refreshed
            tray.refresh_action.trigger()
            assert tray.tooltip == "Cinema — refreshing guides…"  # at once, not after a loop turn
            assert not tray.refresh_action.isEnabled()
            assert tray.status_action.text() == "Refreshing guides…"
            await wait_until(tray.refresh_action.isEnabled, timeout=60)
            await wait_until(lambda: "next guide refresh" in tray.tooltip)
            status = {s.id: s for s in epg_refresh.list_sources(services)}[source]
            assert status.last_status == "ok" and status.last_refresh_at  # the scheduler really ran
            assert scheduler.last is not None and scheduler.last.guides_ok == 1
            # six hours on: "at 3:55 AM" or "tomorrow at 3:55 AM" (the minute may turn meanwhile)
            assert tray.tooltip in {
                "Cinema — next guide refresh "
                + tray.when_text(services.clock.now() + timedelta(hours=6, minutes=m))
                for m in (-1, 0)
            }
            new = len(window.catalog.ids())
            assert new > 0
            assert shown == [(f"{new} new titles in the guide", "")]

            # nothing new: a refresh the user asked for still says so
            tray.refresh_now()
            await wait_until(lambda: len(shown) == 2, timeout=60)
            assert shown[1] == ("Guides refreshed", "Nothing new in the guide")
        finally:
            tray.uninstall()

    in_loop(body)


def test_the_schedulers_own_loop_is_seen_and_new_titles_are_told_from_the_tray(
    qtbot, window, probe, services, tmp_path
) -> None:
    add_guide(services, tmp_path)
    scheduler = RefreshScheduler(services, every_s=6 * 3600)

    async def body() -> None:
        tray = make_tray(window, probe, scheduler)
        shown: list[tuple[str, str]] = []
        tray.messageShown.connect(lambda title, text: shown.append((title, text)))
        seen: list[str] = []
        tray.status_action.changed.connect(lambda: seen.append(tray.status_action.text()))
        try:
            tray.hide_to_tray()  # in the tray: a background refresh tells what it found
            scheduler.start(first_delay_s=0)
            await wait_until(lambda: scheduler.last is not None, timeout=60)
            await wait_until(lambda: "next guide refresh" in tray.tooltip)
            assert "Refreshing guides…" in seen
            assert len(shown) == 1 and shown[0][0].endswith("new titles in the guide")
        finally:
            await scheduler.stop()
            tray.uninstall()

    in_loop(body)


class FailingScheduler(RefreshScheduler):
    """A scheduler whose run breaks (it says so in its finish event; the tray must show it)."""

    runs = 0

    async def _run(self, run: object) -> None:  # type: ignore[override]
        self.runs += 1
        await asyncio.sleep(0)
        raise OSError("disk full")


@pytest.mark.expected_error(r"refresh failed")
def test_a_failed_refresh_shows_in_the_tooltip_and_a_message(
    qtbot, window, probe, services, messages
) -> None:
    # local noon: the retry in 15 min is today, whenever the suite runs (at 23:46 it said "tomorrow")
    noon = datetime.now().astimezone().replace(hour=12, minute=0, second=0, microsecond=0)
    services.clock = FixedClock(noon)
    scheduler = FailingScheduler(services, every_s=3600)

    async def body() -> None:
        tray = make_tray(window, probe, scheduler)
        shown: list[tuple[str, str]] = []
        tray.messageShown.connect(lambda title, text: shown.append((title, text)))
        try:
            result = await scheduler.run_once()  # as the scheduler's loop calls it
            assert result.error == "disk full" and scheduler.runs == 1
            assert tray.tooltip.startswith("Cinema — guide refresh failed; next try at ")
            assert shown == []  # a background failure waits in the tooltip
            tray.refresh_action.trigger()
            await wait_until(lambda: len(shown) == 1)
            assert shown[0] == ("Guide refresh failed", "disk full")
            balloon = messages.find("disk full", where="tray")
            assert (balloon.title, balloon.level) == ("Guide refresh failed", "warning")
            assert tray.refresh_action.isEnabled()
        finally:
            tray.uninstall()

    in_loop(body)


def test_play_pause_from_the_tray_and_hiding_pauses(
    qtbot, library, library_window, sample_video, probe
) -> None:
    window = library_window

    async def body() -> None:
        tray = make_tray(window, probe)
        try:
            window.play_location(str(sample_video))
            await wait_until(lambda: window.playback.state == PlaybackState.PLAYING)
            await wait_until(tray.play_action.isVisible)
            assert tray.play_action.text() == "Pause"
            assert tray.tooltip.endswith("\nPlaying: clip.mp4")
            tray.play_action.trigger()
            await wait_until(lambda: window.playback.state == PlaybackState.PAUSED)
            await wait_until(lambda: tray.play_action.text() == "Play")
            assert tray.tooltip.endswith("\nPaused: clip.mp4")
            tray.play_action.trigger()
            await wait_until(lambda: window.playback.state == PlaybackState.PLAYING)
            await wait_until(lambda: window.playback.position_ms() > 1000)

            # to the tray while playing: paused, and the spot saved
            window.close()
            await wait_until(lambda: not window.isVisible())
            await wait_until(lambda: window.playback.state == PlaybackState.PAUSED)
            saved = LibraryService(library).progress(window.playback.request.item_key)
            assert saved is not None and saved.position_ms > 1000
            # Play from the tray brings the window back
            tray.play_action.trigger()
            assert window.isVisible()
            await wait_until(lambda: window.playback.state == PlaybackState.PLAYING)
        finally:
            tray.uninstall()

    in_loop(body)


def test_quit_from_the_tray_saves_progress_like_closing(
    qtbot, library, library_window, sample_video, probe
) -> None:
    window = library_window

    async def body() -> None:
        tray = make_tray(window, probe)
        try:
            window.play_location(str(sample_video))
            await wait_until(lambda: window.playback.position_ms() > 2500)
            key = window.playback.request.item_key
            tray.hide_to_tray()
            window.playback.resume()  # playing while hidden (resumed by a key or the tray)
            await wait_until(lambda: window.playback.position_ms() > 4000)
            tray.quit_action.trigger()
            assert probe.quits == 1
            assert not window.isVisible() and not window._unsubscribe  # the window's close ran
            assert window.playback.request is None  # stopped
            saved = LibraryService(library).progress(key)
            assert saved is not None and saved.position_ms > 4000
            assert LibraryService(library).history()[0].ended_at is not None
        finally:
            tray.uninstall()

    in_loop(body)


def test_russian_texts(qtbot, window, probe) -> None:
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "cinema_ru.qm"))
    QCoreApplication.installTranslator(translator)
    previous = QLocale()
    QLocale.setDefault(QLocale("ru"))

    async def body() -> None:
        tray = make_tray(window, probe)
        panel = TraySettings(window.services, available=probe.available)
        qtbot.addWidget(panel)
        try:
            tray.sync()
            assert tray.toggle_action.text() == "Скрыть Cinema"
            assert tray.refresh_action.text() == "Обновить программу сейчас"
            assert tray.quit_action.text() == "Выйти из Cinema"
            assert tray.tr("%n new title(s) in the guide", "", 12) == "12 новых фильмов в программе"
            assert tray.tr("%n new title(s) in the guide", "", 1) == "1 новый фильм в программе"
            assert tray.tr("%n new title(s) in the guide", "", 3) == "3 новых фильма в программе"
            assert panel.close_to_tray.text() == "Закрытие окна оставляет Cinema в трее"
        finally:
            tray.uninstall()

    try:
        in_loop(body)
    finally:
        QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(previous)


def test_when_text_names_the_day_only_when_it_is_not_today(qtbot, window, probe, services) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale("ru"))
    probe.tray_there = False
    tray = make_tray(window, probe)
    try:
        now = datetime.now(UTC).astimezone()
        noon = now.replace(hour=12, minute=0, second=0, microsecond=0)
        services.clock = FixedClock(noon)
        assert tray.when_text(noon.replace(hour=21, minute=5)) == "at 21:05"
        assert tray.when_text(noon + timedelta(days=1, hours=-9)) == "tomorrow at 03:00"
        later = noon + timedelta(days=3)
        day = QLocale().toString(QDate(later.year, later.month, later.day), QLocale.FormatType.ShortFormat)
        assert tray.when_text(later) == f"on {day} at 12:00"
    finally:
        tray.uninstall()
        QLocale.setDefault(previous)


def test_install_tray_is_once_per_app(qtbot, window, probe) -> None:
    async def body() -> None:
        scheduler = RefreshScheduler(window.services)
        first = install_tray(window, window.services, scheduler)
        try:
            assert install_tray(window, window.services, scheduler) is first
        finally:
            first.uninstall()
        assert window.tray is None

    in_loop(body)


def test_tray_choices_are_saved_and_read_back(qtbot, window, probe, services) -> None:
    async def body() -> None:
        tray = make_tray(window, probe)
        panel = TraySettings(services, available=probe.available)
        qtbot.addWidget(panel)
        try:
            panel.close_to_tray.setChecked(False)
            panel.notifications.setChecked(False)
            tray.hide_to_tray()
            tray._first_close_hint()
            stored = json.loads(services.paths.settings_file.read_text("utf-8"))
            stored.pop("window_geometry", None)  # hidden to the tray, the window remembered its place
            assert stored == {"close_to_tray": False, "tray_notifications": False, "tray_hint_shown": True}
            again = load_settings(services.paths)
            assert not again.close_to_tray and not again.tray_notifications and again.tray_hint_shown
        finally:
            tray.uninstall()

    in_loop(body)


def _tray_on_display(env: dict[str, str]) -> bool:
    probe = "from PySide6.QtWidgets import QApplication, QSystemTrayIcon as T; a = QApplication([]); "
    probe += "print(T.isSystemTrayAvailable())"
    out = subprocess.run(
        [sys.executable, "-c", probe], check=False, env=env, capture_output=True, text=True, timeout=60
    )
    return out.stdout.strip() == "True"


def test_the_real_app_in_a_real_tray(tmp_path: Path, sample_video: Path) -> None:
    """run_gui under X with trayer: the icon docks, clicks toggle the window, closing goes to the
    tray and pauses, the menu's Quit ends the app with exit code 0 and the position saved."""
    if not os.environ.get("DISPLAY"):
        pytest.skip("needs an X display (make test runs under xvfb-run)")
    for tool in ("trayer", "xdotool"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (make test installs it: tools/system_deps.sh)")
    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "CINEMA_HOME": str(home),
        "CINEMA_LANGUAGE": "en",
        "CINEMA_DEMO_ENABLED": "false",
        "CINEMA_VLC_ARGS": "--vout=dummy --aout=dummy",
    }
    if _tray_on_display(env):
        pytest.skip("this display has a tray already: the test clicks with the mouse and wants its own")
    host = subprocess.Popen(
        ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "28"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    report_file = tmp_path / "report.json"
    try:
        run = subprocess.run(
            [
                sys.executable,
                str(Path(__file__).with_name("tray_app.py")),
                str(sample_video),
                str(report_file),
            ],
            check=False,
            env=env,
            capture_output=True,
            text=True,
            timeout=150,
        )
    finally:
        host.terminate()
        host.wait(10)
    assert report_file.exists(), run.stderr[-3000:]
    report = json.loads(report_file.read_text("utf-8"))
    assert "error" not in report, f"{report['error']}\n{run.stderr[-3000:]}"
    assert run.returncode == 0 and report["exit_code"] == 0
    assert report["icon"][0] > 0  # docked in the host at the screen's right edge
    assert report["quit_on_last_window_closed"] is False
    assert report["tooltip_playing"] == "Cinema — no TV guides to refresh\nPlaying: clip.mp4"
    assert report["paused_by_hiding"] is True
    status = "No TV guides to refresh"
    assert report["menu_shown"] == [status, "Hide Cinema", "Pause", "Refresh guides now", "Quit Cinema"]
    assert report["menu_hidden"] == [status, "Show Cinema", "Play", "Refresh guides now", "Quit Cinema"]
    assert report["tooltip_paused"].endswith("\nPaused: clip.mp4")
    # hidden means hidden: only the icon and its balloon are left (the player's panels went too)
    left = {entry.split()[0] for entry in report["windows_left_on_screen"]}
    assert left <= {"QSystemTrayIconSys", "QBalloonTip"}, report["windows_left_on_screen"]
    assert [title for title, _ in report["messages"]] == ["Cinema keeps running in the tray"]

    from app.bootstrap import build_services

    services = build_services(home, load_demo=False, console_log=False)
    try:
        key = media_key_for(str(sample_video.resolve()))
        saved = LibraryService(services).progress(key)
        assert saved is not None and saved.position_ms >= report["position_when_hidden_ms"] - 1000
        assert saved.position_ms > 1500
        entry = LibraryService(services).history()[0]
        assert entry.item_key == key and entry.ended_at is not None  # the session was closed
    finally:
        services.db.dispose()


def test_importing_the_tray_adds_nothing_heavy_to_start_up() -> None:
    """After the main window, app.ui.tray brings only itself: the guide stack, pydantic and
    SQLAlchemy are imported by a worker when the schedule is first read."""
    probe = (
        "import sys; import app.ui.main_window; before = set(sys.modules); import app.ui.tray; "
        "print(' '.join(sorted(set(sys.modules) - before)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    # the standard library does not count (asyncio comes after the first paint in any case)
    added = {
        m
        for m in out.stdout.split()
        if not m.startswith("PySide6") and m.split(".")[0] not in sys.stdlib_module_names
    }
    allowed = {
        "app.ui.tray",
        "app.ui.tray.icon",
        "app.ui.tray.closing",
        "app.ui.tray.status",
        "app.services.scheduler",  # its events; core and the context only (bootstrap has it already)
        "app.ui.app_icon",
        "app.ui.menu_style",
        "app.ui.components",  # an empty package
        "app.ui.components.tray_settings",
        "app.core.resources",
        "app.core.config",
        "app.core.events",
        "app.core.tasks",
        "app.services.context",
    }
    assert added <= allowed, sorted(added - allowed)


def test_the_hook_installs_the_tray_after_the_first_paint_or_soon_after_start(qtbot, window, probe) -> None:
    from app.ui.tray_hook import install_tray_after_first_paint

    services = window.services
    scheduler = RefreshScheduler(services)

    async def body() -> None:
        install_tray_after_first_paint(window, services, scheduler, fallback_ms=60_000)
        assert window.tray is None  # nothing before the first paint
        window.first_paint.painted.emit()
        tray = window.tray
        assert isinstance(tray, Tray)
        tray.uninstall()
        # a library with no poster row never paints one: the fallback timer installs it
        install_tray_after_first_paint(window, services, scheduler, fallback_ms=10)
        await wait_until(lambda: window.tray is not None)
        window.tray.uninstall()
        # a window closed by then (the start-up benchmark) gets no tray
        install_tray_after_first_paint(window, services, scheduler, fallback_ms=10)
        window.hide()
        await asyncio.sleep(0.1)
        assert window.tray is None

    in_loop(body)
