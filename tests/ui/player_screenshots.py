"""Screenshots of the player with an episode (issue 16): «Skip intro» in a named intro chapter,
and the next-episode countdown with «Skip to next» after the episode ends. Real window, real
libvlc drawing into its native window; the X screen is captured (``import -window root``), since
the player's overlays are windows of their own over libvlc's (``QWidget.grab`` shows neither).

X='xvfb-run -a -s "-screen 0 1600x1000x24"'
$X .venv/bin/python tests/ui/player_screenshots.py ru docs/screenshots
$X .venv/bin/python tests/ui/player_screenshots.py en docs/screenshots
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SERIES = "tmdb:tv:1396"
NAMES = {
    "ru": ("Во все тяжкие", "Кот в мешке", "…и мешок в реке"),
    "en": ("Breaking Bad", "Cat's in the Bag...", "...And the Bag's in the River"),
}


def make_episode(folder: Path, number: int) -> Path:
    """A 24 s clip with chapters Intro (0-8 s) / Episode / Credits (20-24 s), as a release has."""
    folder.mkdir(parents=True, exist_ok=True)
    meta = folder / "chapters.txt"
    meta.write_text(
        ";FFMETADATA1\n"
        "[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=8000\ntitle=Intro\n"
        "[CHAPTER]\nTIMEBASE=1/1000\nSTART=8000\nEND=20000\ntitle=Episode\n"
        "[CHAPTER]\nTIMEBASE=1/1000\nSTART=20000\nEND=24000\ntitle=Credits\n"
    )
    out = folder / f"Breaking.Bad.S01E0{number}.720p.mkv"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25:duration=24",
         "-f", "lavfi", "-i", "sine=frequency=330:duration=24", "-i", str(meta), "-map", "0", "-map", "1",
         "-map_chapters", "2", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", str(out)],
        check=True,
    )  # fmt: skip
    return out


def capture(win: object, path: Path) -> None:
    """The window as the X server shows it (libvlc's picture and the overlay windows included)."""
    geo = win.frameGeometry()  # type: ignore[attr-defined]
    crop = f"{geo.width()}x{geo.height()}+{geo.x()}+{geo.y()}"
    subprocess.run(["import", "-window", "root", "-crop", crop, "+repage", str(path)], check=True)
    print(path)


def main(lang: str, out: Path) -> None:
    os.environ["CINEMA_LANGUAGE"] = lang

    from app.bootstrap import build_services, build_window
    from app.domain.series import Episode
    from app.services.playback.session import PlaybackState
    from app.storage import episodes_repo, titles_repo
    from tests.ui.asyncqt import wait_until

    home = Path(tempfile.mkdtemp(prefix="cinema-player-shots-"))
    services = build_services(home / "home", load_demo=False, console_log=False)
    from tests.ui.shot_app import shot_app

    _app, loop = shot_app(lang)  # (the app lives as long as the script)
    out.mkdir(parents=True, exist_ok=True)
    now = int(time.time())
    title, second, third = NAMES[lang]
    titles_repo.upsert_titles(
        services.db,
        [{"id": SERIES, "kind": "series", "title": title, "original_title": "Breaking Bad", "year": 2008,
          "added_at": now, "updated_at": now}],
    )  # fmt: skip
    episodes_repo.upsert_episodes(
        services.db,
        [Episode(SERIES, 1, 2, name=second, runtime=47), Episode(SERIES, 1, 3, name=third, runtime=47)],
        now,
    )
    folder = home / "Breaking Bad" / "Season 1"
    rows = [
        {"title_id": SERIES, "kind": "direct", "url": str(make_episode(folder, n)), "label": f"S01E0{n}",
         "quality": "720p", "headers": None, "score": 1.0, "health": "ok", "added_at": now}
        for n in (2, 3)
    ]  # fmt: skip
    titles_repo.upsert_sources(services.db, rows)

    async def scenario() -> None:
        win = build_window(services)
        win.resize(1280, 800)
        win.move(40, 40)
        win.show()
        await asyncio.sleep(1.0)
        win.play_episode(SERIES, 1, 2)
        await wait_until(lambda: win.playback_started and win.playback.state == PlaybackState.PLAYING, 30)
        from app.ui.components.skip_intro import SkipButton

        skip = win.player.findChild(SkipButton)
        await wait_until(lambda: win.playback.position_ms() > 3000, 30)
        win.playback.pause()
        await wait_until(skip.isVisible, 10)
        win.player.poke()  # the controls shown, as a person moving the mouse sees them
        await asyncio.sleep(0.6)
        capture(win, out / f"player-skip-intro-{lang}.png")
        win.playback.resume()
        win.plays.episodes.countdown_s = 8
        win.playback.seek(win.playback.length_ms() - 1500)
        countdown = win.plays.episodes.countdown
        await wait_until(lambda: countdown is not None and countdown.isVisible(), 20)
        await asyncio.sleep(1.3)  # one tick: «… in 7 s»
        capture(win, out / f"player-next-episode-{lang}.png")
        countdown.cancel()
        win.playback.stop()
        win.shutdown()
        win.close()

    with loop:
        loop.run_until_complete(scenario())
    services.db.dispose()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
