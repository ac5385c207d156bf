"""The "Add video" dialog: a link (http, https, magnet or a local file) checked before it is
saved, for the title being shown or for a title named here (the original video service)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.context import AppContext
from app.services.sources.links import DuplicateLink, InvalidLink, add_link, find_or_create_title
from app.ui.viewmodels.operations import Operations


class AddVideoDialog(QDialog):
    """Signals: added(str title_id). Opened with ``open()`` (never ``exec()`` inside the loop)."""

    added = Signal(str)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, title_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self._c = context
        self._title_id = title_id
        self.ops = Operations(self, "add-video")
        self.setWindowTitle(self.tr("Add a link") if title_id else self.tr("Add video"))
        self.setMinimumWidth(560)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("A title in your library, or a new one"))
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("https://…, magnet:?xt=…, or a file in your folders"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("Muted")
        form = QFormLayout()
        if title_id is None:
            form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Link"), self.url)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(
            self.tr("Check and add"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.url.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit(self) -> None:
        url = self.url.text().strip()
        name = self.title.text().strip()
        if self._title_id is None and not name:
            self._say(self.tr("Name the title this link belongs to."), error=True)
            return
        if not url:
            self._say(self.tr("Paste a link first."), error=True)
            return
        self.add_button.setEnabled(False)
        self._say(self.tr("Checking the link…"))
        fixed = self._title_id

        async def work() -> str:
            from app.core.tasks import run_blocking

            tid: str = fixed if fixed is not None else await run_blocking(find_or_create_title, self._c, name)
            await add_link(self._c, tid, url)
            return tid

        self.ops.run_async("add", work, self._done, self._failed)

    def _done(self, title_id: str) -> None:
        self.add_button.setEnabled(True)
        self.added.emit(title_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        if isinstance(error, DuplicateLink):
            self._say(
                self.tr("This link is stored already, for «%1».").replace("%1", error.title), error=True
            )
        elif isinstance(error, InvalidLink):
            self._say(self.tr("This link cannot be used: %1").replace("%1", str(error)), error=True)
        else:
            self._say(str(error) or type(error).__name__, error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #ff7a6a;" if error else "")
        self.message.setText(text)
