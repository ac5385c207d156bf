"""SeriesService is composed by bootstrap: the window, its episodes panel and its episode player
share the one instance (none is built ad hoc)."""

from __future__ import annotations

from typing import Any

from app.domain.series import Episode
from app.services.library.series import SeriesService
from app.storage import episodes_repo, titles_repo

SERIES = "tmdb:tv:1399"


def test_the_window_gets_one_series_service_from_bootstrap(qtbot: Any, services: Any) -> None:
    from app.bootstrap import build_window
    from app.ui.components.series_episodes import SeriesEpisodesPanel
    from tests.ui.asyncqt import run_scenario, wait_until

    now = int(services.clock.now().timestamp())
    titles_repo.upsert_titles(
        services.db,
        [{"id": SERIES, "kind": "series", "title": "Игра престолов", "added_at": now, "updated_at": now}],
    )
    episodes_repo.upsert_episodes(services.db, [Episode(SERIES, 1, n, name=f"E{n}") for n in (1, 2)], now)
    win = build_window(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.startup_finished)
    assert isinstance(win.series, SeriesService)
    assert win.plays.episode_player().series is win.series  # the episode player's is the window's
    asked: list[str] = []
    read = win.series.episodes_with_guide

    def counted(title_id: str) -> list[Episode]:
        asked.append(title_id)
        return read(title_id)

    win.series.episodes_with_guide = counted  # type: ignore[method-assign]

    async def scenario() -> None:
        win.open_title(SERIES)
        panel = win.title_page.findChild(SeriesEpisodesPanel)
        await wait_until(lambda: panel.continue_button.text() == "Start: S1 E1")
        assert asked == [SERIES]  # the panel read the episodes through the window's service

    try:
        run_scenario(scenario())
    finally:
        win.shutdown()
