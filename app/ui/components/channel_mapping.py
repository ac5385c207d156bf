"""The channel mapping editor: which guide channel feeds each playlist channel.

Left: the playlist's channels with how each was matched (tvg-id, name, fuzzy, by hand, none,
its own guide, unmatched) — "Only unmatched" narrows it to what needs a person. Right: the
paired guides' channels, searchable. "Link", "No guide" and "Automatic" store a choice at once;
a person's choice survives every refresh. Works through ``services.guide.pairing`` in workers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.tv import ChannelName
from app.services.context import AppContext
from app.services.guide import pairing
from app.services.guide.channel_names import channel_key
from app.ui.components.tray_settings import CHECK_STYLE
from app.ui.viewmodels.operations import Operations

UserRole = Qt.ItemDataRole.UserRole
STYLE = """
QDialog { background: #12141a; border: 1px solid #2a2e39; }
QScrollBar:horizontal { height: 0px; }
"""


class ChannelMappingDialog(QDialog):
    def __init__(
        self, context: AppContext, playlist_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Channels of %1").replace("%1", name))
        self.resize(980, 640)
        self.setStyleSheet(STYLE)
        self._s = context
        self._playlist = playlist_id
        self.ops = Operations(self, "mapping")
        self._rows: list[pairing.MappingRow] = []
        self._choices: list[ChannelName] = []
        self._methods = {
            "tvg-id": self.tr("by tvg-id"),
            "name": self.tr("by name"),
            "fuzzy": self.tr("similar name"),
            "manual": self.tr("chosen by you"),
            "none": self.tr("no guide (your choice)"),
            "own": self.tr("its playlist's guide"),
            "unmatched": self.tr("no guide found"),
        }

        self.only_unmatched = QCheckBox(self.tr("Only channels without a guide"))
        self.only_unmatched.setStyleSheet(CHECK_STYLE)
        self.only_unmatched.toggled.connect(self._fill_rows)
        self.find_channel = QLineEdit()
        self.find_channel.setPlaceholderText(self.tr("Find a channel"))
        self.find_channel.textChanged.connect(self._fill_rows)
        self.channels = QListWidget()
        self.channels.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.channels.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.channels.currentItemChanged.connect(self._channel_chosen)
        self.find_guide = QLineEdit()
        self.find_guide.setPlaceholderText(self.tr("Find a guide channel"))
        self.find_guide.textChanged.connect(self._fill_choices)
        self.guide = QListWidget()
        self.guide.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.guide.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.guide.itemDoubleClicked.connect(lambda _item: self._link())
        # a guide channel chosen with one click (or the arrows) enables Link
        self.guide.currentItemChanged.connect(self._update_buttons)
        self.summary = QLabel()
        self.summary.setObjectName("Muted")
        self.link_button = QPushButton(self.tr("Link"))
        self.link_button.setObjectName("Primary")
        self.link_button.clicked.connect(self._link)
        self.none_button = QPushButton(self.tr("No guide"))
        self.none_button.clicked.connect(self._no_guide)
        self.auto_button = QPushButton(self.tr("Automatic"))
        self.auto_button.setToolTip(self.tr("Forget your choice: match this channel automatically again"))
        self.auto_button.clicked.connect(self._automatic)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Playlist channels")))
        left.addWidget(self.find_channel)
        left.addWidget(self.only_unmatched)
        left.addWidget(self.channels, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Guide channels")))
        right.addWidget(self.find_guide)
        right.addWidget(self.guide, 1)
        lists = QHBoxLayout()
        lists.addLayout(left, 1)
        lists.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for b in (self.link_button, self.none_button, self.auto_button, close):
            buttons.addWidget(b)
        outer = QVBoxLayout(self)
        outer.addLayout(lists, 1)
        outer.addLayout(buttons)
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        context, playlist = self._s, self._playlist
        self.ops.run(
            "rows", lambda: pairing.mapping_rows(context, playlist), lambda found: self._loaded(found, keep)
        )

    def _loaded(self, found: tuple[list[pairing.MappingRow], list[ChannelName]], keep: str | None) -> None:
        self._rows, self._choices = found
        self._fill_rows(keep=keep)
        self._fill_choices()

    def _fill_rows(self, *_args: object, keep: str | None = None) -> None:
        current = self.channels.currentItem()
        keep = keep or (current.data(UserRole) if current is not None else None)
        key = channel_key(self.find_channel.text()) if self.find_channel.text().strip() else ""
        unmatched_only = self.only_unmatched.isChecked()
        self.channels.clear()
        missing = 0
        for row in self._rows:
            if row.guide_channel_id is None:
                missing += 1
            if unmatched_only and row.guide_channel_id is not None:
                continue
            if key and key not in channel_key(row.name):
                continue
            target = row.guide_channel_name or "—"
            item = QListWidgetItem(
                f"{row.name}   →   {target}    ({self._methods.get(row.method, row.method)})"
            )
            item.setData(UserRole, row.channel_id)
            if row.guide_channel_id is None:
                item.setForeground(Qt.GlobalColor.gray)
            self.channels.addItem(item)
            if row.channel_id == keep:
                self.channels.setCurrentItem(item)
        linked = len(self._rows) - missing
        self.summary.setText(
            self.tr("%1 of %2 channels have a guide")
            .replace("%1", str(linked))
            .replace("%2", str(len(self._rows)))
            + ("" if self._choices else "  ·  " + self.tr("no guide is paired with this playlist yet"))
        )
        self._update_buttons()

    def _fill_choices(self, *_args: object) -> None:
        key = channel_key(self.find_guide.text()) if self.find_guide.text().strip() else ""
        self.guide.clear()
        for choice in self._choices:
            if key and key not in channel_key(choice.name) and key not in choice.guide_id.lower():
                continue
            item = QListWidgetItem(f"{choice.name}    [{choice.guide_id}]")
            item.setData(UserRole, choice.id)
            self.guide.addItem(item)
        self._update_buttons()

    def _channel_chosen(self, *_args: object) -> None:
        item = self.channels.currentItem()
        if item is None:
            return
        row = next((r for r in self._rows if r.channel_id == item.data(UserRole)), None)
        if row is not None and not self.find_guide.text().strip():
            # suggest: the guide list filtered by the channel's own name
            self.find_guide.setText(row.name)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        has_channel = self.channels.currentItem() is not None
        self.link_button.setEnabled(has_channel and self.guide.currentItem() is not None)
        self.none_button.setEnabled(has_channel)
        self.auto_button.setEnabled(has_channel)

    def _selected(self) -> str | None:
        item = self.channels.currentItem()
        return None if item is None else str(item.data(UserRole))

    def _store(self, channel_id: str, guide_channel_id: str | None) -> None:
        context = self._s
        self.ops.run(
            ("store", channel_id),
            lambda: pairing.set_mapping(context, channel_id, guide_channel_id),
            lambda _none: self.reload(keep=channel_id),
        )

    def _link(self) -> None:
        channel = self._selected()
        choice = self.guide.currentItem()
        if channel is not None and choice is not None:
            self._store(channel, str(choice.data(UserRole)))

    def _no_guide(self) -> None:
        channel = self._selected()
        if channel is not None:
            self._store(channel, None)

    def _automatic(self) -> None:
        channel = self._selected()
        if channel is None:
            return
        context = self._s
        self.ops.run(
            ("auto", channel),
            lambda: pairing.forget_mapping(context, channel),
            lambda _none: self.reload(keep=channel),
        )
