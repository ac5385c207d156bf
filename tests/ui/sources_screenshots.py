"""Screenshots of a title page with ranked sources and the *why first* view (issue 14).

Drives the real window under Xvfb against the loopback fakes (Jackett's caps and search,
Torrentio's manifest and streams, Rutube) and one own link, opens the title, waits for every
provider, opens "Why first?" and grabs the window:

    X='xvfb-run -a -s "-screen 0 1400x1000x24"'
    $X .venv/bin/python tests/ui/sources_screenshots.py ru docs/screenshots
    $X .venv/bin/python tests/ui/sources_screenshots.py en docs/screenshots
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main(lang: str, out: Path) -> None:
    os.environ["CINEMA_LANGUAGE"] = lang
    import qasync
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import _load_translations, build_services, build_window
    from app.providers.base import Capability
    from app.providers.streams.http import LoopClients
    from app.providers.streams.rutube.provider import RutubeProvider
    from app.providers.streams.stremio.manifest import parse_manifest
    from app.providers.streams.stremio.provider import StremioAddon
    from app.providers.streams.torznab.provider import TorznabProvider
    from app.services.sources.links import add_link
    from app.storage import sources_repo, titles_repo
    from tests.fakes.stream_servers import GOOD_KEY, FakeStreamServers, rutube_video

    fakes = FakeStreamServers()
    fakes.start()
    fakes.rutube_videos = [rutube_video("a" * 32, "Матрица (1999) фильм целиком", 136 * 60)]
    home = Path(tempfile.mkdtemp(prefix="cinema-shots-"))
    services = build_services(home, load_demo=False, console_log=False)
    titles_repo.upsert_titles(services.db, [{
        "id": "tmdb:movie:603", "kind": "film", "title": "Матрица" if lang == "ru" else "The Matrix",
        "original_title": "The Matrix", "year": 1999, "runtime": 136, "imdb_id": "tt0133093", "tmdb_id": 603,
        "rating": 8.2, "votes": 25000,
        "genres": '["фантастика", "боевик"]' if lang == "ru" else '["Sci-Fi", "Action"]',
        "overview": (
            "Хакер Нео узнаёт, что его мир — симуляция."
            if lang == "ru"
            else "Neo learns his world is a simulation."
        ),
        "director": "Lana Wachowski", "added_at": 1, "updated_at": 1,
    }])  # fmt: skip
    for p in list(services.providers.all()):
        if Capability.STREAM_SEARCH in p.manifest.capabilities and p.manifest.id not in ("user",):
            services.providers.unregister(p.manifest.id)
    clients = LoopClients(10)
    jackett = fakes.url("/jackett/api/v2.0/indexers/rutracker/results/torznab/")
    services.providers.register(
        TorznabProvider("torznab:jackett", "Jackett", jackett, lambda: GOOD_KEY, clients)
    )
    addon = parse_manifest(fakes.stremio_manifest)
    services.providers.register(
        StremioAddon("stremio:torrentio", addon, lambda: fakes.url("/torrentio/manifest.json"), clients)
    )
    services.providers.register(RutubeProvider(fakes.url("/rutube"), clients))
    for pid, kind, name in (
        ("torznab:jackett", "torznab", "Jackett"),
        ("stremio:torrentio", "stremio", "Torrentio"),
    ):
        sources_repo.ensure_provider(services.db, pid, kind, name, 1)

    app = QApplication([])
    app.setStyleSheet((ROOT / "resources" / "theme" / "dark.qss").read_text("utf-8"))
    translator = _load_translations(app, lang)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    win = build_window(services)
    win.resize(1400, 1000)
    win.show()

    async def scenario() -> None:
        await add_link(services, "tmdb:movie:603", fakes.url("/media/matrix.m3u8"))
        await asyncio.sleep(1.0)
        win.open_title("tmdb:movie:603")
        await asyncio.sleep(3.0)
        page = win.navigator.built("title")
        panel = page.findChild(object, "") if page is None else None
        from app.ui.components.title_sources import TitleSources

        panel = page.findChildren(TitleSources)[0]
        scroll = page.findChildren(__import__("PySide6.QtWidgets", fromlist=["QScrollArea"]).QScrollArea)[0]
        scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
        await asyncio.sleep(0.5)
        win.grab().save(str(out / f"title-sources-{lang}.png"))
        panel.why_button.setChecked(True)
        await asyncio.sleep(0.5)
        scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
        await asyncio.sleep(0.5)
        win.grab().save(str(out / f"why-first-{lang}.png"))
        page2 = win.navigator.navigate("settings")
        await asyncio.sleep(1.5)
        from app.ui.components.stream_providers import StreamProvidersSettings

        settings = page2.findChildren(StreamProvidersSettings)[0]
        settings.scan()
        await asyncio.sleep(2.5)
        settings_scroll = page2.findChildren(
            __import__("PySide6.QtWidgets", fromlist=["QScrollArea"]).QScrollArea
        )[0]
        settings_scroll.ensureWidgetVisible(settings, 0, 0)
        await asyncio.sleep(0.5)
        win.grab().save(str(out / f"settings-sources-{lang}.png"))
        app.quit()

    with loop:
        loop.run_until_complete(scenario())
    del translator
    fakes.stop()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
