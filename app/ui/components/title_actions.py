"""The title page's own actions in the window: watchlist and watched marks, and "not this film"
(rematch); each a write in a worker, the page re-read or told when the write was refused."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow
    from app.ui.pages.title_page import TitlePage


class TitleActions:
    """Connected to one title page; writes go through the window's ``ops`` (latest wins). Its
    words keep the window's translation context (``MainWindow``), where they were written."""

    def __init__(self, page: TitlePage, window: MainWindow) -> None:
        self._page = page
        self._w = window
        page.watchlistToggled.connect(self.toggle_watchlist)
        page.watchedToggled.connect(self.toggle_watched)
        page.rematchRequested.connect(self.rematch)

    def toggle_watchlist(self, title_id: str, on: bool) -> None:
        catalog = self._w.catalog
        self._w.ops.run(
            ("watchlist", title_id),
            lambda: catalog.set_in_watchlist(title_id, on),
            on_error=lambda exc: self._write_failed(title_id, exc),
        )

    def toggle_watched(self, title_id: str, watched: bool) -> None:
        catalog = self._w.catalog
        self._w.ops.run(
            ("watched", title_id),
            lambda: catalog.set_watched(title_id, watched),
            lambda _none: self._reopen(title_id),
            lambda exc: self._write_failed(title_id, exc),
        )

    def _write_failed(self, title_id: str, exc: BaseException) -> None:
        """A write the database refused (another process held it too long): show the truth, say so."""
        if self._showing(title_id):
            self._w.open_title(
                title_id,
                QCoreApplication.translate("MainWindow", "Could not save: %1").replace("%1", str(exc)),
            )

    def _showing(self, title_id: str) -> bool:
        detail = self._page.detail
        return detail is not None and detail.id == title_id and self._w.navigator.is_current("title")

    def _reopen(self, title_id: str) -> None:
        if self._showing(title_id):
            self._w.open_title(title_id)

    def rematch(self, film_key: str, candidate_id: str) -> None:
        # imported when asked for: enrichment brings the HTTP stack, which start-up does without
        from app.services.enrich.rematch import relink

        page, services = self._page, self._w.services
        page.show_status(QCoreApplication.translate("MainWindow", "Fetching the chosen title…"))

        def failed(exc: BaseException) -> None:
            page.show_status(
                QCoreApplication.translate("MainWindow", "Could not fetch that title: %1").replace(
                    "%1", str(exc)
                )
            )

        self._w.ops.run_async(
            "rematch", lambda: relink(services, film_key, candidate_id), self._relinked, failed
        )

    def _relinked(self, new_id: str) -> None:
        self._w.library_changed()
        if self._w.navigator.is_current("title"):
            self._w.open_title(new_id)


def install(page: TitlePage, window: MainWindow) -> TitleActions:
    actions = TitleActions(page, window)
    page.title_actions = actions  # type: ignore[attr-defined]  # kept alive with the page
    return actions
