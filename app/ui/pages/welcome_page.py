"""The welcome on first run (skippable, reopened from Settings): the provider's playlist and TV
guide (a URL or a file), the TMDB token, optional indexers and addons — each checked as it is
entered; the demo library stays until the user's guide brings films.

Signals: finished() (Done or Skip: the window shows Home).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.config import save_settings
from app.services import keys
from app.services.context import AppContext
from app.services.keys import KeyCheck, KeyEntry, Verdict
from app.ui.components.keys_settings import verdict_text
from app.ui.localized import in_words
from app.ui.viewmodels.operations import Operations

log = logging.getLogger(__name__)

OK_STYLE = "color: #8fd19e;"
ERROR_STYLE = "color: #ff6a4d;"


class Step(QObject):
    """One thing to enter: a field, its Check button, what the check found."""

    def __init__(
        self,
        parent: QObject,
        label: str,
        placeholder: str,
        grid: QGridLayout,
        row: int,
        *,
        secret: bool = False,
    ) -> None:
        super().__init__(parent)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setPlaceholderText(placeholder)
        self.field.setMinimumWidth(280)
        if secret:
            self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = QPushButton(self.tr("Check"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.extra: QPushButton | None = None
        grid.addWidget(self.label, row, 0)
        grid.addWidget(self.field, row, 1)
        grid.addWidget(self.button, row, 2)
        grid.addWidget(self.result, row + 1, 1, 1, 3)

    def say(self, text: str, ok: bool) -> None:
        self.result.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.result.setText(in_words(text))


class WelcomePage(QWidget):
    finished = Signal()

    def __init__(self, services: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self._s = services
        self.ops = Operations(self, "welcome")
        self._added: dict[str, int] = {}  # step name -> guide source id it added
        title = QLabel(self.tr("Welcome to Cinema"))
        title.setObjectName("PageTitle")
        intro = QLabel(
            self.tr(
                "Cinema finds the films in your TV provider's guide, matches them to TMDB and "
                "Shikimori and shows them as posters, with every way to watch them. Fill in what "
                "you have: each line is checked as you enter it. Everything here can be changed "
                "later in Settings."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("Muted")

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        provider = QLabel(self.tr("Your TV provider"))
        provider.setObjectName("SectionHeading")
        grid.addWidget(provider, 0, 0, 1, 4)
        self.playlist = Step(self, self.tr("Playlist (M3U) URL"), "http://…/playlist.m3u", grid, 1)
        self.guide = Step(self, self.tr("TV guide (XMLTV) URL or file"), "http://…/epg.xml.gz", grid, 3)
        browse = QPushButton(self.tr("File…"))
        browse.clicked.connect(self._browse)
        grid.addWidget(browse, 3, 3, Qt.AlignmentFlag.AlignLeft)
        metadata = QLabel(self.tr("Posters and descriptions"))
        metadata.setObjectName("SectionHeading")
        grid.addWidget(metadata, 5, 0, 1, 4)
        self.tmdb = Step(self, self.tr("TMDB token"), self.tr("API Read Access Token"), grid, 6, secret=True)
        tmdb_hint = QLabel(
            self.tr(
                "Free at themoviedb.org › Settings › API. Without it anime still get Shikimori's "
                "posters; films keep their guide text until you add it."
            )
        )
        tmdb_hint.setObjectName("Muted")
        tmdb_hint.setWordWrap(True)
        grid.addWidget(tmdb_hint, 8, 1, 1, 3)
        optional = QLabel(self.tr("Optional: more ways to watch"))
        optional.setObjectName("SectionHeading")
        grid.addWidget(optional, 9, 0, 1, 4)
        self.indexer = Step(
            self, self.tr("Torznab indexer URL"), "http://127.0.0.1:9117/api/v2.0/…/torznab/", grid, 10
        )
        self.indexer_key = QLineEdit()
        self.indexer_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.indexer_key.setPlaceholderText(self.tr("its API key"))
        grid.addWidget(self.indexer_key, 10, 3)
        self.addon = Step(self, self.tr("Stremio addon URL"), "https://…/manifest.json", grid, 12)

        self.demo_note = QLabel(
            self.tr(
                "Until your guide brings films, the demo library (classic films and a sample "
                "video) stays. It steps aside by itself; bring it back any time in Settings › "
                "Demo library. This welcome is there too: Settings › Show the welcome again."
            )
        )
        self.demo_note.setObjectName("Muted")
        self.demo_note.setWordWrap(True)
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.clicked.connect(self.finish)
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setObjectName("Primary")
        self.done_button.clicked.connect(self.finish)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.done_button)

        content = QWidget()
        content.setObjectName("Page")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(36, 24, 36, 24)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addWidget(self.demo_note)
        layout.addLayout(buttons)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        for step, check in (
            (self.playlist, lambda: self.check_guide("playlist", self.playlist)),
            (self.guide, lambda: self.check_guide("guide", self.guide)),
            (self.tmdb, self.check_tmdb),
            (self.indexer, self.check_indexer),
            (self.addon, self.check_addon),
        ):
            step.button.clicked.connect(check)
            step.field.editingFinished.connect(lambda s=step, c=check: c() if s.field.isModified() else None)

    # -- checks ---------------------------------------------------------------------------------
    def _run(
        self, step: Step, key: str, work: Callable[[], Awaitable[Any]], shown: Callable[[Any], None]
    ) -> None:
        step.field.setModified(False)
        step.say(self.tr("Checking…"), True)
        step.button.setEnabled(False)

        def ready(value: Any) -> None:
            step.button.setEnabled(True)
            shown(value)

        def failed(error: BaseException) -> None:
            step.button.setEnabled(True)
            step.say(str(error) or type(error).__name__, False)

        self.ops.run_async(key, work, ready, failed)

    def check_guide(self, name: str, step: Step) -> None:
        """Add the playlist or guide through the refresh flow (fetched, imported): the check is
        the real import; a new value for the same line replaces the one added before."""
        location = step.field.text().strip()
        if not location:
            return
        flow = self._s.scheduler
        assert flow is not None, "the app's refresh flow (bootstrap builds it)"
        previous = self._added.pop(name, None)

        async def work() -> Any:
            if previous is not None:
                await flow.remove_guide(previous)  # type: ignore[attr-defined]
            return await flow.add_guide(location)  # type: ignore[attr-defined]

        def shown(added: Any) -> None:
            source_id, result = added
            self._added[name] = source_id
            outcome = result.guides[-1] if result.guides else None
            if result.error or outcome is None or outcome.error:
                step.say(
                    result.error or (outcome.error if outcome else "") or self.tr("nothing was read"), False
                )
                return
            text = self.tr("✓ %1 channels, %2 programmes, %3 films.")
            step.say(
                text.replace("%1", str(outcome.channels))
                .replace("%2", str(outcome.programmes))
                .replace("%3", str(outcome.films)),
                True,
            )

        self._run(step, name, work, shown)

    def check_tmdb(self) -> None:
        token = self.tmdb.field.text().strip()
        if not token:
            return
        entry = KeyEntry(keys.TMDB, keys.TMDB, "TMDB", keys.TMDB, False)

        async def work() -> tuple[KeyCheck, str | None]:
            from app.core.tasks import run_blocking
            from app.domain.errors import CinemaError

            result = await keys.check(self._s, entry, token)
            if result.verdict != Verdict.OK:
                return result, None
            try:
                await run_blocking(keys.save, entry, token)
            except CinemaError as exc:  # it works, but cannot be kept: say both
                return result, str(exc)
            return result, ""

        def shown(outcome: tuple[KeyCheck, str | None]) -> None:
            result, kept = outcome
            if kept == "":
                self.tmdb.say(verdict_text(result) + " " + self.tr("Saved in the keyring."), True)
            elif kept is not None:
                self.tmdb.say(
                    verdict_text(result) + " " + self.tr("But it could not be kept: %1").replace("%1", kept),
                    False,
                )
            else:
                self.tmdb.say(verdict_text(result), result.ok)

        self._run(self.tmdb, "tmdb", work, shown)

    def check_indexer(self) -> None:
        url = self.indexer.field.text().strip()
        key = self.indexer_key.text().strip()
        if not url:
            return
        if not key:
            self.indexer.say(self.tr("Enter the indexer's API key too."), False)
            return
        from app.services.sources import admin

        def shown(info: Any) -> None:
            self.indexer.say(self.tr("✓ Added: %1").replace("%1", info.name), True)

        self._run(self.indexer, "indexer", lambda: admin.add_indexer(self._s, _name_of(url), url, key), shown)

    def check_addon(self) -> None:
        url = self.addon.field.text().strip()
        if not url:
            return
        from app.services.sources import admin

        def shown(info: Any) -> None:
            self.addon.say(self.tr("✓ Added: %1").replace("%1", info.name), True)

        self._run(self.addon, "addon", lambda: admin.add_addon(self._s, url), shown)

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("A TV guide file"))
        dialog.setNameFilters([self.tr("TV guides (*.xml *.xml.gz *.xz *.gz *.m3u *.m3u8 *.json)")])
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self._file_chosen)
        dialog.open()  # never exec() under the asyncio loop

    def _file_chosen(self, path: str) -> None:
        self.guide.field.setText(path)
        self.check_guide("guide", self.guide)

    # -- leaving --------------------------------------------------------------------------------
    def finish(self) -> None:
        """Done or Skip: not shown at the next start (Settings can show it again)."""
        try:
            self._s.settings = save_settings(self._s.paths, self._s.settings, welcome_done=True)
        except OSError as exc:
            log.warning("could not remember that the welcome was seen: %s", exc)
        self.finished.emit()


def _name_of(url: str) -> str:
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or "indexer"
    return host.split(".")[0] if not host.replace(".", "").isdigit() else "Torznab"
