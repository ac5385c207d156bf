"""Discovery in the window: Home's rows from TMDB and Shikimori; a search everywhere finds a
title that never airs, it opens and goes onto the watchlist."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from app.services.discover.rows import Discovery
from app.storage import watchlist_repo
from app.ui.viewmodels.operations import Operations
from tests.services.discover.world import World
from tests.ui.asyncqt import run_scenario, wait_until


@pytest.fixture
def world(library, monkeypatch) -> Iterator[World]:
    w = World()
    w.configure(library, monkeypatch)
    yield w
    w.stop()


@pytest.fixture
def window(world, window):  # type: ignore[no-untyped-def]
    """The shared window (tests/ui/conftest.py), made once the fake discovery world is configured."""
    return window


async def settled(window) -> None:  # type: ignore[no-untyped-def]
    """Every view's work in flight delivered (a refresh announces new titles: the grid re-reads)."""
    for ops in window.findChildren(Operations):
        await ops.settled()


def test_discovery_adds_a_title_that_never_airs_to_the_watchlist(qtbot, window, library) -> None:
    async def scenario() -> None:
        window.search.setText("Матрица")  # keyClicks types ASCII only
        window.search.textEdited.emit("Матрица")
        await wait_until(lambda: window.navigator.is_current("grid"))
        bar = window.library_ui.everywhere_bar
        await wait_until(lambda: bar is not None and bar.isVisible())
        assert bar.button.text() == "Search TMDB and Shikimori for “Матрица”"
        qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
        page = window.navigator.page("everywhere")
        await wait_until(lambda: page.model.rowCount() > 0)
        assert page.model.ids()[0] == "tmdb:movie:603"
        page.view.setCurrentIndex(page.model.index(0))
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
        await wait_until(lambda: window.navigator.is_current("title"))
        title = window.title_page
        assert title.detail.id == "tmdb:movie:603" and title.detail.airings == ()
        assert title.heading.text() == "Матрица"
        qtbot.mouseClick(title.watchlist_button, Qt.MouseButton.LeftButton)
        await wait_until(
            lambda: watchlist_repo.in_watchlist(library.db, library.profile_id, "tmdb:movie:603")
        )
        await settled(window)

    run_scenario(scenario())


def test_home_shows_the_discovery_rows(qtbot, window, library) -> None:
    async def scenario() -> None:
        await Discovery(library).refresh()
        window.home.refresh()
        await wait_until(lambda: "popular" in window.home.rows and window.home.rows["popular"].isVisible())
        row = window.home.rows["popular"]
        assert row.heading.text() == "Popular" and not row.see_all.isVisible()
        assert row.model.ids() == ["tmdb:movie:27205", "tmdb:movie:157336", "tmdb:movie:862"]
        assert window.home.rows["anime_season"].heading.text() == "Anime this season"
        await settled(window)

    run_scenario(scenario())
