"""The title page: backdrop, poster, titles, facts, overview, airings, sources, Play / Resume."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.models import SourceKind, TitleDetail
from app.services.library.catalog_records import TitleExtras
from app.ui.images import decode_scaled
from app.ui.viewmodels.operations import Operations
from app.ui.widgets.backdrop import BackdropHeader
from app.ui.widgets.candidates_strip import CandidatesStrip
from app.ui.widgets.flow_layout import FlowLayout
from app.ui.widgets.poster_art import paint_typographic_poster

POSTER_SIZE = QSize(260, 390)


def format_clock(ms: int) -> str:
    seconds = max(0, int(ms // 1000))
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def local_when(moment: datetime, fmt: str = "ddd d MMM, HH:mm") -> str:
    """A date and time in the UI language and the user's time zone."""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())), fmt)


def external_links(detail: TitleDetail) -> list[tuple[str, str]]:
    """(site, URL) pairs for the title on TMDB, Shikimori and IMDb."""
    links = []
    if detail.tmdb_id:
        media = "tv" if detail.kind.value == "series" or ":tv:" in detail.id else "movie"
        links.append(("TMDB", f"https://www.themoviedb.org/{media}/{detail.tmdb_id}"))
    if detail.shikimori_id:
        links.append(("Shikimori", f"https://shikimori.one/animes/{detail.shikimori_id}"))
    if detail.imdb_id:
        links.append(("IMDb", f"https://www.imdb.com/title/{detail.imdb_id}/"))
    return links


