"""The window's top bar: the brand, one button per page, the search field and the profile's place.

Every page's button is on the bar at the first paint, the parts installed after it (TV,
Downloads) included: a part that installs later takes its button over (``add_page_button`` with
the same page gives the same button), so nothing on the bar moves. The profile's avatar is a
stand-in at first (``hold_profile_place``); library_ui puts its button in that place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from app.ui.widgets.search_box import SearchBox

SEARCH_MIN_WIDTH = 200  # the search field gives way first when the bar is short (top_bar_fit)
_FIRST_BUTTON = 2  # the buttons come after the brand and its spacing, before the stretch


class TopBar(QWidget):
    """Signals: pageClicked(str page)."""

    pageClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TopBar")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(24, 10, 24, 10)
        self.row.setSpacing(6)
        brand = QLabel("CINEMA")
        brand.setObjectName("Brand")
        self.row.addWidget(brand)
        self.row.addSpacing(24)
        self.row.addStretch(1)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # the page shown checks its button (none for a title)
        self.buttons: dict[str, QPushButton] = {}
        self.search = SearchBox()
        # sized as top_bar_fit (installed after the first paint) wants it from the start: the field
        # keeps its width and place when that part comes
        self.search.setMinimumWidth(SEARCH_MIN_WIDTH)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.row.addWidget(self.search)
        self.profile_slot: QWidget | None = None

    def add_page_button(self, page: str, text: str, *, after: str | None = None) -> QPushButton:
        """The button of ``page``, last or right ``after`` the button of another page; a page's
        button asked for again is the same button, with ``text``."""
        button = self.buttons.get(page)
        if button is not None:
            button.setText(text)
            return button
        button = QPushButton(text)
        button.setObjectName("Nav")
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.group.addButton(button)
        index = _FIRST_BUTTON + len(self.buttons)
        if after in self.buttons:
            index = self.row.indexOf(self.buttons[after]) + 1
        self.row.insertWidget(index, button)
        self.buttons[page] = button
        button.clicked.connect(lambda _checked=False: self.pageClicked.emit(page))
        return button

    def show_current(self, page: str) -> None:
        """Check the button of the page shown (none when it has no button)."""
        for name, button in self.buttons.items():
            button.setChecked(name == page)

    def hold_profile_place(self, slot: QWidget) -> None:
        """The profile's stand-in, last on the bar, until its button takes the place."""
        self.row.addWidget(slot)
        self.profile_slot = slot
