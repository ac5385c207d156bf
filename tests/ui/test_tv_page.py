"""The TV page (issue 13): channel list with now/next, groups, favourites, search; the timeline's
keyboard (arrows, Page Up/Down, Home, Enter, Esc) and what Enter does on a programme that is on
now (live), ended on a catch-up channel (archive), ended without catch-up (says so), still to
come (a reminder)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.core.clock import FixedClock
from app.ui.models.channel_list_model import FAVOURITES, NowRole, ProgressRole
from app.ui.pages.tv_page import TvPage
from app.ui.widgets.epg_timeline import ROW_H
from tests.fakes.tv_library import ON_NOW, import_tv

NOW = datetime(2026, 12, 5, 18, 40, tzinfo=UTC)


@pytest.fixture
def tv(services: Any, tmp_path: Path) -> Any:
    services.clock = FixedClock(NOW)
    import_tv(services, tmp_path)
    return services


@pytest.fixture
def page(qtbot: Any, tv: Any) -> TvPage:
    page = TvPage(tv)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()  # no loop here: the worker's read runs at once
    return page


def test_the_channel_list(page: TvPage) -> None:
    model = page.channels
    assert model.rowCount() == 10
    names = [model.index(i).data() for i in range(model.rowCount())]
    assert names[:3] == ["Первый канал HD", "Россия 1", "НТВ"]  # the playlist's order
    kino = model.index(names.index("Кинохит"))
    title, start, stop = kino.data(NowRole)
    assert title == "Белое солнце пустыни" and start <= NOW.timestamp() < stop  # prefix gone
    assert 0.0 < kino.data(ProgressRole) < 1.0
    groups = [page.group_box.itemText(i) for i in range(page.group_box.count())]
    assert groups[2:] == ["Общие", "Кино", "Детские", "Познавательные", "Региональные", "Спорт"]
    page.group_box.setCurrentIndex(groups.index("Кино"))
    assert [model.index(i).data() for i in range(model.rowCount())] == [
        "Кинохит", "Дом кино", "Мосфильм. Золотая коллекция",
    ]  # fmt: skip
    assert page.epg.row_count() == 3  # the timeline shows the same rows
    page.group_box.setCurrentIndex(0)
    page.search.setText("12 КАНАЛ омск")  # case, punctuation and «канал» noise ignored
    assert [model.index(i).data() for i in range(model.rowCount())] == ["12 канал (Омск)"]
    page.search.setText("")
    # favourites: none yet; one added from the programme bar
    page.group_box.setCurrentIndex(page.group_box.findData(FAVOURITES))
    assert model.rowCount() == 0
    page.group_box.setCurrentIndex(0)
    page.timeline.select(3, int(NOW.timestamp()))
    page.favourite_button.click()
    page.group_box.setCurrentIndex(page.group_box.findData(FAVOURITES))
    assert [model.index(i).data() for i in range(model.rowCount())] == ["Кинохит"]
    assert page.guide.channels()[3].favourite  # stored


def test_the_timeline_keyboard_and_enter(qtbot: Any, page: TvPage, tv: Any) -> None:
    tl = page.timeline
    now = int(NOW.timestamp())
    tl.setFocus()
    tl.select(3, now)  # Кинохит, the film on now
    cell = tl.current_cell()
    assert cell is not None and cell.title == ON_NOW.split("«")[1].rstrip("»")
    assert page.watch_button.text().endswith("Watch live") and page.title_button.isVisible()
    with qtbot.waitSignal(page.playChannel) as live:
        qtbot.keyClick(tl, Qt.Key.Key_Return)
    assert live.args == ["1:kino"]

    qtbot.keyClick(tl, Qt.Key.Key_Right)
    after = tl.current_cell()
    assert after is not None and after.start == cell.stop  # the next programme
    qtbot.keyClick(tl, Qt.Key.Key_Left)
    qtbot.keyClick(tl, Qt.Key.Key_Left)
    before = tl.current_cell()
    assert before is not None and before.stop == cell.start and before.stop <= now  # ended
    with qtbot.waitSignal(page.playArchive) as archive:
        qtbot.keyClick(tl, Qt.Key.Key_Return)  # Кинохит keeps 7 days of archive
    assert archive.args[:3] == ["1:kino", before.start, before.stop]

    qtbot.keyClick(tl, Qt.Key.Key_Up)
    assert tl.current()[0] == 2
    rows_per_page = (tl.viewport().height() - 34) // ROW_H
    qtbot.keyClick(tl, Qt.Key.Key_PageDown)
    down = tl.current()[0]
    assert down == min(9, 2 + rows_per_page)
    qtbot.keyClick(tl, Qt.Key.Key_PageUp)
    assert tl.current()[0] == max(0, down - rows_per_page)

    tl.select(6, now - 3 * 3600)  # «Мульт» keeps no archive
    with qtbot.assertNotEmitted(page.playArchive), qtbot.assertNotEmitted(page.playChannel):
        qtbot.keyClick(tl, Qt.Key.Key_Return)
    assert page.status.text() == "This channel keeps no archive of it"
    assert tl.x_of(now) > 0  # the current-time line is drawn from now
    qtbot.keyClick(tl, Qt.Key.Key_Home)  # back to now
    on_now = tl.current_cell()
    assert on_now is not None and on_now.start <= now < on_now.stop

    qtbot.keyClick(tl, Qt.Key.Key_Right)
    qtbot.keyClick(tl, Qt.Key.Key_Right)
    later = tl.current_cell()
    assert later is not None and later.start > now
    assert page.remind_button.isVisible() and not page.watch_button.isVisible()
    with qtbot.waitSignal(page.remindRequested) as remind:
        qtbot.keyClick(tl, Qt.Key.Key_Return)
    assert remind.args[:4] == ["1:multik", later.start, later.stop, later.title]
    assert page.status.text().startswith("A reminder 5 minute")

    with qtbot.waitSignal(page.backRequested):
        qtbot.keyClick(tl, Qt.Key.Key_Escape)


def test_days(page: TvPage) -> None:
    days = [page.day_box.itemText(i) for i in range(page.day_box.count())]
    assert "Today" in days and "Tomorrow" in days and "Yesterday" in days
    page.day_box.setCurrentIndex(days.index("Tomorrow"))
    page.day_box.activated.emit(days.index("Tomorrow"))
    t0, _t1 = page.timeline.visible_time()
    tomorrow = page.day_box.itemData(days.index("Tomorrow"))
    assert tomorrow <= t0 < tomorrow + 86400  # the evening of tomorrow is on screen


def test_no_channels_says_where_to_add_them(qtbot: Any, services: Any) -> None:
    page = TvPage(services)
    qtbot.addWidget(page)
    page.refresh()
    assert page.body.currentWidget() is page.empty
    assert "Add your IPTV playlist" in page.empty_text.text()
    with qtbot.waitSignal(page.settingsRequested):
        page.empty.findChild(type(page.now_button)).click()


def test_a_guide_with_overlapping_programmes_draws_each_once() -> None:
    from app.domain.tv import GuideCell
    from app.ui.models.epg_model import without_overlaps

    cells = [
        GuideCell(100, 400, "Фильм", "film", None),
        GuideCell(300, 500, "Новости", "programme", None),  # starts before the film ends
        GuideCell(300, 450, "Дубль", "programme", None),  # the same start again
        GuideCell(500, 600, "Погода", "programme", None),
    ]
    drawn = without_overlaps(cells)
    assert [(c.title, c.start, c.stop) for c in drawn] == [
        ("Фильм", 100, 300), ("Новости", 300, 500), ("Погода", 500, 600),
    ]  # fmt: skip


def test_a_film_in_the_grid_links_to_its_title_page(qtbot: Any, page: TvPage, tv: Any) -> None:
    tl = page.timeline
    now = int(NOW.timestamp())
    tl.select(3, now)  # «Кинохит»: the film on now
    film = tl.current_cell()
    assert film is not None and film.kind == "film" and film.title_id
    with qtbot.waitSignal(page.openTitle) as opened:
        page.title_button.click()
    assert opened.args == [film.title_id]
    # the news before it is not a film: no title page is offered
    tl.setFocus()
    qtbot.keyClick(tl, Qt.Key.Key_Left)
    news = tl.current_cell()
    assert news is not None and news.stop == film.start and news.title == "Новости"
    assert news.kind != "film" and not page.title_button.isVisible()
