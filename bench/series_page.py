"""Opening a 500-episode anime's title page: show_title -> episodes read (in a worker) and painted.

The floor, measured in the same process: a film's title page opened and painted the same way.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python bench/series_page.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ANIME = "shikimori:anime:21"  # One Piece-sized: 500 episodes in one season
FILM = "tmdb:movie:603"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from app.bootstrap import build_services
    from app.domain.models import TitleDetail, TitleKind
    from app.domain.series import Episode
    from app.services.library.series import SeriesService
    from app.storage import episodes_repo, titles_repo
    from app.ui.components.series_episodes import install
    from app.ui.pages.title_page import TitlePage

    app = QApplication.instance() or QApplication(sys.argv)
    home = Path(tempfile.mkdtemp(prefix="series-bench-"))
    services = build_services(home, load_demo=False, console_log=False)
    now = int(time.time())
    titles_repo.upsert_titles(
        services.db,
        [
            {"id": ANIME, "kind": "anime", "title": "Ван-Пис", "added_at": now, "updated_at": now},
            {"id": FILM, "kind": "film", "title": "Матрица", "added_at": now, "updated_at": now},
        ],
    )
    episodes = [
        Episode(ANIME, 1, n, name=f"Эпизод {n}", air_date=f"{1999 + n // 50}-10-20", runtime=24)
        for n in range(1, 501)
    ]
    episodes_repo.upsert_episodes(services.db, episodes, now)
    series = SeriesService(services)
    for n in range(1, 321):
        series.save_progress(ANIME, 1, n, 0, None, watched=True)
    series.save_progress(ANIME, 1, 321, 600_000, 1_440_000)

    page = TitlePage()
    page.resize(1400, 900)
    panel = install(page, services)
    page.show()
    app.processEvents()
    anime = TitleDetail(id=ANIME, kind=TitleKind.ANIME, title="Ван-Пис", overview="Пираты.")
    film = TitleDetail(id=FILM, title="Матрица", overview="Нео.")

    def open_page(detail: TitleDetail, wait_episodes: bool) -> float:
        start = time.perf_counter()
        page.show_title(detail, 0)
        while wait_episodes and panel.model.rowCount() != 500:
            app.processEvents()
        page.repaint()
        app.processEvents()
        return (time.perf_counter() - start) * 1000

    anime_ms: list[float] = []
    film_ms: list[float] = []
    for _ in range(args.runs):
        film_ms.append(open_page(film, False))
        anime_ms.append(open_page(anime, True))
    assert panel.continue_button.text().endswith("S1 E321"), panel.continue_button.text()
    med_a, med_f = statistics.median(anime_ms), statistics.median(film_ms)
    print(
        f"500-episode anime title page: median {med_a:.1f} ms, max {max(anime_ms):.1f} ms ({args.runs} runs)"
    )
    print(f"floor, a film's title page:   median {med_f:.1f} ms, max {max(film_ms):.1f} ms")
    print(
        f"episodes' share: {med_a - med_f:.1f} ms; target <= 100 ms: {'met' if med_a <= 100 else 'NOT met'}"
    )
    services.db.dispose()


if __name__ == "__main__":
    main()
