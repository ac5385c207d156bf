"""Settings › TV: which guide feeds which playlist (link, unlink, the channel mapping editor),
catch-up padding, the zone of catch-up URLs, and how early reminders come.

Numbers are saved to settings.json as they change; pairing goes through
``services.guide.pairing`` in a worker.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.config import save_settings
from app.services.context import AppContext
from app.services.guide import pairing
from app.services.guide import refresh as epg_refresh
from app.services.sources.iptv import zone
from app.ui.viewmodels.operations import Operations
from app.ui.widgets.flow_layout import FlowLayout

log = logging.getLogger(__name__)


def remember(context: AppContext, **changes: Any) -> None:
    """Save settings to settings.json (or keep them until quit when the file cannot be written)."""
    try:
        context.settings = save_settings(context.paths, context.settings, **changes)
    except OSError as exc:
        log.warning("could not save %s (%s): they last until Cinema quits", ", ".join(changes), exc)
        context.settings = context.settings.model_copy(update=changes)


class TvSettings(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._s = context
        self.ops = Operations(self, "tv-settings")
        self.heading = QLabel(self.tr("TV"))
        self.heading.setObjectName("SectionHeading")

        self.playlist = QComboBox()
        self.playlist.setObjectName("Filter")
        self.playlist.setMinimumWidth(240)
        self.playlist.currentIndexChanged.connect(self._show_pairs)
        self.guide = QComboBox()
        self.guide.setObjectName("Filter")
        self.guide.setMinimumWidth(240)
        self.link_button = QPushButton(self.tr("Use this guide"))
        self.link_button.clicked.connect(self._link)
        self.unlink_button = QPushButton(self.tr("Unlink"))
        self.unlink_button.clicked.connect(self._unlink)
        self.mapping_button = QPushButton(self.tr("Channels…"))
        self.mapping_button.setToolTip(self.tr("Which guide channel each playlist channel shows"))
        self.mapping_button.clicked.connect(self._open_mapping)
        self.pairs = QLabel()
        self.pairs.setObjectName("Muted")
        self.pairs.setWordWrap(True)

        self.pad_before = self._spin(
            0, 120, context.settings.catchup_pad_before_min, "catchup_pad_before_min"
        )
        self.pad_after = self._spin(0, 240, context.settings.catchup_pad_after_min, "catchup_pad_after_min")
        self.remind = self._spin(0, 24 * 60, context.settings.reminder_minutes, "reminder_minutes")
        self.timezone = QLineEdit(context.settings.catchup_timezone)
        self.timezone.setPlaceholderText(self.tr("this computer's, e.g. Europe/Moscow"))
        self.timezone.setMinimumWidth(340)  # the placeholder whole, in Russian too
        self.timezone.setMaximumWidth(380)
        self.timezone.editingFinished.connect(self._zone_edited)
        self.zone_note = QLabel()
        self.zone_note.setObjectName("Muted")

        # wraps on a narrow window (1024 px in Russian: the pickers and three buttons need ~1000 px)
        pair_row = FlowLayout(spacing=8)
        for label, box in ((self.tr("Playlist"), self.playlist), (self.tr("Guide"), self.guide)):
            group = QWidget()
            pair = QHBoxLayout(group)
            pair.setContentsMargins(0, 0, 0, 0)
            pair.setSpacing(8)
            pair.addWidget(QLabel(label))
            pair.addWidget(box)
            pair_row.addWidget(group)
        pair_row.addWidget(self.link_button)
        pair_row.addWidget(self.unlink_button)
        pair_row.addWidget(self.mapping_button)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.addWidget(QLabel(self.tr("Archive starts")), 0, 0)
        grid.addWidget(self.pad_before, 0, 1)
        grid.addWidget(QLabel(self.tr("min before a programme, ends")), 0, 2)
        grid.addWidget(self.pad_after, 0, 3)
        grid.addWidget(QLabel(self.tr("min after it")), 0, 4)
        grid.addWidget(QLabel(self.tr("Reminders come")), 1, 0)
        grid.addWidget(self.remind, 1, 1)
        grid.addWidget(QLabel(self.tr("min before the start")), 1, 2, 1, 3)
        grid.addWidget(QLabel(self.tr("Time zone of archive links")), 2, 0)
        grid.addWidget(self.timezone, 2, 1, 1, 3)
        grid.addWidget(self.zone_note, 2, 4)
        grid.setColumnStretch(5, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addLayout(pair_row)
        layout.addWidget(self.pairs)
        layout.addLayout(grid)
        self._sources: list[Any] = []
        self._pairs: dict[int, list[Any]] = {}

    def _spin(self, low: int, high: int, value: int, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(low, high)
        box.setValue(value)
        box.setMaximumWidth(90)
        box.valueChanged.connect(lambda v: remember(self._s, **{name: v}))
        return box

    def _zone_edited(self) -> None:
        text = self.timezone.text().strip()
        if text and zone(text) is None:
            self.zone_note.setText(self.tr("unknown time zone: this computer's is used"))
            return
        self.zone_note.setText("")
        remember(self._s, catchup_timezone=text)

    # -- pairing --------------------------------------------------------------------------------
    def refresh(self) -> None:
        context = self._s

        def read_pairs() -> tuple[list[Any], dict[int, list[Any]]]:
            sources = epg_refresh.list_sources(context)
            return sources, pairing.pairs_by_playlist(context)

        self.ops.run("sources", read_pairs, self._loaded)

    def _loaded(self, found: tuple[list[Any], dict[int, list[Any]]]) -> None:
        self._sources, self._pairs = found
        current = self.playlist.currentData()
        self.playlist.blockSignals(True)
        self.playlist.clear()
        for s in self._sources:
            if s.kind in pairing.PLAYLIST_KINDS:
                self.playlist.addItem(s.name, s.id)
        index = self.playlist.findData(current)
        self.playlist.setCurrentIndex(max(0, index))
        self.playlist.blockSignals(False)
        self.guide.clear()
        for s in self._sources:
            if s.kind in pairing.GUIDE_KINDS:
                self.guide.addItem(s.name, s.id)
        self._show_pairs()

    def _show_pairs(self, *_args: object) -> None:
        playlist = self.playlist.currentData()
        has_playlist = playlist is not None
        for w in (self.link_button, self.unlink_button, self.mapping_button, self.guide):
            w.setEnabled(has_playlist)
        self.link_button.setEnabled(has_playlist and self.guide.count() > 0)
        if not has_playlist:
            self.pairs.setText(self.tr("Add a playlist (M3U) above to watch TV."))
            return
        names = {s.id: s.name for s in self._sources}
        linked = [p for p in self._pairs.get(int(playlist), []) if p.origin != "off"]
        self.unlink_button.setEnabled(bool(linked))
        if not linked:
            self.pairs.setText(self.tr("No separate guide is linked to this playlist."))
            return
        how = {"auto": self.tr("linked automatically"), "manual": self.tr("linked by you")}
        described = [f"{names.get(p.guide_id, p.guide_id)} ({how.get(p.origin, p.origin)})" for p in linked]
        self.pairs.setText(self.tr("Its guide: %1").replace("%1", ", ".join(described)))

    def _link(self) -> None:
        playlist, guide = self.playlist.currentData(), self.guide.currentData()
        if playlist is None or guide is None:
            return
        context = self._s
        self.pairs.setText(self.tr("Matching the channels…"))
        self.ops.run(
            "link",
            lambda: pairing.link_guide(context, int(playlist), int(guide)),
            self._linked,
            lambda exc: self.pairs.setText(str(exc)),
        )

    def _linked(self, found: pairing.Mapping) -> None:
        self.refresh()
        self.pairs.setText(self.tr("%n channel(s) matched with the guide", "", len(found.links)))

    def _unlink(self) -> None:
        playlist = self.playlist.currentData()
        if playlist is None:
            return
        linked = [p for p in self._pairs.get(int(playlist), []) if p.origin != "off"]
        context = self._s

        def unlink() -> None:
            for p in linked:
                pairing.unlink_guide(context, p.playlist_id, p.guide_id)

        self.ops.run("unlink", unlink, lambda _none: self.refresh())

    def _open_mapping(self) -> None:
        from app.ui.components.channel_mapping import ChannelMappingDialog

        playlist = self.playlist.currentData()
        if playlist is None:
            return
        dialog = ChannelMappingDialog(self._s, int(playlist), self.playlist.currentText(), self)
        dialog.open()  # never exec() a modal dialog under the asyncio loop
