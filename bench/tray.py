"""What the tray costs the GUI thread: importing app.ui.tray, building the Tray, one sync().

Each figure is printed beside a floor measured in the same run: a bare QSystemTrayIcon with a
QMenu of five QActions (what any tray icon costs). Needs X and a tray host:

    xvfb-run -a -s "-screen 0 1600x1000x24" bash -c \\
      'trayer --edge top --align right --widthtype request --height 28 & sleep 1;
       QT_QPA_PLATFORM=xcb .venv/bin/python bench/tray.py --runs 15; kill %1'
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

IMPORT_PROBE = """
import sys, time
import app.ui.main_window
before = set(sys.modules)
t = time.perf_counter()
import app.ui.tray
print(time.perf_counter() - t)
print(" ".join(sorted(m for m in set(sys.modules) - before if not m.startswith("PySide6"))))
"""


def import_cost(runs: int) -> tuple[float, str]:
    times, modules = [], ""
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", IMPORT_PROBE], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout.splitlines()
        times.append(float(out[0]))
        modules = out[1] if len(out) > 1 else ""
    return statistics.median(times) * 1000, modules


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    os.environ.setdefault("CINEMA_HOME", tempfile.mkdtemp(prefix="cinema-bench-tray-"))

    import_ms, new_modules = import_cost(5)

    import qasync
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

    from app.bootstrap import build_services, build_window
    from app.services.scheduler import RefreshScheduler
    from app.ui.app_icon import app_icon
    from app.ui.tray import Tray

    app = QApplication(sys.argv[:1])
    if not QSystemTrayIcon.isSystemTrayAvailable():
        sys.exit("no system tray on this display: start a tray host first (see the docstring)")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    services = build_services(load_demo=True, console_log=False)
    window = build_window(services)
    window.show()
    scheduler = RefreshScheduler(services)
    icon = app_icon()

    def floor_once() -> float:
        t = time.perf_counter()
        menu = QMenu()
        for text in ("a", "b", "c", "d", "e"):
            menu.addAction(QAction(text, menu))
        bare = QSystemTrayIcon(icon)
        bare.setContextMenu(menu)
        bare.setToolTip("Cinema")
        bare.show()
        spent = time.perf_counter() - t
        bare.hide()
        bare.deleteLater()
        menu.deleteLater()
        return spent

    def ours_once() -> tuple[float, float]:
        t = time.perf_counter()
        tray = Tray(window, services, scheduler)
        built = time.perf_counter() - t
        t = time.perf_counter()
        tray.sync()
        synced = time.perf_counter() - t
        tray.uninstall()
        tray.deleteLater()
        return built, synced

    async def measure() -> tuple[list[float], list[float], list[float]]:
        await asyncio.sleep(0.5)
        floor, ours, syncs = [], [], []
        for _ in range(args.runs):
            floor.append(floor_once())
            await asyncio.sleep(0.05)
            built, synced = ours_once()
            ours.append(built)
            syncs.append(synced)
            await asyncio.sleep(0.05)
        return floor, ours, syncs

    with loop:
        floor, ours, syncs = loop.run_until_complete(measure())
    window.shutdown()
    services.db.dispose()

    def ms(values: list[float]) -> str:
        return f"median {statistics.median(values) * 1000:.2f} ms, max {max(values) * 1000:.2f} ms"

    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average {load} (shared machine)")
    print(f"import app.ui.tray after app.ui.main_window: {import_ms:.1f} ms (median of 5 processes)")
    print(f"  modules it adds (besides PySide6): {new_modules}")
    print(f"Tray(...) on the GUI thread, {args.runs} runs: {ms(ours)}")
    print(f"  floor, bare QSystemTrayIcon + QMenu of 5 actions: {ms(floor)}")
    print(f"Tray.sync() (menu texts + tooltip): {ms(syncs)}")


if __name__ == "__main__":
    main()
