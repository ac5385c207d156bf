"""The tray announces a watchlisted title that gains its first ways to watch (issue 14):
a balloon while the window is in the tray, and a menu line that opens the title page."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from app.services.sources import watch
from app.storage import watchlist_repo
from tests.services.sources.conftest import MATRIX_ID, FakeStreams, add_title, only, torrent
from tests.ui.test_tray import Probe, english, in_loop, make_tray, shown_window  # noqa: F401  (english: autouse)

pytestmark = pytest.mark.qt_log_ignore(r"No such signal QPlatformNativeInterface::systemTrayWindowChanged")


@pytest.fixture
def probe() -> Probe:
    return Probe()


@pytest.fixture
def window(qtbot: Any, services: Any) -> Any:
    services.settings = services.settings.model_copy(update={"demo_enabled": False})
    yield from shown_window(qtbot, services)


def test_a_title_that_gains_sources_is_told_by_the_tray_and_opened_from_its_menu(
    qtbot: Any, window: Any, probe: Any, services: Any
) -> None:
    add_title(services)
    watchlist_repo.set_in_watchlist(services.db, services.profile_id, MATRIX_ID, True, datetime.now(UTC))
    fake = FakeStreams("fake", [torrent("fake", "The Matrix 1999 1080p", "b" * 40)])
    only(services, fake)

    async def body() -> None:
        from tests.ui.asyncqt import wait_until

        tray = make_tray(window, probe)
        shown: list[tuple[str, str]] = []
        tray.messageShown.connect(lambda title, text: shown.append((title, text)))
        try:
            assert not tray.new_sources.action.isVisible()  # nothing found yet: no line
            tray.hide_to_tray()
            gained = await watch.recheck_watchlist(services)  # the hourly background search
            assert gained == [MATRIX_ID]
            await wait_until(lambda: bool(shown))
            assert shown == [("Ways to watch found", "«Матрица»: 1 way to watch")]
            action = tray.new_sources.action
            assert action.isVisible() and action.text() == "Ways to watch found: «Матрица»"
            assert tray.menu.actions().index(action) < tray.menu.actions().index(tray.toggle_action)
            action.trigger()  # the line opens the window on the title's page, then goes
            assert window.isVisible() and not action.isVisible()
            page = window.title_page
            await wait_until(lambda: page._detail is not None and page._detail.id == MATRIX_ID)
            assert window.navigator.current == "title"
        finally:
            tray.uninstall()

    in_loop(body)


def test_with_the_window_shown_only_the_menu_line_tells(qtbot: Any, window: Any, probe: Any) -> None:
    from app.services.sources.events import SourcesDidAppear

    async def body() -> None:
        from tests.ui.asyncqt import wait_until

        tray = make_tray(window, probe)
        shown: list[tuple[str, str]] = []
        tray.messageShown.connect(lambda title, text: shown.append((title, text)))
        try:
            window.services.bus.publish(SourcesDidAppear("tmdb:movie:1", "Брат", 3))
            await wait_until(tray.new_sources.action.isVisible)
            assert tray.new_sources.action.text() == "Ways to watch found: «Брат»"
            assert shown == []  # the window is in front: no balloon over it
        finally:
            tray.uninstall()

    in_loop(body)
