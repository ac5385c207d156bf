"""Profiles: create, edit (name, avatar, kids' limit, PIN, languages, source preferences), delete.

A profile with a PIN other than the current one asks for it before it can be changed or deleted.
Every read and write runs in a worker; errors (a taken name, the last profile) are said in words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.profiles import AVATAR_COLORS, RU_AGES, Profile, SourcePrefs
from app.services.library.profiles import ProfileService
from app.ui.components.confirm import confirm
from app.ui.components.pin_dialog import NewPinDialog, UnlockDialog
from app.ui.viewmodels.operations import Operations
from app.ui.widgets.avatar import Avatar, avatar_icon

LANGUAGES = (("ru", "Русский"), ("en", "English"), ("uk", "Українська"), ("de", "Deutsch"),
             ("fr", "Français"), ("es", "Español"), ("it", "Italiano"), ("ja", "日本語"))  # fmt: skip
QUALITIES = ("", "2160p", "1080p", "720p", "480p")
SIZES_GB = (0.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0)


class ColourRow(QWidget):
    """The avatar colours as swatches. Signals: chosen(str colour)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.swatches: dict[str, Avatar] = {}
        for colour in AVATAR_COLORS:
            swatch = Avatar(colour, "", 28, self)
            swatch.clicked.connect(lambda c=colour: self.select(c, emit=True))
            self.swatches[colour] = swatch
            row.addWidget(swatch)
        row.addStretch(1)
        self.colour = AVATAR_COLORS[0]

    def select(self, colour: str, *, emit: bool = False) -> None:
        self.colour = colour
        for c, swatch in self.swatches.items():
            swatch.set_selected(c == colour)
        if emit:
            self.chosen.emit(colour)


