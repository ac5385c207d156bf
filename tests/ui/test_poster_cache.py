"""The poster cache: scaled opaque decodes, a byte bound, and no work for posters scrolled away."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from app.ui import images
from app.ui.images import PosterCache
from tests.ui.asyncqt import run_scenario, wait_until


def poster(tmp_path: Path, name: str = "p.jpg") -> str:
    image = QImage(342, 513, QImage.Format.Format_RGB32)
    image.fill(QColor(120, 40, 20))
    path = tmp_path / name
    assert image.save(str(path))
    return str(path)


def test_decodes_at_card_size_opaque_and_bounded(qapp, tmp_path: Path) -> None:
    size = QSize(176, 264)
    cache = PosterCache(size, max_bytes=3 * 176 * 264 * 4, background=QColor("#0e1014"))
    paths = [poster(tmp_path, f"p{i}.jpg") for i in range(5)]
    for path in paths:
        pm = cache.pixmap(path)  # no loop: decoded at once
        assert pm is not None and pm.size() == size and not pm.hasAlpha()
    assert len(cache) == 3 and cache.bytes_used <= 3 * 176 * 264 * 4  # the oldest two left


def test_a_poster_scrolled_away_is_skipped_and_asked_again(qapp, tmp_path: Path) -> None:
    path = poster(tmp_path)
    cache = PosterCache(QSize(176, 264))
    arrived: list[str] = []
    cache.posterReady.connect(arrived.append)

    async def scenario() -> None:
        cache._asked[path] = 0.0  # asked long ago: the row has scrolled away
        assert cache._decode_if_wanted(path) is images._STALE
        assert cache.pixmap(path) is None  # asked now: queued
        await wait_until(lambda: cache.pending == 0)
        assert arrived == [path]
        assert cache.pixmap(path) is not None

    run_scenario(scenario())


def test_hidpi_posters_are_decoded_at_device_pixels(qapp, tmp_path: Path) -> None:
    cache = PosterCache(QSize(176, 264), device_pixel_ratio=2.0)
    pm = cache.pixmap(poster(tmp_path))
    assert pm is not None
    assert (pm.width(), pm.height()) == (352, 528)  # sharp on a 2x screen
    assert pm.deviceIndependentSize().toSize() == QSize(176, 264)  # laid out at the card size
    from app.domain.models import TitleBrief

    typo = cache.typographic(TitleBrief(id="x:1", title="Солярис", year=1972))
    assert typo.deviceIndependentSize().toSize() == QSize(176, 264) and typo.width() == 352


def test_posters_asked_before_the_loop_are_held_then_loaded_in_workers(qapp, tmp_path: Path) -> None:
    """The app paints its first screen before the loop runs: no decode on the GUI thread then."""
    path = poster(tmp_path)
    cache = PosterCache(QSize(176, 264))
    cache.hold()
    assert cache.pixmap(path) is None and len(cache) == 0  # not decoded now
    assert cache.loading(path)  # the card draws a flat placeholder, not a typographic poster
    arrived: list[str] = []
    cache.posterReady.connect(arrived.append)

    async def scenario() -> None:
        cache.release()  # the loop runs: the view is told to ask again
        assert arrived == [path]
        assert cache.pixmap(path) is None  # now queued for a worker
        await wait_until(lambda: cache.pixmap(path) is not None)

    run_scenario(scenario())
