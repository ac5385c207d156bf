"""EPG timeline benchmark (issue 13): 1,000 channels × 7 days.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python bench/epg_grid.py [--channels 1000 --days 7]

Generates a playlist of N channels (catch-up on most) and its XMLTV guide (programmes of 15 min
to 2 h, «Х/ф» films among them, +0300), imports them through the app once (cached under --work),
then in fresh processes on the same library:
  ours:  the TV page (channel list with now/next, the timeline through its off-thread block
         loader on a qasync loop) from construction to the first paint of the timeline with every
         visible row's programmes drawn; then 300 scroll steps (rows and half hours, to the end of
         the week) each painted, and the process's RSS (now and peak);
  floor: a bare QTableView over a QStandardItemModel of the same visible rows and hours, read
         with one query from the same database, from construction to its first paint.
Both warm Qt's common widgets first and ours its workers (a running app has both); the clock
starts at the page's (the table's) construction. Targets: first paint <= 2x the floor, scroll
repaint p95 <= 8 ms, RSS <= 250 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TITLES = ("Новости", "Время", "Доброе утро", "Т/с «Тайны следствия». 3 с.", "Поле чудес", "Погода",
          "Д/с «Необыкновенные люди»", "Пусть говорят", "Вечерний Ургант", "Спортивные новости")  # fmt: skip
FILMS = ("Х/ф «Белое солнце пустыни»", "Х/ф «Служебный роман»", "Х/ф «Брат»", "Х/ф «Кин-дза-дза!»",
         "Х/ф «Покровские ворота»", "М/ф «Ну, погоди!»", "Х/ф «Сталкер»", "Х/ф «Солярис»")  # fmt: skip


def generate(folder: Path, channels: int, days: int, start: datetime) -> tuple[Path, int]:
    rng = random.Random(7)
    folder.mkdir(parents=True, exist_ok=True)
    guide = folder / "guide.xml"
    count = 0
    msk = timedelta(hours=3)
    with open(guide, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tv>\n')
        for c in range(channels):
            out.write(f'<channel id="ch{c}"><display-name>Канал {c}</display-name></channel>\n')
        for c in range(channels):
            t = start
            end = start + timedelta(days=days)
            while t < end:
                film = rng.random() < 0.15
                length = timedelta(
                    minutes=rng.choice((90, 105, 120)) if film else rng.choice((15, 30, 30, 45, 60))
                )
                title = rng.choice(FILMS if film else TITLES)
                a, b = (
                    (t + msk).strftime("%Y%m%d%H%M%S +0300"),
                    (t + length + msk).strftime("%Y%m%d%H%M%S +0300"),
                )
                out.write(
                    f'<programme start="{a}" stop="{b}" channel="ch{c}"><title>{title}</title></programme>\n'
                )
                t += length
                count += 1
        out.write("</tv>\n")
    lines = [f'#EXTM3U url-tvg="{guide}" catchup="shift" catchup-days="7"']
    for c in range(channels):
        group = ("Общие", "Кино", "Спорт", "Детские", "Познавательные")[c % 5]
        lines += [
            f'#EXTINF:-1 tvg-id="ch{c}" group-title="{group}",Канал {c}',
            f"http://127.0.0.1:9/live/ch{c}/index.m3u8",
        ]
    playlist = folder / "list.m3u"
    playlist.write_text("\n".join(lines) + "\n", "utf-8")
    return playlist, count


def rss_mb() -> tuple[float, float]:
    status = Path("/proc/self/status").read_text()
    rss = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
    peak = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
    return rss / 1024, peak / 1024


def warm_qt() -> None:
    """Both processes first build (and drop) the same common widgets: Qt makes its enums and
    styles on first use (~30 ms), which a running app has long paid for."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import (
        QApplication,
        QComboBox,
        QLabel,
        QLineEdit,
        QListView,
        QPushButton,
        QSplitter,
        QTableView,
        QWidget,
    )  # fmt: skip

    QApplication.setQuitOnLastWindowClosed(False)  # closing the warm-up widget quits nothing
    holder = QWidget()
    for kind in (QComboBox, QLabel, QLineEdit, QListView, QPushButton, QSplitter, QTableView):
        kind(holder)
    table = QTableView(holder)
    table.setModel(QStandardItemModel(2, 2))
    table.viewport().setMouseTracking(False)  # PySide makes a scroll area's enums on first use
    table.verticalScrollBar().setValue(0)
    QLineEdit(holder).setClearButtonEnabled(True)
    holder.show()
    holder.close()
    holder.deleteLater()


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def child_ours(home: str, now_ts: int) -> dict[str, float]:
    import asyncio

    import qasync
    from PySide6.QtWidgets import QApplication

    t_import = time.perf_counter()
    app = QApplication([])
    from app.bootstrap import build_services
    from app.core.clock import FixedClock
    from app.ui.pages.tv_page import TvPage
    from app.ui.widgets.epg_timeline import PX_PER_MIN, ROW_H

    services = build_services(data_dir=home, load_demo=False, console_log=False)
    services.clock = FixedClock(datetime.fromtimestamp(now_ts, UTC))
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    result: dict[str, float] = {"imports_s": time.perf_counter() - t_import}

    async def run() -> None:
        from app.core.tasks import run_blocking

        warm_qt()
        for _ in range(4):  # the app's workers and their database connections are up already
            await asyncio.gather(*(run_blocking(services.db.execute, "SELECT 1") for _ in range(4)))
        t0 = time.perf_counter()
        page = TvPage(services)
        page.resize(1400, 860)
        page.refresh()  # as the navigator does: the page is asked for its data, then shown
        page.show()
        tl = page.timeline

        def full() -> bool:
            if page.channels.rowCount() == 0:
                return False
            first, last = tl.visible_rows()
            t_left, t_right = tl.visible_time()
            return all(page.epg.cells(r, t_left, t_right) is not None for r in range(first, last + 1))

        painted_full: list[float] = []
        paint = tl.paintEvent

        def watched(event: object) -> None:  # when a paint with every visible row's programmes ends
            paint(event)  # type: ignore[arg-type]
            if not painted_full and full():
                painted_full.append(time.perf_counter())

        tl.paintEvent = watched  # type: ignore[method-assign]
        while not painted_full:
            await asyncio.sleep(0.001)
            if time.perf_counter() - t0 > 60:
                raise RuntimeError("the timeline did not paint its programmes in 60 s")
        result["first_paint_ms"] = (painted_full[0] - t0) * 1000
        result["channels"] = page.channels.rowCount()
        # scroll: down by rows, then across the week, each step painted
        tl.paint_times_ms.clear()
        vbar, hbar = tl.verticalScrollBar(), tl.horizontalScrollBar()
        for _step in range(150):
            vbar.setValue(vbar.value() + ROW_H * 3)
            tl.viewport().repaint()
            await asyncio.sleep(0.004)
        for _step in range(150):
            hbar.setValue(hbar.value() + int(30 * PX_PER_MIN))
            tl.viewport().repaint()
            await asyncio.sleep(0.004)
        paints = list(tl.paint_times_ms)
        result["scroll_paints"] = len(paints)
        result["scroll_p50_ms"] = pct(paints, 50)
        result["scroll_p95_ms"] = pct(paints, 95)
        result["scroll_max_ms"] = max(paints)
        result["rss_mb"], result["peak_rss_mb"] = rss_mb()
        page.ops.shutdown(1.0)

    with loop:
        loop.run_until_complete(run())
    return result


