"""The screenshot scripts' app: the dark theme, the language's translations, a qasync loop."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
_kept: list[Any] = []  # the translators stay installed while the script runs


def shot_app(lang: str) -> tuple[Any, asyncio.AbstractEventLoop]:
    """A QApplication styled and translated as the app's, and its qasync loop (set as current)."""
    import qasync
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import _load_translations

    app = QApplication([])
    app.setStyleSheet((ROOT / "resources" / "theme" / "dark.qss").read_text("utf-8"))
    _kept.append(_load_translations(app, lang))
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    return app, loop
