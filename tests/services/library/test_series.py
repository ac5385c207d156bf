"""SeriesService: the current profile's episode progress, Continue's next episode, change capture."""

from __future__ import annotations

from typing import Any

import pytest

from app.core.events import ProgressDidChange
from app.domain.series import Episode
from app.services.library.series import SeriesService
from app.storage import episodes_repo, profiles_repo, titles_repo
from app.storage.sync import local
from app.storage.sync.entities import SEP

SERIES = "shikimori:anime:5114"


def _setup(services: Any) -> SeriesService:
    now = int(services.clock.now().timestamp())
    titles_repo.upsert_titles(
        services.db,
        [{"id": SERIES, "kind": "anime", "title": "Стальной алхимик", "added_at": now, "updated_at": now}],
    )
    episodes_repo.upsert_episodes(services.db, [Episode(SERIES, 1, n, runtime=24) for n in range(1, 65)], now)
    return SeriesService(services)


def test_finishing_an_episode_offers_the_next_and_says_so(services: Any) -> None:
    series = _setup(services)
    seen: list[str] = []
    services.bus.subscribe(ProgressDidChange, lambda e: seen.append(e.item_key))
    assert series.seasons(SERIES) == [1] and len(series.episodes(SERIES, 1)) == 64
    assert len(series.episodes_with_guide(SERIES)) == 64 and series.airings(SERIES) == {}  # no guide here
    nxt = series.save_progress(SERIES, 1, 5, 1_400_000, 1_440_000)  # 97 %: watched
    assert nxt is not None and nxt.label == "S1 E6" and nxt.reason == "next"
    assert series.progress(SERIES)[(1, 5)].watched
    assert f"ep:{SERIES}:1:5" in seen and SERIES in seen
    assert series.next_episodes([SERIES])[SERIES].label == "S1 E6"
    # unmarking it from the episode list: Continue goes back to it
    series.set_watched(SERIES, 1, 5, False)
    assert series.next_episode(SERIES).label == "S1 E5"  # type: ignore[union-attr]


def test_another_profile_keeps_its_own_place(services: Any) -> None:
    series = _setup(services)
    other = profiles_repo.create(services.db, "Гость", now=1)
    series.save_progress(SERIES, 1, 10, 0, None, watched=True)
    assert series.next_episode(SERIES).label == "S1 E11"  # type: ignore[union-attr]
    assert series.next_episode(SERIES, profile_id=other).reason == "start"  # type: ignore[union-attr]
    series.save_progress(SERIES, 1, 2, 600_000, 1_440_000, profile_id=other)
    assert series.next_episode(SERIES, profile_id=other).resume_ms == 600_000  # type: ignore[union-attr]
    assert series.next_episode(SERIES).label == "S1 E11"  # type: ignore[union-attr]


def test_episode_progress_is_captured_for_the_library_server(services: Any) -> None:
    series = _setup(services)
    local.set_capture(services.db, True)
    series.save_progress(SERIES, 1, 3, 300_000, 1_440_000)
    uid = services.db.execute("SELECT uid FROM profiles WHERE id = :i", {"i": services.profile_id})[0][0]
    keys = [r[0] for r in services.db.execute("SELECT key FROM sync_outbox WHERE entity = 'progress'")]
    assert f"{uid}{SEP}ep:{SERIES}:1:3" in keys and f"{uid}{SEP}{SERIES}" in keys


def test_home_continue_watching_shows_the_next_episode_and_the_anime_row_has_the_anime(services: Any) -> None:
    from app.services.library.catalog import CatalogService

    series = _setup(services)
    catalog = CatalogService(services)
    rows = {r.key: r for r in catalog.home_rows()}
    assert SERIES in rows["anime"].ids  # the Anime row lists the anime title
    assert SERIES not in rows["continue"].ids
    series.save_progress(SERIES, 1, 5, 1_440_000, 1_440_000)  # finished S1 E5
    rows = {r.key: r for r in catalog.home_rows()}
    assert rows["continue"].ids[0] == SERIES
    brief = catalog.briefs([SERIES])[SERIES]
    assert brief.episode == "S1 E6" and brief.progress == 0.0  # the next one, not the finished one
    series.save_progress(SERIES, 1, 6, 720_000, 1_440_000)  # half of S1 E6 (24 min)
    brief = catalog.briefs([SERIES])[SERIES]
    assert brief.episode == "S1 E6" and brief.progress == pytest.approx(0.5)
