"""Screenshots of Settings › Sync between devices and the tray's sync line (issue 17).

A real PostgreSQL cluster on loopback (tests/fakes/postgres.py) behind a TCP proxy: the section
connects, then the network goes away while two changes wait, and the section and the tray menu
are grabbed as they say so:

    X='xvfb-run -a -s "-screen 0 1400x1000x24"'
    $X .venv/bin/python tests/ui/sync_screenshots.py ru docs/screenshots
    $X .venv/bin/python tests/ui/sync_screenshots.py en docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main(lang: str, out: Path) -> None:
    import os

    os.environ["CINEMA_LANGUAGE"] = lang
    from PySide6.QtWidgets import QApplication, QFrame, QMenu, QVBoxLayout

    from app.bootstrap import _load_translations, build_services
    from app.core.resources import resources_dir
    from app.domain.sync import ServerAddress, SyncState
    from app.storage import watchlist_repo
    from app.ui.components.sync_settings import SyncSettings
    from app.ui.tray.sync_line import SyncLine
    from tests.fakes.postgres import PostgresCluster, find_bindir
    from tests.fakes.tcp_proxy import TcpProxy

    app = QApplication.instance() or QApplication(sys.argv[:1])
    bindir = find_bindir()
    assert bindir is not None, "PostgreSQL server binaries not found"
    cluster = PostgresCluster(bindir).start()
    proxy = None
    services = None
    try:
        real = ServerAddress.parse(cluster.create_database("cinema"))
        proxy = TcpProxy("127.0.0.1", real.port)
        home = Path(tempfile.mkdtemp(prefix="cinema-shots-"))
        services = build_services(home, load_demo=False, console_log=False)
        _load_translations(app, lang)
        app.setStyleSheet((resources_dir() / "theme" / "dark.qss").read_text("utf-8"))  # type: ignore[attr-defined]
        page = QFrame()
        page.setObjectName("Page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(36, 24, 36, 24)
        section = SyncSettings(services)
        layout.addWidget(section)
        page.resize(1000, 380)
        page.show()
        menu = QMenu()
        first = menu.addAction(
            "Следующее обновление программы в 21:00" if lang == "ru" else "Next guide refresh at 21:00"
        )
        first.setEnabled(False)
        menu.addSeparator()
        menu.addAction("Скрыть Cinema" if lang == "ru" else "Hide Cinema")
        menu.addAction("Выйти из Cinema" if lang == "ru" else "Quit Cinema")
        line = SyncLine(menu, first, services)

        def settle(check: object, seconds: float = 30) -> None:
            end = time.monotonic() + seconds
            while time.monotonic() < end and not check():  # type: ignore[operator]
                app.processEvents()
                time.sleep(0.02)

        section.address.setText(
            f"postgresql://{real.user}@127.0.0.1:{proxy.port}/{real.database}?sslmode=disable"
        )
        section.connect_button.click()
        settle(lambda: services.sync is not None and section.sync_button.isVisible())
        proxy.block()
        settle(lambda: services.sync is not None and services.sync.status().state == SyncState.OFFLINE)
        services.db.execute(
            "INSERT INTO titles (id, kind, title, added_at, updated_at) "
            "VALUES ('tmdb:movie:603', 'film', 'М', 0, 0)"
        )
        now = datetime.now(UTC)
        watchlist_repo.set_in_watchlist(services.db, services.profile_id, "tmdb:movie:603", True, now)
        watchlist_repo.set_watched(services.db, services.profile_id, "tmdb:movie:603", True, now)
        settle(lambda: " 2 " in section.state.text() and section.error.isVisible())
        section.refresh()
        settle(lambda: False, 0.5)
        out.mkdir(parents=True, exist_ok=True)
        page.grab().save(str(out / f"settings-sync-{lang}.png"))
        menu.popup(page.mapToGlobal(page.rect().center()))
        settle(lambda: "2" in line.action.text())
        settle(lambda: False, 0.3)
        menu.grab().save(str(out / f"tray-sync-{lang}.png"))
        menu.close()
    finally:
        if services is not None and services.sync is not None:
            services.sync.stop(1.0)
        if proxy is not None:
            proxy.close()
        cluster.stop()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
