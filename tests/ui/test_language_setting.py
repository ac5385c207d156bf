"""The language picker on the Settings page saves the choice at once and says when it applies."""

from __future__ import annotations

from app.core.config import load_settings
from app.ui.components.language_setting import CHOICES, LanguageSetting


def test_choosing_a_language_saves_it_and_says_it_applies_from_the_next_start(qtbot, services) -> None:
    widget = LanguageSetting(services)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.combo.currentData() == services.settings.language == "system"
    assert not widget.note.isVisible()

    widget.combo.setCurrentIndex(CHOICES.index("ru"))
    assert load_settings(services.paths).language == "ru"  # on disk, not only in memory
    assert services.settings.language == "ru"
    assert widget.note.isVisible() and "next start" in widget.note.text()

    widget.combo.setCurrentIndex(CHOICES.index("system"))  # back to what it started with
    assert load_settings(services.paths).language == "system"
    assert not widget.note.isVisible()


def test_a_stored_language_is_shown_as_chosen(qtbot, services) -> None:
    services.settings = services.settings.model_copy(update={"language": "en"})
    widget = LanguageSetting(services)
    qtbot.addWidget(widget)
    assert widget.combo.currentText() == "English"
