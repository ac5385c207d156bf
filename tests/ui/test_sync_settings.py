"""Settings › Sync and the tray's sync line against a real PostgreSQL server: connect, the state and
last error in words, an older server upgraded only after Yes, offline with changes waiting, leaving."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QMenu, QMessageBox

from app.core.resources import resources_dir
from app.domain.sync import ServerAddress, SyncState, SyncStatus
from app.services.context import AppContext
from app.storage import watchlist_repo
from app.storage.db import Database, head_revision, migrate
from app.ui.components import sync_words
from app.ui.components.sync_settings import SyncSettings
from app.ui.tray.sync_line import SyncLine
from tests.fakes.tcp_proxy import TcpProxy


def translator(language: str) -> QTranslator:
    found = QTranslator()
    assert found.load(str(resources_dir() / "translations" / f"cinema_{language}.qm"))  # make translations
    return found


@pytest.fixture(autouse=True)
def english(qapp: Any) -> Iterator[None]:
    """English as the app speaks it: cinema_en.qm adds the plural forms."""
    english = translator("en")
    QCoreApplication.installTranslator(english)
    yield
    QCoreApplication.removeTranslator(english)


@pytest.fixture
def section(services: AppContext, qtbot: Any) -> Iterator[SyncSettings]:
    widget = SyncSettings(services)
    qtbot.addWidget(widget)
    widget.resize(900, 300)
    widget.show()
    yield widget
    if services.sync is not None:
        services.sync.stop()
        services.sync = None


def test_connect_shows_the_state_and_the_tray_line(
    services: AppContext, section: SyncSettings, pg_url: str, qtbot: Any
) -> None:
    assert section.state.text() == "Off: this library is on this device only."
    assert section.connect_button.isVisible() and not section.sync_button.isVisible()
    menu = QMenu()
    first = menu.addAction("Next guide refresh at 21:00")
    menu.addSeparator()
    line = SyncLine(menu, first, services)
    assert not line.action.isVisible()

    section.address.setText(pg_url)
    section.connect_button.click()
    qtbot.waitUntil(lambda: section.result.text().startswith("Joined"), timeout=20_000)
    assert "postgresql://postgres@127.0.0.1" in section.result.text()
    assert services.settings.library_url == ServerAddress.parse(pg_url).display
    qtbot.waitUntil(lambda: section.state.text().startswith("Synced at"), timeout=20_000)
    assert section.sync_button.isVisible() and section.leave_button.isVisible()
    assert not section.connect_button.isVisible() and not section.error.isVisible()
    qtbot.waitUntil(line.action.isVisible, timeout=10_000)
    assert line.action.text() == "Library synced"
    assert menu.actions().index(line.action) == 1  # right under the refresh line


def test_a_bad_address_says_why(section: SyncSettings) -> None:
    section.address.setText("mysql://me@nas/cinema")
    section.connect_button.click()
    assert section.error.isVisible()
    assert "must be a PostgreSQL URL" in section.error.text()
    assert section.connect_button.isVisible() and section.connect_button.isEnabled()


def test_an_older_server_is_upgraded_only_after_yes(
    services: AppContext, section: SyncSettings, pg_url: str, qtbot: Any
) -> None:
    server = Database(pg_url)
    migrate(server.engine, "0006")
    section.address.setText(pg_url)
    section.connect_button.click()
    box = section.question
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "older than this Cinema" in box.text() and "0006" in box.text()
    assert services.sync is None  # nothing done yet
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: section.result.text().startswith("Joined"), timeout=30_000)
    assert server.execute("SELECT version_num FROM alembic_version") == [(head_revision(),)]
    server.dispose()


def test_offline_says_what_waits_then_catches_up(
    services: AppContext, section: SyncSettings, pg_url: str, qtbot: Any
) -> None:
    real = ServerAddress.parse(pg_url)
    proxy = TcpProxy("127.0.0.1", real.port)
    via = f"postgresql://{real.user}@127.0.0.1:{proxy.port}/{real.database}"
    try:
        section.address.setText(via)
        section.connect_button.click()
        qtbot.waitUntil(lambda: section.state.text().startswith("Synced"), timeout=20_000)
        proxy.block()  # the network goes away
        services.db.execute(
            "INSERT INTO titles (id, kind, title, added_at, updated_at) "
            "VALUES ('tmdb:movie:603', 'film', 'М', 0, 0)"
        )
        watchlist_repo.set_in_watchlist(
            services.db, services.profile_id, "tmdb:movie:603", True, datetime.now(UTC)
        )
        qtbot.waitUntil(lambda: section.state.text().startswith("Offline: 1 change waits"), timeout=30_000)
        assert "does not answer" in section.error.text()
        proxy.unblock()
        assert services.sync is not None
        services.sync.sync_now()
        qtbot.waitUntil(lambda: section.state.text().startswith("Synced"), timeout=60_000)
        server = Database(pg_url)
        assert server.execute("SELECT title_id FROM watchlist") == [("tmdb:movie:603",)]
        server.dispose()
    finally:
        proxy.close()


def test_stop_syncing_after_yes(services: AppContext, section: SyncSettings, pg_url: str, qtbot: Any) -> None:
    section.address.setText(pg_url)
    section.connect_button.click()
    qtbot.waitUntil(lambda: services.sync is not None, timeout=20_000)
    section.leave_button.click()
    section.question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(section.connect_button.isVisible, timeout=20_000)
    assert services.sync is None and services.settings.library_url == ""
    assert section.result.text() == "Sync is off: this library is on this device only."


WORDS = [
    (SyncState.OFFLINE, 3, "Offline: 3 changes wait", "Library offline: 3 changes waiting"),
    (SyncState.SENDING, 1, "Sending 1 change", "Library: sending 1 change"),
    (SyncState.ERROR, 0, "Not syncing.", "Library not syncing: see Settings"),
    (SyncState.NEEDS_UPGRADE, 0, "The library server has an older schema", "Library server needs an upgrade"),
]


@pytest.mark.parametrize(("state", "waiting", "settings_text", "tray_text"), WORDS)
def test_the_words(state: SyncState, waiting: int, settings_text: str, tray_text: str, qtbot: Any) -> None:
    status = SyncStatus(state, "s", waiting, 125.0, "an error", None)
    assert sync_words.sentence(status).startswith(settings_text)
    assert sync_words.tray_line(status) == tray_text
    if status.state == SyncState.OFFLINE:
        assert "the oldest for 2 minutes" in sync_words.sentence(status)


def test_russian_words(qapp: Any) -> None:
    russian = translator("ru")
    QCoreApplication.installTranslator(russian)
    try:
        offline = SyncStatus(SyncState.OFFLINE, "s", 3, 125.0, None, None)
        assert sync_words.tray_line(offline) == "Библиотека без связи: ждут 3 изменения"
        assert sync_words.sentence(offline) == (
            "Нет связи: 3 изменения ждут на этом устройстве и уйдут, когда сервер ответит "
            "(самое давнее ждёт 2 минуты)."
        )
        from app.storage.sync.server import translate

        address = ServerAddress.parse("postgresql://anna@nas:5432/cinema")
        gone = translate(
            OSError('connection to server at "nas", port 5432 failed: Connection refused'), address
        )
        assert (
            sync_words.error_words(str(gone)) == "Сервер библиотеки nas:5432 не отвечает: Connection refused"
        )
        wrong = translate(OSError('FATAL: password authentication failed for user "anna"'), address)
        assert sync_words.error_words(str(wrong)) == "Сервер библиотеки не принял пароль пользователя «anna»."
    finally:
        QCoreApplication.removeTranslator(russian)


def test_every_message_of_the_sync_has_its_words() -> None:
    """Each sentence the sync can say matches a pattern the UI translates (none left in English)."""
    from app.domain.sync import BadServerAddress
    from app.storage.sync.server import translate

    address = ServerAddress.parse("postgresql://anna@nas:5432/cinema?sslmode=require")
    said = [
        str(translate(OSError(text), address))
        for text in (
            "Connection refused",
            "password authentication failed",
            'role "anna" does not exist',
            'database "cinema" does not exist',
            "SSL is not enabled on the server",
            "canceling statement due to lock timeout",
            "permission denied for table profiles",
        )
    ]
    for url in ("", "mysql://x/y", "postgresql://h/db", "postgresql://u@h/", "postgresql://u@h/d?x=1",
                "postgresql://u@h/d?sslmode=x"):  # fmt: skip
        with pytest.raises(BadServerAddress) as caught:
            ServerAddress.parse(url)
        said.append(str(caught.value))
    for sentence in said:
        assert any(pattern.match(sentence) for pattern, _t in sync_words._ERRORS), sentence
