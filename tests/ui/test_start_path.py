"""The way to the first painted Home stays light: no SQLAlchemy, httpx, libtorrent, asyncio, VLC,
Pillow, rapidfuzz or lxml before it (each costs tens to hundreds of milliseconds at every start;
bench/startup.py has the figures), nor what loads right after it (the window's parts, the
providers, Qt's network module). A child process, as a returning user's start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "httpx", "libtorrent", "asyncio", "vlc", "PIL", "rapidfuzz", "lxml", "psycopg")
# installed or registered right after the first paint (MainWindow.install_parts from loop_started,
# bootstrap.register_providers, the single-instance server): ~100 ms together at every start
AFTER_PAINT = (
    "PySide6.QtNetwork",
    "app.ui.components.tv_hooks",
    "app.ui.components.open_anything",
    "app.ui.components.downloads_ui",
    "app.ui.components.top_bar_fit",
    "app.ui.components.library_ui",
    "app.ui.components.profile_button",  # the avatar at the first paint is profile_slot's stand-in
    "app.ui.widgets.avatar",
    "app.providers.registry",
    "app.providers.setup",
    "app.services.sources.registration",
    "app.services.sources.iptv",
    "app.services.library.series",
)
# loaded only when something on Home needs them: the series model and episodes' reads once a tile
# has episodes or episode progress (catalog_reads.series_with_episodes answers first); files played
# without a title, and discovery rows once fetched (catalog_reads.has_adhoc_progress, has_discovery_rows);
# the text search with the first words typed
ON_DEMAND = (
    "app.storage.episodes_repo",
    "app.domain.series",
    "app.storage.adhoc_repo",
    "app.storage.discovery_repo",
    "app.storage.search_repo",
    "app.services.library.search",
)

CHILD = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from app.bootstrap import build_services, build_window
services = build_services(sys.argv[1], with_scheduler=False, with_providers=False, console_log=False)
window = build_window(services, loop_starts_later=True)
window.show()
window.wait_first_paint(app)
assert window.first_paint.done, "Home did not paint"
print("LOADED " + ",".join(m for m in sys.argv[2].split(",") if m in sys.modules), flush=True)
import PySide6.QtWidgets as widgets
print("ALL_WIDGET_TYPES " + str("QWizard" in widgets.__dict__), flush=True)
"""


def test_home_paints_without_the_heavy_modules(tmp_path: Path) -> None:
    env = dict(os.environ, CINEMA_WELCOME_DONE="1", CINEMA_LANGUAGE="en", CINEMA_DISCOVERY_REFRESH_HOURS="0")
    home = tmp_path / "home"
    # the first start fills the demo library (that one writes with SQLAlchemy)
    subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(home), "library"],
        cwd=ROOT, env=env, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(home), ",".join(HEAVY + AFTER_PAINT + ON_DEMAND)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-2000:]
    line = next(x for x in out.stdout.splitlines() if x.startswith("LOADED"))
    assert line == "LOADED ", f"loaded before the first paint: {line.removeprefix('LOADED ')}"
    # a widget Qt made (a view's own viewport) reached from Python makes PySide create the type of
    # every QWidget subclass (~10 ms): the views on Home take a viewport made in Python (own_viewport)
    assert "ALL_WIDGET_TYPES False" in out.stdout
