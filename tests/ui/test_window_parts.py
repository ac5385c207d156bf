"""The window's parts (TV, Open…, Downloads, More, profiles and library pages) wait for the
loop in the app (``loop_starts_later``): their top-bar buttons are there at the first paint, a
click on one or a read of a part installs them at once, and ``loop_started`` installs them."""

from __future__ import annotations

from app.bootstrap import build_window
from tests.ui.asyncqt import run_scenario, wait_until


def _bar_buttons(win) -> list[str]:
    row = win.top_bar.layout()
    shown = [row.itemAt(i).widget() for i in range(row.count())]
    return [w.text() for w in shown if w is not None and w.objectName() == "Nav"]


def test_the_bar_is_whole_before_the_parts_and_they_take_its_buttons_over(qtbot, library) -> None:
    win = build_window(library, loop_starts_later=True)
    qtbot.addWidget(win)
    assert not win._parts_installed
    assert "tv" not in win.navigator.names() and "downloads" not in win.navigator.names()
    before = _bar_buttons(win)
    assert before[:5] == ["Home", "All films", "TV", "Settings", "Downloads"]
    tv_button = win.top_bar.buttons["tv"]

    async def scenario() -> None:
        win.loop_started()  # the app calls it once Home has painted, as its loop starts
        assert win._parts_installed
        names = set(win.navigator.names())
        assert {"tv", "downloads", "history", "playlists", "stats", "profiles"} <= names
        assert win.top_bar.buttons["tv"] is tv_button  # the same button, not a second one
        assert _bar_buttons(win)[:5] == before[:5]  # More (hidden) may follow; nothing doubled
        assert win.top_bar.findChild(type(win.library_ui.button)) is win.library_ui.button  # avatar
        tv_button.click()
        assert win.navigator.current == "tv"
        win.top_bar.buttons["downloads"].click()
        assert win.navigator.current == "downloads"
        await wait_until(lambda: win.tv.clock is not None)  # loop work waited for loop_started
        win.shutdown()

    run_scenario(scenario())


def test_a_click_before_the_parts_are_installed_installs_them_and_shows_the_page(qtbot, library) -> None:
    win = build_window(library, loop_starts_later=True)
    qtbot.addWidget(win)
    assert not win._parts_installed
    win.top_bar.buttons["downloads"].click()
    assert win._parts_installed
    assert win.navigator.current == "downloads"
    assert win.top_bar.buttons["downloads"].isChecked()
    win.shutdown()


def test_reading_a_part_installs_them_all(qtbot, library) -> None:
    win = build_window(library, loop_starts_later=True)
    qtbot.addWidget(win)
    tv = win.tv
    assert win._parts_installed
    assert win.tv is tv and win.library_ui is not None and win.downloads is not None
    assert win.open_anything is not None and win.top_bar_fit is not None
    win.shutdown()


def test_a_page_built_before_the_parts_still_gets_their_hooks(qtbot, library) -> None:
    """The title page built first (e.g. by `cinema play`): TV ways and Add to playlist hook in."""
    win = build_window(library, loop_starts_later=True)
    qtbot.addWidget(win)
    assert win.title_page is not None
    assert win._parts_installed
    assert win.tv.ways is not None  # tv_hooks installed its ways on this page
    win.shutdown()


def test_the_first_start_fills_the_demo_guide_before_the_providers_are_registered(tmp_path) -> None:
    """The GUI builds its services without registering the providers (after the first paint);
    the demo's guide import on a first start asks for the registry, which registers them then."""
    from app.bootstrap import build_services, register_providers
    from app.services.library.catalog import CatalogService

    services = build_services(
        tmp_path / "home", with_scheduler=False, with_providers=False, console_log=False
    )
    rows = {row.key: row.ids for row in CatalogService(services).home_rows()}
    assert rows["week"], "the demo guide's airings this week"
    assert services.providers.guide_feeds("xmltv")
    registry = services.providers
    assert register_providers(services) is registry  # registered once, not again
    assert len(registry.guide_feeds()) == len({p.manifest.id for p in registry.guide_feeds()})
    services.db.dispose()


def test_nothing_in_the_top_bar_moves_when_the_parts_come(qtbot, library) -> None:
    """The profile's name and its avatar's room are there at the first paint (the profile button
    takes their place and size) and the search field has its final width: nothing jumps when the
    parts install after the paint."""
    from PySide6.QtWidgets import QApplication

    from app.core.resources import resources_dir

    win = build_window(library, loop_starts_later=True)
    qtbot.addWidget(win)
    win.setStyleSheet((resources_dir() / "theme" / "dark.qss").read_text("utf-8"))  # the app's sizes
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    QApplication.processEvents()
    slot = win.top_bar.profile_slot
    assert slot is not None and slot.text() == library.current.profile.name and not slot.icon().isNull()
    search, place = win.search.geometry(), slot.geometry()
    win.install_parts()
    qtbot.wait(50)  # the bar lays out again (and More's fit runs)
    button = win.library_ui.button
    assert button.geometry() == place
    assert win.search.geometry() == search
    from PySide6.QtWidgets import QToolButton

    assert win.top_bar.profile_slot is None  # gone: one avatar in the bar
    assert win.top_bar.findChildren(QToolButton, "ProfileButton") == [button]
    win.shutdown()
