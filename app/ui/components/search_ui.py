"""The top bar's search in the window: typing filters the grid (opened on the first key), the
suggestions under the field come from a worker, Enter goes to the results."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.services.library.catalog import CatalogFilter

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class SearchHooks:
    """Connected to the window's ``search`` box; reads go through the window's ``ops``."""

    def __init__(self, window: MainWindow) -> None:
        self._w = window
        window.search.typed.connect(self.edited)
        window.search.submitted.connect(self.submitted)

    def edited(self, text: str) -> None:
        w = self._w
        grid = w.use_grid()
        if not w.navigator.is_current("grid"):
            grid.open_filter(CatalogFilter(text=text))
            w.navigator.navigate("grid")
        else:
            grid.set_text(text)
        self.suggest(text)

    def suggest(self, text: str) -> None:
        """Suggestions under the field, from a worker; the next keystroke cancels the old ones."""
        w = self._w
        if not text.strip():
            w.ops.cancel("suggest")
            w.search.show_suggestions([])
            return

        def show(found: list[Any]) -> None:
            if w.search.text() == text:
                w.search.show_suggestions(found)

        catalog = w.catalog  # its search (modules, index) is made in the worker on first use
        w.ops.run("suggest", lambda: catalog.search.suggestions(text), show)

    def submitted(self) -> None:
        self._w.grid.focus_grid()


def install(window: MainWindow) -> SearchHooks:
    """The search of ``window`` (its ``search`` box exists already)."""
    return SearchHooks(window)
