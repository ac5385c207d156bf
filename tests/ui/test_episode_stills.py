"""Episode stills: fetched (fake TMDB + image server on loopback) only for rows on screen, drawn in
the row's tile; a missing, oversize or not-an-image still keeps the placeholder and logs once."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage

from app.domain.models import TitleDetail, TitleKind
from app.domain.series import Episode
from app.providers.meta.models import TitleMeta
from app.services.enrich.episodes import store_episodes
from app.services.enrich.stills import STILL_MAX_BYTES
from app.storage import episodes_repo, titles_repo
from app.ui.components.series_episodes import ROW_HEIGHT, STILL, SeriesEpisodesPanel, install
from app.ui.pages.title_page import TitlePage
from tests.fakes.poster_server import PosterServer
from tests.fakes.tmdb_server import GOOD_TOKEN, FakeTmdb
from tests.ui.asyncqt import run_scenario, wait_until

SHOW = {"id": 77, "title": "Кухня", "original_title": "Кухня", "year": 2012, "runtime": 25,
        "season_episodes": [20], "countries": ["RU"], "original_language": "ru",
        "genre_ids": [35]}  # fmt: skip
TID = "tmdb:tv:77"


@pytest.fixture
def images() -> Any:
    server = PosterServer(cap_bytes=STILL_MAX_BYTES)
    server.start()
    yield server
    server.stop()


def _tile_colour(panel: SeriesEpisodesPanel, row: int) -> QColor:
    """The mean colour of a row's still tile as drawn on screen."""
    panel.list.viewport().repaint()
    shot: QImage = panel.list.viewport().grab().toImage()
    top = panel.list.visualRect(panel.model.index(row)).top()
    tile = QRect(
        8 + 10, top + (ROW_HEIGHT - STILL.height()) // 2 + 10, STILL.width() - 20, STILL.height() - 20
    )
    r = g = b = n = 0
    for x in range(tile.left(), tile.right(), 3):
        for y in range(tile.top(), tile.bottom(), 3):
            c = shot.pixelColor(x, y)
            r, g, b, n = r + c.red(), g + c.green(), b + c.blue(), n + 1
    return QColor(r // n, g // n, b // n)


def _served_colour(path: str) -> QColor:
    """The colour the poster server paints for ``path`` (tests/fakes/poster_server.py)."""
    seed = int(hashlib.sha1(path.encode()).hexdigest()[:4], 16) % 50
    return QColor((seed * 37) % 256, (seed * 91) % 256, (seed * 13) % 256)


def _near(a: QColor, b: QColor, tolerance: int = 14) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= tolerance


def _placeholder(colour: QColor) -> bool:
    """The numbered tile: dark blue-grey (34..68 per channel, the sheen adds a little)."""
    return (
        all(25 <= v <= 90 for v in (colour.red(), colour.green(), colour.blue()))
        and colour.blue() >= colour.red()
    )


def _page(qtbot: Any, services: Any) -> tuple[TitlePage, SeriesEpisodesPanel]:
    page = TitlePage()
    qtbot.addWidget(page)
    page.resize(1200, 1000)
    panel = install(page, services)
    page.show()
    return page, panel


def test_stills_of_the_rows_on_screen_are_fetched_and_drawn(
    qtbot: Any, services: Any, images: PosterServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = int(services.clock.now().timestamp())
    titles_repo.upsert_titles(
        services.db, [{"id": TID, "kind": "series", "title": "Кухня", "added_at": now, "updated_at": now}]
    )
    tmdb = FakeTmdb([], [SHOW], image_base=images.base_url + "/t/p/")
    tmdb.start()
    monkeypatch.setenv("CINEMA_TMDB_TOKEN", GOOD_TOKEN)
    services.settings = services.settings.model_copy(update={"tmdb_base_url": tmdb.base_url})
    try:
        run_scenario(_stills_drawn(qtbot, services, images))
    finally:
        tmdb.stop()


async def _stills_drawn(qtbot: Any, services: Any, images: PosterServer) -> None:
    meta = TitleMeta(id=TID, kind="series", title="Кухня", year=2012)
    assert await store_episodes(services, meta, "ru-RU") == 20
    assert images.counters.requests == 0  # nothing fetched with the episodes: only when shown

    page, panel = _page(qtbot, services)
    page.show_title(TitleDetail(id=TID, kind=TitleKind.SERIES, title="Кухня"), 0)
    await wait_until(lambda: panel.model.rowCount() == 20, timeout=10)
    first = "/t/p/w300/still77_1_1.jpg"
    await wait_until(lambda: _near(_tile_colour(panel, 0), _served_colour(first)), timeout=10)
    sixth = "/t/p/w300/still77_1_6.jpg"  # fetched in the same batch, decoded by itself
    await wait_until(lambda: _near(_tile_colour(panel, 5), _served_colour(sixth)), timeout=10)
    asked = set(images.counters.paths)
    # twelve rows fit the list: the last episodes' stills were not asked for
    assert first in asked and len(asked) <= 13 and "/t/p/w300/still77_1_20.jpg" not in asked

    panel.list.scrollToBottom()  # the rest come on screen: fetched then
    last = "/t/p/w300/still77_1_20.jpg"
    await wait_until(lambda: _near(_tile_colour(panel, 19), _served_colour(last)), timeout=10)
    assert len(images.counters.paths) == 20

    # Another panel (a new window): the stills are on disk and linked; none is downloaded again.
    again, panel2 = _page(qtbot, services)
    again.show_title(TitleDetail(id=TID, kind=TitleKind.SERIES, title="Кухня"), 0)
    await wait_until(lambda: panel2.model.rowCount() == 20, timeout=10)
    await wait_until(lambda: _near(_tile_colour(panel2, 0), _served_colour(first)), timeout=10)
    assert len(images.counters.paths) == 20
    stored = list(services.paths.posters.rglob("*_w342.jpg"))  # same bytes, one file: 50 colours serve 20
    distinct = {_served_colour(f"/t/p/w300/still77_1_{n}.jpg").rgb() for n in range(1, 21)}
    assert len(stored) == len(distinct) and not list(services.paths.posters.rglob("*.part"))  # atomic writes
    await _settled(services, panel, panel2)


def test_a_missing_oversize_or_not_an_image_still_keeps_the_placeholder_and_logs_once(
    qtbot: Any, services: Any, images: PosterServer, caplog: pytest.LogCaptureFixture
) -> None:
    run_scenario(_hostile(qtbot, services, images, caplog))


async def _hostile(qtbot: Any, services: Any, images: PosterServer, caplog: pytest.LogCaptureFixture) -> None:
    now = int(services.clock.now().timestamp())
    titles_repo.upsert_titles(
        services.db, [{"id": TID, "kind": "series", "title": "Кухня", "added_at": now, "updated_at": now}]
    )
    base = images.base_url + "/t/p/w300/"
    names = ["missing.jpg", "big.jpg", "not-image.jpg", "good.jpg"]
    episodes_repo.upsert_episodes(
        services.db,
        [Episode(TID, 1, n, name=f"Серия {n}", still_path=base + name) for n, name in enumerate(names, 1)],
        now,
    )
    caplog.set_level(logging.INFO, logger="app.services.enrich")
    page, panel = _page(qtbot, services)
    detail = TitleDetail(id=TID, kind=TitleKind.SERIES, title="Кухня")
    page.show_title(detail, 0)
    await wait_until(lambda: panel.model.rowCount() == 4, timeout=10)
    await wait_until(lambda: _near(_tile_colour(panel, 3), _served_colour("/t/p/w300/good.jpg")), timeout=15)
    await wait_until(lambda: not any(panel.stills.loading(base + n) for n in names), timeout=15)
    for row in range(3):
        assert _placeholder(_tile_colour(panel, row)), row  # the numbered tile, no broken image

    def said(name: str) -> int:
        return sum(1 for r in caplog.records if r.name.startswith("app.") and name in r.getMessage())

    assert [said(n) for n in names[:3]] == [1, 1, 1]
    assert "not found" in next(
        r.getMessage()
        for r in caplog.records
        if r.name.startswith("app.") and "missing.jpg" in r.getMessage()
    )
    assert "larger than" in next(
        r.getMessage() for r in caplog.records if r.name.startswith("app.") and "big.jpg" in r.getMessage()
    )
    assert "content type" in next(
        r.getMessage()
        for r in caplog.records
        if r.name.startswith("app.") and "not-image.jpg" in r.getMessage()
    )

    requests = images.counters.requests
    page.show_title(detail, 0)  # shown again, repainted, and in a second panel: not asked again
    await wait_until(lambda: panel.model.rowCount() == 4, timeout=10)
    _tile_colour(panel, 0)
    again, panel2 = _page(qtbot, services)
    again.show_title(detail, 0)
    await wait_until(lambda: panel2.model.rowCount() == 4, timeout=10)
    await wait_until(lambda: not any(panel2.stills.loading(base + n) for n in names), timeout=15)
    assert _placeholder(_tile_colour(panel2, 0)) and _near(
        _tile_colour(panel2, 3), _served_colour("/t/p/w300/good.jpg")
    )
    assert images.counters.requests == requests
    assert [said(n) for n in names[:3]] == [1, 1, 1]
    await _settled(services, panel, panel2)


async def _settled(services: Any, *panels: SeriesEpisodesPanel) -> None:
    """Decodes still under way finish before the widgets go (teardown deletes them), and the
    HTTP client closes on its loop, as the app does at quit."""
    await wait_until(lambda: all(p.stills.cache.pending == 0 for p in panels), timeout=10)
    await services.net.aclose()


def test_an_anime_page_says_where_its_episode_names_come_from(qtbot: Any, services: Any) -> None:
    now = int(services.clock.now().timestamp())
    named, numbered = "shikimori:anime:5114", "shikimori:anime:52991"
    titles_repo.upsert_titles(
        services.db,
        [
            {"id": t, "kind": "anime", "title": t, "added_at": now, "updated_at": now}
            for t in (named, numbered)
        ],
    )
    episodes_repo.upsert_episodes(
        services.db, [Episode(named, 1, 1, name="Серия 1"), Episode(numbered, 1, 1)], now
    )
    source = {"provider": "tmdb", "id": "tmdb:tv:31911", "title": "Стальной алхимик: Братство", "year": 2009}
    episodes_repo.set_episodes_source(services.db, named, source)
    episodes_repo.set_episodes_source(services.db, numbered, {"provider": "shikimori", "names": "no_match"})
    page, panel = _page(qtbot, services)
    page.show_title(TitleDetail(id=named, kind=TitleKind.ANIME, title="Стальной алхимик"), 0)
    qtbot.waitUntil(panel.source_note.isVisible, timeout=5000)
    assert panel.source_note.text() == (
        "Episode names, dates and stills from TMDB: «Стальной алхимик: Братство» (2009)"
    )
    page.show_title(TitleDetail(id=numbered, kind=TitleKind.ANIME, title="Фрирен"), 0)
    qtbot.waitUntil(lambda: "numbers only" in panel.source_note.text(), timeout=5000)
    assert panel.source_note.isVisible() and "no show on TMDB is surely this one" in panel.source_note.text()
    episodes_repo.set_episodes_source(services.db, numbered, {"provider": "shikimori", "names": "not_asked"})
    page.show_title(TitleDetail(id=numbered, kind=TitleKind.ANIME, title="Фрирен"), 0)
    qtbot.waitUntil(lambda: "not reachable" in panel.source_note.text(), timeout=5000)
    assert (
        panel.source_note.text()
        == "Shikimori gives episode numbers only; TMDB, which has names, was not reachable."
    )
    page.show_title(TitleDetail(id=TID, kind=TitleKind.SERIES, title="Кухня"), 0)  # a TMDB series: no note
    assert not panel.source_note.isVisible()
    # the words come from the providers' manifests, not from ids in the UI: with no provider that
    # names episodes set up, the page says so
    services.providers.unregister("tmdb")
    page.show_title(TitleDetail(id=numbered, kind=TitleKind.ANIME, title="Фрирен"), 0)
    qtbot.waitUntil(lambda: "is set up" in panel.source_note.text(), timeout=5000)
    assert panel.source_note.text() == (
        "Shikimori gives episode numbers only; no provider that names episodes is set up."
    )
