"""Player screenshots under Xvfb with the real libvlc embedding (x11 video output).

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/player_screenshots.py en|ru

Writes docs/screenshots/player-<lang>.png (demo title, overlay), player-tracks-<lang>.png (an mkv
with two audio tracks and subtitles, audio menu open), player-picture-<lang>.png (picture menu),
player-failover-<lang>.png (a dead source, the message, the next source playing) and
player-torrent-<lang>.png (a torrent streamed from a loopback libtorrent seeder, stats shown).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

lang = sys.argv[1] if len(sys.argv) > 1 else "en"
os.environ["CINEMA_LANGUAGE"] = lang
OUT = ROOT / "docs" / "screenshots"


def shoot(name: str) -> None:
    target = OUT / f"{name}-{lang}.png"
    subprocess.run(["import", "-window", "root", str(target)], check=True)
    subprocess.run(["convert", str(target), "-strip", "-quality", "90", str(target)], check=True)
    print("wrote", target, flush=True)


def make_tracks_mkv(work: Path) -> Path:
    sample = ROOT / "resources" / "demo" / "sample.mp4"
    srt = work / "subs.srt"
    lines = "Вот и субтитры" if lang == "ru" else "Subtitles, as loaded from the file"
    srt.write_text(f"1\n00:00:00,000 --> 00:01:00,000\n{lines}\n", encoding="utf-8")
    out = work / "Film with two audio tracks.mkv"
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-y", "-i", str(sample), "-f", "lavfi", "-i", "sine=frequency=330",
            "-i", str(srt), "-t", "40", "-map", "0:v", "-map", "0:a?", "-map", "1:a", "-map", "2",
            "-c:v", "copy", "-c:a", "aac", "-c:s", "srt", "-metadata:s:a:0", "language=rus",
            "-metadata:s:a:0", "title=Дубляж", "-metadata:s:a:1", "language=eng",
            "-metadata:s:a:1", "title=Original", "-metadata:s:s:0", "language=rus", str(out),
        ],
        check=True,
    )  # fmt: skip
    return out


async def scenario(window, work: Path) -> None:
    from app.domain.models import MediaRequest, SourceKind
    from app.services.sources.resolve import Playable

    player = window.player
    ids = window.catalog.ids()
    detail = next(d for d in (window.catalog.detail(i) for i in ids) if d is not None and d.sources)
    window.play_title(detail.id, 0)
    await asyncio.sleep(4)
    player.poke()
    await asyncio.sleep(0.6)
    shoot("player")

    mkv = make_tracks_mkv(work)
    window.go_back()
    await asyncio.sleep(0.5)
    window.play_location(str(mkv))
    await asyncio.sleep(2)
    spus = [t for t in window.playback.subtitle_tracks() if t.id != -1]
    if spus:
        window.playback.set_subtitle_track(spus[0].id)
    await asyncio.sleep(1)
    player.poke()
    menu = player.menus["audio"]
    button = player.audio_button
    menu.popup(button.mapToGlobal(button.rect().topLeft()))
    await asyncio.sleep(0.3)
    pos = button.mapToGlobal(button.rect().topLeft())
    menu.move(pos.x() - menu.width() + button.width(), pos.y() - menu.height() - 6)
    await asyncio.sleep(0.6)
    shoot("player-tracks")
    menu.hide()
    picture = player.menus["picture"]
    picture.popup(player.picture_button.mapToGlobal(player.picture_button.rect().topLeft()))
    await asyncio.sleep(0.3)
    pos = player.picture_button.mapToGlobal(player.picture_button.rect().topLeft())
    picture.move(pos.x() - picture.width() + player.picture_button.width(), pos.y() - picture.height() - 6)
    await asyncio.sleep(0.6)
    shoot("player-picture")
    picture.hide()

    # a dead first source: the message, then the next source at the same position
    window.go_back()
    await asyncio.sleep(0.5)
    sample = ROOT / "resources" / "demo" / "sample.mp4"
    dead = MediaRequest(location="http://127.0.0.1:9/film.m3u8", item_key="media:x", label=detail.title)
    good = replace(dead, location=str(sample))
    window.stack.setCurrentWidget(player)
    window.top_bar.hide()
    player.play_sources(
        [
            Playable(kind=SourceKind.HLS, request=dead, label="HLS · mirror 1", hls=True),
            Playable(kind=SourceKind.DIRECT, request=good, label="Direct · mirror 2"),
        ]
    )
    await asyncio.sleep(2.5)
    shoot("player-failover")

    # a torrent streamed from a loopback seeder, slow enough that the stats have something to say
    from tests.fakes.swarm import LibtorrentSeeder, magnet, make_torrent, make_video

    video = make_video(work / "seed" / "Torrent film.mp4", seconds=60, bitrate="2500k", size="1280x720")
    torrent = make_torrent(video, work / "film.torrent")
    seeder = LibtorrentSeeder(torrent, video.parent, upload_rate=700_000)
    try:
        window.go_back()
        await asyncio.sleep(0.5)
        request = MediaRequest(
            location=magnet(torrent, [seeder.port]), item_key="media:torrent", label="Torrent film"
        )
        window.stack.setCurrentWidget(player)
        window.top_bar.hide()
        player.play_sources(
            [Playable(kind=SourceKind.TORRENT, request=request, label="Torrent · loopback seeder")]
        )
        await asyncio.sleep(9)
        player.poke()
        await asyncio.sleep(0.6)
        shoot("player-torrent")
    finally:
        window.go_back()
        await window.playback.aclose()
        seeder.close()


def main() -> None:
    import qasync
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import build_services

    app = QApplication(sys.argv)
    home = Path(tempfile.mkdtemp(prefix="cinema-shots-"))
    services = build_services(data_dir=home, load_demo=True, console_log=False)
    services.settings = services.settings.model_copy(update={"vlc_args": "--vout=x11 --aout=dummy"})
    from app.bootstrap import _load_translations
    from app.core.resources import resources_dir

    translator = _load_translations(app, lang)  # noqa: F841 - kept alive for the run
    app.setStyleSheet((resources_dir() / "theme" / "dark.qss").read_text("utf-8"))
    from app.ui.main_window import MainWindow

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    window = MainWindow(services)
    window.resize(1400, 900)
    window.move(0, 0)
    window.show()
    with loop:
        loop.run_until_complete(scenario(window, home))
    window.shutdown()


if __name__ == "__main__":
    main()
