"""*Why first*: the components of one source's score (value × weight = points) and the total."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.domain.release import Component, RankedStream

_BAR = QColor("#ff5a36")
_TRACK = QColor("#262a35")


class _Bar(QWidget):
    """A thin bar: the component's value (0..1)."""

    def __init__(self, value: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = max(0.0, min(1.0, value))
        self.setFixedHeight(8)
        self.setMinimumWidth(120)

    def sizeHint(self) -> QSize:
        return QSize(160, 8)

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        rect = QRectF(self.rect())
        painter.setBrush(_TRACK)
        painter.drawRoundedRect(rect, 4, 4)
        if self._value > 0:
            painter.setBrush(_BAR)
            painter.drawRoundedRect(
                QRectF(rect.x(), rect.y(), rect.width() * self._value, rect.height()), 4, 4
            )
        painter.end()


class WhyFirst(QFrame):
    """Shows one ranked source's score, component by component, with the reason of each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WhyFirst")
        self.setStyleSheet(
            "QFrame#WhyFirst { background: #141720; border: 1px solid #262a35; border-radius: 8px; }"
            "QLabel { background: transparent; }"
        )
        self.heading = QLabel()
        self.heading.setObjectName("WhyHeading")
        self.heading.setStyleSheet("font-weight: 700; color: #ffffff;")
        self.heading.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(6)
        self.total = QLabel()
        self.total.setStyleSheet("font-weight: 700; color: #ffffff;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addLayout(self.grid)
        layout.addWidget(self.total)

    def names(self) -> dict[str, str]:
        return {
            "quality": self.tr("Quality"),
            "speed": self.tr("Speed"),
            "availability": self.tr("Availability"),
            "subtitles": self.tr("Subtitles"),
            "audio": self.tr("Audio"),
        }

    def reason(self, c: Component) -> str:
        a = {k: ", ".join(map(str, v)) if isinstance(v, list) else str(v) for k, v in c.args.items()}
        voices = {"dub": self.tr("full dub"), "mvo": self.tr("multi-voice"), "dvo": self.tr("two-voice"),
                  "avo": self.tr("author's voice-over"), "vo": self.tr("one voice")}  # fmt: skip
        texts = {
            "camera": self.tr("filmed in a cinema (%1)").replace("%1", a.get("quality", "")),
            "unknown": self.tr("quality not stated"),
            "resolution": self.tr("%1").replace("%1", a.get("quality", "")),
            "over_max_quality": self.tr("%1, above your limit of %2")
            .replace("%1", a.get("quality", ""))
            .replace("%2", a.get("max", "")),
            "over_max_size": self.tr("%1 GB, above your limit of %2 GB")
            .replace("%1", a.get("size_gb", ""))
            .replace("%2", a.get("max_gb", "")),
            "seeders_unknown": self.tr("seeders unknown"),
            "seeders": self.tr("%1 seeders, %2 peers")
            .replace("%1", a.get("seeders", ""))
            .replace("%2", a.get("peers", "")),
            "browser": self.tr("opens in the browser"),
            "measured": self.tr("measured %1 kbit/s").replace("%1", a.get("kbps", "")),
            "tv": self.tr("TV stream"),
            "http_unmeasured": self.tr("direct link, not measured yet"),
            "not_now": self.tr("not on now"),
            "checked": self.tr("played or checked: %1 % worked").replace("%1", a.get("percent", "")),
            "no_seeders": self.tr("nobody seeds it"),
            "seeded": self.tr("%1 seeders (5 or more is healthy)").replace("%1", a.get("seeders", "")),
            "unchecked": self.tr("not checked yet"),
            "subtitles": self.tr("subtitles: %1").replace("%1", a.get("languages", "")),
            "not_needed": self.tr("not needed: the audio is in your language"),
            "unknown_language": self.tr("subtitles, language not stated"),
            "other_languages": self.tr("subtitles in other languages (%1)").replace(
                "%1", a.get("languages", "")
            ),
            "none": self.tr("none stated"),
            "any": self.tr("any language"),
            "voice": self.tr("Russian, %1").replace("%1", voices.get(a.get("voice", ""), a.get("voice", ""))),
            "language": self.tr("audio in %1").replace("%1", a.get("language", "")),
            "multi": self.tr("several audio tracks"),
            "original": self.tr("original audio only (%1)").replace("%1", a.get("languages", "")),
        }
        text = texts.get(c.reason, c.reason)
        if "provider_percent" in a:
            text += " · " + self.tr("its provider answered %1 % of searches").replace(
                "%1", a["provider_percent"]
            )
        return text

    def show_item(self, item: RankedStream | None, first: bool) -> None:
        while self.grid.count():
            taken = self.grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        if item is None:
            self.heading.setText(self.tr("Choose a source to see how it was ranked."))
            self.total.setText("")
            return
        title = self.tr("Why first: %1") if first else self.tr("How it ranks: %1")
        self.heading.setText(title.replace("%1", item.candidate.label or item.candidate.url))
        names = self.names()
        for row, c in enumerate(item.components):
            self.grid.addWidget(QLabel(names.get(c.name, c.name)), row, 0)
            self.grid.addWidget(_Bar(c.value), row, 1)
            points = QLabel(f"{c.value:.2f} × {c.weight:.2f} = {c.points:.3f}")
            points.setObjectName("Muted")
            self.grid.addWidget(points, row, 2)
            why = QLabel(self.reason(c))
            why.setObjectName("Muted")
            why.setWordWrap(True)
            self.grid.addWidget(why, row, 3)
        self.grid.setColumnStretch(3, 1)
        self.total.setText(self.tr("Score: %1").replace("%1", f"{item.score:.3f}"))
