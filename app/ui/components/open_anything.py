"""Open anything: Ctrl+O, Ctrl+V of a link, drops on the window, and what a later launch hands over.

Video files and links play, magnets and .torrent files stream, subtitle files go to what plays;
anything else gets a sentence saying why it was not opened. ``install(window)`` wires it to the
main window (which keeps ``play_location`` and the player page).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.locations import SUBTITLE_SUFFIXES, VIDEO_SUFFIXES, OpenKind, classify
from app.ui.widgets.toast import Toast

log = logging.getLogger(__name__)

_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def locations_of(mime: QMimeData) -> list[str]:
    """What a drop or the clipboard carries: local files as paths, other URLs and text lines as given."""
    found: list[str] = []
    for url in mime.urls():
        found.append(url.toLocalFile() if url.isLocalFile() else url.toString())
    if not found and mime.hasText():
        found = [line.strip() for line in mime.text().splitlines() if line.strip()]
    return found


class OpenDialog(QDialog):
    """Open… (Ctrl+O): a link, a magnet or a path typed or pasted, or a file chosen.
    Signals: chosen(str location)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr("A video file, a link (http, rtsp …), a magnet link, a .torrent file or subtitles:")
        )
        intro.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Paste a link or a magnet, or choose a file"))
        self.field.textChanged.connect(self._check)
        browse = QPushButton(self.tr("Choose a file…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(browse)
        self.problem = QLabel()
        self.problem.setObjectName("Muted")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._check("")

    def _check(self, text: str) -> bool:
        kind = classify(text)
        ok = kind != OpenKind.UNKNOWN
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(ok)
        self.problem.setText(
            "" if ok or not text.strip() else self.tr("This is not a video, a link, a torrent or subtitles.")
        )
        return ok

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Open a file"))
        patterns = " ".join(f"*{s}" for s in (*VIDEO_SUFFIXES, ".torrent", *SUBTITLE_SUFFIXES))
        dialog.setNameFilters([self.tr("Videos, torrents and subtitles (%1)").replace("%1", patterns)])
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.field.setText)
        dialog.open()  # never exec() under the asyncio loop

    def _accept(self) -> None:
        text = self.field.text().strip()
        if self._check(text):
            self.accept()
            self.chosen.emit(text)


class OpenAnything(QObject):
    """Opens locations in the window: from Open…, a paste, a drop or a later launch."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.toast = Toast(window)
        window.setAcceptDrops(True)
        QShortcut(QKeySequence.StandardKey.Open, window, self.show_dialog, Qt.ShortcutContext.WindowShortcut)
        # a text field takes its own Ctrl+V (it overrides the shortcut); elsewhere a link is opened
        QShortcut(QKeySequence.StandardKey.Paste, window, self.paste, Qt.ShortcutContext.WindowShortcut)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # drops on any page, the player's video included
        self.dialog: OpenDialog | None = None

    # -- asking --------------------------------------------------------------------------------------
    def show_dialog(self) -> None:
        self.dialog = OpenDialog(self.window)
        self.dialog.chosen.connect(lambda text: self.open([text]))
        self.dialog.open()

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        found = locations_of(mime) if mime is not None else []
        if not found:
            self.say(self.tr("The clipboard holds no link or file to open."))
            return
        self.open(found)

    def come_forward(self) -> None:
        """Show the window in front (it may be hidden in the tray or minimised)."""
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def launched(self, locations: Sequence[str]) -> None:
        """A later launch of the app (``cinema play X``, a clicked magnet): to the front, then open."""
        self.come_forward()
        if locations:
            self.open(locations)

    # -- opening -------------------------------------------------------------------------------------
    def open(self, locations: Sequence[str]) -> None:
        """Play the first video, link or torrent; subtitles go to what plays; say what was skipped."""
        kinds = [(loc, classify(loc)) for loc in locations if loc.strip()]
        playable = [loc for loc, kind in kinds if kind in (OpenKind.VIDEO, OpenKind.URL, OpenKind.TORRENT)]
        subtitles = [loc for loc, kind in kinds if kind == OpenKind.SUBTITLE]
        unknown = [loc for loc, kind in kinds if kind == OpenKind.UNKNOWN]
        if playable:
            log.info("opening %s", classify(playable[0]))
            self.window.play_location(playable[0])
            if len(playable) > 1:
                self.say(self.tr("Playing the first of %1 items.").replace("%1", str(len(playable))))
        elif subtitles:
            self._subtitles(subtitles[0])
        if unknown and not playable and not subtitles:
            name = unknown[0].rsplit("/", 1)[-1][:80]
            self.say(
                self.tr(
                    "Cinema cannot open «%1»: it is not a video, a link, a torrent or subtitles."
                ).replace("%1", name)
            )

    def resume(self, item_key: str) -> None:
        """Continue watching's file or link (no title page): it plays again from where it was left."""
        catalog = self.window.catalog

        def found(location: str | None) -> None:
            if location:
                self.window.play_location(location)
            else:
                self.say(self.tr("Cinema no longer knows where this was played from."))

        self.window.ops.run("resume", lambda: catalog.adhoc_location(item_key), found)

    def _subtitles(self, path: str) -> None:
        if self.window.navigator.is_current("player"):
            self.window.player.load_subtitle(path)
        else:
            self.say(self.tr("Subtitles are added to what plays: start a video, then drop them on it."))

    def say(self, text: str) -> None:
        self.toast.say(text, 5.0)

    # -- drops ---------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _DRAG_EVENTS or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self.window:
            return False
        if event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            found = locations_of(event.mimeData())
            if found:
                event.acceptProposedAction()
                self.open(found)
                return True
            return False
        assert isinstance(event, QDragEnterEvent) or event.type() == QEvent.Type.DragMove
        if locations_of(event.mimeData()):  # type: ignore[attr-defined]
            event.acceptProposedAction()  # type: ignore[attr-defined]
            return True
        return False


def install(window: Any) -> OpenAnything:
    """Open…, paste and drops for ``window`` (the main window)."""
    return OpenAnything(window)
