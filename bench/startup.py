"""Start-up and grid benchmark: process start -> first painted grid, scroll repaint, RSS.

Each figure is printed beside a floor measured in the same run: a bare QApplication with a
QListView (IconMode, QStringListModel, default delegate) of the same number of rows.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PY = sys.executable


def _rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def _child_lines(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[float, float]:
    """(seconds from start to the child's first paint, its RSS then in MB)."""
    started = time.monotonic()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=cwd
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("first-paint"):
            parts = line.split()
            painted, rss_kb = float(parts[1]), int(parts[3])
            proc.wait(30)
            return painted - started, rss_kb / 1024
    proc.wait(30)
    raise RuntimeError(f"no first paint from {cmd}")


FLOOR_SCRIPT = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QSize, QStringListModel, QTimer
from PySide6.QtWidgets import QApplication, QListView
n = int(sys.argv[1])
app = QApplication(sys.argv[:1])
view = QListView()
view.setViewMode(QListView.ViewMode.IconMode)
view.setUniformItemSizes(True)
view.setGridSize(QSize(204, 356))
view.setModel(QStringListModel([f"Title {i}" for i in range(n)]))
class W(QObject):
    done = False
    def eventFilter(self, o, e):
        if not self.done and e.type() == QEvent.Type.Paint:
            self.done = True
            rss = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmRSS:'))
            print(f"first-paint {time.monotonic():.6f} rss_kb {rss}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
w = W()
view.viewport().installEventFilter(w)
view.resize(1400, 900)
view.show()
app.exec()
"""


def child_env() -> dict[str, str]:
    """The children start as a user's app does on every start after the first: with bytecode.

    A shell with PYTHONDONTWRITEBYTECODE would make every start compile our ~40 modules from
    source (~50 ms here), which no installed copy or bundle ever does. The welcome was finished.
    """
    # welcome_done: a returning user's start (the first run opens the welcome, not Home's posters)
    env = dict(os.environ, CINEMA_REPORT_FIRST_PAINT="exit", CINEMA_LANGUAGE="en", CINEMA_WELCOME_DONE="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def startup(home: Path | None, rows: int, runs: int) -> tuple[list[float], list[float], float, float]:
    env = child_env()
    ours, floor, ours_rss, floor_rss = [], [], 0.0, 0.0
    # One discarded start of each: writes the bytecode caches and warms the page cache.
    _child_lines([PY, "-c", FLOOR_SCRIPT, str(rows)], env)
    _child_lines([PY, "-m", "app", "--data-dir", str(home)], env)
    for _ in range(runs):
        t, floor_rss = _child_lines([PY, "-c", FLOOR_SCRIPT, str(rows)], env)
        floor.append(t)
        t, ours_rss = _child_lines([PY, "-m", "app", "--data-dir", str(home)], env)
        ours.append(t)
    return ours, floor, ours_rss, floor_rss


def repaint_child(home: str, mode: str) -> None:
    """Scroll a 1400x900 grid page by page and time synchronous repaints (runs in a child)."""
    import asyncio

    import qasync
    from PySide6.QtCore import QSize, QStringListModel
    from PySide6.QtWidgets import QApplication, QListView

    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    if mode == "floor":
        from app.bootstrap import build_services
        from app.storage import catalog_reads

        n = catalog_reads.count_titles(build_services(home, load_demo=False, console_log=False).db)
        view = QListView()
        view.setViewMode(QListView.ViewMode.IconMode)
        view.setUniformItemSizes(True)
        view.setGridSize(QSize(204, 356))
        view.setModel(QStringListModel([f"Title {i}" for i in range(n)]))
        widget = view
    else:
        from app.bootstrap import build_services, build_window

        services = build_services(home, load_demo=False, console_log=False)
        widget = build_window(services)
        widget.show_grid()  # the app opens on Home; the grid is what this scrolls
        view = widget.grid.view
    widget.resize(1400, 900)
    widget.show()

    async def scenario() -> None:
        await asyncio.sleep(0.5)
        bar = view.verticalScrollBar()
        times = []
        for _ in range(2):  # first pass decodes posters, second is the steady state
            times = []
            bar.setValue(0)
            for step in range(120):
                bar.setValue(step * 360)
                await asyncio.sleep(0.02)  # posters arrive
                t0 = time.perf_counter()
                view.viewport().repaint()
                times.append((time.perf_counter() - t0) * 1000)
        rss = _rss_kb()
        times.sort()
        p50 = statistics.median(times)
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"repaint {p50:.2f} {p95:.2f} rss_kb {rss}", flush=True)

    with loop:
        loop.run_until_complete(scenario())


def repaint(home: Path, mode: str) -> tuple[float, float, float]:
    out = subprocess.run(
        [PY, __file__, "--repaint-child", mode, str(home)],
        capture_output=True, text=True, cwd=ROOT, check=True, env=dict(os.environ, CINEMA_LANGUAGE="en"),
    ).stdout  # fmt: skip
    line = next(x for x in out.splitlines() if x.startswith("repaint"))
    _, p50, p95, _, rss = line.split()
    return float(p50), float(p95), int(rss) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--titles", type=int, default=20000)
    parser.add_argument("--repaint-child", nargs=2, metavar=("MODE", "HOME"))
    args = parser.parse_args()
    if args.repaint_child:
        repaint_child(args.repaint_child[1], args.repaint_child[0])
        return
    from bench.library_gen import generate

    with tempfile.TemporaryDirectory(prefix="cinema-bench-") as tmp:
        demo_home = Path(tmp) / "demo"
        subprocess.run(
            [PY, "-m", "app", "--data-dir", str(demo_home), "library"],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip  (first start fills the demo)
        big_home = generate(Path(tmp) / "big", args.titles)
        os.sync()  # the generated library's writes are flushed before anything is timed
        time.sleep(1.0)
        print(f"{'case':34} {'ours (median)':>14} {'floor (median)':>15} {'ratio':>6}")
        for name, home, rows in (
            ("demo library", demo_home, 22),
            (f"{args.titles} titles", big_home, args.titles),
        ):
            ours, floor, ours_rss, floor_rss = startup(home, rows, args.runs)
            mo, mf = statistics.median(ours), statistics.median(floor)
            print(f"start -> first paint, {name:20} {mo * 1000:11.0f} ms {mf * 1000:12.0f} ms {mo / mf:6.2f}")
            print(f"RSS at first paint, {name:22} {ours_rss:11.0f} MB {floor_rss:12.0f} MB")
        p50, p95, rss = repaint(big_home, "ours")
        f50, f95, frss = repaint(big_home, "floor")
        print(
            f"scroll repaint p50 / p95 ({args.titles})    {p50:6.2f} / {p95:5.2f} ms"
            f"   {f50:5.2f} / {f95:5.2f} ms"
        )
        print(f"RSS after scrolling 2x{120} pages          {rss:11.0f} MB {frss:12.0f} MB")


if __name__ == "__main__":
    main()
