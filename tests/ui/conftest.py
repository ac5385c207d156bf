"""UI fixtures: a small library with a playable source, services wired for dummy VLC output."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.storage import titles_repo


def title_row(i: int, **over: object) -> dict[str, object]:
    now = int(time.time())
    row: dict[str, object] = {
        "id": f"tmdb:movie:{1000 + i}",
        "kind": "film",
        "title": f"Фильм номер {i}",
        "original_title": f"Film {i}",
        "alt_titles": None,
        "year": 1950 + i % 70,
        "overview": "Короткое описание.",
        "tagline": None,
        "runtime": 90,
        "rating": round(5 + (i % 50) / 10, 1),
        "votes": 100 + i,
        "genres": '["драма"]',
        "countries": '["СССР"]',
        "original_language": "ru",
        "director": "Режиссёр",
        "cast": '["Актёр"]',
        "trailer_url": None,
        "tmdb_id": 1000 + i,
        "shikimori_id": None,
        "imdb_id": None,
        "poster_path": None,
        "poster_thumb": None,
        "poster_origin": None,
        "backdrop_path": None,
        "extra": None,
        "is_demo": False,
        "added_at": now,
        "updated_at": now,
    }
    row.update(over)
    return row


@pytest.fixture
def library(services, sample_video: Path):
    """Five titles; the first has the test clip as a direct source."""
    titles_repo.upsert_titles(services.db, [title_row(i) for i in range(5)])
    titles_repo.upsert_sources(
        services.db,
        [
            {
                "title_id": "tmdb:movie:1000",
                "kind": "direct",
                "url": str(sample_video),
                "label": "clip",
                "quality": None,
                "headers": None,
                "score": 1.0,
                "health": "ok",
                "added_at": int(time.time()),
            }
        ],
    )
    services.settings = services.settings.model_copy(update={"vlc_args": "--vout=dummy --aout=dummy"})
    return services


@pytest.fixture
def window(qtbot, library):
    """The app's window on ``library``, shown, its first screen done (a file may define its own)."""
    from app.bootstrap import build_window

    win = build_window(library)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.startup_finished)
    yield win
    win.shutdown()
