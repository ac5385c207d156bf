"""Screenshots of series (issue 16): a title page with seasons and episodes, the next-episode countdown.

X='xvfb-run -a -s "-screen 0 1400x900x24"'
$X .venv/bin/python tests/ui/series_screenshots.py ru docs/screenshots
$X .venv/bin/python tests/ui/series_screenshots.py en docs/screenshots
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SERIES = "tmdb:tv:1396"
NAMES = {
    "ru": [
        "Пилот",
        "Кот в мешке",
        "…и мешок в реке",
        "Рак",
        "Серое вещество",
        "Безумный фульминат",
        "Не без причины",
    ],
    "en": [
        "Pilot",
        "Cat's in the Bag...",
        "...And the Bag's in the River",
        "Cancer Man",
        "Gray Matter",
        "Crazy Handful of Nothin'",
        "A No-Rough-Stuff-Type Deal",
    ],
}


def main(lang: str, out: Path) -> None:
    os.environ["CINEMA_LANGUAGE"] = lang
    from PySide6.QtWidgets import QScrollArea

    from app.bootstrap import build_services, build_window
    from app.domain.series import Episode
    from app.services.library.series import SeriesService
    from app.storage import episodes_repo, titles_repo
    from app.ui.components.next_episode import NextEpisodeCountdown
    from app.ui.components.series_episodes import SeriesEpisodesPanel
    from tests.ui.asyncqt import wait_until

    home = Path(tempfile.mkdtemp(prefix="cinema-series-shots-"))
    services = build_services(home / "home", load_demo=False, console_log=False)
    from tests.ui.shot_app import shot_app

    _app, loop = shot_app(lang)  # (the app lives as long as the script)
    out.mkdir(parents=True, exist_ok=True)
    now = int(time.time())
    title = "Во все тяжкие" if lang == "ru" else "Breaking Bad"
    titles_repo.upsert_titles(
        services.db,
        [
            {
                "id": SERIES,
                "kind": "series",
                "title": title,
                "original_title": "Breaking Bad",
                "year": 2008,
                "overview": "A chemistry teacher turns to making meth."
                if lang == "en"
                else "Учитель химии, узнав о смертельной болезни, начинает варить метамфетамин.",
                "added_at": now,
                "updated_at": now,
            }
        ],
    )
    eps = []
    for s, count in ((1, 7), (2, 13), (3, 13)):
        for n in range(1, count + 1):
            name = NAMES[lang][n - 1] if s == 1 else (f"Серия {n}" if lang == "ru" else f"Episode {n}")
            eps.append(
                Episode(
                    SERIES, s, n, name=name, air_date=f"{2007 + s}-{1 + n % 12:02d}-{10 + n:02d}", runtime=47
                )
            )
    episodes_repo.upsert_episodes(services.db, eps, now)
    series = SeriesService(services)
    for n in range(1, 5):
        series.save_progress(SERIES, 1, n, 0, None, watched=True)
    series.save_progress(SERIES, 1, 5, 1_200_000, 2_820_000)

    async def scenario() -> None:
        win = build_window(services)
        win.resize(1400, 900)
        win.show()
        await asyncio.sleep(1.0)
        win.open_title(SERIES)
        await wait_until(lambda: win.navigator.is_current("title"))
        page = win.navigator.page("title")
        panel = page.findChild(SeriesEpisodesPanel)
        await wait_until(lambda: panel.isVisible() and panel.model.rowCount() > 0)
        await asyncio.sleep(0.8)
        scroll = page.findChild(QScrollArea)
        scroll.ensureWidgetVisible(panel, 0, 0)
        scroll.verticalScrollBar().setValue(panel.mapTo(scroll.widget(), panel.rect().topLeft()).y() - 260)
        await asyncio.sleep(0.5)
        win.grab().save(str(out / f"series-title-{lang}.png"))
        print(out / f"series-title-{lang}.png")
        countdown = NextEpisodeCountdown(win)
        upcoming = series.next_episode(SERIES)
        assert upcoming is not None
        countdown.adjustSize()
        countdown.start(series.save_progress(SERIES, 1, 5, 2_820_000, 2_820_000) or upcoming, 8)
        countdown.adjustSize()
        countdown.move(win.width() - countdown.width() - 40, win.height() - countdown.height() - 60)
        await asyncio.sleep(0.3)
        win.grab().save(str(out / f"series-next-{lang}.png"))
        print(out / f"series-next-{lang}.png")
        countdown.cancel()
        win.close()

    with loop:
        loop.run_until_complete(scenario())


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
