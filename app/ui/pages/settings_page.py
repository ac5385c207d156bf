"""Settings: guide sources, language, the tray, the demo library, where the data lives."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.services import demo
from app.services.context import AppContext, RefreshFlow
from app.ui.components.language_setting import LanguageSetting
from app.ui.components.sources_panel import SourcesPanel
from app.ui.components.tray_settings import TraySettings
from app.ui.viewmodels.operations import Operations


class SettingsPage(QWidget):
    """Signals: libraryChanged(), welcomeRequested()."""

    libraryChanged = Signal()
    welcomeRequested = Signal()

    def __init__(
        self, services: AppContext, scheduler: RefreshFlow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self._s = services
        self._demo_present = False
        self._demo_aside = False  # it went for the user's own films (issue 18)
        self.ops = Operations(self, "settings")
        heading = QLabel(self.tr("Settings"))
        heading.setObjectName("PageTitle")
        guides_heading = QLabel(self.tr("TV guides and playlists"))
        guides_heading.setObjectName("SectionHeading")
        self.sources = SourcesPanel(services, scheduler)
        self.sources.guideChanged.connect(self.libraryChanged)
        demo_heading = QLabel(self.tr("Demo library"))
        demo_heading.setObjectName("SectionHeading")
        self.demo_state = QLabel()
        self.demo_state.setObjectName("Muted")
        self.demo_state.setWordWrap(True)
        self.demo_button = QPushButton()
        self.demo_button.clicked.connect(self._toggle_demo)
        data_heading = QLabel(self.tr("Where Cinema keeps its data"))
        data_heading.setObjectName("SectionHeading")
        paths = services.paths
        lines = [
            (self.tr("Library"), paths.database),
            (self.tr("Cache"), paths.cache),
            (self.tr("Logs"), paths.logs),
        ]
        self.paths_label = QLabel("\n".join(f"{name}: {where}" for name, where in lines))
        self.paths_label.setObjectName("Muted")
        self.paths_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.torrent_listen = QLabel(self._listen_text(services.settings.torrent_listen_interfaces))
        self.torrent_listen.setObjectName("Muted")
        self.torrent_listen.setWordWrap(True)
        self.torrent_listen.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        row = QHBoxLayout()
        row.addWidget(self.demo_button)
        self.welcome_button = QPushButton(self.tr("Show the welcome again"))  # issue 18
        self.welcome_button.clicked.connect(self.welcomeRequested)
        row.addWidget(self.welcome_button)
        row.addStretch(1)
        # the sections are taller than a small window: they scroll (squeezed, they overlapped)
        content = QWidget()
        content.setObjectName("Page")
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(36, 24, 36, 24)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addWidget(guides_heading)
        layout.addWidget(self.sources)
        layout.addSpacing(12)
        from app.ui.components.tv_settings import TvSettings

        self.tv_settings = TvSettings(services)  # issue 13: playlist-guide pairing, catch-up, reminders
        layout.addWidget(self.tv_settings)
        layout.addSpacing(12)
        from app.ui.components.stream_providers import StreamProvidersSettings

        self.stream_providers = StreamProvidersSettings(services)  # indexers, addons, health, the log
        layout.addWidget(self.stream_providers)
        layout.addSpacing(12)
        from app.ui.components.keys_settings import KeysSettings

        self.keys = KeysSettings(services)  # issue 18: TMDB, OpenSubtitles and the indexers' keys
        layout.addWidget(self.keys)
        layout.addSpacing(12)
        general_heading = QLabel(self.tr("Language"))
        general_heading.setObjectName("SectionHeading")
        self.language = LanguageSetting(services)
        layout.addWidget(general_heading)
        layout.addWidget(self.language)
        layout.addSpacing(12)
        self.tray_settings = TraySettings(services)
        layout.addWidget(self.tray_settings)
        layout.addSpacing(12)
        from app.ui.components.watched_setting import WatchedSetting

        self.watched = WatchedSetting(services)  # issue 15: the watched threshold
        layout.addWidget(self.watched)
        layout.addSpacing(12)
        from app.ui.components.sync_settings import SyncSettings

        self.sync_settings = SyncSettings(services)  # issue 17: the household's library server
        layout.addWidget(self.sync_settings)
        layout.addSpacing(12)
        layout.addWidget(demo_heading)
        layout.addWidget(self.demo_state)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(data_heading)
        layout.addWidget(self.paths_label)
        layout.addWidget(self.torrent_listen)
        layout.addStretch(1)
        self._refresh_demo()

    def _listen_text(self, interfaces: str) -> str:
        """Where BitTorrent accepts peers; every interface by default (peers must reach it)."""
        hosts = [
            item.strip().rpartition(":")[0].strip("[]") for item in interfaces.split(",") if item.strip()
        ]
        if any(host in ("", "0.0.0.0", "::") for host in hosts):
            text = self.tr(
                "BitTorrent accepts peers on every network interface (%1): other computers can "
                "connect to it, as peers must. To limit it, set torrent_listen_interfaces in "
                "settings.json (for example 127.0.0.1:6881)."
            )
        else:
            text = self.tr("BitTorrent accepts peers only on %1 (torrent_listen_interfaces).")
        return text.replace("%1", ", ".join(item.strip() for item in interfaces.split(",") if item.strip()))

    def refresh(self) -> None:
        """Re-read sources and demo state (when the page is shown: the guide stack loads lazily)."""
        self.sources.reload()
        self.tv_settings.refresh()
        self.tray_settings.refresh()
        self.watched.refresh()
        self.keys.refresh()
        self.sync_settings.refresh()
        self._refresh_demo()

    def _refresh_demo(self) -> None:
        """Whether the demo library is there, read in a worker."""

        def read() -> bool:
            self._demo_aside = demo.stepped_aside(self._s)
            return demo.is_demo_present(self._s)

        self.ops.run("demo", read, self._show_demo)

    def _show_demo(self, present: bool) -> None:
        self._demo_present = present
        if present:
            self.demo_state.setText(
                self.tr(
                    "The demo library (classic films and a sample video) is shown "
                    "while you have no guide of your own."
                )
            )
            self.demo_button.setText(self.tr("Remove the demo library"))
        elif self._demo_aside:
            self.demo_state.setText(
                self.tr("The demo library stepped aside when your own guide brought films.")
            )
            self.demo_button.setText(self.tr("Bring back the demo library"))
        else:
            self.demo_state.setText(self.tr("The demo library is removed."))
            self.demo_button.setText(self.tr("Bring back the demo library"))
        self.demo_button.setEnabled(True)

    def _toggle_demo(self) -> None:
        """Remove or bring back the demo library (many rows: in a worker)."""
        present = self._demo_present

        def toggle() -> None:
            if present:
                demo.remove_demo_library(self._s)
            else:
                demo.restore_demo_library(self._s)

        def done(_none: None) -> None:
            self.refresh()
            self.libraryChanged.emit()

        def failed(exc: BaseException) -> None:
            self.demo_state.setText(self.tr("Could not change the demo library: %1").replace("%1", str(exc)))
            self.demo_button.setEnabled(True)

        self.demo_button.setEnabled(False)
        self.ops.run("demo toggle", toggle, done, failed)
