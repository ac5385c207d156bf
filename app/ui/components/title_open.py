"""Opening a title in the window: its detail, resume point and extras read in a worker, then the
title page shown, and the player made ready meanwhile (Play is likely next)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.models import TitleDetail
from app.services.library.catalog_records import TitleExtras

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

TitleView = tuple[TitleDetail, int, TitleExtras]  # what the title page shows: detail, resume, extras


def open_title(window: MainWindow, title_id: str, status: str = "") -> None:
    """Read the title (detail, resume point, watchlist state) in a worker (the latest wins),
    then show it (with ``status`` beside its buttons)."""
    if title_id.startswith("media:"):  # a file or link played without a title: resume it
        window.open_anything.resume(title_id)
        return

    def show(found: TitleView | None) -> None:
        _show(window, found)
        if found is not None and status:
            window.title_page.show_status(status)

    catalog, library = window.catalog, window.library

    def read() -> TitleView | None:
        detail = catalog.detail(title_id)
        if detail is None:
            return None
        return detail, library.resume_point_ms(title_id), catalog.extras(title_id)

    window.ops.run("title", read, show)


def _show(window: MainWindow, found: TitleView | None) -> None:
    if found is None:
        return
    detail, resume_ms, extras = found
    window.title_page.show_title(detail, resume_ms, window.services.clock.now(), extras)
    window.navigator.navigate("title")
    window.plays.warm()