def child_floor(home: str, now_ts: int) -> dict[str, float]:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication([])
    from app.storage.db import Database

    db = Database(Path(home) / "data" / "cinema.sqlite3")
    warm_qt()
    db.execute("SELECT 1")
    t0 = time.perf_counter()
    names = db.execute("SELECT id, name FROM channels WHERE stream_url IS NOT NULL ORDER BY position")
    visible = [cid for cid, _ in names[:16]]
    start = now_ts - now_ts % 1800 - 1800
    hours = 12  # half hours across the screen
    marks = ", ".join(f":c{i}" for i in range(len(visible)))
    rows = db.execute(
        f"SELECT channel_id, start, title FROM programmes WHERE channel_id IN ({marks}) "
        "AND start < :b AND coalesce(stop, start) > :a ORDER BY channel_id, start",
        {**{f"c{i}": c for i, c in enumerate(visible)}, "a": start, "b": start + hours * 1800},
    )
    model = QStandardItemModel(len(names), hours)
    model.setVerticalHeaderLabels([n for _, n in names])
    model.setHorizontalHeaderLabels(
        [time.strftime("%H:%M", time.localtime(start + i * 1800)) for i in range(hours)]
    )
    index = {cid: i for i, cid in enumerate(visible)}
    for cid, begin, title in rows:
        col = max(0, (begin - start) // 1800)
        if col < hours:
            model.setItem(index[cid], col, QStandardItem(title))
    painted: list[float] = []

    class Table(QTableView):
        def paintEvent(self, event: object) -> None:  # type: ignore[override]
            super().paintEvent(event)  # type: ignore[arg-type]
            if not painted:  # when the first paint ends, as for ours
                painted.append(time.perf_counter())

    view = Table()
    view.setModel(model)
    view.resize(1400, 860)
    view.show()
    while not painted:
        app.processEvents()
    first = (painted[0] - t0) * 1000
    for _ in range(5):
        app.processEvents()
    times = []
    for _ in range(300):
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 3)
        began = time.perf_counter()
        view.viewport().repaint()
        times.append((time.perf_counter() - began) * 1000)
    return {"first_paint_ms": first, "scroll_p95_ms": pct(times, 95), "rss_mb": rss_mb()[0]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--channels", type=int, default=1000)
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default="/tmp/cinema-bench-epg-grid")
    parser.add_argument("--child", choices=("ours", "floor"))
    parser.add_argument("--home")
    parser.add_argument("--now", type=int)
    args = parser.parse_args()
    if args.child:
        fn = child_ours if args.child == "ours" else child_floor
        print(json.dumps(fn(args.home, args.now)))
        return
    work = Path(args.work) / f"{args.channels}x{args.days}"
    start = datetime(2026, 12, 1, tzinfo=UTC)
    now = start + timedelta(days=args.days // 2, hours=18, minutes=40)
    home = work / "home"
    stamp = work / "imported"
    if not stamp.exists():
        from app.bootstrap import build_services
        from app.core.clock import FixedClock
        from app.services.guide import refresh as epg_refresh

        t0 = time.perf_counter()
        playlist, count = generate(work, args.channels, args.days, start)
        services = build_services(data_dir=home, load_demo=False, console_log=False)
        services.clock = FixedClock(now)
        result = epg_refresh.import_location(services, str(playlist))
        stamp.write_text(json.dumps({"programmes": result.programmes, "channels": result.channels}))
        print(f"generated and imported {count} programmes on {result.channels} channels "
              f"in {time.perf_counter() - t0:.0f} s")  # fmt: skip
    info = json.loads(stamp.read_text())
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{info['channels']} channels, {info['programmes']} programmes ({args.days} days); load {load}")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "xcb")}
    ours, floor = [], []
    for _ in range(args.runs):
        for which, into in (("floor", floor), ("ours", ours)):
            out = subprocess.run(
                [sys.executable, __file__, "--child", which, "--home", str(home),
                 "--now", str(int(now.timestamp()))],
                capture_output=True, text=True, env=env, check=True,
            )  # fmt: skip
            into.append(json.loads(out.stdout.strip().splitlines()[-1]))

    def med(rows: list[dict[str, float]], key: str) -> float:
        return sorted(r[key] for r in rows)[len(rows) // 2]

    first, base = med(ours, "first_paint_ms"), med(floor, "first_paint_ms")
    print(f"first painted timeline: ours {first:.0f} ms | bare QTableView floor {base:.0f} ms "
          f"-> {first / base:.2f}x (target <= 2x)")  # fmt: skip
    p50, p95 = med(ours, "scroll_p50_ms"), med(ours, "scroll_p95_ms")
    print(f"scroll repaint: p50 {p50:.2f} ms, p95 {p95:.2f} ms, "
          f"max {med(ours, 'scroll_max_ms'):.2f} ms over {med(ours, 'scroll_paints'):.0f} paints "
          f"(target p95 <= 8 ms) | floor p95 {med(floor, 'scroll_p95_ms'):.2f} ms")  # fmt: skip
    rss, peak = med(ours, "rss_mb"), med(ours, "peak_rss_mb")
    print(f"RSS after scrolling the week: {rss:.0f} MB, peak {peak:.0f} MB "
          f"(target <= 250 MB) | floor {med(floor, 'rss_mb'):.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
