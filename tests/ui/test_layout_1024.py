"""At 1024×600 in Russian nothing is clipped: the top bar, Home, the grid's filters, the title
page's actions (the resume button «▶ Продолжить с 00:21» whole), Downloads, the welcome and
Settings' keys fit; no button, list or one-line label is narrower than its text needs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QScrollArea, QWidget

from app.bootstrap import _load_translations, build_services, build_window
from app.core.resources import resources_dir
from app.services.library.progress import LibraryService
from app.ui.components import welcome_ui

pytestmark = pytest.mark.skipif(
    not (resources_dir() / "translations" / "cinema_ru.qm").exists(),
    reason="make translations builds the .qm",
)


def clipped(page: QWidget) -> list[str]:
    """Visible widgets narrower than their text needs (a squeezed button, an elided one-line label)."""
    found = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page) or widget.width() <= 0:
            continue
        if isinstance(widget, (QPushButton, QComboBox)):
            need = widget.sizeHint().width()
        elif isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() and not widget.pixmap():
            need = widget.minimumSizeHint().width()
        else:
            continue
        if widget.width() + 1 < need:
            text = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
            found.append(f"{type(widget).__name__} «{text[:40]}» {widget.width()} < {need}")
    return found


def overflow(page: QWidget) -> list[str]:
    """A scroll area whose content is wider than its view (a horizontal scroll bar)."""
    return [
        f"{type(area.widget()).__name__} {area.widget().minimumSizeHint().width()} > "
        f"{area.viewport().width()}"
        for area in page.findChildren(QScrollArea)
        if area.isVisibleTo(page) and area.widget() is not None
        and area.widget().minimumSizeHint().width() > area.viewport().width()
    ]  # fmt: skip


@pytest.fixture
def window(qtbot, home: Path):
    app = QApplication.instance()
    translator = _load_translations(app, "ru")
    services = build_services(data_dir=home, load_demo=True, console_log=False, language="ru")
    LibraryService(services).save_progress("tmdb:movie:19", 21_000, 150_000, title_id="tmdb:movie:19")
    win = build_window(services)
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.startup_finished)
    yield win
    win.shutdown()
    services.db.dispose()
    if translator is not None:
        app.removeTranslator(translator)


def _settle(qtbot, win) -> None:
    qtbot.wait(150)  # layouts and the top bar's fit run on the next turns of the event loop


def test_nothing_is_clipped_at_1024x600_in_russian(qtbot, window) -> None:
    problems: dict[str, list[str]] = {}
    _settle(qtbot, window)
    problems["top bar"] = clipped(window.top_bar)
    problems["home"] = clipped(window.home) + overflow(window.home)
    window.show_grid()
    _settle(qtbot, window)
    problems["grid"] = clipped(window.grid) + overflow(window.grid)
    window.open_title("tmdb:movie:19")
    qtbot.waitUntil(lambda: window.navigator.is_current("title"))
    _settle(qtbot, window)
    page = window.title_page
    assert page.play_button.text() == "▶  Продолжить с 00:21"
    assert page.play_button.width() >= page.play_button.sizeHint().width()
    problems["title"] = clipped(page) + overflow(page)
    window.top_bar.buttons["downloads"].click()
    _settle(qtbot, window)
    problems["downloads"] = clipped(window.navigator.page("downloads"))
    welcome_ui.show(window)
    _settle(qtbot, window)
    problems["welcome"] = clipped(window.navigator.page("welcome")) + overflow(
        window.navigator.page("welcome")
    )
    window.show_settings()
    window.settings_page.refresh()
    qtbot.waitUntil(lambda: bool(window.settings_page.keys.rows))
    _settle(qtbot, window)
    keys = window.settings_page.keys
    view = window.settings_page.findChild(QScrollArea).viewport().width()
    problems["settings keys"] = clipped(keys) + (
        [f"keys need {keys.minimumSizeHint().width()} > {view}"]
        if keys.minimumSizeHint().width() > view
        else []
    )
    problems["settings"] = overflow(window.settings_page)  # the TV row wraps, nothing scrolls sideways
    assert not any(problems.values()), {k: v for k, v in problems.items() if v}
    for button in window.top_bar.buttons.values():  # every page is on the bar or in its More menu
        assert button.isVisible() or button in window.top_bar_fit.hidden
    assert window.top_bar_fit.more.isVisible() == bool(window.top_bar_fit.hidden)


def test_page_buttons_that_do_not_fit_go_into_more(qtbot, window) -> None:
    for name in ("one", "two", "three"):  # more pages than the bar holds at 900 px
        window.navigator.register(name, QWidget())
        window.add_nav_button(name, f"Страница номер {name}")
    window.resize(900, 600)
    qtbot.waitUntil(lambda: bool(window.top_bar_fit.hidden), timeout=3000)
    fit = window.top_bar_fit
    assert fit.more.isVisible() and not clipped(window.top_bar)
    assert window.top_bar.buttons["settings"].isVisible()  # Settings stays on the bar the longest
    actions = fit.menu.actions()
    assert [a.text() for a in actions] == [b.text() for b in fit.hidden]
    actions[0].trigger()  # the menu opens the page
    name = next(k for k, b in window.top_bar.buttons.items() if b is fit.hidden[0])
    assert window.navigator.is_current(name)
    window.resize(2400, 600)
    qtbot.waitUntil(lambda: not fit.hidden, timeout=3000)  # room again: every button is back
    assert not fit.more.isVisible()
