"""Screenshots of episode stills (issue 16): a series' episode list with stills downloaded from a
loopback image server (one missing: its numbered tile), an anime whose names come from TMDB, and
one with Shikimori's numbers only (the next episode dated).

X='xvfb-run -a -s "-screen 0 1400x900x24"'
$X .venv/bin/python tests/ui/stills_screenshots.py ru docs/screenshots
$X .venv/bin/python tests/ui/stills_screenshots.py en docs/screenshots
"""

from __future__ import annotations

import asyncio
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SERIES = "tmdb:tv:1396"
ANIME = "shikimori:anime:5114"
NUMBERED = "shikimori:anime:52991"
NAMES = {
    "ru": ["Пилот", "Кот в мешке", "…и мешок в реке", "Рак", "Серое вещество", "Безумный фульминат",
           "Не без причины"],
    "en": ["Pilot", "Cat's in the Bag...", "...And the Bag's in the River", "Cancer Man", "Gray Matter",
           "Crazy Handful of Nothin'", "A No-Rough-Stuff-Type Deal"],
}  # fmt: skip


def scene(seed: int) -> bytes:
    """A 300x169 "still": a sky, a horizon and a sun, in colours of the seed (JPEG)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (300, 169))
    draw = ImageDraw.Draw(img)
    top = (40 + seed * 23 % 120, 70 + seed * 41 % 110, 120 + seed * 17 % 120)
    low = (200 + seed * 7 % 55, 150 + seed * 13 % 80, 90 + seed * 29 % 90)
    for y in range(110):
        t = y / 110
        draw.line([(0, y), (300, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, low, strict=True)))
    draw.ellipse((40 + seed * 37 % 200, 30, 80 + seed * 37 % 200, 70), fill=(250, 230, 180))
    ground = (60 + seed * 11 % 60, 50 + seed * 5 % 40, 40)
    draw.polygon([(0, 169), (0, 105), (90, 90 + seed % 15), (180, 112), (300, 95), (300, 169)], fill=ground)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=88)
    return buf.getvalue()


def image_server() -> tuple[str, object]:
    from aiohttp import web

    from tests.fakes.tmdb_server import ThreadedServer

    async def handle(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name.startswith("missing"):
            return web.Response(status=404)
        return web.Response(
            body=scene(int("".join(c for c in name if c.isdigit()) or 0)), content_type="image/jpeg"
        )

    app = web.Application()
    app.router.add_get("/t/p/w300/{name}", handle)
    server = ThreadedServer(app)
    return server.start() + "/t/p/w300/", server


def main(lang: str, out: Path) -> None:
    os.environ["CINEMA_LANGUAGE"] = lang
    from PySide6.QtWidgets import QScrollArea

    from app.bootstrap import build_services, build_window
    from app.domain.series import Episode
    from app.services.library.series import SeriesService
    from app.storage import episodes_repo, titles_repo
    from app.ui.components.series_episodes import SeriesEpisodesPanel
    from tests.ui.asyncqt import wait_until

    base, server = image_server()
    home = Path(tempfile.mkdtemp(prefix="cinema-stills-shots-"))
    services = build_services(home / "home", load_demo=False, console_log=False)
    from tests.ui.shot_app import shot_app

    _app, loop = shot_app(lang)  # (the app lives as long as the script)
    out.mkdir(parents=True, exist_ok=True)
    now = int(time.time())
    ru = lang == "ru"
    titles_repo.upsert_titles(
        services.db,
        [
            {"id": SERIES, "kind": "series", "title": "Во все тяжкие" if ru else "Breaking Bad",
             "original_title": "Breaking Bad", "year": 2008, "added_at": now, "updated_at": now,
             "overview": "Учитель химии, узнав о смертельной болезни, начинает варить метамфетамин."
             if ru else "A chemistry teacher turns to making meth."},
            {"id": ANIME, "kind": "anime", "title": "Стальной алхимик: Братство" if ru
             else "Fullmetal Alchemist: Brotherhood", "original_title": "Hagane no Renkinjutsushi",
             "year": 2009, "added_at": now, "updated_at": now,
             "overview": "Братья Элрики ищут философский камень." if ru
             else "The Elric brothers search for the Philosopher's Stone."},
            {"id": NUMBERED, "kind": "anime", "title": "Провожающая в последний путь Фрирен" if ru
             else "Frieren: Beyond Journey's End", "original_title": "Sousou no Frieren", "year": 2023,
             "added_at": now, "updated_at": now, "overview": "Эльфийка-маг переживает своих спутников." if ru
             else "An elf mage outlives her companions."},
        ],
    )  # fmt: skip
    eps = [
        Episode(SERIES, 1, n, name=NAMES[lang][n - 1], air_date=f"2008-{1 + n % 12:02d}-{10 + n:02d}",
                runtime=47, still_path=f"{base}{'missing' if n == 6 else 'bb'}{n}.jpg")
        for n in range(1, 8)
    ]  # fmt: skip
    eps += [
        Episode(ANIME, 1, n, name=(f"Серия {n}" if ru else f"Episode {n}"),
                air_date=f"2009-{4 + n // 5:02d}-05", runtime=24, still_path=f"{base}fma{n}.jpg")
        for n in range(1, 65)
    ]  # fmt: skip
    eps += [Episode(NUMBERED, 1, n) for n in range(1, 11)]
    eps.append(Episode(NUMBERED, 1, 11, air_date=time.strftime("%Y-%m-%d", time.localtime(now + 3 * 86_400))))
    episodes_repo.upsert_episodes(services.db, eps, now)
    episodes_repo.set_episodes_source(services.db, NUMBERED, {"provider": "shikimori", "names": "no_match"})
    episodes_repo.set_episodes_source(
        services.db,
        ANIME,
        {"provider": "tmdb", "id": "tmdb:tv:31911", "title": "Стальной алхимик: Братство" if ru
         else "Fullmetal Alchemist: Brotherhood", "year": 2009},
    )  # fmt: skip
    series = SeriesService(services)
    for n in range(1, 3):
        series.save_progress(SERIES, 1, n, 0, None, watched=True)
    series.save_progress(SERIES, 1, 3, 1_200_000, 2_820_000)
    for n in range(1, 12):
        series.save_progress(ANIME, 1, n, 0, None, watched=True)
    for n in range(1, 5):
        series.save_progress(NUMBERED, 1, n, 0, None, watched=True)

    async def shoot(win: object, title_id: str, name: str, *, to_the_end: bool = False) -> None:
        win.open_title(title_id)  # type: ignore[attr-defined]
        await wait_until(lambda: win.navigator.is_current("title"))  # type: ignore[attr-defined]
        page = win.navigator.page("title")  # type: ignore[attr-defined]
        panel = page.findChild(SeriesEpisodesPanel)
        await wait_until(lambda: panel.isVisible() and panel.model.rowCount() > 0)
        scroll = page.findChild(QScrollArea)
        top = panel.mapTo(scroll.widget(), panel.rect().topLeft()).y()
        # the list's head under the sources, or (to_the_end) its last rows: the next, dated episode
        end = top + panel.height() - scroll.viewport().height() + 24
        scroll.verticalScrollBar().setValue(end if to_the_end else top - 220)
        await asyncio.sleep(0.3)
        seen = panel.list.viewport().visibleRegion()
        rows = [panel.model.index(r) for r in range(panel.model.rowCount())]
        shown = [i.data(0x0100)[0].still_path for i in rows if seen.intersects(panel.list.visualRect(i))]
        await wait_until(lambda: not any(panel.stills.loading(s) for s in shown), timeout=20)
        panel.list.viewport().repaint()
        await asyncio.sleep(0.4)
        path = out / f"{name}-{lang}.png"
        win.grab().save(str(path))  # type: ignore[attr-defined]
        print(path)

    async def scenario() -> None:
        win = build_window(services)
        win.resize(1400, 900)
        win.show()
        await asyncio.sleep(1.0)
        await shoot(win, SERIES, "series-stills")
        await shoot(win, ANIME, "anime-episodes-tmdb")
        await shoot(win, NUMBERED, "anime-episodes-numbers", to_the_end=True)
        await services.net.aclose()
        win.close()

    try:
        with loop:
            loop.run_until_complete(scenario())
    finally:
        server.stop()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