class ProfilesPage(QWidget):
    """Signals: switchRequested(int profile_id) (the window runs the switch with its PIN)."""

    switchRequested = Signal(int)

    def __init__(self, profiles: ProfileService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self._profiles = profiles
        self._shown: Profile | None = None
        self._unlocked: set[int] = set()
        self._new_pin: str | None = None
        self.ops = Operations(self, "profiles")
        heading = QLabel(self.tr("Profiles"))
        heading.setObjectName("PageTitle")
        subtitle = QLabel(
            self.tr("Each profile has its own progress, history, watchlist, playlists and reminders.")
        )
        subtitle.setObjectName("PageSubtitle")
        self.new_button = QPushButton(self.tr("New profile"))
        self.new_button.setObjectName("Primary")
        self.new_button.clicked.connect(self._new)
        self.list = QListWidget()
        self.list.setFixedWidth(260)
        self.list.currentItemChanged.connect(self._picked)

        self.avatar = Avatar(AVATAR_COLORS[0], "?", 72)
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.name.textEdited.connect(self._preview)
        self.colours = ColourRow()
        self.colours.chosen.connect(lambda _c: self._preview())
        self.letter = QLineEdit()
        self.letter.setMaxLength(1)
        self.letter.setFixedWidth(64)
        self.letter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.letter.textEdited.connect(self._preview)
        self.kids = QCheckBox(self.tr("Kids' profile: hide titles above an age rating"))
        self.max_age = QComboBox()
        self.max_age.setObjectName("Field")
        for age in RU_AGES:
            self.max_age.addItem(f"{age}+", age)
        self.kids.toggled.connect(self.max_age.setEnabled)
        self.kids_note = QLabel(self.tr("Titles whose rating is unknown are hidden too."))
        self.kids_note.setObjectName("Muted")
        self.pin_state = QLabel()
        self.pin_button = QPushButton()
        self.pin_button.clicked.connect(self._set_pin)
        self.remove_pin = QPushButton(self.tr("Remove the PIN"))
        self.remove_pin.clicked.connect(self._remove_pin)
        self.ui_language = self._language_combo(ui=True)
        self.audio_language = self._language_combo()
        self.subtitle_language = self._language_combo()
        self.quality = QComboBox()
        self.quality.setObjectName("Field")
        self.quality.setMinimumWidth(160)
        for q in QUALITIES:
            self.quality.addItem(q or self.tr("No limit"), q)
        self.max_size = QComboBox()
        self.max_size.setObjectName("Field")
        self.max_size.setMinimumWidth(160)
        for size in SIZES_GB:
            text = self.tr("%1 GB").replace("%1", f"{size:g}") if size else self.tr("No limit")
            self.max_size.addItem(text, size)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("Primary")
        self.save_button.clicked.connect(self._save)
        self.use_button = QPushButton(self.tr("Switch to this profile"))
        self.use_button.clicked.connect(lambda: self._shown and self.switchRequested.emit(self._shown.id))
        self.delete_button = QPushButton(self.tr("Delete profile…"))
        self.delete_button.clicked.connect(self._delete)
        self.status = QLabel()
        self.status.setObjectName("Muted")
        self.status.setWordWrap(True)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(heading)
        titles.addWidget(subtitle)
        head.addLayout(titles, 1)
        head.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignBottom)
        form = QFormLayout()
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(12)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        top = QHBoxLayout()
        top.addWidget(self.avatar)
        top.addSpacing(12)
        self.name.setMinimumWidth(320)
        top.addWidget(self.name, 1)
        form.addRow(self.tr("Name"), top)
        letter_row = QHBoxLayout()
        letter_row.setSpacing(14)
        letter_row.addWidget(self.colours)
        letter_row.addWidget(QLabel(self.tr("Letter")))
        letter_row.addWidget(self.letter)
        letter_row.addStretch(1)
        form.addRow(self.tr("Avatar"), letter_row)
        kids_row = QHBoxLayout()
        kids_row.setSpacing(14)
        kids_row.addWidget(self.kids)
        kids_row.addWidget(self.max_age)
        kids_row.addStretch(1)
        form.addRow(self.tr("Kids"), kids_row)
        form.addRow("", self.kids_note)
        pin_row = QHBoxLayout()
        pin_row.setSpacing(12)
        pin_row.addWidget(self.pin_state)
        pin_row.addWidget(self.pin_button)
        pin_row.addWidget(self.remove_pin)
        pin_row.addStretch(1)
        form.addRow(self.tr("PIN"), pin_row)
        form.addRow(self.tr("Interface language"), self.ui_language)
        form.addRow(self.tr("Audio language"), self.audio_language)
        form.addRow(self.tr("Subtitle language"), self.subtitle_language)
        form.addRow(self.tr("Best quality to pick"), self.quality)
        form.addRow(self.tr("Largest download"), self.max_size)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.use_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        editor = QFrame()
        editor.setObjectName("Card")
        editor.setMaximumWidth(860)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(24, 20, 24, 20)
        editor_layout.addLayout(form)
        editor_layout.addSpacing(8)
        editor_layout.addLayout(buttons)
        editor_layout.addWidget(self.status)
        editor_layout.addStretch(1)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(editor)
        holder_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        body = QHBoxLayout()
        body.setSpacing(18)
        body.addWidget(self.list)
        body.addWidget(scroll, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 22, 32, 22)
        layout.setSpacing(16)
        layout.addLayout(head)
        layout.addLayout(body, 1)

    def _language_combo(self, *, ui: bool = False) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName("Field")
        combo.setMinimumWidth(260)
        combo.addItem(self.tr("As in Settings"), None)
        for code, name in LANGUAGES[:2] if ui else LANGUAGES:
            combo.addItem(name, code)
        return combo

    # -- loading ----------------------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        keep = select if select is not None else (self._shown.id if self._shown else None)
        self.ops.run("load", self._profiles.all, lambda found: self._fill(found, keep))

    def _fill(self, profiles: list[Profile], select: int | None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        current = self._profiles.current.id
        chosen_row = 0
        for n, p in enumerate(profiles):
            text = p.name + (self.tr("  (now)") if p.id == current else "")
            item = QListWidgetItem(avatar_icon(p.avatar_color, p.letter, 32), text)
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.list.addItem(item)
            if p.id == (select if select is not None else current):
                chosen_row = n
        self.list.blockSignals(False)
        self.list.setCurrentRow(chosen_row)
        self._picked(self.list.currentItem(), None)

    def _picked(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        profile: Profile | None = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if profile is None or self._shown is None or profile.id != self._shown.id:
            self.status.clear()  # what was said was about another profile
        self._shown = profile
        if profile is None:
            return
        self.name.setText(profile.name)
        self.colours.select(profile.avatar_color)
        self.letter.setText(profile.avatar_letter)
        self.kids.setChecked(profile.is_kids)
        self.max_age.setEnabled(profile.is_kids)
        self.max_age.setCurrentIndex(
            max(0, self.max_age.findData(profile.age_limit if profile.is_kids else 12))
        )
        self.pin_state.setText(self.tr("Set") if profile.has_pin else self.tr("None"))
        self.pin_button.setText(self.tr("Change the PIN…") if profile.has_pin else self.tr("Set a PIN…"))
        self.remove_pin.setVisible(profile.has_pin)
        languages = (
            (self.ui_language, profile.ui_language),
            (self.audio_language, profile.audio_language),
            (self.subtitle_language, profile.subtitle_language),
        )
        for combo, value in languages:
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.quality.setCurrentIndex(max(0, self.quality.findData(profile.source_prefs.max_quality)))
        size = profile.source_prefs.max_size_gb
        if self.max_size.findData(size) < 0:  # set elsewhere (the CLI, an older version): kept as it is
            self.max_size.addItem(self.tr("%1 GB").replace("%1", f"{size:g}"), size)
        self.max_size.setCurrentIndex(max(0, self.max_size.findData(size)))
        is_current = profile.id == self._profiles.current.id
        self.use_button.setEnabled(not is_current)
        self._preview()

    def _preview(self, *_args: object) -> None:
        letter = (self.letter.text() or self.name.text()).strip()[:1].upper() or "?"
        self.avatar.set_avatar(self.colours.colour, letter)

    # -- changing ---------------------------------------------------------------------------------
    def _guarded(self, action: str, then: object) -> None:
        """Run ``then()`` once the shown profile may be changed (its PIN, if another's)."""
        profile = self._shown
        if profile is None:
            return
        if not profile.has_pin or profile.id == self._profiles.current.id or profile.id in self._unlocked:
            then()  # type: ignore[operator]
            return
        dialog = UnlockDialog(self._profiles, profile.id, profile.name, self)
        dialog.setObjectName(f"unlock-{action}")

        def unlocked(pid: int) -> None:
            self._unlocked.add(pid)
            then()  # type: ignore[operator]

        dialog.unlocked.connect(unlocked)
        dialog.open()

    def _changes(self) -> dict[str, object]:
        return {
            "name": self.name.text(),
            "avatar_color": self.colours.colour,
            "avatar_letter": self.letter.text(),
            "is_kids": self.kids.isChecked(),
            "max_age": self.max_age.currentData() if self.kids.isChecked() else None,
            "ui_language": self.ui_language.currentData(),
            "audio_language": self.audio_language.currentData(),
            "subtitle_language": self.subtitle_language.currentData(),
            "source_prefs": SourcePrefs(
                max_quality=self.quality.currentData() or "",
                max_size_gb=float(self.max_size.currentData() or 0.0),
                audio_languages=self.audio_language.currentData() or "",
                subtitle_languages=self.subtitle_language.currentData() or "",
            ),
        }

    def _save(self) -> None:
        profile = self._shown
        if profile is None:
            return
        changes = self._changes()

        def write() -> None:
            self.ops.run(
                "save", lambda: self._profiles.update(profile.id, **changes), self._saved, self._failed
            )

        self._guarded("save", write)

    def _saved(self, profile: Profile) -> None:
        self.status.setText(self.tr("Saved."))
        self.refresh(profile.id)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(str(exc))

    def _new(self) -> None:
        taken = {self.list.item(n).data(Qt.ItemDataRole.UserRole).name for n in range(self.list.count())}
        base = self.tr("New profile")
        name, n = base, 2
        while name in taken:
            name, n = f"{base} {n}", n + 1
        self.ops.run(
            "create", lambda: self._profiles.create(name), lambda p: self.refresh(p.id), self._failed
        )

    def _set_pin(self) -> None:
        profile = self._shown
        if profile is None:
            return

        def ask() -> None:
            dialog = NewPinDialog(profile.name, self)
            dialog.pinChosen.connect(
                lambda pin: self.ops.run(
                    "pin",
                    lambda: self._profiles.set_pin(profile.id, pin),
                    lambda _n: self.refresh(profile.id),
                    self._failed,
                )
            )
            dialog.open()

        self._guarded("pin", ask)

    def _remove_pin(self) -> None:
        profile = self._shown
        if profile is None:
            return
        self._guarded(
            "unpin",
            lambda: self.ops.run(
                "pin",
                lambda: self._profiles.set_pin(profile.id, None),
                lambda _n: self.refresh(profile.id),
                self._failed,
            ),
        )

    def _delete(self) -> None:
        profile = self._shown
        if profile is None:
            return
        if self.list.count() <= 1:
            self.status.setText(self.tr("The last profile cannot be deleted: create another one first."))
            return
        text = self.tr(
            "Delete “%1”? Its progress, history, watchlist, playlists and reminders are deleted with it."
        ).replace("%1", profile.name)

        def ask() -> None:
            confirm(
                self, self.tr("Delete profile"), text, self.tr("Delete"), lambda: self._really_delete(profile)
            )

        self._guarded("delete", ask)

    def _really_delete(self, profile: Profile) -> None:
        self.ops.run(
            "delete", lambda: self._profiles.delete(profile.id), lambda _r: self.refresh(), self._failed
        )
