"""The grid model without a view: lazy pages, one-row updates when a poster arrives."""

from __future__ import annotations

from app.domain.models import TitleBrief
from app.ui.models.title_list_model import BriefRole, IdRole, TitleListModel


def loader(calls: list[list[str]]):
    def load(ids):
        calls.append(list(ids))
        return {
            tid: TitleBrief(id=tid, title=f"T {tid}", poster_path=f"/posters/{int(tid) % 3}.jpg")
            for tid in ids
        }

    return load


def test_rows_are_fetched_lazily_by_page(qapp) -> None:
    calls: list[list[str]] = []
    model = TitleListModel(loader(calls))
    model.set_ids([str(i) for i in range(1000)])
    assert model.rowCount() == 1000
    assert calls == []  # nothing loaded until a row is asked for
    assert model.data(model.index(5), IdRole) == "5"
    assert calls == []  # ids need no query
    brief = model.data(model.index(5), BriefRole)
    assert brief.title == "T 5"
    assert len(calls) == 1 and len(calls[0]) == TitleListModel.PAGE
    model.data(model.index(10), BriefRole)
    assert len(calls) == 1  # same page
    model.data(model.index(999), BriefRole)
    assert len(calls) == 2 and calls[1][-1] == "999"


def test_poster_arrival_updates_only_its_rows(qapp) -> None:
    calls: list[list[str]] = []
    model = TitleListModel(loader(calls))
    model.set_ids([str(i) for i in range(9)])
    for row in range(9):
        model.data(model.index(row), BriefRole)
    changed: list[int] = []
    model.dataChanged.connect(lambda top, bottom, _roles: changed.extend(range(top.row(), bottom.row() + 1)))
    model.poster_arrived("/posters/1.jpg")
    assert sorted(changed) == [1, 4, 7]


def test_refresh_rows_reloads_a_brief(qapp) -> None:
    calls: list[list[str]] = []
    model = TitleListModel(loader(calls))
    model.set_ids(["1", "2"])
    model.data(model.index(0), BriefRole)
    model.refresh_rows(["2"])
    model.data(model.index(1), BriefRole)
    assert len(calls) == 2


def test_pages_far_from_the_view_are_forgotten(qapp) -> None:
    calls: list[list[str]] = []
    model = TitleListModel(loader(calls))
    model.set_ids([str(i) for i in range(20000)])
    for row in range(0, 20000, TitleListModel.PAGE):  # scroll through everything
        model.data(model.index(row), BriefRole)
    assert model.loaded_rows <= TitleListModel.MAX_PAGES * TitleListModel.PAGE  # memory stays bounded
    loads = len(calls)
    assert model.data(model.index(19999), BriefRole).title == "T 19999"  # recent pages stay
    assert len(calls) == loads
    assert model.data(model.index(0), BriefRole).title == "T 0"  # an old page loads again
    assert len(calls) == loads + 1
