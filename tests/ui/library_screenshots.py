"""Screenshots of the library and people (issue 15): “Who's watching?”, Profiles, History,
Playlists, Statistics, Home's discovery rows and the search everywhere.

Drives the real window under Xvfb on the demo library, with three profiles, a week of history,
two playlists and fake TMDB and Shikimori servers on loopback, and grabs the screen:

    X='xvfb-run -a -s "-screen 0 1400x900x24"'
    $X .venv/bin/python tests/ui/library_screenshots.py ru docs/screenshots
    $X .venv/bin/python tests/ui/library_screenshots.py en docs/screenshots
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

DEMO = [
    "tmdb:movie:19",
    "tmdb:movie:653",
    "tmdb:movie:643",
    "tmdb:movie:234",
    "tmdb:movie:961",
    "tmdb:movie:962",
]


def seed_history(services: object) -> None:
    """A week of plays for the first profile (some finished), from the demo library's titles."""
    from app.storage import library_repo, titles_lookup

    db = services.db  # type: ignore[attr-defined]
    pid = services.profile_id  # type: ignore[attr-defined]
    now = datetime.now(UTC) - timedelta(hours=2)
    names = titles_lookup.labels(db, DEMO)
    plays = [  # (days ago, title, minutes played, finished)
        (0, DEMO[0], 95, False), (0, DEMO[1], 40, False), (1, DEMO[2], 75, True), (2, DEMO[3], 30, False),
        (3, DEMO[4], 80, True), (5, DEMO[5], 60, True), (9, DEMO[2], 45, False), (16, DEMO[0], 50, False),
    ]  # fmt: skip
    for days, tid, minutes, finished in sorted(plays, key=lambda p: -p[0]):  # the oldest first
        when = now - timedelta(days=days, minutes=minutes * 3)
        label, runtime = names.get(tid, (tid, None))
        duration = runtime or 90 * 60_000
        position = duration if finished else minutes * 60_000
        sql = "SELECT url FROM sources WHERE title_id = :t ORDER BY score DESC LIMIT 1"
        found = db.execute(sql, {"t": tid})
        location = found[0][0] if found else f"/demo/{tid}.mp4"  # the demo's own source: its kind counts
        entry = library_repo.start_history(db, pid, tid, tid, label, location, when)
        library_repo.update_history(
            db, entry, position, duration, when, ended=True, watched_ms=minutes * 60_000
        )
        library_repo.save_progress(db, pid, tid, position, duration, title_id=tid, watched=finished, now=when)


def main(lang: str, out: Path) -> None:
    os.environ["CINEMA_LANGUAGE"] = lang
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ["CINEMA_DISCOVERY_REFRESH_HOURS"] = "0"

    from app.bootstrap import build_services, build_window
    from app.services.discover import everywhere
    from app.services.discover.rows import Discovery
    from app.services.library.playlists import PlaylistService
    from app.services.library.profiles import ProfileService
    from app.ui.components.profile_picker import ProfilePicker
    from tests.services.discover.world import World
    from tests.ui.asyncqt import wait_until

    home = Path(tempfile.mkdtemp(prefix="cinema-library-shots-"))
    services = build_services(home / "home", console_log=False)
    world = World(poster_base="http://127.0.0.1:9")  # no downloaded posters: the typographic ones
    services.settings = services.settings.model_copy(
        update={"tmdb_base_url": world.tmdb.base_url, "shikimori_base_url": world.shiki.base_url}
    )
    os.environ["CINEMA_TMDB_TOKEN"] = "fake-read-access-token-0123456789abcdef"
    from tests.ui.shot_app import shot_app

    _app, loop = shot_app(lang)  # (the app lives as long as the script)
    out.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        target = out / f"{name}-{lang}.png"
        subprocess.run(["import", "-window", "root", "-crop", "1400x900+0+0", str(target)], check=True)
        print(target)

    async def settle(seconds: float = 0.8) -> None:
        await asyncio.sleep(seconds)

    async def scenario() -> None:
        profiles = ProfileService(services)
        profiles.rename(services.profile_id, "Анна")
        profiles.create("Папа", pin="2468")
        profiles.create("Маша", kids=True, max_age=6)
        seed_history(services)
        lists = PlaylistService(services)
        silent = lists.create("Немое кино" if lang == "ru" else "Silent films")
        lists.add_titles(silent.id, DEMO[:5])
        lists.add_locations(silent.id, [("Дача, 1982.mp4", "/home/anna/Видео/Дача, 1982.mp4")])
        lists.create("Вечер пятницы" if lang == "ru" else "Friday night")
        # discovery: Inception watched (found everywhere), then the rows and recommendations
        found = await everywhere.search(services, "Начало")
        inception = await everywhere.open_hit(services, found.hits[0])
        from app.storage import library_repo

        entry = library_repo.start_history(
            services.db, services.profile_id, inception, inception, "Начало", "x", datetime.now(UTC)
        )
        library_repo.update_history(
            services.db, entry, 8_000_000, 8_880_000, datetime.now(UTC), ended=True, watched_ms=8_000_000
        )
        await Discovery(services).refresh(force=True)

        picker = ProfilePicker(profiles, at_start=True)
        picker.resize(1400, 900)
        picker.move(0, 0)
        picker.show()
        await settle(1.0)
        picker.choose(next(p.id for p in profiles.all() if p.name == "Папа"))
        picker.pin.setText("12")
        await settle(0.6)
        shot("profile-picker")
        picker.close()

        win = build_window(services)
        win.resize(1400, 900)
        win.move(0, 0)
        win.show()
        win.loop_started()
        await wait_until(lambda: win.startup_finished, 20)
        await settle(1.5)
        rows = win.home.rows
        await wait_until(lambda: "recommended" in rows and not rows["recommended"].isHidden(), 20)
        win.home.scroller.ensureWidgetVisible(rows["recommended"], 0, 0)
        win.home.scroller.verticalScrollBar().setValue(rows["recommended"].y() - 10)
        await settle(2.0)
        shot("home-discovery")
        for page, name in (
            ("history", "history"),
            ("playlists", "playlists"),
            ("stats", "statistics"),
            ("profiles", "profiles"),
        ):
            win.navigator.navigate(page)
            await settle(1.5)
            shot(name)
        win.search.setText("рыцарь")
        win.search.textEdited.emit("рыцарь")
        await settle(1.5)
        win.search.show_suggestions([])
        shot("search-everywhere-bar")
        win.library_ui.search_everywhere("рыцарь")
        await settle(3.0)
        shot("everywhere")
        win.shutdown()
        win.close()

    try:
        loop.run_until_complete(scenario())
    finally:
        world.stop()
        services.db.dispose()


if __name__ == "__main__":
    main(
        sys.argv[1] if len(sys.argv) > 1 else "en",
        Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots"),
    )
