"""The window's own work off the GUI thread: Play reads nothing there and works its sources out
once; closing the window waits for the queries still running in workers (they crashed SQLite
when the database was disposed under them)."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QWidget
from sqlalchemy import event

from app.domain.errors import CinemaError
from app.services.library.catalog import CatalogFilter
from app.services.playback import plan as play_plan
from app.services.playback.session import PlaybackState
from tests.ui.asyncqt import run_scenario, wait_until


class GuiThreadReads:
    """Every statement the GUI thread sends to the database (SQLAlchemy and its raw connection)."""

    def __init__(self, db: object) -> None:
        self.gui = threading.get_ident()
        self.statements: list[str] = []
        self._db = db
        event.listen(db.engine, "before_cursor_execute", self._engine)  # type: ignore[attr-defined]
        db.raw().set_trace_callback(self._raw)  # type: ignore[attr-defined]

    def _engine(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if threading.get_ident() == self.gui:
            self.statements.append(statement)

    def _raw(self, statement: str) -> None:
        if threading.get_ident() == self.gui:
            self.statements.append(statement)

    def reads(self) -> list[str]:
        return [s for s in self.statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]

    def close(self) -> None:
        event.remove(self._db.engine, "before_cursor_execute", self._engine)  # type: ignore[attr-defined]
        self._db.raw().set_trace_callback(None)  # type: ignore[attr-defined]


def test_play_reads_nothing_on_the_gui_thread_and_works_the_sources_out_once(
    qtbot, window, library, monkeypatch
) -> None:
    computed: list[int] = []
    real = play_plan.candidates

    def counted(*args: object, **kwargs: object) -> object:
        computed.append(threading.get_ident())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(play_plan, "candidates", counted)

    async def scenario() -> None:
        watch = GuiThreadReads(library.db)
        try:
            window.open_title("tmdb:movie:1000")
            await wait_until(lambda: window.navigator.is_current("title"))
            window.title_page.play_button.click()
            await wait_until(lambda: window.navigator.is_current("player"))
            await wait_until(lambda: window.playback.state == PlaybackState.PLAYING)
        finally:
            watch.close()
        assert watch.reads() == []  # the title, its resume point and its sources: all in workers
        assert len(computed) == 1 and computed[0] != watch.gui  # once, in a worker
        window.go_back()
        assert window.navigator.is_current("title")

    run_scenario(scenario())


def test_closing_waits_for_a_query_still_running_in_a_worker(qtbot, window, monkeypatch) -> None:
    started, finished = threading.Event(), threading.Event()
    real = window.catalog.query

    def slow_query(flt: CatalogFilter, limit: int | None = None) -> list[str]:
        started.set()
        time.sleep(0.6)  # a big library's query, still running when the window closes
        ids = real(flt, limit)
        finished.set()
        return ids

    monkeypatch.setattr(window.catalog, "query", slow_query)

    async def scenario() -> None:
        window.grid.apply(CatalogFilter(text="фильм"))
        await wait_until(started.is_set)
        window.shutdown()  # the test's teardown then disposes the database
        assert finished.is_set()

    run_scenario(scenario())


def test_a_refused_watchlist_write_says_so_on_the_title_page(
    qtbot, window, library, monkeypatch, messages
) -> None:
    from app.domain.errors import DatabaseBusy

    def busy(_title_id: str, _on: bool) -> None:
        raise DatabaseBusy(
            "The database is busy: another Cinema is writing to it. Try again in a moment.", "cinema.sqlite3"
        )

    monkeypatch.setattr(window.catalog, "set_in_watchlist", busy)

    async def scenario() -> None:
        window.open_title("tmdb:movie:1001")
        await wait_until(lambda: window.navigator.is_current("title"))
        page = window.title_page
        page.watchlist_button.click()  # written in a worker: the click returns at once
        said = lambda: [t for t in messages.status(page.no_source) if t.startswith("Could not save:")]  # noqa: E731
        await wait_until(lambda: bool(said()))
        assert "busy" in said()[0]
        await wait_until(lambda: not page.watchlist_button.isChecked())  # the truth again

    run_scenario(scenario())


def test_work_that_needs_the_loop_waits_for_loop_started(qtbot, window, library) -> None:
    """Issue 20: no window part asks whether a loop runs; the reminder clock, discovery's timer
    and the kept torrents' resume are handed to ``when_loop_runs`` and start from
    ``loop_started`` (a window it is never called on, like this view test's, starts none)."""
    tv, lib = window.tv, window.library_ui
    assert tv.clock is None and not lib._discovery.isActive()
    later: list[str] = []
    window.when_loop_runs(lambda: later.append("ran"))
    assert later == []

    async def scenario() -> None:
        window.loop_started()
        await wait_until(lambda: tv.clock is not None and lib._discovery.isActive() and later == ["ran"])
        window.when_loop_runs(lambda: later.append("at once"))  # the loop runs: no waiting
        assert later == ["ran", "at once"]
        assert tv.clock is not None
        await tv.clock.stop()

    run_scenario(scenario())


def test_title_actions_mark_watched_and_say_when_a_rematch_fails(
    qtbot, window, library, monkeypatch, messages
) -> None:
    """The title page's actions (ui/components/title_actions.py, moved out of the window): Mark
    watched is written in a worker and the page re-read with the mark; a rematch whose fetch
    fails says so on the page and leaves the title as it was."""
    from app.domain.errors import ProviderUnavailable
    from app.services.enrich import rematch

    async def unreachable(_services: object, _key: str, _candidate: str) -> str:
        raise ProviderUnavailable("TMDB: cannot reach api.themoviedb.org")

    monkeypatch.setattr(rematch, "relink", unreachable)

    async def scenario() -> None:
        window.open_title("tmdb:movie:1001")
        await wait_until(lambda: window.navigator.is_current("title"))
        page = window.title_page
        page.watched_button.click()
        await wait_until(lambda: page.watched_button.text() == "✓ Watched")
        assert window.catalog.extras("tmdb:movie:1001").watched  # stored, not only drawn
        page.rematchRequested.emit("фильм 1", "tmdb:movie:55")
        said = lambda: [t for t in messages.status(page.no_source) if t.startswith("Could not fetch")]  # noqa: E731
        await wait_until(lambda: bool(said()))
        assert "cannot reach" in said()[0]
        assert page.detail is not None and page.detail.id == "tmdb:movie:1001"

    run_scenario(scenario())


@pytest.mark.expected_error(r"'broken view' failed")
def test_a_view_whose_work_fails_says_it_in_the_window(qtbot, window) -> None:
    from app.ui.viewmodels.operations import Operations

    view = QWidget(window)  # any view of the window, with its own operations and no on_error
    ops = Operations(view, "a view")

    def broken() -> None:
        raise CinemaError("the guide's file is gone")

    ops.run("broken view", broken)
    toast = window._failure_toast
    qtbot.waitUntil(toast.isVisible)
    assert toast.text() == "Could not load: the guide's file is gone"
