"""The real app with its tray under X and a real tray host, driven as a person would.

Starts ``app.bootstrap.run_gui`` (playing FILE), installs the tray as run_gui does once it is wired
(``install_tray``; a second install is a no-op), then: waits for the icon to dock in the tray
host, clicks it with xdotool (hide, show), closes the window (it goes to the tray, the video
pauses), right-clicks the icon, grabs the screen with the menu open (SHOT; MESSAGE_SHOT: the
balloon after closing), and clicks "Quit" in the menu. What it saw goes to REPORT as JSON; the
process exits with run_gui's code.

    xvfb-run -a -s "-screen 0 1600x1000x24" bash -c \\
      'trayer --edge top --align right --widthtype request --height 28 & sleep 1;
       QT_QPA_PLATFORM=xcb CINEMA_HOME=$(mktemp -d) .venv/bin/python tests/ui/tray_app.py \\
         resources/demo/sample.mp4 /tmp/report.json docs/screenshots/tray-menu.png [MESSAGE_SHOT]'
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


async def until(what: str, predicate: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for: {what}")
        await asyncio.sleep(0.05)


def xdotool(*args: str) -> None:
    # run to its end here (a few ms): the last click quits the app, and an asyncio child
    # watcher would then report to a loop that has stopped
    subprocess.run(["xdotool", *args], check=True, timeout=10)


def main(video: str, report_path: Path, shot: Path | None, message_shot: Path | None) -> int:
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon

    app = QApplication(sys.argv[:1])
    deadline = time.monotonic() + 15
    while not QSystemTrayIcon.isSystemTrayAvailable():  # the tray host may still be starting
        if time.monotonic() > deadline:
            report_path.write_text(json.dumps({"error": "no system tray"}))
            return 3
        app.processEvents()
        time.sleep(0.1)

    from app import bootstrap
    from app.services import scheduler as scheduler_module
    from app.ui.main_window import MainWindow
    from app.ui.tray import Tray, install_tray

    report: dict[str, Any] = {"messages": []}
    tasks: list[asyncio.Future[None]] = []
    start = scheduler_module.RefreshScheduler.start

    def start_and_install(self: Any, first_delay_s: float = 30.0) -> None:
        start(self, first_delay_s)
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        tray = install_tray(window, window.services, self)
        tray.messageShown.connect(lambda title, text: report["messages"].append([title, text]))
        tasks.append(asyncio.ensure_future(drive(app, window, tray)))

    async def drive(app: QApplication, window: MainWindow, tray: Tray) -> None:
        try:
            await scenario(app, window, tray)
        except Exception as exc:  # say what failed, and end the app so the test can read it
            report["error"] = f"{type(exc).__name__}: {exc}"
            tray.quit()

    def click_icon(tray: Tray, button: str) -> None:
        assert tray.icon is not None
        centre = tray.icon.geometry().center()
        xdotool("mousemove", str(centre.x()), str(centre.y()), "click", button)

    async def open_menu(tray: Tray) -> list[str]:
        click_icon(tray, "3")
        await until("the menu open", tray.menu.isVisible)
        await asyncio.sleep(0.3)
        return [a.text() for a in tray.menu.actions() if a.isVisible() and not a.isSeparator()]

    async def scenario(app: QApplication, window: MainWindow, tray: Tray) -> None:
        window.setGeometry(320, 40, 1240, 760)  # under the menu, for the screenshot
        # the icon is a window of its own at (0, 0) until the host embeds it (XEmbed)
        await until(
            "the icon docked", lambda: tray.icon is not None and not tray.icon.geometry().topLeft().isNull()
        )
        assert tray.icon is not None
        await asyncio.sleep(0.5)
        report["icon"] = list(tray.icon.geometry().getRect())
        report["quit_on_last_window_closed"] = QApplication.quitOnLastWindowClosed()
        await until(
            "playing",
            lambda: (
                window.playback_started
                and window.playback.state == "playing"
                and window.playback.position_ms() > 1500
            ),
        )
        report["tooltip_playing"] = tray.icon.toolTip()
        click_icon(tray, "1")  # a left click hides the window ...
        await until("hidden by a click", lambda: not window.isVisible())
        await asyncio.sleep(QApplication.doubleClickInterval() / 1000 + 0.2)  # not a double click
        click_icon(tray, "1")  # ... and brings it back
        await until("shown by a click", window.isVisible)
        report["paused_by_hiding"] = window.playback.state == "paused"
        window.playback.resume()  # Space, as a person would
        await until("playing again", lambda: window.playback.state == "playing")
        await asyncio.sleep(1.0)  # the player's controls fade
        report["menu_shown"] = await open_menu(tray)
        if shot is not None:
            screen = app.primaryScreen()
            width = screen.geometry().width()
            left = max(0, tray.menu.geometry().left() - 560)
            screen.grabWindow(0, left, 0, width - left, tray.menu.geometry().bottom() + 80).save(str(shot))
        xdotool("key", "Escape")
        await until("the menu closed", lambda: not tray.menu.isVisible())
        window.close()  # the window's close button: to the tray
        await until("hidden by closing", lambda: not window.isVisible())
        await until("paused", lambda: window.playback.state == "paused")
        report["closed_to_tray"] = True
        report["position_when_hidden_ms"] = window.playback.position_ms()
        report["windows_left_on_screen"] = [
            f"{w.metaObject().className()} {list(w.geometry().getRect())}"
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w is not tray.menu
        ]
        await asyncio.sleep(0.5)  # the balloon
        if message_shot is not None:
            screen = app.primaryScreen()
            width = screen.geometry().width()
            screen.grabWindow(0, width - 760, 0, 760, 200).save(str(message_shot))
        report["menu_hidden"] = await open_menu(tray)
        report["tooltip_paused"] = tray.icon.toolTip()
        quit_at = tray.menu.actionGeometry(tray.quit_action).center()
        quit_at = tray.menu.mapToGlobal(quit_at)
        xdotool("mousemove", str(quit_at.x()), str(quit_at.y()), "click", "1")

    scheduler_module.RefreshScheduler.start = start_and_install  # type: ignore[method-assign]
    code = bootstrap.run_gui(os.environ.get("CINEMA_HOME"), play=video)
    report["exit_code"] = code
    report_path.write_text(json.dumps(report, ensure_ascii=False, indent=2), "utf-8")
    return code


if __name__ == "__main__":
    shots = [Path(a) for a in sys.argv[3:5]] + [None, None]
    sys.exit(main(sys.argv[1], Path(sys.argv[2]), shots[0], shots[1]))
