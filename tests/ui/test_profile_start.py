"""At start: “Who's watching?” when there is more than one profile (or a PIN), none otherwise;
``--profile NAME`` opens that profile (asking its PIN); closing the picker opens nothing."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.__main__ import _gui_args
from app.services.library.profiles import ProfileService
from app.ui.components.profile_picker import ProfilePicker
from app.ui.components.profile_start import choose_at_start


def _answer(then) -> None:  # type: ignore[no-untyped-def]
    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ProfilePicker):
            then(dialog)
        else:
            QTimer.singleShot(50, look)

    QTimer.singleShot(50, look)


def test_one_profile_opens_without_asking(qtbot, services) -> None:
    assert choose_at_start(services) is True
    assert QApplication.activeModalWidget() is None


def test_two_profiles_ask_who_is_watching(qtbot, services) -> None:
    guest = ProfileService(services).create("Гость")
    _answer(lambda picker: picker.tile(guest.id).chosen.emit(guest.id))
    assert choose_at_start(services) is True
    assert services.profile_id == guest.id


def test_profile_option_with_a_pin_asks_it_and_closing_opens_nothing(qtbot, services) -> None:
    profiles = ProfileService(services)
    dad = profiles.create("Папа", pin="2468")

    def type_pin(picker: ProfilePicker) -> None:
        assert picker.pin_box.isVisibleTo(picker) and "Папа" in picker.pin_label.text()
        picker.pin.setText("2468")
        picker.pin.returnPressed.emit()

    _answer(type_pin)
    assert choose_at_start(services, "папа") is True
    assert services.profile_id == dad.id
    _answer(lambda picker: picker.reject())
    assert choose_at_start(services) is False  # the caller quits


def test_play_takes_a_profile_option() -> None:
    assert _gui_args(["--data-dir", "/d", "play", "--profile", "Маша", "x.mkv"]) == ("/d", "x.mkv", "Маша")
    assert _gui_args(["play", "--profile"]) is None  # the full parser says what is missing
