"""Screenshots of Home, the filtered grid, search (with suggestions) and a title page.

Drives the real window on the demo library under Xvfb, as a person would (keys typed into the
search field one by one), and grabs the window (the whole screen for the suggestions popup):

    X='xvfb-run -a -s "-screen 0 1400x900x24"'
    $X .venv/bin/python tests/ui/catalog_screenshots.py ru docs/screenshots носфирату
    $X .venv/bin/python tests/ui/catalog_screenshots.py en docs/screenshots metropols
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main(lang: str, out: Path, word: str) -> None:
    os.environ["CINEMA_LANGUAGE"] = lang
    import qasync
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import _load_translations, build_services, build_window
    from app.services.library.catalog import CatalogFilter

    home = Path(tempfile.mkdtemp(prefix="cinema-shots-"))
    services = build_services(home, load_demo=True, console_log=False)
    app = QApplication([])
    app.setStyleSheet((ROOT / "resources" / "theme" / "dark.qss").read_text("utf-8"))
    translator = _load_translations(app, lang)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    win = build_window(services)
    win.resize(1400, 900)
    win.show()

    async def shot(name: str, wait: float = 1.2) -> None:
        await asyncio.sleep(wait)
        win.grab().save(str(out / f"{name}-{lang}.png"))

    async def scenario() -> None:
        await shot("home", 2.5)
        win.show_filtered(CatalogFilter(kinds=("film",), sort="rating", rating_min=7.0), "")
        await shot("grid")
        win.show_home()
        await asyncio.sleep(0.3)
        win.focus_search()
        for ch in word:  # typed, so textEdited fires per key as with a keyboard
            press = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(win.search, press)
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.8)
        screen = app.primaryScreen()
        assert screen is not None
        screen.grabWindow(0).save(str(out / f"search-{lang}.png"))
        win.search.popup.hide()
        win.open_title(win.grid.model.ids()[0])
        await shot("title", 2)
        win.close()

    with loop:
        loop.run_until_complete(scenario())
    del translator
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), sys.argv[3])
