"""The player says why a source could not be played and offers Retry; while a torrent looks for
peers and its file list it says so (peers, seconds), and a dead torrent ends in a plain sentence.

Installed on the player page when it is built; it listens to the playback service after the page.
"""

from __future__ import annotations

import re
import time
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QPushButton

from app.domain.models import SourceKind
from app.services.playback.diagnose import Diagnosis, Why, diagnose
from app.services.playback.session import PlaybackState, PlayerEvent
from app.ui.localized import in_words, way_label
from app.ui.viewmodels.operations import Operations

_NO_PEERS = (
    re.compile(r"no metadata for \S+ after ([\d.]+) s: found no peers"),
    re.compile(r"found no peers in ([\d.]+) s"),
)
_SILENT_PEERS = re.compile(r"no metadata for \S+ after ([\d.]+) s: (\d+) peer\(s\) did not send it")
_NOT_PLAYABLE = re.compile(r"not playable after ([\d.]+) s")
_HTTP_NAMES = {401: "access refused", 403: "access refused", 404: "not found", 410: "gone"}


class PlayFailure(QObject):
    def __init__(self, page: Any, playback: Any, services: Any) -> None:
        super().__init__(page)
        self.page = page
        self.playback = playback
        self.services = services
        self.ops = Operations(self, "play failure")
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setObjectName("Primary")
        self.retry_button.hide()
        self.retry_button.clicked.connect(self.retry)
        page.message_panel.layout().addWidget(self.retry_button)
        self._opening_since = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._torrent_wait)
        playback.add_listener(self._on_event)

    # -- what happened ------------------------------------------------------------------------
    def _on_event(self, event: PlayerEvent, value: object) -> None:
        if event is PlayerEvent.ERROR:
            self._timer.stop()
            self._failed()
        elif event in (PlayerEvent.OPENING, PlayerEvent.SOURCE):
            self.retry_button.hide()
            self._opening_since = time.monotonic()
            self._timer.start()
        elif event in (PlayerEvent.PLAYING, PlayerEvent.VIDEO_STARTED, PlayerEvent.STOPPED):
            self.retry_button.hide()
            self._timer.stop()

    def _failed(self) -> None:
        failure = self.playback.failure
        current = self.playback.current
        self.retry_button.setVisible(current is not None)
        self.page.message_panel.adjustSize()
        if failure is None:
            return
        words = self.torrent_sentence(failure.cause.detail)
        source = way_label(failure.source) if failure.source else ""
        if words:
            self._say(words if not source else f"{source}: {words}")
            return
        if current is None:
            return
        request = current.request
        self.ops.run_async(
            "diagnose",
            lambda: diagnose(self.services, request),
            lambda found: self._diagnosed(found, source),
        )

    def _diagnosed(self, found: Diagnosis | None, source: str) -> None:
        if found is None or self.playback.state != PlaybackState.ERROR:
            return
        text = self.diagnosis_text(found)
        said = f"{source}: {text}" if source else text
        self._say(self.tr("Cannot play this source: %1").replace("%1", said))

    def diagnosis_text(self, found: Diagnosis) -> str:
        if found.why == Why.HTTP_STATUS:
            name = _HTTP_NAMES.get(found.status or 0)
            text = self.tr("the server answered HTTP %1").replace("%1", str(found.status))
            return f"{text} ({self.tr(name)})" if name else text
        texts = {
            Why.UNREACHABLE: in_words(found.detail),
            Why.WEB_PAGE: self.tr("the link leads to a web page, not to a video"),
            Why.NO_VIDEO: self.tr("there is no video in it"),
            Why.MISSING: self.tr("the file is not there any more"),
            Why.EMPTY: self.tr("the file is empty"),
        }
        return texts[found.why]

    def torrent_sentence(self, detail: str) -> str:
        """A torrent engine's reason as a plain sentence ("" when it is not one we know)."""
        for pattern in _NO_PEERS:
            match = pattern.search(detail)
            if match:
                return self.tr(
                    "Nobody shares this torrent now: no peers found in %1 s. Try another source or later."
                ).replace("%1", match.group(1))
        match = _SILENT_PEERS.search(detail)
        if match:
            return (
                self.tr("Peers were found (%2), but none sent the file list in %1 s. Try again later.")
                .replace("%1", match.group(1))
                .replace("%2", match.group(2))
            )
        match = _NOT_PLAYABLE.search(detail)
        if match:
            text = self.tr("The torrent is too slow: its start did not arrive in %1 s.")
            return text.replace("%1", match.group(1))
        return ""

    def _say(self, text: str) -> None:
        self.page.message.setText(text)
        self.page.message_panel.adjustSize()

    # -- a torrent that is being found ---------------------------------------------------------
    def _torrent_wait(self) -> None:
        current = self.playback.current
        if (
            self.playback.state not in (PlaybackState.OPENING, PlaybackState.IDLE)
            or current is None
            or current.kind is not SourceKind.TORRENT
        ):
            return
        opener = self.playback.opener
        if opener.handle is not None or opener.streaming is None or opener.streaming.engine is None:
            return  # the stream is open: the page shows its own figures
        waiting = [a for a in opener.streaming.engine.active.values() if a.handle.is_valid()]
        if not waiting:
            return
        status = waiting[-1].handle.status()
        seconds = int(time.monotonic() - self._opening_since)
        if status.has_metadata:
            text = self.tr("Got the file list; starting the download… (%1 s)").replace("%1", str(seconds))
        elif status.num_peers == 0:
            text = self.tr("Looking for people who share this torrent… (%1 s)").replace("%1", str(seconds))
        else:
            text = (
                self.tr("Getting the file list from %1 peer(s)… (%2 s)")
                .replace("%1", str(status.num_peers))
                .replace("%2", str(seconds))
            )
        self._say(text)

    # -- Retry -----------------------------------------------------------------------------------
    def retry(self) -> None:
        """The same source again, from where it was."""
        current = self.playback.current
        if current is None:
            return
        playable = current.at(max(self.playback.position_ms(), current.request.start_ms))
        self.retry_button.hide()
        self.page.show_opening(playable)
        self.page.start([playable])


def install(page: Any, playback: Any) -> PlayFailure:
    return PlayFailure(page, playback, playback.opener.services)
