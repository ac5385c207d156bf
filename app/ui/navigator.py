"""Navigation: named pages in one stack, built on first use, with a history for Back.

A page is registered once under a name with a builder (or a built widget) and shown with
``navigate(name)``. Leaving a page remembers it for ``back()`` unless it was registered with
``remember=False`` (the player: Back from the page after it does not return into the video).

    navigator.register("tv", lambda: TvPage(...), on_show=lambda page: page.refresh())
    navigator.navigate("tv")
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

HISTORY_LIMIT = 20


class _Entry:
    """A registered page (a plain class: a dataclass costs ~0.5 ms at import, on the way to Home)."""

    __slots__ = ("build", "name", "on_built", "on_show", "remember", "widget")

    def __init__(
        self,
        name: str,
        build: Callable[[], QWidget] | None,
        widget: QWidget | None,
        on_show: Callable[[Any], None] | None,
        on_built: Callable[[Any], None] | None,
        remember: bool,
    ) -> None:
        self.name = name
        self.build = build
        self.widget = widget
        self.on_show = on_show
        self.on_built = on_built
        self.remember = remember


class Navigator(QObject):
    """Signals: pageBuilt(str name, QWidget page), pageChanged(str name)."""

    pageBuilt = Signal(str, QWidget)
    pageChanged = Signal(str)

    def __init__(self, stack: QStackedWidget, home: str = "home", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = stack
        self.home = home
        self._pages: dict[str, _Entry] = {}
        self._history: list[str] = []

    # -- pages ----------------------------------------------------------------------------------
    def register(
        self,
        name: str,
        page: QWidget | Callable[[], QWidget],
        *,
        on_show: Callable[[Any], None] | None = None,
        on_built: Callable[[Any], None] | None = None,
        remember: bool = True,
    ) -> None:
        """Add a page: a widget, or a builder called when the page is first needed.

        ``on_built(page)`` runs once after the builder (connect the page's signals there);
        ``on_show(page)`` each time the page is navigated to, before it is shown.
        """
        if name in self._pages:
            raise ValueError(f"a page named {name!r} is registered already")
        widget = page if isinstance(page, QWidget) else None
        build = None if widget is not None else page
        entry = _Entry(name, build, None, on_show, on_built, remember)  # type: ignore[arg-type]
        self._pages[name] = entry
        if widget is not None:
            self._add(entry, widget)

    def names(self) -> list[str]:
        return list(self._pages)

    def page(self, name: str) -> Any:
        """The page called ``name``, built now if it was not yet."""
        entry = self._pages[name]
        if entry.widget is None:
            assert entry.build is not None
            self._add(entry, entry.build())
        return entry.widget

    def built(self, name: str) -> Any:
        """The page called ``name`` if it has been built, else None (never builds it)."""
        entry = self._pages.get(name)
        return entry.widget if entry is not None else None

    def name_of(self, widget: QWidget | None) -> str | None:
        for entry in self._pages.values():
            if entry.widget is widget and widget is not None:
                return entry.name
        return None

    def _add(self, entry: _Entry, widget: QWidget) -> None:
        entry.widget = widget
        self.stack.addWidget(widget)
        if entry.on_built is not None:
            entry.on_built(widget)
        self.pageBuilt.emit(entry.name, widget)

    # -- where we are ---------------------------------------------------------------------------
    @property
    def current(self) -> str | None:
        return self.name_of(self.stack.currentWidget())

    def is_current(self, name: str) -> bool:
        widget = self.built(name)
        return widget is not None and self.stack.currentWidget() is widget

    @property
    def history(self) -> list[str]:
        return list(self._history)

    # -- moving ---------------------------------------------------------------------------------
    def navigate(self, name: str, *, remember: bool = True) -> Any:
        """Show the page ``name``; the page left is remembered for ``back`` when ``remember``."""
        page = self.page(name)
        leaving = self.current
        if remember and leaving is not None and leaving != name and self._pages[leaving].remember:
            self._history.append(leaving)
            del self._history[:-HISTORY_LIMIT]
        entry = self._pages[name]
        if entry.on_show is not None:
            entry.on_show(page)
        self.stack.setCurrentWidget(page)
        self.pageChanged.emit(name)
        return page

    def back(self) -> str | None:
        """Go to the previous page (Home when there is none); the name shown, or None if we
        were on Home already with nothing before it."""
        if self._history:
            name = self._history.pop()
            self.navigate(name, remember=False)
            return name
        if self.current != self.home:
            self.navigate(self.home, remember=False)
            return self.home
        return None
