"""Screenshots of issue 18's screens at 1024×600: the welcome, Settings › Keys, Downloads, the
subtitle search and the title page (with a resume point), on the demo library with loopback fakes
(TMDB, OpenSubtitles, a libtorrent seeder), as a person would see them:

    X='xvfb-run -a -s "-screen 0 1400x900x24"'
    $X .venv/bin/python tests/ui/desktop_screenshots.py ru docs/screenshots
    $X .venv/bin/python tests/ui/desktop_screenshots.py en docs/screenshots
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


def main(lang: str, out: Path) -> None:
    os.environ["CINEMA_LANGUAGE"] = lang
    os.environ["CINEMA_VLC_ARGS"] = "--vout=dummy --aout=dummy"
    import qasync
    from PySide6.QtWidgets import QApplication, QScrollArea

    from app.bootstrap import _load_translations, build_services, build_window
    from app.engines.torrent.session import SessionConfig
    from app.services import demo
    from app.services.library.progress import LibraryService
    from app.services.sources.torrent_stream import StreamingService
    from app.storage import torrent_repo
    from app.ui.components import welcome_ui
    from tests.fakes.opensubtitles_server import GOOD_KEY, FakeOpenSubtitles, FakeSubtitle
    from tests.fakes.swarm import LibtorrentSeeder, info_hash, magnet, make_torrent, make_video
    from tests.fakes.tmdb_server import GOOD_TOKEN, FakeTmdb

    home = Path(tempfile.mkdtemp(prefix="cinema-shots-"))
    tmdb = FakeTmdb()
    tmdb.start()
    subs = FakeOpenSubtitles(
        [
            FakeSubtitle(301, "ru", "Metropolis.1927.Restored.DVDRip.Rus", 4_200, tmdb_id=19, imdb_id=17136),
            FakeSubtitle(
                302, "en", "Metropolis.1927.Complete.1080p.BluRay", 18_000, tmdb_id=19, imdb_id=17136
            ),
            FakeSubtitle(303, "ru", "Metropolis.1927.720p.Rus.Eng", 950, tmdb_id=19, imdb_id=17136),
        ]
    )
    subs.start()
    os.environ["CINEMA_OPENSUBTITLES_TOKEN"] = GOOD_KEY
    video = make_video(home / "seed" / "Metropolis (1927).mp4", seconds=20, bitrate="2000k")
    torrent = make_torrent(video, home / "metropolis.torrent", piece_length=64 * 1024)
    seeder = LibtorrentSeeder(torrent, video.parent, upload_rate=250_000)
    import keyring

    from tests.fakes.file_keyring import FileKeyring

    os.environ["CINEMA_TEST_KEYRING"] = str(home / "keyring.json")  # this box has no keyring
    keyring.set_keyring(FileKeyring())
    services = build_services(
        home, load_demo=True, console_log=False, tmdb_base_url=tmdb.base_url,
        opensubtitles_base_url=subs.base_url, sources_subtitle_languages="ru,en" if lang == "ru" else "en,ru",
    )  # fmt: skip
    now = int(services.clock.now().timestamp())
    torrent_repo.record_access(
        services.db,
        info_hash(torrent),
        source=magnet(torrent, [seeder.port]),
        now=now,
        name=None,
        total_size=None,
    )
    LibraryService(services).save_progress("tmdb:movie:19", 21_000, 150_000, title_id="tmdb:movie:19")
    app = QApplication([])
    app.setStyleSheet((ROOT / "resources" / "theme" / "dark.qss").read_text("utf-8"))
    translator = _load_translations(app, lang)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    win = build_window(services)
    loopback = SessionConfig(listen_interfaces="127.0.0.1:0", dht=False, lsd=False, upnp=False, natpmp=False)
    win.playback.opener.streaming = StreamingService(services, session_config=loopback)
    win.resize(1024, 600)
    win.show()

    async def shot(name: str, wait: float = 1.0, widget: object = None) -> None:
        await asyncio.sleep(wait)
        (widget or win).grab().save(str(out / f"{name}-{lang}.png"))  # type: ignore[attr-defined]

    async def until(check: object, timeout: float = 30.0) -> None:
        for _ in range(int(timeout / 0.1)):
            if check():  # type: ignore[operator]
                return
            await asyncio.sleep(0.1)
        raise TimeoutError("the screen did not reach the state to show")  # never shoot a wrong one

    async def scenario() -> None:
        await asyncio.sleep(1.5)
        # the title page at 1024×600 with a resume point
        win.open_title("tmdb:movie:19")
        await until(lambda: win.navigator.is_current("title"))
        await shot("title-1024", 2.0)

        # the subtitle search over the player
        win.play_title("tmdb:movie:19", 21_000)
        await until(lambda: win.navigator.is_current("player") and win.playback.request is not None)
        await asyncio.sleep(2.0)
        win.playback.pause()  # the demo's clip is short: its end would search again for the next
        win.player.search_subtitles()
        dialog = win.player.subtitle_search
        await until(lambda: dialog.table.topLevelItemCount() >= 3)
        await shot("subtitle-search", 0.3, dialog)
        dialog.close()
        win.player.stop()
        win.go_back()
        await until(lambda: not win.navigator.is_current("player"))
        await asyncio.sleep(1.0)  # the player's own way back settles before Settings opens
        # Settings › Keys and accounts
        win.show_settings()
        await until(lambda: win.navigator.is_current("settings"))
        settings = win.settings_page
        settings.refresh()
        await until(lambda: "opensubtitles" in settings.keys.rows)
        scroll = settings.findChild(QScrollArea)
        if scroll is not None:
            scroll.ensureWidgetVisible(settings.keys, 0, 0)
            scroll.verticalScrollBar().setValue(settings.keys.y() - 20)
            scroll.horizontalScrollBar().setValue(0)
        rows = settings.keys.rows
        rows["tmdb"].test()
        rows["opensubtitles"].field.setText("a-wrong-key")
        rows["opensubtitles"].test()
        await until(lambda: "403" in rows["opensubtitles"].status.text())
        await shot("settings-keys", 0.8)

        # Downloads: one torrent kept and downloading
        win.top_bar.buttons["downloads"].click()
        downloads = win.navigator.page("downloads")
        await until(lambda: downloads.table.topLevelItemCount() == 1)
        downloads.keep_button.click()
        await until(lambda: 0.3 < (downloads._items[0].progress if downloads._items else 0) < 0.9, 60)
        await shot("downloads", 0.3)

        # the welcome: a guide checked, the TMDB token checked
        welcome_ui.show(win)
        page = win.navigator.page("welcome")
        guide = demo.write_shifted_guide(home / "provider-guide.xml", demo.shift_weeks(services.clock.now()))
        page.guide.field.setText(str(guide))
        page.check_guide("guide", page.guide)
        page.tmdb.field.setText(GOOD_TOKEN)
        page.check_tmdb()
        page.playlist.field.setText("http://127.0.0.1:9/playlist.m3u")
        page.check_guide("playlist", page.playlist)
        await until(lambda: page.guide.result.text().startswith("✓") and page.playlist.result.text())
        await shot("welcome", 1.0)
        page.finish()

        await win.playback.aclose()
        win.close()

    with loop:
        loop.run_until_complete(scenario())
    del translator
    seeder.close()
    subs.stop()
    tmdb.stop()
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