class TitlePage(QWidget):
    """Signals: playRequested(str title_id, int start_ms), backRequested(),
    watchlistToggled(str title_id, bool on), watchedToggled(str title_id, bool watched),
    rematchRequested(str film_key, str candidate_id), titleShown(TitleDetail)."""

    playRequested = Signal(str, int)
    backRequested = Signal()
    watchlistToggled = Signal(str, bool)
    watchedToggled = Signal(str, bool)
    rematchRequested = Signal(str, str)
    titleShown = Signal(object)  # the ranked sources panel (ui.components.title_sources) follows it
    # TV (ui.components.tv_ways): Play on a title that only airs later asks to watch it live then
    laterRequested = Signal(object)  # the next airing's way (StreamCandidate)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self._detail: TitleDetail | None = None
        self._tv_ways: Any = None  # TvWaysSummary of the title shown, once it arrived
        self._later: Any = None  # Play means "watch live at 21:00": the next airing's way
        self._resume_ms = 0
        self.ops = Operations(self, "title page")

        self.header = BackdropHeader()
        self.poster = QLabel()
        self.poster.setFixedSize(POSTER_SIZE)
        self.poster.setObjectName("Poster")
        self.heading = QLabel()
        self.heading.setObjectName("TitleHeading")
        self.heading.setWordWrap(True)
        self.original = QLabel()
        self.original.setObjectName("TitleOriginal")
        self.meta = QLabel()
        self.meta.setObjectName("TitleMeta")
        self.meta.setWordWrap(True)
        self.rating = QLabel()
        self.rating.setObjectName("Rating")
        self.tagline = QLabel()
        self.tagline.setObjectName("TitleTagline")
        self.tagline.setWordWrap(True)
        self.overview = QLabel()
        self.overview.setObjectName("TitleOverview")
        self.overview.setWordWrap(True)
        self.overview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.people = QLabel()
        self.people.setObjectName("TitleMeta")
        self.people.setWordWrap(True)

        self.play_button = QPushButton()
        self.play_button.setObjectName("Primary")
        self.play_button.clicked.connect(self._play_clicked)
        self.restart_button = QPushButton(self.tr("Start over"))
        self.restart_button.clicked.connect(self._restart_clicked)
        self.back_button = QPushButton(self.tr("← Back"))
        self.back_button.setObjectName("Nav")
        self.back_button.clicked.connect(self.backRequested)
        self.no_source = QLabel()
        self.no_source.setObjectName("Muted")
        self._extras = TitleExtras()
        self.watchlist_button = QPushButton()
        self.watchlist_button.setCheckable(True)
        self.watchlist_button.clicked.connect(self._watchlist_clicked)
        self.watched_button = QPushButton()
        self.watched_button.setCheckable(True)
        self.watched_button.clicked.connect(self._watched_clicked)
        self.trailer_button = QPushButton(self.tr("Trailer"))
        self.trailer_button.clicked.connect(self._open_trailer)
        self.links = QLabel()
        self.links.setObjectName("Links")
        self.links.setOpenExternalLinks(True)
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.rematch_button = QPushButton(self.tr("Wrong match? Choose another"))
        self.rematch_button.setObjectName("Link")
        self.rematch_button.clicked.connect(self._toggle_candidates)
        self.candidates = CandidatesStrip()
        self.candidates.chosen.connect(self._candidate_chosen)
        self.candidates.hide()

        # a flow: at 1024 px in Russian the buttons wrap rather than squeeze their text (issue 18)
        buttons = FlowLayout(spacing=12)
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.restart_button)
        buttons.addWidget(self.watchlist_button)
        buttons.addWidget(self.watched_button)
        buttons.addWidget(self.trailer_button)
        buttons.addWidget(self.no_source)
        link_row = QHBoxLayout()
        link_row.setSpacing(16)
        link_row.addWidget(self.links)
        link_row.addWidget(self.rematch_button)
        link_row.addStretch(1)

        info = QVBoxLayout()
        info.setSpacing(8)
        info.addWidget(self.heading)
        info.addWidget(self.original)
        info.addWidget(self.meta)
        info.addWidget(self.rating)
        info.addSpacing(6)
        info.addLayout(buttons)
        info.addSpacing(8)
        info.addWidget(self.tagline)
        info.addWidget(self.overview)
        info.addWidget(self.people)
        info.addLayout(link_row)
        info.addWidget(self.candidates)
        info.addStretch(1)

        top = QHBoxLayout(self.header)
        top.setContentsMargins(36, 20, 36, 24)
        top.setSpacing(36)
        left = QVBoxLayout()
        left.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        left.addSpacing(10)
        left.addWidget(self.poster)
        left.addStretch(1)
        top.addLayout(left)
        info_box = QWidget()
        info_box.setLayout(info)
        info_box.setMaximumWidth(900)
        top.addWidget(info_box, 1)

        self.airings = QListWidget()
        self.airings.setObjectName("Airings")
        self.airings.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.airings.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.sources = QListWidget()
        self.sources.setObjectName("Sources")
        self.sources.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sources.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.airings_heading = QLabel(self.tr("On TV"))
        self.airings_heading.setObjectName("SectionHeading")
        self.sources_heading = QLabel(self.tr("Ways to watch"))
        self.sources_heading.setObjectName("SectionHeading")

        lists = QHBoxLayout()
        lists.setContentsMargins(36, 0, 36, 28)
        lists.setSpacing(28)
        col1 = QVBoxLayout()
        self._airings_column = col1
        col1.addWidget(self.airings_heading)
        col1.addWidget(self.airings)
        col1.addStretch(1)
        col2 = QVBoxLayout()
        col2.addWidget(self.sources_heading)
        col2.addWidget(self.sources)
        col2.addStretch(1)
        lists.addLayout(col1, 1)
        lists.addLayout(col2, 1)

        body = QWidget()
        body.setObjectName("Page")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        body_layout.addWidget(self.header)
        body_layout.addLayout(lists)
        body_layout.addStretch(1)
        self._body_layout = body_layout
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _runtime(self, minutes: int | None) -> str | None:
        if not minutes:
            return None
        h, m = divmod(minutes, 60)
        if h:
            return self.tr("%1 h %2 min").replace("%1", str(h)).replace("%2", f"{m:02d}")
        return self.tr("%1 min").replace("%1", str(m))

    @property
    def detail(self) -> TitleDetail | None:
        return self._detail

    def show_title(
        self,
        detail: TitleDetail,
        resume_ms: int,
        now: datetime | None = None,
        extras: TitleExtras | None = None,
    ) -> None:
        self._detail = detail
        self._resume_ms = resume_ms
        self._extras = extras or TitleExtras()
        self.heading.setText(detail.title)
        original = (
            detail.original_title if detail.original_title and detail.original_title != detail.title else ""
        )
        self.original.setText(" · ".join(p for p in (original, str(detail.year) if detail.year else "") if p))
        from app.ui.localized import country_label, genre_label

        facts = [
            ", ".join(genre_label(g) for g in detail.genres),  # in the UI language (issue 18)
            self._runtime(detail.runtime),
            ", ".join(country_label(c) for c in detail.countries),
        ]
        self.meta.setText("   ·   ".join(f for f in facts if f))
        if detail.rating:
            votes = "  (" + self.tr("%n vote(s)", "", detail.votes) + ")" if detail.votes else ""
            source = "Shikimori" if detail.shikimori_id and not detail.tmdb_id else "TMDB"
            self.rating.setText(f"★ {detail.rating:.1f}  {source}{votes}")
        else:
            self.rating.setText("")
        self.tagline.setText(f"«{detail.tagline}»" if detail.tagline else "")
        self.tagline.setVisible(bool(detail.tagline))
        self.overview.setText(detail.overview or self.tr("No description yet."))
        people = []
        if detail.director:
            people.append(self.tr("Director: %1").replace("%1", detail.director))
        if detail.cast:
            people.append(self.tr("Cast: %1").replace("%1", ", ".join(detail.cast[:6])))
        self.people.setText("\n".join(people))
        self._fill_airings(detail, now or datetime.now().astimezone())
        self._fill_sources(detail)
        self._fill_actions(detail)
        self._tv_ways = None  # TV's ways arrive from a worker (tv_ways_found)
        self._update_play()
        self._set_poster(None)
        self.header.set_backdrop(None, detail.id)
        self._load_images(detail)
        self.play_button.setFocus()
        self.titleShown.emit(detail)

    def _update_play(self) -> None:
        """Play is enabled whenever any way to watch exists: a stored source, a TV way that
        plays now (live, from the start, the archive) or, later, the next airing live."""
        detail, resume_ms, tv = self._detail, self._resume_ms, self._tv_ways
        if detail is None:
            return
        stored = any(s.kind not in (SourceKind.IPTV_LIVE, SourceKind.IPTV_CATCHUP) for s in detail.sources)
        playable = stored or bool(tv is not None and tv.playable_now)
        self._later = None if playable or tv is None else tv.next_live
        self.play_button.setEnabled(playable or self._later is not None)
        if self._later is not None and self._later.start is not None:
            when = local_when(self._later.start, "HH:mm")
            self.play_button.setText(self.tr("▶  Watch live at %1").replace("%1", when))
        elif resume_ms > 0 and playable:
            self.play_button.setText(self.tr("▶  Continue from %1").replace("%1", format_clock(resume_ms)))
        else:
            self.play_button.setText(self.tr("▶  Play"))
        self.restart_button.setVisible(resume_ms > 0 and playable)
        waiting = tv is None and not playable and bool(detail.airings)
        quiet = playable or self._later is not None or waiting
        self.no_source.setText("" if quiet else self.tr("No source to play yet"))

    def tv_ways_found(self, title_id: str, summary: object) -> None:
        """What TV offers for the title shown (``TvWaysSummary``): Play follows it."""
        if self._detail is not None and self._detail.id == title_id:
            self._tv_ways = summary
            self._update_play()

    def set_airings_panel(self, panel: QWidget) -> None:
        """Show ``panel`` (the airings as ways to watch) in place of the plain airings list."""
        self.airings.hide()
        self._airings_column.insertWidget(self._airings_column.indexOf(self.airings), panel)

    def set_sources_panel(self, panel: QWidget) -> None:
        """Show ``panel`` (the ranked sources, full width) in place of the plain sources list."""
        self.sources.hide()
        self.sources_heading.hide()
        holder = QWidget()
        row = QVBoxLayout(holder)
        row.setContentsMargins(36, 0, 36, 28)
        row.addWidget(panel)
        self._body_layout.insertWidget(self._body_layout.count() - 1, holder)

    def _fill_airings(self, detail: TitleDetail, now: datetime) -> None:
        self.airings.clear()
        for air in detail.airings:
            text = f"{local_when(air.start)}    {air.channel_name}"
            if air.on_air(now):
                text = "● " + self.tr("On air now") + f" — {air.channel_name}"
            QListWidgetItem(text, self.airings)
        for past in self._extras.catchup:
            when = local_when(datetime.fromtimestamp(past.start).astimezone())
            QListWidgetItem(f"⟲ {when}    {past.channel_name} — " + self.tr("in the archive"), self.airings)
        if not detail.airings and not self._extras.catchup:
            QListWidgetItem(self.tr("Not in the TV guide this week"), self.airings)
        self._fit(self.airings)

    def _fill_sources(self, detail: TitleDetail) -> None:
        self.sources.clear()
        names = {
            SourceKind.DIRECT: self.tr("File"),
            SourceKind.HLS: "HLS",
            SourceKind.TORRENT: self.tr("Torrent"),
            SourceKind.IPTV_LIVE: self.tr("Live TV"),
            SourceKind.IPTV_CATCHUP: self.tr("Catch-up"),
        }
        for s in detail.sources:
            label = s.label or s.url
            quality = f" · {s.quality}" if s.quality else ""
            QListWidgetItem(f"{names.get(s.kind, s.kind.value)} — {label}{quality}", self.sources)
        if not detail.sources:
            QListWidgetItem(self.tr("No sources found yet"), self.sources)
        self._fit(self.sources)

    def _fill_actions(self, detail: TitleDetail) -> None:
        extras = self._extras
        self.watchlist_button.setChecked(extras.in_watchlist)
        self.watchlist_button.setText(
            self.tr("✓ In watchlist") if extras.in_watchlist else self.tr("+ Watchlist")
        )
        self.watched_button.setChecked(extras.watched)
        self.watched_button.setText(self.tr("✓ Watched") if extras.watched else self.tr("Mark watched"))
        self.trailer_button.setVisible(bool(detail.trailer_url))
        links = external_links(detail)
        self.links.setText(
            " &nbsp;&nbsp;·&nbsp;&nbsp; ".join(
                f'<a href="{url}" style="color:#ff8a6a; text-decoration:none">'
                + self.tr("Open on %1").replace("%1", site)
                + "</a>"
                for site, url in links
            )
        )
        self.links.setVisible(bool(links))
        self.rematch_button.setVisible(bool(extras.film_key and extras.candidates))
        self.candidates.hide()
        self.candidates.clear()

    def show_status(self, text: str) -> None:
        """A one-line note beside the buttons (re-linking progress or its failure)."""
        self.no_source.setText(text)

    def _toggle_candidates(self) -> None:
        if self.candidates.isVisible():
            self.candidates.hide()
            return
        self.candidates.fill(self._extras.candidates)
        self.candidates.show()
        self.candidates.setFocus()

    def _candidate_chosen(self, candidate: str) -> None:
        film_key = self._extras.film_key
        if film_key:
            self.candidates.hide()
            self.rematchRequested.emit(film_key, candidate)

    def _watchlist_clicked(self, checked: bool) -> None:
        if self._detail is not None:
            self._extras = TitleExtras(**{**self._extras.__dict__, "in_watchlist": checked})
            self._fill_actions(self._detail)
            self.watchlistToggled.emit(self._detail.id, checked)

    def _watched_clicked(self, checked: bool) -> None:
        if self._detail is not None:
            self.watchedToggled.emit(self._detail.id, checked)

    def _open_trailer(self) -> None:
        if self._detail is not None and self._detail.trailer_url:
            QDesktopServices.openUrl(QUrl(self._detail.trailer_url))

    @staticmethod
    def _fit(widget: QListWidget) -> None:
        rows = min(widget.count(), 8)
        height = sum(widget.sizeHintForRow(i) for i in range(rows)) + 2 * widget.frameWidth() + 10
        widget.setFixedHeight(max(48, height))

    def _set_poster(self, pixmap: QPixmap | None) -> None:
        if pixmap is None:
            detail = self._detail
            canvas = QPixmap(POSTER_SIZE)
            canvas.fill(Qt.GlobalColor.transparent)
            if detail is not None:
                painter = QPainter(canvas)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                paint_typographic_poster(painter, QRectF(canvas.rect()), detail.id, detail.title, detail.year)
                painter.end()
            pixmap = canvas
        self.poster.setPixmap(pixmap)

    def _load_images(self, detail: TitleDetail) -> None:
        """The poster and the backdrop, decoded in a worker; a newer title cancels them."""
        dpr = max(1.0, self.devicePixelRatioF())  # HiDPI: decode at device pixels
        self.ops.run(
            "images",
            lambda: self._decode_images(detail, dpr),
            lambda found: self._show_images(detail, *found),
        )

    @staticmethod
    def _decode_images(detail: TitleDetail, dpr: float) -> tuple[QImage | None, QImage | None]:
        poster = backdrop = None
        if detail.poster_path and "://" not in detail.poster_path:
            poster = decode_scaled(detail.poster_path, POSTER_SIZE * dpr)
        if detail.backdrop_path and "://" not in detail.backdrop_path:
            backdrop = decode_scaled(detail.backdrop_path, QSize(1280, 720))
        return poster, backdrop

    def _show_images(self, detail: TitleDetail, poster: QImage | None, backdrop: QImage | None) -> None:
        if self._detail is not detail:
            return
        if poster is not None:
            pixmap = QPixmap.fromImage(poster)
            pixmap.setDevicePixelRatio(max(1.0, self.devicePixelRatioF()))
            self._set_poster(pixmap)
        if backdrop is not None:
            self.header.set_backdrop(QPixmap.fromImage(backdrop), detail.id)

    def _play_clicked(self) -> None:
        if self._detail is not None and self._later is not None:
            self.laterRequested.emit(self._later)
        elif self._detail is not None:
            self.playRequested.emit(self._detail.id, self._resume_ms)

    def _restart_clicked(self) -> None:
        if self._detail is not None:
            self.playRequested.emit(self._detail.id, 0)
